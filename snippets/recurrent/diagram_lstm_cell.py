"""The LSTM cell in PyTorch's convention: forget gate f, input gate i, candidate g, output gate o, and
the cell state c running along the top.

Before drawing, the script checks that neuralnlp's LSTMCell computes exactly what the figure shows
(c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'), gates in torch's row order i, f, g, o): if the code ever
changes convention, the build fails here instead of showing a wrong figure.
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.lstm import LSTMCell

torch.manual_seed(0)
cell = LSTMCell(3, 4, dtype=torch.float64)
x, h, c = (torch.randn(n, dtype=torch.float64) for n in (3, 4, 4))
i, f, g, o, c_new = cell.gates(x, (h, c))
pre = cell.weight_ih @ x + cell.bias_ih + cell.weight_hh @ h + cell.bias_hh  # rows i, f, g, o
assert torch.allclose(torch.cat([i, f, g, o]), torch.cat([pre[:8].sigmoid(), pre[8:12].tanh(), pre[12:].sigmoid()]))
assert torch.allclose(c_new, f * c + i * g)
h_new, c_out = cell(x, (h, c))
assert torch.allclose(h_new, o * torch.tanh(c_new)) and torch.equal(c_out, c_new)

WORDS = {
    "zh": {"f": "遗忘门", "i": "输入门", "g": "候选记忆", "o": "输出门", "c": "记忆单元", "c_new": "新记忆单元",
           "h": "旧隐藏状态", "h_new": "新隐藏状态", "x": "输入"},
    "en": {"f": "forget gate", "i": "input gate", "g": "candidate", "o": "output gate", "c": "memory cell",
           "c_new": "new memory cell", "h": "old hidden state", "h_new": "new hidden state", "x": "input"},
}


def unit(d, x, y, name, symbol, role):
    """A gate (σ) or the candidate (tanh): a box with its name above the function."""
    box = d.box(x, y, 1.6, 1.0, role=role)
    d.text(x, y + 0.2, name, fontsize=9)
    d.text(x, y - 0.2, symbol, fontsize=11)
    return box


def draw(language):
    w = WORDS[language]
    d = Diagram(13.6, 7.6, scale=0.6)
    top, mid, bus = 6.4, 3.2, 1.4

    # The cell state runs along the top: c -> (⊙ f) -> (+ i ⊙ g) -> c'. Only element-wise operations touch it.
    c_old = d.node(0.6, top, "$c$", role="state")
    d.text(0.6, top + 0.62, w["c"], fontsize=9)
    forget = d.node(3.0, top, r"$\odot$", radius=0.28)
    write = d.node(6.6, top, "$+$", radius=0.28)
    c_new = d.node(13.0, top, "$c′$", role="state", emphasis=True)
    d.text(13.0, top + 0.62, w["c_new"], fontsize=9)
    d.arrow(c_old, forget)
    d.arrow(forget, write)
    d.arrow(write, c_new)

    # The old hidden state and the input reach all four units (each has its own W_i·x + W_h·h + b).
    h_old = d.node(0.6, bus, "$h$", role="state")
    d.text(0.6, bus - 0.62, w["h"], fontsize=9)
    x_in = d.node(1.9, 0.45, "$x$", role="input")
    d.text(1.9 + 0.5, 0.45, w["x"], fontsize=9, ha="left")
    d.line([h_old.anchor((5, bus)), (9.2, bus)])
    d.line([x_in.anchor((1.9, 5)), (1.9, bus)])
    f_gate = unit(d, 3.0, mid, w["f"], r"$\sigma$", "gate")
    i_gate = unit(d, 5.1, mid, w["i"], r"$\sigma$", "gate")
    g_cand = unit(d, 7.2, mid, w["g"], r"$\tanh$", "hidden")
    o_gate = unit(d, 9.2, mid, w["o"], r"$\sigma$", "gate")
    for box in (f_gate, i_gate, g_cand, o_gate):
        d.arrow((box.x, bus), box)

    # Forget: f scales the old cell state. Write: i scales the candidate g, and the product is added.
    d.arrow(f_gate, forget, "$f$", dashed=True, text_offset=(0.25, 0))
    product = d.node(6.6, 4.8, r"$\odot$", radius=0.28)
    d.arrow(i_gate, product, "$i$", dashed=True, text_offset=(-0.1, 0.25))
    d.arrow(g_cand, product, "$g$", text_offset=(0.1, 0.25))
    d.arrow(product, write)

    # Output: h' = o ⊙ tanh(c'), read from the new cell state.
    squash = d.box(11.2, 4.8, 1.2, 0.7, r"$\tanh$", role="hidden")
    d.arrow((11.2, top), squash)
    out = d.node(11.2, mid, r"$\odot$", radius=0.28)
    d.arrow(squash, out)
    d.arrow(o_gate, out, "$o$", dashed=True)
    h_new = d.node(13.0, mid, "$h′$", role="state", emphasis=True)
    d.text(13.0, mid - 0.62, w["h_new"], fontsize=9)
    d.arrow(out, h_new)
    return d.figure


save_themed(draw, "lstm-cell", languages=("zh", "en"))
