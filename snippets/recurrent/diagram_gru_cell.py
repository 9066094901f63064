"""The GRU cell in PyTorch's convention: reset gate r, update gate z, candidate n, and the mix.

Before drawing, the script checks that neuralnlp's GRUCell computes exactly what the figure
shows (r scales W_hn h + b_hn, and h' = (1 - z) ⊙ n + z ⊙ h): if the code ever changes
convention, the build fails here instead of showing a wrong figure.
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.gru import GRUCell

torch.manual_seed(0)
cell = GRUCell(3, 4, dtype=torch.float64)
x, h = torch.randn(3, dtype=torch.float64), torch.randn(4, dtype=torch.float64)
r, z, n = cell.gates(x, h)
w_in, w_hn, b_in, b_hn = cell.weight_ih[8:], cell.weight_hh[8:], cell.bias_ih[8:], cell.bias_hh[8:]  # rows r, z, n
assert torch.allclose(n, torch.tanh(w_in @ x + b_in + r * (w_hn @ h + b_hn)))
assert torch.allclose(cell(x, h), (1 - z) * n + z * h)

WORDS = {
    "zh": {"r": "重置门", "z": "更新门", "n": "候选状态", "old": "旧状态", "new": "新状态", "input": "输入"},
    "en": {"r": "reset gate", "z": "update gate", "n": "candidate", "old": "old state", "new": "new state",
           "input": "input"},
}


def gate(d, x, y, name):
    """A sigmoid gate: a box with its name above the σ."""
    box = d.box(x, y, 1.5, 1.0, role="gate")
    d.text(x, y + 0.2, name, fontsize=9)
    d.text(x, y - 0.2, r"$\sigma$", fontsize=11)
    return box


def draw(language):
    w = WORDS[language]
    d = Diagram(13.6, 7.4, scale=0.6)
    top, h_bus, x_bus, mid = 6.4, 4.7, 1.5, 3.1

    # The old state comes in on the left and runs along the top to the mix; the input comes in below.
    h_old = d.node(0.6, top, "$h$", role="state")
    d.text(0.6, top + 0.62, w["old"], fontsize=9)
    x_in = d.node(1.9, 0.45, "$x$", role="input")
    d.text(1.9 - 0.5, 0.45, w["input"], fontsize=9, ha="right")
    mix = d.box(10.9, top, 3.3, 0.9, r"$h′ = (1 - z) \odot n + z \odot h$", role="state", emphasis=True, fontsize=10)
    h_new = d.node(13.1, top, "$h′$", role="state")
    d.text(13.1, top + 0.62, w["new"], fontsize=9)
    d.arrow(h_old, mix)
    d.arrow(mix, h_new)

    # Buses: h and x reach both gates and the candidate.
    d.line([(1.3, top), (1.3, h_bus), (6.55, h_bus)])
    d.line([x_in.anchor((1.9, 5)), (1.9, x_bus), (8.1, x_bus)])
    z_gate, r_gate = gate(d, 3.2, mid, w["z"]), gate(d, 5.4, mid, w["r"])
    for g in (z_gate, r_gate):
        d.arrow((g.x, h_bus), g)
        d.arrow((g.x, x_bus), g)

    # Candidate, PyTorch's way: r multiplies W_hn h + b_hn, after the matrix product.
    linear_h = d.box(7.6, h_bus, 2.0, 0.7, r"$W_{hn} h + b_{hn}$", fontsize=10)
    linear_x = d.box(9.2, x_bus, 2.0, 0.7, r"$W_{in} x + b_{in}$", fontsize=10)
    d.arrow((6.55, h_bus), linear_h)
    d.arrow((8.1, x_bus), linear_x)
    times = d.node(7.6, mid, r"$\odot$", radius=0.28)
    plus = d.node(9.2, mid, "$+$", radius=0.28)
    tanh = d.box(10.9, mid, 1.5, 1.0, role="hidden")
    d.text(10.9, mid + 0.2, w["n"], fontsize=9)
    d.text(10.9, mid - 0.2, r"$\tanh$", fontsize=11)
    d.arrow(r_gate, times, "$r$", dashed=True, text_offset=(0, 0.22))
    d.arrow(linear_h, times)
    d.arrow(times, plus)
    d.arrow(linear_x, plus)
    d.arrow(plus, tanh)
    d.arrow(tanh, (10.9, top - 0.45), "$n$", text_offset=(0.25, 0))

    # The update gate's signal goes up to the mix (dashed: a gate's output scales, it carries no content).
    d.line([(z_gate.x + 0.75, mid), (4.1, mid), (4.1, 5.55), (9.9, 5.55)], dashed=True)
    d.arrow((9.9, 5.55), (9.9, top - 0.45), dashed=True)
    d.text(4.3, 5.75, "$z$", fontsize=10)
    return d.figure


save_themed(draw, "gru-cell", languages=("zh", "en"))
