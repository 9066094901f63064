"""Forward and backward pass of the two-layer network of training_backprop_check.py, with its shapes.

The shapes are those of the network and batch in that snippet (read from TwoLayerNet and the data,
not typed in): the forward pass runs left to right, the backward pass right to left, and each
parameter's gradient branches off where the parameter was used. The numbers in brackets are the
steps of the page's table.
"""

from neuralnlp.basics.backprop import TwoLayerNet
from neuralnlp.basics.datasets import spiral
from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

x, y = spiral(n_per_class=10, n_classes=3, noise=0.2, seed=0)  # the snippet's batch
net = TwoLayerNet(2, 16, 3, activation="tanh", seed=0)
logits = net.forward(x)
grads = net.backward(y)
hidden = (len(x), net.params["W1"].shape[0])  # Z1 and H: one row per sample, one column per hidden unit
shape = {"X": x.shape, "Z1": hidden, "H": hidden, "Z2": logits.shape, **{name: g.shape for name, g in grads.items()}}

WORDS = {"zh": {"forward": "前向传播", "backward": "反向传播", "loss": "损失", "target": "目标"},
         "en": {"forward": "forward pass", "backward": "backward pass", "loss": "loss", "target": "targets"}}


def fmt(dims):
    return "(" + ", ".join(str(n) for n in dims) + (",)" if len(dims) == 1 else ")")


def draw(language):
    words = WORDS[language]
    d = Diagram(17.4, 7.4, scale=0.62)
    top, low = 4.9, 2.3  # the rows of the forward and of the backward pass

    def tensor(cx, cy, name, dims, **kw):
        s = d.box(cx, cy, 1.45, 1.0, **kw)
        d.text(cx, cy + 0.18, f"${name}$", fontsize=11, emphasis=kw.get("emphasis", False))
        d.text(cx, cy - 0.24, fmt(dims), fontsize=8, emphasis=kw.get("emphasis", False))
        return s

    def op(cx, cy, text, width=1.9):
        return d.box(cx, cy, width, 0.75, text, role="hidden", fontsize=10)

    # Forward pass, left to right.
    nx = tensor(0.9, top, "X", shape["X"], role="input")
    dense1 = op(3.1, top, "$XW_1^\\top + \\mathbf{b}_1$")
    z1 = tensor(5.3, top, "Z_1", shape["Z1"])
    act = op(7.2, top, f"$\\{net.activation}$", width=1.1)
    h = tensor(9.1, top, "H", shape["H"])
    dense2 = op(11.3, top, "$HW_2^\\top + \\mathbf{b}_2$")
    z2 = tensor(13.5, top, "Z_2", shape["Z2"])
    ce = op(15.3, top, "CE", width=1.0)
    loss = d.node(16.8, top, "$L$", radius=0.4, role="output")
    for a, b in [(nx, dense1), (dense1, z1), (z1, act), (act, h), (h, dense2), (dense2, z2), (z2, ce), (ce, loss)]:
        d.arrow(a, b)
    for cx, name, dims in [(3.1, "W_1", shape["W1"]), (11.3, "W_2", shape["W2"])]:
        d.arrow(tensor(cx, top + 1.55, name, dims, role="state"), (cx, top + 0.375))
    d.arrow(d.node(15.3, top + 1.55, "$Y$", radius=0.4, role="input"), ce)
    d.text(15.85, top + 1.55, words["target"], fontsize=9, ha="left")
    d.text(0.15, top + 1.55, words["forward"] + " →", fontsize=10, ha="left")

    # Backward pass, right to left: one gradient per tensor, with the tensor's shape.
    dz2 = tensor(13.5, low, "\\partial L/\\partial Z_2", shape["Z2"], emphasis=True)
    dh = tensor(9.1, low, "\\partial L/\\partial H", shape["H"], emphasis=True)
    dz1 = tensor(5.3, low, "\\partial L/\\partial Z_1", shape["Z1"], emphasis=True)
    d.arrow(loss, dz2, "$(P - Y)/B$", emphasis=True, text_offset=(0.9, 0.15))
    d.arrow(dz2, dh, "[4]  $\\times W_2$", emphasis=True, text_offset=(0, 0.2))
    d.arrow(dh, dz1, "[5]  $\\odot f^{\\prime}(Z_1)$", emphasis=True, text_offset=(0, 0.2))
    # Each weight's gradient has the weight's shape.
    for grad, cx, name, formula, step in [(dz2, 11.3, "W_2", "(\\partial L/\\partial Z_2)^\\top H", "[3]"),
                                          (dz1, 3.1, "W_1", "(\\partial L/\\partial Z_1)^\\top X", "[5]")]:
        g = tensor(cx, 0.55, f"\\partial L/\\partial {name}", shape["W" + name[-1]], emphasis=True)
        d.arrow(grad, g, emphasis=True)
        d.text(cx - 0.95, 0.55, f"{step}  ${formula}$", fontsize=9, ha="right", emphasis=True)
    d.text(17.3, 0.55, "← " + words["backward"], fontsize=10, ha="right", emphasis=True)
    return d.figure


save_themed(draw, "training-backprop", languages=("zh", "en"))
