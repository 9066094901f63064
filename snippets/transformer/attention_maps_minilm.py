"""Attention maps of a real sentence in all-MiniLM-L6-v2, run by our code: four heads that do different things."""

import matplotlib.pyplot as plt
import torch

from neuralnlp.plotting import save_themed
from neuralnlp.transformer.sentence_encoder import SentenceEncoder

encoder = SentenceEncoder.from_directory()  # our tokeniser and BertModel, the packaged weights


def attention(text):
    batch = encoder.tokenizer.batch_encode([text])
    with torch.no_grad():
        _, weights = encoder.model(batch["input_ids"], batch["attention_mask"], output_attentions=True)
    return encoder.tokenizer.convert_ids_to_tokens(batch["input_ids"][0]), [w[0] for w in weights]  # (heads, L, L)


tokens, weights = attention("The animal didn't cross the street because it was too tired.")
HEADS = [(0, 2), (1, 8), (3, 1), (4, 5)]  # (layer, head), counted from 0
L = len(tokens)
print("mean weight on the previous token, layer 0 head 2:",
      round(torch.stack([weights[0][2, i, i - 1] for i in range(1, L)]).mean().item(), 2))
print("mean weight on the next token, layer 1 head 8:",
      round(torch.stack([weights[1][8, i, i + 1] for i in range(L - 1)]).mean().item(), 2))
print("mean weight on [CLS] and [SEP], layer 4 head 5:", round((weights[4][5][:, [0, -1]].sum(-1)).mean().item(), 2))
for text in ("The animal didn't cross the street because it was too tired.",
             "The animal didn't cross the street because it was too wide."):
    tokens_, weights_ = attention(text)
    row = weights_[3][1, tokens_.index("it")]  # layer 3, head 1: from "it" to every token
    print(f"layer 3 head 1, from 'it' (… too {text.split()[-1].rstrip('.')}): animal {row[tokens_.index('animal')]:.2f}, "
          f"street {row[tokens_.index('street')]:.2f}")

TITLES = {"zh": "第 {} 层，第 {} 个头", "en": "layer {}, head {}"}


def draw(language):
    fig, axes = plt.subplots(2, 2, figsize=(10, 10.4))
    for ax, (layer, head) in zip(axes.flat, HEADS):
        ax.imshow(weights[layer][head].numpy(), cmap="magma", vmin=0, vmax=1)
        ax.set_xticks(range(L), tokens, rotation=90, fontsize=8)
        ax.set_yticks(range(L), tokens, fontsize=8)
        ax.set_title(TITLES[language].format(layer, head), fontsize=11)
        ax.grid(False)
    fig.tight_layout()
    return fig


save_themed(draw, "transformer-attention-maps", languages=("zh", "en"))
