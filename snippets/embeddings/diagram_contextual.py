"""Figure: a GRU unrolled over two sentences of the 苹果 experiment (contextual_apple.py).

At 苹果 both sentences look up the same row of the embedding matrix (a static word vector), while
the GRU's hidden states there differ (a contextual embedding).
"""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

sentences = ["他 买了 一个 苹果".split(), "他 买了 苹果".split()]  # sentences 2 and 5 of contextual_apple.py
WORD = "苹果"

WORDS = {
    "zh": {"static": ["静态词向量：", "两句查到嵌入矩阵的同一行，", "向量完全相同"],
           "contextual": ["上下文相关的嵌入：", "读到“苹果”时的隐藏状态，", "两句各不相同"],
           "senses": ["水果", "公司"]},
    "en": {"static": ["static word vector:", "both sentences look up the same", "row, the very same vector"],
           "contextual": ["contextual embedding:", "the hidden states on reading", "苹果 differ"],
           "senses": ["the fruit", "the company"]},
}
X0, STEP = 2.6, 2.3  # x of the first word, distance between time steps


def unrolled(d, y, words, sense, emphasis_at):
    """One sentence: word boxes, their looked-up vectors x_t, and the chain of GRU steps h_t."""
    d.text(0.2, y + 3.05, sense, fontsize=10, ha="left")
    h0 = d.node(X0 - 1.6, y + 2.3, r"$\mathbf{0}$", radius=0.3, role="state")
    previous, found = h0, {}
    for t, word in enumerate(words, start=1):
        x = X0 + STEP * (t - 1)
        at_word = word == emphasis_at
        token = d.box(x, y, 1.3, 0.55, word, fontsize=10)
        vector = d.box(x, y + 1.15, 1.0, 0.5, rf"$\mathbf{{x}}_{t}$", role="input", fontsize=10)
        cell = d.box(x, y + 2.3, 1.3, 0.65, "GRU", role="hidden", fontsize=10)
        d.arrow(token, vector)
        d.arrow(vector, cell)
        d.arrow(previous, cell)
        state = d.node(x, y + 3.45, rf"$\mathbf{{h}}_{t}$", radius=0.32, role="state", emphasis=at_word, fontsize=10)
        d.arrow(cell, state, emphasis=at_word)
        if at_word:
            found = {"x": vector, "h": state}
        previous = cell
    return found


def draw(language):
    words = WORDS[language]
    width = X0 + STEP * (max(map(len, sentences)) - 1) + 1.6
    d = Diagram(width + 5.2, 10.4, scale=0.5)
    top = unrolled(d, 5.6, sentences[0], words["senses"][0], WORD)
    bottom = unrolled(d, 0.6, sentences[1], words["senses"][1], WORD)
    # Same row of the embedding matrix in both sentences; different hidden states. Each label sits
    # next to the end of its own connector: the hidden states' at the top, the vectors' at the bottom.
    for key, offset, emphasis in (("x", 0.3, False), ("h", 1.1, True)):
        a, b, x = top[key], bottom[key], width + offset
        d.line([a.anchor((x, a.y)), (x, a.y), (x, b.y), b.anchor((x, b.y))], dashed=not emphasis, emphasis=emphasis)
    for k, line in enumerate(words["contextual"]):
        d.text(width + 1.4, top["h"].y - 0.42 * k, line, fontsize=9, ha="left", emphasis=True)
    for k, line in enumerate(reversed(words["static"])):
        d.text(width + 1.4, bottom["x"].y + 0.42 * k, line, fontsize=9, ha="left")
    return d.figure


save_themed(draw, "embeddings-contextual-gru", languages=("zh", "en"))
