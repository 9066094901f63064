import torch

from neuralnlp.language_model import RNNLanguageModel, perplexity
from neuralnlp.text_corpus import VOCABULARY, encode, generate

torch.manual_seed(0)
V = len(VOCABULARY)
model = RNNLanguageModel(V, embedding_dim=16, hidden_size=32, cell="rnn")
for name, part in model.named_children():
    print(f"{name:9s} {sum(p.numel() for p in part.parameters()):4d} parameters")

ids = torch.tensor(encode(generate(300, seed=1)))  # held-out text: seed 1, never trained on
for length in (10, len(ids)):  # the same parameters read a text of any length
    logits, h_n = model(ids[:length])
    print(f"ids ({length},) -> logits {tuple(logits.shape)}, h_n {tuple(h_n.shape)}")

print(f"untrained perplexity: {perplexity(model, ids):.4f}")
with torch.no_grad():  # zero head: every logit 0, every word gets probability 1/V
    model.head.weight.zero_()
    model.head.bias.zero_()
print(f"uniform model perplexity: {perplexity(model, ids):.4f}")
