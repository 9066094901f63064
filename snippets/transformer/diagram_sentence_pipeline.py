"""Figure: a text becomes a sentence embedding in all-MiniLM-L6-v2, each step a piece of this chapter's code.

The shapes written in the boxes are checked against a real run of SentenceEncoder on the example text.
"""

import torch

from neuralnlp.diagrams import Diagram
from neuralnlp.plotting import save_themed
from neuralnlp.transformer.sentence_encoder import SentenceEncoder, mean_pooling

encoder = SentenceEncoder.from_directory()
TEXT = "Apple pie with cream."
batch = encoder.tokenizer.batch_encode([TEXT])
tokens = encoder.tokenizer.convert_ids_to_tokens(batch["input_ids"][0])
with torch.no_grad():
    embedded = encoder.model.embeddings(batch["input_ids"], batch["token_type_ids"])
    hidden = encoder.model(batch["input_ids"], batch["attention_mask"])
L = len(tokens)
assert embedded.shape == hidden.shape == (1, L, 384) and mean_pooling(hidden, batch["attention_mask"]).shape == (1, 384)

WORDS = {"zh": {"tokenizer": "词元化\nBertTokenizer", "embed": "词嵌入 + 位置嵌入\n+ 句段嵌入，LayerNorm",
                "layers": "6 个编码器层\n（后置归一化，GELU）", "pool": "掩码平均池化", "norm": "除以长度",
                "out": "句向量", "ids": "{} 个词元编号"},
         "en": {"tokenizer": "tokenise\nBertTokenizer", "embed": "word + position\n+ segment, LayerNorm",
                "layers": "6 encoder layers\n(post-norm, GELU)", "pool": "masked mean pooling",
                "norm": "divide by the length", "out": "sentence embedding", "ids": "{} token ids"}}


def draw(language):
    w = WORDS[language]
    d = Diagram(16.0, 4.6, scale=0.6)
    d.text(0.15, 4.15, f"“{TEXT}”", fontsize=10, ha="left")
    steps = [(w["tokenizer"], w["ids"].format(L), "input"), (w["embed"], f"{L} × 384", "hidden"),
             (w["layers"], f"{L} × 384", "gate"), (w["pool"], "384", "state"), (w["norm"], "384, ‖s‖ = 1", "output")]
    previous = None
    for k, (label, shape, role) in enumerate(steps):
        x = 1.4 + 3.2 * k
        box = d.box(x, 2.4, 2.8, 1.2, label, role=role, fontsize=9)
        d.text(x, 1.45, shape, fontsize=9)
        if previous is not None:
            d.arrow(previous, box)
        previous = box
    d.text(1.4, 0.75, " ".join(tokens), fontsize=8)
    d.text(14.2, 0.75, w["out"], fontsize=9)
    return d.figure


save_themed(draw, "transformer-sentence-pipeline", languages=("zh", "en"))
