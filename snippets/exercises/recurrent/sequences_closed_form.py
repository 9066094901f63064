import torch
from torch import nn

torch.manual_seed(0)
w0 = nn.Linear(3 + 4, 4, dtype=torch.float64)  # the source's recurrence, without an activation
A, B, b = w0.weight[:, :3], w0.weight[:, 3:], w0.bias  # columns acting on x_t, then on h_{t-1}
xs = torch.randn(5, 3, dtype=torch.float64)  # T = 5 inputs
T = len(xs)

with torch.no_grad():
    h = torch.zeros(4, dtype=torch.float64)
    for x in xs:  # the loop: h_t = w0([x_t; h_{t-1}])
        h = w0(torch.cat((x, h)))
    closed = sum(torch.linalg.matrix_power(B, T - k) @ (A @ xs[k - 1] + b) for k in range(1, T + 1))

print("loop:       ", h.numpy().round(4))
print("closed form:", closed.numpy().round(4))
print("max difference < 1e-12:", (h - closed).abs().max().item() < 1e-12)
