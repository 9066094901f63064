"""LayerNorm ignores a token's scale and shift: LN(a·x + b) = LN(x) for a > 0 (up to ε)."""

import torch

from neuralnlp.transformer.layernorm import layer_norm

x = torch.randn(4, 384, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
for a, b in ((10.0, 3.0), (0.01, -5.0), (-2.0, 0.0)):
    print(f"a = {a:>5}, b = {b:>4}: LN(a·x + b) == LN(x): {torch.allclose(layer_norm(a * x + b, eps=0.0), layer_norm(x, eps=0.0))}")
