"""Figure: the first BPE merges on Sennrich et al.'s example, each word drawn as its current symbols.

The merges and segmentations come from train_bpe and merge_pair, the code on the page.
"""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.transformer.bpe import merge_pair, train_bpe

corpus = ["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3
merges = train_bpe(corpus, 6)
states = [[tuple(w) for w in dict.fromkeys(corpus)]]
for left, right in merges:
    states.append([merge_pair(symbols, (left, right), left + right) for symbols in states[-1]])

WORDS = {"zh": {"start": "字符", "merge": "合并"}, "en": {"start": "characters", "merge": "merge"}}
UNIT = 0.52  # width of one character


def draw(language):
    w = WORDS[language]
    d = Diagram(15.4, 0.95 * len(states) + 1.0, scale=0.55)
    columns = [3.0, 5.6, 8.8, 12.2]  # left edge of each word
    for x0, word in zip(columns, dict.fromkeys(corpus)):  # each word with how often it occurs
        d.text(x0 + UNIT * len(word) / 2, 0.95 * len(states) + 0.45, f"{word} ×{corpus.count(word)}", fontsize=9)
    for row, symbols_of_word in enumerate(states):
        y = 0.95 * (len(states) - row) - 0.3
        label = w["start"] if row == 0 else f"{w['merge']} {row}: {merges[row - 1][0]} + {merges[row - 1][1]}"
        d.text(0.1, y, label, fontsize=9, ha="left")
        for x0, symbols in zip(columns, symbols_of_word):
            x = x0
            for s in symbols:
                new = row > 0 and s == "".join(merges[row - 1])
                d.box(x + UNIT * len(s) / 2, y, UNIT * len(s) - 0.06, 0.6, s, role="output" if new else "input",
                      emphasis=new, fontsize=9)
                x += UNIT * len(s)
    return d.figure


save_themed(draw, "transformer-bpe-merges", languages=("zh", "en"))
