"""The neuron of the page: inputs, weights, weighted sum plus bias, activation, output."""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

WORDS = {
    "zh": {"inputs": "输入", "weights": "权重", "sum": "加权和 + 偏置", "bias": "偏置",
           "activation": "激活函数", "output": "输出"},
    "en": {"inputs": "inputs", "weights": "weights", "sum": "weighted sum + bias", "bias": "bias",
           "activation": "activation", "output": "output"},
}


def draw(language):
    words = WORDS[language]
    d = Diagram(11, 5.4, scale=0.62)
    ys = (4.2, 2.7, 1.2)
    inputs = [d.node(1.2, y, f"$x_{i}$", role="input") for i, y in enumerate(ys, start=1)]
    d.text(1.2, 0.35, words["inputs"])
    total = d.node(5.2, 2.7, r"$\Sigma$", radius=0.55, role="hidden", fontsize=16)
    d.text(5.2, 1.65, words["sum"], fontsize=10)
    d.text(5.2, 1.2, "$z = w_1x_1 + w_2x_2 + w_3x_3 + b$", fontsize=10)
    for i, (x, y) in enumerate(zip(inputs, ys), start=1):
        d.arrow(x, total, f"$w_{i}$", text_offset=(0.0, 0.22 if y >= 2.7 else -0.22))
    d.text(3.15, 0.35, words["weights"])
    bias = d.node(5.2, 4.7, "$b$", radius=0.3, role="state")
    d.text(5.75, 4.7, words["bias"], ha="left", fontsize=10)
    d.arrow(bias, total)
    f = d.box(7.6, 2.7, 1.0, 0.8, "$f$", role="hidden")
    d.text(7.6, 1.9, words["activation"], fontsize=10)
    d.arrow(total, f, "$z$")
    y = d.node(10.0, 2.7, "$y$", role="output")
    d.text(10.0, 1.9, words["output"], fontsize=10)
    d.arrow(f, y, "$f(z)$")
    return d.figure


save_themed(draw, "neurons-neuron", languages=("zh", "en"))
