import torch

from neuralnlp.training import inverted_dropout

x = torch.full((1_000_000,), 2.0, dtype=torch.float64)  # every input is 2
for p in (0.1, 0.5, 0.9):
    y = inverted_dropout(x, p, generator=torch.Generator().manual_seed(0))
    print(f"p = {p}: mean {y.mean():.4f} (x = 2), variance {y.var():.4f} (x² p/(1 - p) = {4 * p / (1 - p):.4f})")
