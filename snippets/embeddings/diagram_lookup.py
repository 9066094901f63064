"""Figure: a lookup is a one-hot row vector times the V × d embedding matrix.

The numbers are those of the 北京欢迎你 example (tokens_chain.py): the same seeded Embedding(5, 3).
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.embeddings.embedding import Embedding, one_hot
from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.plotting import save_themed

tokens = list("北京欢迎你")
vocab = Vocabulary.build(tokens)
torch.manual_seed(0)
W = Embedding(len(vocab), 3).weight.detach()
token = "京"
i = vocab.token_to_id(token)
e = one_hot(torch.tensor(i), len(vocab))
row = e @ W  # the lookup, computed the one-hot way
assert torch.equal(row, W[i])

# Each label is two lines: words, then maths. (Mathtext cannot draw Chinese, so a line is one or the other.)
LABELS = {
    "zh": {"one_hot": "独热向量", "matrix": "嵌入矩阵", "row": "“{token}”的嵌入向量",
           "note": "独热向量中为 0 的分量把其余各行消去，只剩第 {i} 行"},
    "en": {"one_hot": "one-hot vector", "matrix": "embedding matrix", "row": "the embedding vector of “{token}”",
           "note": "the zeros of the one-hot vector wipe out every row but row {i}"},
}
MATHS = {"one_hot": r"$\mathbf{{e}}_{i}^\top \;\; (1 \times V)$", "matrix": r"$W \;\; (V \times d)$",
         "row": r"$\mathbf{{e}}_{i}^\top W = W_{{{i},:}}$"}
CELL_W, CELL_H = 1.1, 0.6


def cells(d, x0, y_top, values, selected, role, fmt):
    """A matrix drawn as a grid of cells (rows top to bottom); ``selected`` cells in emphasis."""
    shapes = {}
    for r, values_of_row in enumerate(values):
        for c, value in enumerate(values_of_row):
            x, y = x0 + (c + 0.5) * CELL_W, y_top - (r + 0.5) * CELL_H
            chosen = selected(r, c)
            shapes[r, c] = d.box(x, y, CELL_W, CELL_H, fmt(value), role=role if chosen else "plain",
                                 emphasis=chosen, rounded=False, fontsize=10)
    return shapes


def caption(d, x, y, words, maths):
    """Two centred lines under a shape: its name, then its symbol."""
    d.text(x, y, words, fontsize=10)
    d.text(x, y - 0.45, maths, fontsize=10)


def draw(language):
    text = {k: v.format(i=i, token=token) for k, v in LABELS[language].items()}
    maths = {k: v.format(i=i) for k, v in MATHS.items()}
    V, dim = W.shape
    d = Diagram(15.2, 5.9, scale=0.5)
    top = 5.0  # top edge of the matrix W
    mid = top - V * CELL_H / 2
    number = lambda v: f"{v:.2f}".replace("-", "−")  # noqa: E731
    # One-hot row vector, its columns named by the tokens they stand for.
    x_e = 0.3
    e_cells = cells(d, x_e, mid + CELL_H / 2, [e.tolist()], lambda r, c: c == i, "input", lambda v: f"{v:.0f}")
    for k, t in enumerate(tokens):
        d.text(x_e + (k + 0.5) * CELL_W, mid + CELL_H / 2 + 0.3, t, fontsize=10)
    caption(d, x_e + V * CELL_W / 2, mid - CELL_H / 2 - 0.45, text["one_hot"], maths["one_hot"])
    d.text(x_e + V * CELL_W + 0.45, mid, r"$\times$", fontsize=16)
    # The embedding matrix, each row labelled with its token and id.
    x_w = x_e + V * CELL_W + 1.75
    w_cells = cells(d, x_w, top, W.tolist(), lambda r, c: r == i, "hidden", number)
    for k, t in enumerate(tokens):
        d.text(x_w - 0.15, top - (k + 0.5) * CELL_H, f"{t} {k}", fontsize=9, ha="right")
    caption(d, x_w + dim * CELL_W / 2, top - V * CELL_H - 0.4, text["matrix"], maths["matrix"])
    d.text(x_w + dim * CELL_W + 0.45, mid, "=", fontsize=16)
    # The result: row i.
    x_r = x_w + dim * CELL_W + 0.9
    r_cells = cells(d, x_r, mid + CELL_H / 2, [row.tolist()], lambda r, c: True, "output", number)
    caption(d, x_r + dim * CELL_W / 2, mid - CELL_H / 2 - 0.45, text["row"], maths["row"])
    # The single 1 picks row i; row i is the output.
    label_left = (x_w - 0.95, top - (i + 0.5) * CELL_H)
    d.arrow(e_cells[0, i], label_left, emphasis=True, curve=-0.3)
    d.arrow(w_cells[i, dim - 1], r_cells[0, 0], emphasis=True, curve=0.0)
    d.text(7.6, 0.25, text["note"], fontsize=10)
    return d.figure


save_themed(draw, "embeddings-lookup-one-hot", languages=("zh", "en"))
