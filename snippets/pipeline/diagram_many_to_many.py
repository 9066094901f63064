"""Segmentation as many-to-many tagging: one tag per character, read by a GRU in each direction."""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

CHARS = "迈向充满希望"
TAGS = "BEBEBE"  # 迈向/充满/希望: three two-character words
WORDS = {
    "zh": {"chars": "字符", "embedding": "嵌入", "forward": "前向 GRU", "backward": "后向 GRU",
           "tags": "BMES 标签", "words": "切分结果：迈向 / 充满 / 希望"},
    "en": {"chars": "characters", "embedding": "embedding", "forward": "forward GRU", "backward": "backward GRU",
           "tags": "BMES tags", "words": "words: 迈向 / 充满 / 希望"},
}
GAP, LEFT = 1.55, 3.0  # distance between positions, x of the first one
ROWS = {"char": 0.6, "embedding": 1.75, "forward": 3.0, "backward": 4.25, "tag": 5.6, "words": 6.55}


def draw(language):
    w = WORDS[language]
    d = Diagram(LEFT + GAP * len(CHARS) + 0.2, 7.1, scale=0.62)
    forward, backward = [], []
    for i, (char, tag) in enumerate(zip(CHARS, TAGS)):
        x = LEFT + i * GAP
        c = d.node(x, ROWS["char"], char, radius=0.36, role="input", fontsize=12)
        e = d.box(x, ROWS["embedding"], 0.9, 0.5, "$e_{%d}$" % (i + 1), role="input", fontsize=10)
        f = d.box(x, ROWS["forward"], 0.8, 0.55, r"$\overrightarrow{h}_{%d}$" % (i + 1), role="hidden", fontsize=10)
        b = d.box(x, ROWS["backward"], 0.8, 0.55, r"$\overleftarrow{h}_{%d}$" % (i + 1), role="state", fontsize=10)
        t = d.node(x, ROWS["tag"], tag, radius=0.33, role="output", fontsize=11)
        d.arrow(c, e)
        d.arrow(e, f)
        d.arrow(e, b, curve=-0.6)  # round the forward cell, to the backward one
        d.arrow(b, t)
        d.arrow(f, t, curve=0.6)
        forward.append(f)
        backward.append(b)
    for left, right in zip(forward, forward[1:]):
        d.arrow(left, right)  # left to right
    for left, right in zip(backward, backward[1:]):
        d.arrow(right, left)  # right to left
    for row, label in (("char", "chars"), ("embedding", "embedding"), ("forward", "forward"),
                       ("backward", "backward"), ("tag", "tags")):
        d.text(LEFT - 0.85, ROWS[row], w[label], fontsize=10, ha="right")
    d.text(LEFT + GAP * (len(CHARS) - 1) / 2, ROWS["words"], w["words"], fontsize=11)
    return d.figure


save_themed(draw, "segmentation-many-to-many", languages=("zh", "en"))
