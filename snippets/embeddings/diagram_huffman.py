"""Figure: the Huffman tree of the word2vec page's six-word example, drawn from build_huffman_tree.

Nothing about the tree is typed here: which node is whose child, the 0/1 branches and the weights
all come from the codes and paths the library returns, so the figure cannot disagree with the code.
"""

import numpy as np

from neuralnlp.diagrams import Diagram
from neuralnlp.embeddings.word2vec import build_huffman_tree
from neuralnlp.plotting import save_themed

words = ["the", "cat", "sat", "on", "mat", "purred"]  # as in word2vec_huffman.py
counts = np.array([40, 12, 8, 7, 3, 2])
codes, points = build_huffman_tree(counts)
shown = words.index("mat")  # the word whose path is highlighted

# Rebuild the tree from the paths: children[node][branch] is ("inner", n) or ("leaf", w).
V = len(words)
children = {n: {} for n in range(V - 1)}
for w, (code, path) in enumerate(zip(codes, points)):
    for j, (node, bit) in enumerate(zip(path, code)):
        children[int(node)][int(bit)] = ("inner", int(path[j + 1])) if j + 1 < len(path) else ("leaf", w)
root = int(points[0][0])
parent = {child: node for node, branches in children.items() for child in branches.values()}


def weight(item):
    kind, k = item
    return int(counts[k]) if kind == "leaf" else sum(weight(child) for child in children[k].values())


def layout(item, depth, column):
    """In-order positions (column, depth): leaves one column apart, an inner node above the middle
    of its two children. Returns the positions and the next free column."""
    kind, k = item
    if kind == "leaf":
        return {item: (column, depth)}, column + 1
    placed = {}
    for bit in (0, 1):
        below, column = layout(children[k][bit], depth + 1, column)
        placed.update(below)
    placed[item] = (sum(placed[children[k][bit]][0] for bit in (0, 1)) / 2, depth)
    return placed, column


positions, _ = layout(("inner", root), 0, 0)
on_path = {("inner", int(n)) for n in points[shown]} | {("leaf", shown)}

WORDS = {
    "zh": {"title": ["叶子是词及其词频；圆圈是内部节点，按生成顺序编号，根是 V − 2 = {root}",
                     "圆圈旁的数是它下面所有词的词频之和"],
           "path": "“{word}”的路径：编码 {code}，经过内部节点 {nodes}"},
    "en": {"title": ["Leaves: words and their counts. Circles: inner nodes, in creation order; the root is V − 2 = {root}",
                     "The number beside a circle is the total count of the words below it"],
           "path": "path of “{word}”: code {code}, through inner nodes {nodes}"},
}
X_STEP, Y_STEP = 1.9, 1.15


def draw(language):
    text = WORDS[language]
    depth = max(y for _, y in positions.values())
    d = Diagram(X_STEP * V + 0.6, Y_STEP * depth + 4.2, scale=0.5)
    top = Y_STEP * depth + 2.1
    at = {item: (0.9 + X_STEP * x, top - Y_STEP * y) for item, (x, y) in positions.items()}
    shapes = {}
    for item, (x, y) in at.items():
        kind, k = item
        highlight = item in on_path
        if kind == "leaf":
            shapes[item] = d.box(x, y, 1.75, 0.62, f"{words[k]} ({counts[k]})", role="output", emphasis=highlight,
                                 fontsize=10)
        else:
            shapes[item] = d.node(x, y, str(k), radius=0.3, role="hidden", emphasis=highlight, fontsize=10)
            # The subtree's total count, on the side away from the edge to the parent.
            left = item in parent and at["inner", parent[item]][0] > x
            d.text(x - 0.42 if left else x + 0.42, y + 0.32, str(weight(item)), fontsize=8, ha="right" if left else "left")
    for k, branches in children.items():
        for bit, child in branches.items():
            highlight = ("inner", k) in on_path and child in on_path
            d.arrow(shapes["inner", k], shapes[child], head=False, emphasis=highlight)
            (x0, y0), (x1, y1) = at["inner", k], at[child]
            d.text((x0 + x1) / 2 + (-0.22 if bit == 0 else 0.22), (y0 + y1) / 2 + 0.12, str(bit), fontsize=10,
                   emphasis=highlight)
    for line, words_of_line in enumerate(text["title"]):
        d.text(0.2, top + 1.35 - 0.45 * line, words_of_line.format(root=root), fontsize=10, ha="left")
    code = "".join(map(str, codes[shown]))
    nodes = ", ".join(map(str, points[shown]))
    d.text(0.2, 1.05, text["path"].format(word=words[shown], code=code, nodes=nodes), fontsize=10, ha="left",
           emphasis=True)
    # p(mat | c) as the product the code spells out: branch 0 -> σ(+u·v), branch 1 -> σ(−u·v).
    factors = "".join(rf"\sigma({'-' if b else ''}\mathbf{{u}}_{{{n}}}^\top \mathbf{{v}}_c)" for b, n in zip(codes[shown], points[shown]))
    d.text(0.2, 0.35, rf"$p(\mathrm{{{words[shown]}}} \mid c) = {factors}$", fontsize=11, ha="left")
    return d.figure


save_themed(draw, "embeddings-huffman-tree", languages=("zh", "en"))
