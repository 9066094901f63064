import torch
from torch import nn

torch.manual_seed(0)

# The source's recurrence with its typos fixed but nothing else: h_t = w0([x_t; h_{t-1}]).
w0 = nn.Linear(3 + 4, 4, dtype=torch.float64)


def final_state(xs: torch.Tensor, activation) -> torch.Tensor:
    """Run the recurrence over xs: (seq, 1, 3) and return the last hidden state: (1, 4)."""
    h = torch.zeros(1, 4, dtype=torch.float64)
    for x in xs:
        h = activation(w0(torch.cat((x, h), dim=-1)))
    return h


def superposition_gap(activation) -> float:
    """max |f(u + v) - f(u) - f(v) + f(0)|, which is 0 for every affine f."""
    u, v = torch.randn(2, 5, 1, 3, dtype=torch.float64)
    f = lambda xs: final_state(xs, activation)
    return (f(u + v) - f(u) - f(v) + f(torch.zeros_like(u))).abs().max().item()


with torch.no_grad():
    print("no activation, gap < 1e-12:", superposition_gap(lambda z: z) < 1e-12)
    print(f"tanh, gap = {superposition_gap(torch.tanh):.4f}")
