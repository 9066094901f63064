"""The Elman RNN folded (one cell with its loop) and unrolled over time steps x_1 … x_T.

The shapes of the shared weights are read from the same RNN(input_size=2, hidden_size=3) that
the unrolling snippet runs, so the figure cannot disagree with it.
"""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.rnn import RNN

rnn = RNN(input_size=2, hidden_size=3)  # as in snippets/recurrent/elman_unrolling.py
SHAPES = {name: "×".join(map(str, p.shape)) for name, p in rnn.named_parameters()}
N_PARAMS = sum(p.numel() for p in rnn.parameters())

WORDS = {
    "zh": {"folded": "折叠画法", "unrolled": "按时间步展开", "same": "每个方框都是同一个单元，共享同一组参数",
           "params": f"共 {N_PARAMS} 个参数，与序列长度无关"},
    "en": {"folded": "folded", "unrolled": "unrolled over the time steps", "same": "every box is the same cell, sharing one set of parameters",
           "params": f"{N_PARAMS} parameters in all, whatever the sequence length"},
}


def cell(d, x, y, label, emphasis=False):
    return d.box(x, y, 1.1, 0.8, label, role="hidden", emphasis=emphasis, fontsize=11)


def draw(language):
    w = WORDS[language]
    d = Diagram(16.8, 5.6, scale=0.5)
    row_x, row_cell, row_h = 0.8, 2.5, 2.5

    # Folded: one cell, its input below, its output above, and the loop carrying h_t into the next step.
    d.text(1.9, 5.2, w["folded"], fontsize=11)
    folded = cell(d, 1.6, row_cell, "tanh")
    x_t = d.node(1.6, row_x, "$x_t$", role="input")
    h_t = d.node(1.6, 4.2, "$h_t$", role="state")
    d.arrow(x_t, folded, "$W_{ih}$", text_offset=(0.38, 0))
    d.arrow(folded, h_t)
    d.line([(1.6, 3.45), (2.75, 3.45), (2.75, row_cell)])  # the recurrent loop, one step late
    d.arrow((2.75, row_cell), folded)
    d.text(3.2, 2.95, "$W_{hh}$", fontsize=10)
    d.text(3.75, row_cell, "=", fontsize=20)

    # Unrolled: the same cell at t = 1, 2, …, T, chained through h_0 … h_T.
    xs = [6.6, 9.8, 14.5]  # cell centres; the gap before the last one stands for t = 3 … T − 1
    states = [d.node(5.0, row_h, "$h_0$", role="state")]
    for x, t in zip(xs, ["1", "2", "T"]):
        if t == "T":  # h_2 ⋯ h_{T-1}: the steps behind the dots
            d.arrow(states[-1], (x - 2.6, row_h), head=False)
            d.text(x - 2.3, row_h, "⋯", fontsize=16)
            states.append(d.node(x - 1.6, row_h, "$h_{T-1}$", role="state", radius=0.42, fontsize=9))
        c = cell(d, x, row_cell, "tanh", emphasis=True)
        d.arrow(d.node(x, row_x, f"$x_{t}$", role="input"), c, "$W_{ih}$", text_offset=(0.38, 0))
        d.arrow(states[-1], c, "$W_{hh}$", text_offset=(0, 0.28))
        states.append(d.node(x + 1.6, row_h, f"$h_{t}$", role="state"))
        d.arrow(c, states[-1])

    # One set of weights for every box.
    shapes = f"$W_{{ih}}$: {SHAPES['weight_ih']}   $W_{{hh}}$: {SHAPES['weight_hh']}   " \
             f"$b_{{ih}}, b_{{hh}}$: {SHAPES['bias_ih']}"
    d.line([(xs[0] - 0.55, 3.35), (xs[0] - 0.55, 3.5), (xs[-1] + 0.55, 3.5), (xs[-1] + 0.55, 3.35)], emphasis=True)
    d.text((xs[0] + xs[-1]) / 2, 5.2, w["unrolled"], fontsize=11)
    d.text((xs[0] + xs[-1]) / 2, 4.65, w["same"], fontsize=11, emphasis=True)
    d.text((xs[0] + xs[-1]) / 2, 4.25, w["params"], fontsize=10)
    d.text((xs[0] + xs[-1]) / 2, 3.85, shapes, fontsize=10)
    return d.figure


save_themed(draw, "rnn-unrolled", languages=("zh", "en"))
