"""Figure: multi-head attention. One projection each for Q, K and V, split into h heads of E/h features,
attention in each head, the heads concatenated and projected by W^O. Checked against MultiheadAttention."""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.transformer.attention import scaled_dot_product_attention
from neuralnlp.transformer.multihead import MultiheadAttention

# The figure's recipe, computed by hand, equals the module's output.
torch.manual_seed(0)
mha = MultiheadAttention(12, 3, batch_first=True, dtype=torch.float64)
x = torch.randn(1, 5, 12, dtype=torch.float64)
q, k, v = torch.nn.functional.linear(x, mha.in_proj_weight, mha.in_proj_bias).chunk(3, -1)
heads = [scaled_dot_product_attention(*(t[..., 4 * i : 4 * i + 4] for t in (q, k, v))) for i in range(3)]
assert torch.allclose(mha.out_proj(torch.cat(heads, -1)), mha(x, x, x)[0])

WORDS = {"zh": {"input": "输入", "head": "头", "concat": "拼接", "output": "输出",
               "column": ["每一列是", "一个头的", "E/h 个特征"]},
         "en": {"input": "input", "head": "head", "concat": "concatenated", "output": "output",
                "column": ["each column:", "one head's", "E/h features"]}}
COLUMNS = [5.6, 7.9, 10.2, 12.5]  # centres of the segments: heads 1, 2, …, h
SEGMENT = 2.2


def bar(d, y, name, role):
    """A row of h segments: the E features of a projection, split among the heads."""
    for c, x in enumerate(COLUMNS):
        label = "…" if c == 2 else (f"${name}_{{{'h' if c == 3 else c + 1}}}$")
        d.box(x, y, SEGMENT, 0.7, label, role=role, fontsize=10, rounded=False)


def draw(language):
    w = WORDS[language]
    d = Diagram(15.6, 9.0, scale=0.6)
    x = d.box(0.9, 6.8, 1.3, 1.0, role="input")
    d.text(0.9, 6.95, "$X$", fontsize=12)
    d.text(0.9, 6.55, "$L \\times E$", fontsize=8)
    d.text(0.9, 7.55, w["input"], fontsize=9)
    for y, name in ((8.2, "Q"), (6.8, "K"), (5.4, "V")):
        projection = d.box(2.9, y, 1.4, 0.7, f"$W^{name}$", role="hidden", fontsize=10)
        d.arrow(x, projection)
        d.arrow(projection, (COLUMNS[0] - SEGMENT / 2, y))
        bar(d, y, name, "hidden")
    for k, line in enumerate(w["column"]):
        d.text(0.2, 3.75 - 0.42 * k, line, fontsize=9, ha="left")
    for c, x_ in enumerate(COLUMNS):
        if c == 2:
            d.text(x_, 3.3, "…", fontsize=14)
            continue
        label = "h" if c == 3 else str(c + 1)
        head = d.box(x_, 3.3, SEGMENT, 1.0, role="gate")
        d.text(x_, 3.52, f"{w['head']} {label}", fontsize=9)
        d.text(x_, 3.1, f"Attention$(Q_{label}, K_{label}, V_{label})$", fontsize=7.5)
        d.arrow((x_, 5.4 - 0.35), head)
        d.arrow(head, (x_, 1.6 + 0.35))
    for c, x_ in enumerate(COLUMNS):
        label = "…" if c == 2 else ("$\\mathrm{head}_h$" if c == 3 else f"$\\mathrm{{head}}_{c + 1}$")
        d.box(x_, 1.6, SEGMENT, 0.7, label, role="state", fontsize=9, rounded=False)
    d.text(COLUMNS[0] - SEGMENT / 2 - 0.15, 1.6, w["concat"], fontsize=9, ha="right")
    out = d.box(14.7, 1.6, 1.0, 0.8, "$W^O$", role="output", fontsize=11)
    d.arrow((COLUMNS[-1] + SEGMENT / 2, 1.6), out)
    d.text(14.7, 0.85, w["output"], fontsize=9)
    return d.figure


save_themed(draw, "transformer-multihead", languages=("zh", "en"))
