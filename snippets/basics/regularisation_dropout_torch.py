import math

import torch
from torch import nn

from neuralnlp.training import Dropout, inverted_dropout

x = torch.randn(4, 8, generator=torch.Generator().manual_seed(0))
ours, reference = Dropout(p=0.5), nn.Dropout(p=0.5)

ours.eval(), reference.eval()
print("evaluation mode, equal to nn.Dropout:", torch.equal(ours(x), reference(x)), "  output is the input:", torch.equal(ours(x), x))

reference.train()
torch.manual_seed(1)
theirs = reference(x)
torch.manual_seed(1)  # the same random numbers on a tensor of ones reveal which elements torch kept
mask = reference(torch.ones_like(x)) != 0
print("training mode, same mask, equal to nn.Dropout:", torch.equal(inverted_dropout(x, p=0.5, mask=mask), theirs))
print("kept elements of the first row:", mask[0].int().tolist())
print("first row in :", [round(v, 3) for v in x[0].tolist()])
print("first row out:", [round(v, 3) for v in theirs[0].tolist()])

p, n = 0.3, 1_000_000
y = inverted_dropout(torch.ones(n, dtype=torch.float64), p=p, generator=torch.Generator().manual_seed(2))
print(f"p = {p}, a million ones in: values out {[round(v, 4) for v in y.unique().tolist()]}, 1/(1 - p) = {1 / (1 - p):.4f}")
# standard deviations of the two averages: √(p(1 − p)/n) for the kept fraction, √(p/((1 − p)n)) for the mean
print(f"kept fraction {(y != 0).double().mean():.4f} (expected {1 - p} ± {math.sqrt(p * (1 - p) / n):.4f}),"
      f" mean {y.mean():.4f} (expected 1 ± {math.sqrt(p / (1 - p) / n):.4f})")
