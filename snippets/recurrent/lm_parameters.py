import torch

from neuralnlp.recurrent.language_model import RNNLanguageModel
from neuralnlp.recurrent.text_corpus import VOCABULARY, encode, generate

torch.manual_seed(0)
model = RNNLanguageModel(len(VOCABULARY), embedding_dim=16, hidden_size=32, cell="rnn")
for name, part in model.named_children():
    print(f"{name:9s} {sum(p.numel() for p in part.parameters()):4d} parameters")

ids = torch.tensor(encode(generate(300, seed=1)))
for length in (10, len(ids)):  # the same parameters read a text of any length
    logits, h_n = model(ids[:length])
    print(f"ids ({length},) -> logits {tuple(logits.shape)}, h_n {tuple(h_n.shape)}")
