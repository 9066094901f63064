"""LayerNorm from scratch against torch.nn.LayerNorm: every token normalised on its own features."""

import torch
from torch import nn

from neuralnlp.transformer.layernorm import LayerNorm

torch.manual_seed(0)
theirs = nn.LayerNorm(384, eps=1e-12)  # BERT's ε
with torch.no_grad():
    theirs.weight.normal_(1, 0.1), theirs.bias.normal_(0, 0.1)
ours = LayerNorm.from_torch(theirs)

x = 5 + 3 * torch.randn(2, 6, 384, requires_grad=True)  # 2 sequences of 6 tokens
y, ref = ours(x), theirs(x)
upstream = torch.randn_like(y)
grads = [torch.autograd.grad(out, [x, *module.parameters()], upstream) for out, module in ((y, ours), (ref, theirs))]
# relative to each tensor's largest value: float32 keeps about 7 significant digits whatever the scale
print(f"output: max |ours - torch| / max |torch| = {((y - ref).abs().max() / ref.abs().max()).item():.1e}, gradients "
      f"{max(((a - b).abs().max() / b.abs().max()).item() for a, b in zip(*grads)):.1e}")

plain = LayerNorm(384)(x)  # γ = 1, β = 0: each token has mean 0 and standard deviation 1 over its features
print("each token, before: mean", [round(m, 2) for m in x[0].mean(-1).tolist()[:3]], "…  after: mean",
      [round(m, 2) for m in plain[0].mean(-1).tolist()[:3]], "…, std",
      [round(s, 2) for s in plain[0].std(-1, correction=0).tolist()[:3]], "…")
