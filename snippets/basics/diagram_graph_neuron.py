"""The computational graph of training_graph_neuron.py, drawn by walking the Value graph it builds.

Each node shows its value (forward pass) and its gradient dy/dnode (backward pass); each edge shows
the local gradient d(node)/d(input) the node recorded. Nothing here is typed in: the layout, the
operations and every number come from the graph after y.backward().
"""

from neuralnlp.basics.graph import Value
from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

# The same neuron as in the snippet: y = σ(w1·x1 + w2·x2 + b).
x1, x2 = Value(2.0), Value(-1.0)
w1, w2, b = Value(0.5), Value(1.5), Value(0.25)
z = w1 * x1 + w2 * x2 + b
y = z.sigmoid()
y.backward()
NAMES = {id(x1): "x_1", id(x2): "x_2", id(w1): "w_1", id(w2): "w_2", id(b): "b", id(z): "z", id(y): "y"}
OPS = {"*": r"\times", "+": "+", "sigmoid": r"\sigma"}


def walk(output):
    """Every node the output depends on, inputs before the nodes that use them (as backward() orders them)."""
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for child in node.inputs:
                visit(child)
            order.append(node)

    visit(output)
    return order


def layout(output):
    """Column = longest path from a leaf (a leaf sits one column left of its first user); rows from the leaves."""
    order = walk(output)
    column, row = {}, {}
    for node in order:  # inputs come first, so their columns are known
        column[id(node)] = 1 + max((column[id(c)] for c in node.inputs), default=-1)
    users = {}
    for node in order:
        for child in node.inputs:
            users.setdefault(id(child), node)
    leaves = [node for node in order if not node.inputs]
    for i, leaf in enumerate(leaves):
        column[id(leaf)] = column[id(users[id(leaf)])] - 1
        row[id(leaf)] = i
    for node in order:
        if node.inputs:
            row[id(node)] = sum(row[id(c)] for c in node.inputs) / len(node.inputs)
    return order, column, row, len(leaves)


WORDS = {
    "zh": {"value": "值", "grad": "梯度",
           "legend": ["方框里：前向传播算出的值，反向传播算出的梯度 ∂y/∂(节点)", "箭头旁：局部梯度"],
           "example": "例：w₁ 的梯度 = 上游梯度 {up:.4f} × 局部梯度 {local:.4g} = {down:.4f}"},
    "en": {"value": "value", "grad": "grad",
           "legend": ["in each box: the value (forward pass) and the gradient ∂y/∂(node) (backward pass)",
                      "by each arrow: the local gradient"],
           "example": "e.g. the gradient of w₁ = upstream {up:.4f} × local {local:.4g} = {down:.4f}"},
}
BOX_W, BOX_H, DX, DY = 2.6, 1.6, 4.2, 1.9


def draw(language):
    words = WORDS[language]
    order, column, row, n_rows = layout(y)
    n_columns = 1 + max(column.values())
    height = DY * (n_rows - 1) + BOX_H + 2.0
    d = Diagram(DX * (n_columns - 1) + BOX_W + 0.4, height, scale=0.38)
    top = height - BOX_H / 2 - 0.2
    shapes = {}
    for node in order:
        cx, cy = 0.2 + BOX_W / 2 + DX * column[id(node)], top - DY * row[id(node)]
        role = "input" if not node.inputs else "output" if node is y else "hidden"
        shapes[id(node)] = d.box(cx, cy, BOX_W, BOX_H, role=role)
        name = NAMES.get(id(node))
        label = name if not node.inputs else OPS[node.op] + (f"\\ \\ ({name})" if name else "")
        d.text(cx, cy + 0.44, f"${label}$", fontsize=12)
        d.text(cx - BOX_W / 2 + 0.15, cy - 0.12, words["value"], ha="left", fontsize=9)
        d.text(cx + BOX_W / 2 - 0.15, cy - 0.12, f"{node.data:.4f}", ha="right", fontsize=9)
        d.text(cx - BOX_W / 2 + 0.15, cy - 0.52, words["grad"], ha="left", fontsize=9, emphasis=True)
        d.text(cx + BOX_W / 2 - 0.15, cy - 0.52, f"{node.grad:.4f}", ha="right", fontsize=9, emphasis=True)
    for node in order:
        for child, local in zip(node.inputs, node.local_grads):
            a, c = shapes[id(child)], shapes[id(node)]
            d.arrow(a, c)
            # The local gradient, by the arrow's head: downstream = upstream × this number.
            hx, hy = c.anchor(a.centre)
            tx, ty = a.anchor(c.centre)
            d.text(0.55 * hx + 0.45 * tx, 0.55 * hy + 0.45 * ty + 0.2, f"{local:.4g}", fontsize=9, emphasis=True)
    for i, line in enumerate(words["legend"]):
        d.text(0.2, 1.25 - 0.45 * i, line, ha="left", fontsize=9)
    w1x1 = next(node for node in order if w1 in node.inputs)  # the node that used w1
    up, local = w1x1.grad, w1x1.local_grads[w1x1.inputs.index(w1)]
    d.text(0.2, 0.3, words["example"].format(up=up, local=local, down=w1.grad), ha="left", fontsize=9,
           emphasis=True)
    return d.figure


save_themed(draw, "training-graph-neuron", languages=("zh", "en"))
