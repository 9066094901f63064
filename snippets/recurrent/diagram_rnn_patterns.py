"""Four ways to use an RNN: one-to-many, many-to-one, many-to-many aligned, and encoder–decoder."""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed

WORDS = {
    "zh": {
        "one_to_many": ("一对多", "图像描述：一张图 → 一句话"),
        "many_to_one": ("多对一", "文本分类：一条评论 → 正面或负面"),
        "aligned": ("多对多（逐步对齐）", "序列标注：每个词 → 它的词性"),
        "seq2seq": ("多对多（编码器–解码器）", "机器翻译：一句话 → 另一种语言的一句话"),
        "encoder": "编码器", "decoder": "解码器", "image": "图像",
    },
    "en": {
        "one_to_many": ("one-to-many", "image captioning: a picture → a sentence"),
        "many_to_one": ("many-to-one", "text classification: a review → positive or negative"),
        "aligned": ("many-to-many, aligned", "sequence labelling: each word → its part of speech"),
        "seq2seq": ("many-to-many, encoder–decoder", "translation: a sentence → a sentence in another language"),
        "encoder": "encoder", "decoder": "decoder", "image": "image",
    },
}
CELL_W, CELL_H, GAP = 0.8, 0.6, 1.25  # cell size and distance between cell centres
ROW_IN, ROW_CELL, ROW_OUT = 0.7, 1.9, 3.1  # heights within a panel


def chain(d, x0, y0, inputs, outputs, role="hidden"):
    """Cells left to right from x0; inputs/outputs say which steps read an x_t or emit a y_t.

    Returns the cells, so a second chain can continue from the last one.
    """
    cells = []
    x_count = y_count = 0
    x_label = "$x_{t}$" if sum(inputs) > 1 else "$x$"
    y_label = "$y_{t}$" if sum(outputs) > 1 else "$y$"
    for i, (has_input, has_output) in enumerate(zip(inputs, outputs)):
        x = x0 + i * GAP
        c = d.box(x, y0 + ROW_CELL, CELL_W, CELL_H, role=role)
        if cells:
            d.arrow(cells[-1], c)
        if has_input:
            x_count += 1
            label = x_label.replace("{t}", f"{{{x_count}}}")
            d.arrow(d.node(x, y0 + ROW_IN, label, radius=0.3, role="input", fontsize=10), c)
        if has_output:
            y_count += 1
            label = y_label.replace("{t}", f"{{{y_count}}}")
            d.arrow(c, d.node(x, y0 + ROW_OUT, label, radius=0.3, role="output", fontsize=10))
        cells.append(c)
    return cells


def title(d, x, y, words):
    name, example = words
    d.text(x, y + 0.42, name, fontsize=11)
    d.text(x, y, example, fontsize=9)


def draw(language):
    w = WORDS[language]
    d = Diagram(15.6, 9.6, scale=0.55)
    top, bottom = 4.9, 0.0  # lower-left corners of the two rows of panels
    left, right = 0.9, 8.6

    # One-to-many: one input (the picture's vector) at the first step, an output at every step.
    chain(d, left + 0.6, top, [True, False, False, False], [True] * 4)
    title(d, left + 0.6 + 1.5 * GAP, top + 3.9, w["one_to_many"])
    d.text(left + 0.6 - 0.45, top + ROW_IN, w["image"], fontsize=9, ha="right")

    # Many-to-one: an input at every step, one output after the last.
    chain(d, right + 0.6, top, [True] * 4, [False, False, False, True])
    title(d, right + 0.6 + 1.5 * GAP, top + 3.9, w["many_to_one"])

    # Many-to-many, aligned: one output per input, at the same step.
    chain(d, left + 0.6, bottom, [True] * 4, [True] * 4)
    title(d, left + 0.6 + 1.5 * GAP, bottom + 3.9, w["aligned"])

    # Encoder–decoder: read the whole source first; its last state starts the decoder.
    encoder = chain(d, right - 0.3, bottom, [True] * 3, [False] * 3)
    decoder = chain(d, right - 0.3 + 3 * GAP, bottom, [False] * 3, [True] * 3, role="state")
    d.arrow(encoder[-1], decoder[0], emphasis=True)
    # Labels where the cells have no arrows: above the encoder, below the decoder.
    d.text((encoder[0].x + encoder[-1].x) / 2, bottom + ROW_CELL + 0.6, w["encoder"], fontsize=9)
    d.text((decoder[0].x + decoder[-1].x) / 2, bottom + ROW_CELL - 0.6, w["decoder"], fontsize=9)
    title(d, right - 0.3 + 2.5 * GAP, bottom + 3.9, w["seq2seq"])
    return d.figure


save_themed(draw, "rnn-patterns", languages=("zh", "en"))
