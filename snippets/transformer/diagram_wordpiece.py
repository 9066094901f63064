"""Figure: greedy longest-match WordPiece on "unaffable" with all-MiniLM-L6-v2's vocabulary.

Each row is one piece: the candidates tried, longest first, until one is in the vocabulary. The
candidates are computed here from the real vocab.txt, and the result checked against wordpiece_split.
"""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.transformer.sentence_encoder import minilm_directory
from neuralnlp.transformer.wordpiece import read_vocab, wordpiece_split

WORD = "unaffable"
vocab = set(read_vocab(minilm_directory() / "vocab.txt"))

rows, start = [], 0  # for each piece: the candidates tried, the last one found
while start < len(WORD):
    tried = []
    for end in range(len(WORD), start, -1):
        piece = WORD[start:end] if start == 0 else "##" + WORD[start:end]
        tried.append(piece)
        if piece in vocab:
            break
    rows.append(tried)
    start += len(tried[-1].removeprefix("##"))
assert [r[-1] for r in rows] == wordpiece_split(WORD, vocab)

WORDS = {"zh": {"missing": "不在词表中", "found": "在词表中", "result": "结果"},
         "en": {"missing": "not in the vocabulary", "found": "in the vocabulary", "result": "result"}}


def draw(language):
    w = WORDS[language]
    width, gap = 1.45, 0.45
    d = Diagram(13.6, 1.3 * len(rows) + 2.6, scale=0.6)
    for r, tried in enumerate(rows):
        y = 1.3 * (len(rows) - r) + 1.2
        previous = None
        for k, piece in enumerate(tried):  # longest first, shorter and shorter until one is found
            found = k == len(tried) - 1
            box = d.box(0.9 + k * (width + gap), y, width, 0.75, piece, role="output" if found else "plain",
                        emphasis=found, fontsize=9)
            if previous is not None:
                d.arrow(previous, box)
            previous = box
    y = 0.55
    d.text(0.2, y, w["result"] + ":", fontsize=10, ha="left")
    for k, piece in enumerate(r[-1] for r in rows):
        d.box(2.6 + k * (width + gap), y, width, 0.75, piece, role="output", emphasis=True, fontsize=9)
    d.box(8.7, y, 0.5, 0.4, role="plain", fontsize=9)
    d.text(9.1, y, w["missing"], fontsize=9, ha="left")
    d.box(8.7, y + 0.6, 0.5, 0.4, role="output", emphasis=True)
    d.text(9.1, y + 0.6, w["found"], fontsize=9, ha="left")
    return d.figure


save_themed(draw, "transformer-wordpiece", languages=("zh", "en"))
