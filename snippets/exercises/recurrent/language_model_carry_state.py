import math

import torch

from neuralnlp.recurrent.language_model import RNNLanguageModel, next_token_cross_entropy, train_language_model
from neuralnlp.recurrent.text_corpus import VOCABULARY, encode, generate

torch.set_num_threads(1)
torch.manual_seed(0)  # the same model as on the page
model = RNNLanguageModel(len(VOCABULARY), embedding_dim=16, hidden_size=32, cell="rnn")
train_language_model(model, torch.tensor(encode(generate(2000, seed=0))), steps=500, batch_size=32, seq_len=24,
                     lr=0.02, generator=torch.Generator().manual_seed(0))
ids = torch.tensor(encode(generate(300, seed=1)))  # held-out text
chunk = 24


def held_out_perplexity(carry: bool) -> float:
    """Read the text in chunks of 24 predictions; carry the hidden state across chunks or restart from 0."""
    total, count, h = 0.0, 0, None
    with torch.no_grad():
        for start in range(0, len(ids) - 1, chunk):
            inputs, targets = ids[start : start + chunk], ids[start + 1 : start + chunk + 1]
            inputs = inputs[: len(targets)]
            logits, h_n = model(inputs, h if carry else None)
            total += next_token_cross_entropy(logits, targets).item() * len(targets)
            count += len(targets)
            h = h_n
    return math.exp(total / count)


print(f"chunks of {chunk}, each from h0 = 0:     {held_out_perplexity(carry=False):.4f}")
print(f"chunks of {chunk}, h_n carried forward: {held_out_perplexity(carry=True):.4f}")
