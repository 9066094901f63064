"""Backpropagation through time: the gradient picks up one Jacobian (D_k W_hh)^T per step back."""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

WORDS = {
    "zh": {"forward": "前向传播：每一步读入一个输入，更新隐藏状态",
           "backward": "反向传播：每往前一步，梯度乘一次雅可比矩阵的转置",
           "loss": "损失"},
    "en": {"forward": "forward: each step reads one input and updates the hidden state",
           "backward": "backward: each step back multiplies the gradient by one transposed Jacobian",
           "loss": "loss"},
}
# The states shown, left to right; None marks the steps hidden behind the dots.
STATES = ["t", "t+1", "t+2", None, "T-1", "T"]


def draw(language):
    w = WORDS[language]
    d = Diagram(14.4, 5.0, scale=0.6)
    y, gap = 2.6, 2.2
    nodes = []
    for i, k in enumerate(STATES):
        x = 1.0 + i * gap
        if k is None:
            d.text(x, y, "⋯", fontsize=16)
            nodes.append(None)
            continue
        nodes.append(d.node(x, y, f"$h_{{{k}}}$", radius=0.45, role="state", fontsize=12))
        if i > 0:
            d.arrow(d.node(x, y - 1.7, f"$x_{{{k}}}$", radius=0.34, role="input", fontsize=10), nodes[-1])
    # Forward arrows along the chain, backward arrows curving above it.
    for a, b, k in zip(nodes, nodes[1:], STATES[1:]):
        if a is None or b is None:
            start, end = (a or (b.x - gap + 0.45, y)), (b or (a.x + gap - 0.45, y))
            d.arrow(start, end, dashed=True)
            continue
        d.arrow(a, b)
        d.arrow(b.anchor((b.x - 0.3, y + 1)), a.anchor((a.x + 0.3, y + 1)), curve=0.45, emphasis=True)
        d.text((a.x + b.x) / 2, y + 1.2, f"$(D_{{{k}}} W_{{hh}})^\\top$", fontsize=10, emphasis=True)
    loss = d.node(nodes[-1].x + 1.7, y, "$L$", radius=0.35, role="output")
    d.text(loss.x, loss.y - 0.6, w["loss"], fontsize=9)
    d.arrow(nodes[-1], loss)
    d.text(7.0, 4.6, w["backward"], fontsize=11, emphasis=True)
    d.text(7.0, 0.2, w["forward"], fontsize=11)
    return d.figure


save_themed(draw, "rnn-gradient-flow", languages=("zh", "en"))
