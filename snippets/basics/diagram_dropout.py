"""Dropout on a small network: the whole network, and one thinned network it trains in a step.

The dropped units are the zeros of a real mask drawn by ``inverted_dropout`` (p = 0.5), and the kept
ones carry its factor 1/(1 − p) = 2.
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.training import inverted_dropout

LAYERS = [3, 5, 5, 2]  # input, two hidden layers, output; dropout on the hidden layers only
P = 0.5
generator = torch.Generator().manual_seed(2)
masks = [inverted_dropout(torch.ones(n), P, generator=generator) for n in LAYERS[1:-1]]
assert all(0 < (m != 0).sum() < len(m) for m in masks)  # every hidden layer keeps some units and drops some
keep = [[True] * LAYERS[0]] + [(m != 0).tolist() for m in masks] + [[True] * LAYERS[-1]]
factor = masks[0].max().item()

WORDS = {"zh": {"full": "完整的网络（评估模式）", "thin": f"训练中的一步：每个隐藏单元以概率 {P} 被丢弃，留下的乘以 {factor:g}"},
         "en": {"full": "the whole network (evaluation mode)",
                "thin": f"one training step: each hidden unit is dropped\nwith probability {P}; the kept ones are ×{factor:g}"}}


def draw(language):
    words = WORDS[language]
    d = Diagram(15, 5.6, scale=0.55)
    for left_x, thinned in ((1.0, False), (9.0, True)):
        nodes = []
        for i, n in enumerate(LAYERS):
            x = left_x + 1.8 * i
            column = []
            for j in range(n):
                y = 2.7 + (j - (n - 1) / 2) * 0.85
                kept = keep[i][j] or not thinned
                role = "input" if i == 0 else "output" if i == len(LAYERS) - 1 else "hidden"
                column.append((d.node(x, y, "" if kept else "×", radius=0.26, role=role if kept else "plain"), kept))
            nodes.append(column)
        for a, b in zip(nodes, nodes[1:]):
            for start, start_kept in a:
                for end, end_kept in b:
                    if start_kept and end_kept:
                        d.arrow(start, end, head=False)
        d.text(left_x + 2.7, 0.45, words["thin" if thinned else "full"], fontsize=10)
    return d.figure


save_themed(draw, "regularisation-dropout-network", languages=("zh", "en"))
