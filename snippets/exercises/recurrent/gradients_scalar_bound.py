import math

import torch

w = 0.9  # the recurrent weight of a scalar RNN h_k = tanh(w h_{k-1} + x_k)
print("steps until w^(T-t) < 1e-3:", math.ceil(math.log(1e-3) / math.log(w)))

torch.manual_seed(0)
x = torch.randn(66)
h_t = torch.tensor(0.5, requires_grad=True)  # the state we differentiate with respect to
h = h_t
for x_k in x:
    h = torch.tanh(w * h + x_k)
(grad,) = torch.autograd.grad(h, h_t)
print(f"after 66 steps: |dh_T/dh_t| = {abs(grad.item()):.2e}, bound w^66 = {w ** 66:.2e}")
