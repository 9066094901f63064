import math

import torch

from neuralnlp.training import xavier_uniform_

fan_out, fan_in = 300, 100
a = math.sqrt(6 / (fan_in + fan_out))  # Var(U[−a, a]) = a²/3 = 2/(n_in + n_out)
w = xavier_uniform_(torch.empty(fan_out, fan_in, dtype=torch.float64), generator=torch.Generator().manual_seed(0))
print(f"a = {a:.4f}, a²/3 = {a**2 / 3:.6f}, 2/(n_in + n_out) = {2 / (fan_in + fan_out):.6f}")
print(f"sample: largest |w| = {w.abs().max():.4f}, variance = {w.var():.6f}")
