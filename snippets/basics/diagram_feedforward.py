"""The 4 → 8 → 3 network of layers_feedforward.py, drawn from the FeedForward model itself.

The layer widths, the weight shapes and where the activation sits are read from the model, so the
figure follows the code if the network changes.
"""

from neuralnlp.basics.feedforward import FeedForward
from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

model = FeedForward(in_features=4, hidden_features=8, out_features=3)  # as in the snippet
widths = [model.layers[0].in_features] + [layer.out_features for layer in model.layers]
activation = type(model.activation).__name__  # "GELU"

NAMES = {"zh": ["输入", "隐藏层", "输出"], "en": ["input", "hidden layer", "output"]}
SYMBOLS = [r"\mathbf{x}", r"\mathbf{h}_1", r"\mathbf{y}"]
GAP, COLUMN = 0.62, 4.2  # vertical distance between neurons, horizontal distance between layers


def draw(language):
    height = GAP * max(widths) + 3.0
    d = Diagram(COLUMN * (len(widths) - 1) + 2.4, height, scale=0.65)
    mid = height / 2 + 0.4
    roles = ["input"] + ["hidden"] * (len(widths) - 2) + ["output"]
    columns = []
    for k, (width, role) in enumerate(zip(widths, roles)):
        cx = 1.2 + k * COLUMN
        top = mid + GAP * (width - 1) / 2
        columns.append([d.node(cx, top - i * GAP, radius=0.22, role=role) for i in range(width)])
        label_y = mid + GAP * max(widths) / 2 + 0.15
        d.text(cx, label_y + 0.45, NAMES[language][k], fontsize=10)  # words and $math$ apart: CJK
        d.text(cx, label_y, f"${SYMBOLS[k]}$  ({width})", fontsize=10)  # glyphs are not in mathtext's font
    # Every neuron of a dense layer reads every output of the layer before it.
    bottom = mid - GAP * max(widths) / 2 - 0.15
    for k, layer in enumerate(model.layers):
        for a in columns[k]:
            for b in columns[k + 1]:
                d.line([a.anchor(b.centre), b.anchor(a.centre)])
        cx = 1.2 + (k + 0.5) * COLUMN
        d.text(cx, bottom, f"$W_{k + 1}$ ({layer.out_features}, {layer.in_features}),  "
               f"$\\mathbf{{b}}_{k + 1}$ ({layer.out_features},)", fontsize=10)
        affine = f"W_{k + 1}{SYMBOLS[k]} + \\mathbf{{b}}_{k + 1}"
        last = k == len(model.layers) - 1
        if not last or model.final_activation:  # where the model applies its activation
            affine = f"\\mathrm{{{activation}}}({affine})"
        d.text(cx, bottom - 0.55, f"${SYMBOLS[k + 1]} = {affine}$", fontsize=11, emphasis=True)
    return d.figure


save_themed(draw, "layers-feedforward", languages=("zh", "en"))
