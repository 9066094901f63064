"""Figure: the encoder layer in its two norm placements, post-norm (original Transformer, BERT) and pre-norm.

The script first checks that TransformerEncoderLayer computes exactly what each column shows.
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.transformer.encoder_layer import TransformerEncoderLayer

torch.manual_seed(0)
x = torch.randn(2, 5, 16, dtype=torch.float64)
for norm_first in (False, True):
    layer = TransformerEncoderLayer(16, 4, 64, activation="gelu", batch_first=True, norm_first=norm_first,
                                    dtype=torch.float64)
    sa = lambda h: layer.self_attn(h, h, h, need_weights=False)[0]  # noqa: E731
    ff = lambda h: layer.linear2(torch.nn.functional.gelu(layer.linear1(h)))  # noqa: E731
    if norm_first:
        h = x + sa(layer.norm1(x))
        expected = h + ff(layer.norm2(h))
    else:
        h = layer.norm1(x + sa(x))
        expected = layer.norm2(h + ff(h))
    assert torch.allclose(layer(x), expected)

WORDS = {"zh": {"post": "后置归一化（原始 Transformer、BERT）", "pre": "前置归一化（近年的多数模型）",
                "sa": "多头自注意力", "ff": "前馈网络（GELU）", "ln": "LayerNorm", "in": "输入 x", "out": "输出", "residual": "残差连接"},
         "en": {"post": "post-norm (original Transformer, BERT)", "pre": "pre-norm (most recent models)",
                "sa": "multi-head self-attention", "ff": "feed-forward (GELU)", "ln": "LayerNorm", "in": "input x",
                "out": "output", "residual": "residual"}}


def column(d, x0, title, blocks, w):
    """One layer, bottom to top: blocks is a list of "sa", "ff", "ln", "+" (a residual addition)."""
    d.text(x0, 10.3, title, fontsize=10)
    node = d.node(x0, 0.5, "", radius=0.12)
    d.text(x0 + 0.3, 0.5, w["in"], fontsize=9, ha="left")
    y, branch = 0.5, (x0, 0.5)
    for block in blocks:
        y += 1.25
        if block == "+":
            plus = d.node(x0, y, "$+$", radius=0.28)
            d.arrow(node, plus)
            d.line([branch, (x0 - 2.0, branch[1]), (x0 - 2.0, y)], emphasis=True)  # the residual path
            d.arrow((x0 - 2.0, y), plus, emphasis=True)
            d.text(x0 - 2.1, (branch[1] + y) / 2, w["residual"], fontsize=8, ha="right", emphasis=True)
            node, branch = plus, (x0, y + 0.45)
            y += 0.2
            continue
        if block == "branch":
            branch = (x0, y - 0.6)
            y -= 1.25
            continue
        role = {"sa": "gate", "ff": "hidden", "ln": "state"}[block]
        box = d.box(x0, y, 3.4, 0.7, w[block], role=role, fontsize=9)
        d.arrow(node, box)
        node = box
    d.arrow(node, (x0, y + 1.0))
    d.text(x0, y + 1.25, w["out"], fontsize=9)


def draw(language):
    w = WORDS[language]
    d = Diagram(14.6, 10.7, scale=0.55)
    column(d, 4.4, w["post"], ["sa", "+", "ln", "branch", "ff", "+", "ln"], w)
    column(d, 11.5, w["pre"], ["ln", "sa", "+", "branch", "ln", "ff", "+"], w)
    return d.figure


save_themed(draw, "transformer-encoder-layer", languages=("zh", "en"))
