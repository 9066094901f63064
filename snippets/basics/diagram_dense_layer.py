"""A dense layer as a matrix product, drawn from the very layer of layers_dense_neurons.py.

W (4, 3) times x (3,) plus b (4,) gives z (4,), and f = GELU gives y (4,). Row i of W, b_i, z_i
and y_i belong to neuron i: the figure outlines them for one neuron.
"""

import numpy as np

from neuralnlp.basics.activations import gelu
from neuralnlp.basics.dense import Dense
from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

layer = Dense(in_features=3, out_features=4, activation=gelu, rng=0)  # the snippet's layer
x = np.array([0.5, -1.0, 2.0])
z = layer.weight @ x + layer.bias
y = layer(x)
NEURON = 2  # the row the figure outlines (0-based)

WORDS = {
    "zh": {"row": f"第 {NEURON + 1} 行 = 第 {NEURON + 1} 个神经元的权重", "rows": "每行一个神经元"},
    "en": {"row": f"row {NEURON + 1} = the weights of neuron {NEURON + 1}", "rows": "one row per neuron"},
}
CELL_W, CELL_H = 1.05, 0.62


def column(d, left, values, top, role, outline=None):
    """Cells of one column, top to bottom, with their numbers; returns the column's centre x."""
    cx = left + CELL_W / 2
    for i, v in enumerate(values):
        d.box(cx, top - (i + 0.5) * CELL_H, CELL_W, CELL_H, f"{v:.2f}", role=role, rounded=False, fontsize=9,
              emphasis=(i == outline))
    return cx


def draw(language):
    words = WORDS[language]
    m, n = layer.weight.shape
    d = Diagram(13.0, 5.2, scale=0.56)
    top = 3.9  # top edge of the 4-row columns; x (3 rows) is centred on them
    mid = top - m * CELL_H / 2
    x_top = mid + n * CELL_H / 2

    left = 0.3
    for j in range(n):
        column(d, left + j * CELL_W, layer.weight[:, j], top, "hidden")
    d.box(left + n * CELL_W / 2, top - (NEURON + 0.5) * CELL_H, n * CELL_W, CELL_H, emphasis=True, rounded=False)
    w_centre = left + n * CELL_W / 2
    d.text(w_centre, top + 0.35, f"$W$  ({m}, {n})")
    d.text(w_centre, top - m * CELL_H - 0.35, words["rows"], fontsize=10)

    pieces = [("×", x, x_top, "input", None, r"$\mathbf{x}$", f"({n},)"),
              ("+", layer.bias, top, "state", NEURON, r"$\mathbf{b}$", f"({m},)"),
              ("=", z, top, "plain", NEURON, r"$\mathbf{z}$", f"({m},)"),
              ("GELU", y, top, "output", NEURON, r"$\mathbf{y}$", f"({m},)")]
    cursor = left + n * CELL_W
    for op, values, col_top, role, outline, name, shape in pieces:
        gap = 1.9 if op == "GELU" else 0.8
        if op == "GELU":
            d.arrow((cursor + 0.15, mid), (cursor + gap - 0.15, mid), "$f$ = GELU", fontsize=9)
        else:
            d.text(cursor + gap / 2, mid, op, fontsize=15)
        cx = column(d, cursor + gap, values, col_top, role, outline)
        d.text(cx, top + 0.35, f"{name}  {shape}")
        cursor += gap + CELL_W

    # Where neuron NEURON's numbers sit: one row of W, one entry of b, z and y.
    d.text(w_centre, 0.45, words["row"], fontsize=10, emphasis=True)
    d.text(cursor - CELL_W / 2, 0.45, f"$y_{NEURON + 1} = f(W_{{{NEURON + 1},:}}\\,\\mathbf{{x}} + b_{NEURON + 1})$",
           fontsize=10, emphasis=True)
    return d.figure


save_themed(draw, "layers-dense-matrix", languages=("zh", "en"))
