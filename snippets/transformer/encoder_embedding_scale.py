"""Attention Is All You Need §3.4: embeddings multiplied by √d_model, and one matrix shared with the output layer."""

import math

import torch
from torch import nn

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.transformer.positional import sinusoidal_positional_encoding
from neuralnlp.transformer.safetensors import read_safetensors
from neuralnlp.transformer.sentence_encoder import minilm_directory

torch.manual_seed(0)
d_model, vocab = 512, 37000  # the base Transformer's sizes
table = torch.randn(vocab, d_model) * d_model ** -0.5  # embeddings drawn with standard deviation 1/√d_model
print(f"d_model {d_model}: embedding rows have norm {table.norm(dim=1).mean():.2f}, "
      f"times √d_model {(table * math.sqrt(d_model)).norm(dim=1).mean():.2f}; "
      f"sinusoidal rows {sinusoidal_positional_encoding(1, d_model)[0].norm():.2f}")

weights = read_safetensors(minilm_directory() / "model.safetensors")
for name in ("word", "position", "token_type"):
    rows = torch.from_numpy(weights[f"embeddings.{name}_embeddings.weight"])
    print(f"MiniLM {name} embeddings: mean row norm {rows.norm(dim=1).mean():.2f}")


class TiedLanguageModelHead(nn.Module):
    """Input embedding and output layer share one matrix: logits = h Eᵀ."""

    def __init__(self, vocab_size, d):
        super().__init__()
        self.embedding = Embedding(vocab_size, d)
        self.output = nn.Linear(d, vocab_size, bias=False)
        self.output.weight = self.embedding.weight  # the same Parameter, stored and trained once


V, d = 30522, 384  # MiniLM's vocabulary and width
tied, untied = TiedLanguageModelHead(V, d), nn.ModuleDict({"embedding": Embedding(V, d), "output": nn.Linear(d, V, bias=False)})
print(f"embedding + output layer: {sum(p.numel() for p in untied.parameters()):,} parameters untied, "
      f"{sum(p.numel() for p in tied.parameters()):,} tied")
