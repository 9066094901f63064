"""The RNN language model on one training window, with teacher forcing.

The words and their ids are the first sentence of the training text (text_corpus, seed 0), the
very text the language-model page trains on.
"""

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.text_corpus import encode, generate, split_sentences

SENTENCE = split_sentences(generate(2000, seed=0))[0]  # the black cat near some birds chases the bird .
STEPS = 5
INPUTS, TARGETS = SENTENCE[:STEPS], SENTENCE[1 : STEPS + 1]
IDS = encode(INPUTS)

WORDS = {
    "zh": {"input": "输入：真实文本", "target": "目标：错开一位", "id": "编号", "embed": "查表得嵌入向量",
           "start": "每个窗口从\n零状态开始", "loss": "每个位置一个交叉熵，\n平均起来就是损失 L"},
    "en": {"input": "input:\nthe true text", "target": "target:\nshifted by one", "id": "id", "embed": "look up\nembedding",
           "start": "each window\nstarts from zero", "loss": "one cross-entropy per position,\naveraged into the loss L"},
}


def draw(language):
    w = WORDS[language]
    d = Diagram(15.2, 7.6, scale=0.55)
    x0, gap = 3.4, 2.2
    row = {"id": 0.45, "word": 1.05, "embed": 2.3, "cell": 3.7, "head": 5.05, "target": 6.35}
    d.text(0.2, row["word"], w["input"], fontsize=10, ha="left")
    d.text(0.2, row["target"], w["target"], fontsize=10, ha="left")
    d.text(0.2, row["id"], w["id"], fontsize=9, ha="left")
    d.text(0.2, row["embed"], w["embed"], fontsize=9, ha="left")
    h_prev = d.node(x0 - 1.5, row["cell"], "$h_0$", radius=0.38, role="state")
    d.text(x0 - 1.6, row["cell"] + 0.95, w["start"], fontsize=9)
    for i, (word, target, token_id) in enumerate(zip(INPUTS, TARGETS, IDS)):
        x = x0 + i * gap
        d.text(x, row["id"], f"{token_id}", fontsize=9)
        word_box = d.box(x, row["word"], 1.3, 0.55, word, role="input", fontsize=10)
        embed = d.box(x, row["embed"], 0.9, 0.55, f"$E_{{{token_id}}}$", fontsize=10)
        cell = d.box(x, row["cell"], 1.1, 0.7, "RNN", role="hidden", fontsize=10)
        head = d.box(x, row["head"], 1.3, 0.6, "softmax", role="plain", fontsize=9)
        target_box = d.box(x, row["target"], 1.3, 0.55, target, role="output", fontsize=10)
        d.arrow(word_box, embed)
        d.arrow(embed, cell, "$x_{" + str(i + 1) + "}$", text_offset=(0.32, 0), fontsize=9)
        d.arrow(cell, head)
        d.arrow(head, target_box)
        d.arrow(h_prev, cell)
        h_prev = cell
    d.text(x0 + (STEPS - 1) * gap + 0.9, row["head"] + 0.62, w["loss"], fontsize=9, ha="left")
    return d.figure


save_themed(draw, "lm-teacher-forcing", languages=("zh", "en"))
