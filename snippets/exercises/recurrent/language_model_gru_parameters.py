import torch

from neuralnlp.recurrent.language_model import RNNLanguageModel
from neuralnlp.recurrent.text_corpus import VOCABULARY

V, d, m = len(VOCABULARY), 16, 32
print("by the formula:", V * d + 3 * (m * d + m * m + 2 * m) + (V * m + V))
model = RNNLanguageModel(V, embedding_dim=d, hidden_size=m, cell="gru")
for name, part in model.named_children():
    print(f"{name:9s} {sum(p.numel() for p in part.parameters()):4d} parameters")
print("in all:", sum(p.numel() for p in model.parameters()))
