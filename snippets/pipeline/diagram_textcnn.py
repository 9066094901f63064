"""TextCNN on one padded text: embeddings, a window of width 3, feature maps of widths 2 and 3 with the
windows over padding crossed out, max over the valid windows, concatenation, a linear layer.

Before drawing, the script checks that neuralnlp's TextCNN gives the figure's numbers: 6 tokens padded
to 8 have 8 − K + 1 windows of width K, of which 6 − K + 1 are valid, and the pooled value of a filter
is the maximum over the valid ones only.
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.pipeline.conv import TextCNN
from neuralnlp.plotting import save_themed

TOKENS = ["这", "本", "书", "很", "不", "错"]
N, PADDED, DIM = len(TOKENS), 8, 4

torch.manual_seed(0)
model = TextCNN(10, DIM, 2, kernel_sizes=(2, 3), n_filters=1).eval()
ids = torch.tensor([[1, 2, 3, 4, 5, 6, 0, 0]])
for k, (c, valid) in zip(model.kernel_sizes, model.feature_maps(ids, [N])):
    assert c.shape[2] == PADDED - k + 1 and int(valid.sum()) == N - k + 1
    assert torch.equal(model.features(ids, [N])[0, model.kernel_sizes.index(k)], c[0, 0, :N - k + 1].max())

WORDS = {
    "zh": {"emb": "嵌入", "tokens": "词元", "fmap": "特征图", "width": "宽 {k} 的滤波器", "max": "最大时间池化",
           "concat": "拼接", "linear": "dropout + 线性层", "classes": "类别得分", "ignored": "窗口跨入填充：不参与取最大"},
    "en": {"emb": "embeddings", "tokens": "tokens", "fmap": "feature maps", "width": "a filter of width {k}",
           "max": "max over time", "concat": "concatenate", "linear": "dropout + linear", "classes": "class scores",
           "ignored": "window reaches padding: never the max"},
}


def draw(language):
    w = WORDS[language]
    d = Diagram(15.5, 6.2, scale=0.62)
    x0, dx, cell_h = 2.3, 0.85, 0.36
    cols = [x0 + dx * j for j in range(PADDED)]
    top = 4.8

    # Tokens and their embedding columns (d × n); the two padding columns are zero vectors.
    for j, x in enumerate(cols):
        label = TOKENS[j] if j < N else "<pad>"
        d.text(x, top + 0.75, label, fontsize=10 if j < N else 8)
        for r in range(DIM):
            d.box(x, top - r * cell_h, 0.7, cell_h, "" if j < N else "0", role="input" if j < N else "plain",
                  rounded=False, fontsize=7)
    d.text(x0 - 0.5, top + 0.75, w["tokens"], fontsize=9, ha="right")
    d.text(x0 - 0.5, top - 1.5 * cell_h, w["emb"], fontsize=9, ha="right")

    # One window of width 3 over 很 不 错, and where its score lands.
    window_x = (cols[3] + cols[5]) / 2
    d.box(window_x, top - 1.5 * cell_h, 3 * dx + 0.1, DIM * cell_h + 0.25, emphasis=True, rounded=False)

    rows = {3: 2.2, 2: 1.0}
    pooled = {}
    for k, y in rows.items():
        d.text(0.3, y + 0.45, w["width"].format(k=k), fontsize=9, ha="left")
        n_windows = PADDED - k + 1
        for t in range(n_windows):
            x = (cols[t] + cols[t + k - 1]) / 2
            valid = t < N - k + 1
            cell = d.box(x, y, 0.62, 0.42, "" if valid else "×", role="hidden" if valid else "plain",
                         emphasis=(k == 3 and t == 3), rounded=False, fontsize=10)
            if k == 3 and t == 3:
                d.arrow((window_x, top - DIM * cell_h + 0.05), cell, emphasis=True)
        pooled[k] = d.node(10.1, y, f"$m^{{({k})}}$", role="hidden", radius=0.36, fontsize=10)
        d.arrow((cols[-1] + 0.2, y), pooled[k], w["max"] if k == 3 else "", text_offset=(0, 0.3), fontsize=9)
    d.text(cols[3] - 0.25, 0.3, "×", fontsize=10)
    d.text(cols[3], 0.3, w["ignored"], fontsize=8, ha="left")
    d.text(x0 + 2.6, 2.95, w["fmap"], fontsize=9)

    # Concatenate the pooled values, then dropout and a linear layer give one score per class.
    concat = d.box(11.9, 1.6, 0.7, 1.9, "", role="hidden")
    d.text(11.9, 0.35, w["concat"], fontsize=9)
    for k in rows:
        d.arrow(pooled[k], (11.55, rows[k]))
    linear = d.box(13.5, 3.4, 2.6, 0.7, w["linear"], fontsize=9)
    d.arrow(concat, linear)
    scores = d.box(13.5, 4.9, 1.6, 0.6, w["classes"], role="output", fontsize=9)
    d.arrow(linear, scores)
    return d.figure


save_themed(draw, "textcnn", languages=("zh", "en"))
