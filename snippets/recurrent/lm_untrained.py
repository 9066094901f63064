import torch

from neuralnlp.recurrent.language_model import RNNLanguageModel, perplexity
from neuralnlp.recurrent.text_corpus import VOCABULARY, encode, generate

torch.manual_seed(0)
V = len(VOCABULARY)
model = RNNLanguageModel(V, embedding_dim=16, hidden_size=32, cell="rnn")
ids = torch.tensor(encode(generate(300, seed=1)))  # held-out text: seed 1, never trained on

print(f"vocabulary size V = {V}")
print(f"untrained model perplexity: {perplexity(model, ids):.4f}")
with torch.no_grad():  # zero head: every logit is 0, every word gets probability 1/V
    model.head.weight.zero_()
    model.head.bias.zero_()
print(f"uniform model perplexity:   {perplexity(model, ids):.4f}")
