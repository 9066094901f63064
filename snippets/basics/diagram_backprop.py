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
    d = Diagram(17.2, 8.4, scale=0.42)
    top, low, bottom = 5.6, 3.0, 0.9  # rows: forward pass, backward pass, the weights' gradients
    cols = {"X": 1.0, "Z1": 5.0, "H": 9.0, "Z2": 13.0}

    def tensor(cx, cy, name, dims, **kw):
        s = d.box(cx, cy, 1.9, 1.15, **kw)
        d.text(cx, cy + 0.22, f"${name}$", fontsize=11, emphasis=kw.get("emphasis", False))
        d.text(cx, cy - 0.28, fmt(dims), fontsize=9, emphasis=kw.get("emphasis", False))
        return s

    # Forward pass, left to right: each arrow is one operation, written under it.
    boxes = {name: tensor(cx, top, name[0] + (f"_{name[1]}" if len(name) > 1 else ""), shape[name],
                          role="input" if name == "X" else "plain") for name, cx in cols.items()}
    loss = d.node(16.2, top, "$L$", radius=0.5, role="output")
    steps = [("X", "Z1", "$XW_1^\\top + \\mathbf{b}_1$"), ("Z1", "H", f"$\\{net.activation}$"),
             ("H", "Z2", "$HW_2^\\top + \\mathbf{b}_2$")]
    for a, b, text in steps:
        d.arrow(boxes[a], boxes[b])
        d.text((cols[a] + cols[b]) / 2, top - 0.45, text, fontsize=10)
    d.arrow(boxes["Z2"], loss)
    d.text(14.6, top - 0.45, "CE", fontsize=10)
    # The parameters feed the operations that use them.
    for (a, b), name in [(("X", "Z1"), "W_1"), (("H", "Z2"), "W_2")]:
        cx = (cols[a] + cols[b]) / 2
        d.arrow(tensor(cx, top + 1.75, name, shape["W" + name[-1]], role="state"), (cx, top + 0.05))
    d.arrow(d.node(14.6, top + 1.75, "$Y$", radius=0.45, role="input"), (14.6, top + 0.05))
    d.text(15.2, top + 1.75, words["target"], fontsize=10, ha="left")
    d.text(0.1, top - 1.3, words["forward"] + " →", fontsize=10, ha="left")

    # Backward pass, right to left: one gradient per tensor, with that tensor's shape.
    grad = {name: tensor(cols[name], low, f"\\partial L/\\partial {name[0]}" + (f"_{name[1]}" if len(name) > 1 else ""),
                         shape[name], emphasis=True) for name in ("Z2", "H", "Z1")}
    d.arrow(loss, grad["Z2"], "$(P - Y)/B$", emphasis=True, text_offset=(1.2, 0.1))
    d.arrow(grad["Z2"], grad["H"], "[4]  $\\times W_2$", emphasis=True, text_offset=(0, 0.3), fontsize=9)
    # Plain text, not $f^\prime$: mathtext's prime becomes a wrong glyph once the browser draws the SVG text.
    d.arrow(grad["H"], grad["Z1"], "[5]  ⊙ f′(Z₁)", emphasis=True, text_offset=(0, 0.3), fontsize=9)
    # Each weight's gradient has that weight's shape, and branches off where the weight was used.
    for source, (a, b), name, formula, step in [("Z2", ("H", "Z2"), "W_2", "(\\partial L/\\partial Z_2)^\\top H", "[3]"),
                                                ("Z1", ("X", "Z1"), "W_1", "(\\partial L/\\partial Z_1)^\\top X", "[5]")]:
        cx = (cols[a] + cols[b]) / 2
        g = tensor(cx, bottom, f"\\partial L/\\partial {name}", shape["W" + name[-1]], emphasis=True)
        d.arrow(grad[source], g, emphasis=True)
        d.text(cx + 1.15, bottom, f"{step}  ${formula}$", fontsize=10, ha="left", emphasis=True)
    d.text(17.1, low - 1.2, "← " + words["backward"], fontsize=10, ha="right", emphasis=True)
    return d.figure


save_themed(draw, "training-backprop", languages=("zh", "en"))
