import torch
from torch import nn

torch.manual_seed(0)


class BasicNN(nn.Module):
    """The article's two-layer network, in our own words: w0 then w1, nothing in between."""

    def __init__(self, in_dims: int, hidden_dims: int, out_dims: int, activation: nn.Module | None = None):
        super().__init__()
        self.w0 = nn.Linear(in_dims, hidden_dims)
        self.w1 = nn.Linear(hidden_dims, out_dims)
        self.activation = activation if activation is not None else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w1(self.activation(self.w0(x)))


as_written = BasicNN(4, 16, 3).double()
x = torch.randn(10, 4, dtype=torch.float64)

# One nn.Linear holding the multiplied-out weights does the whole job.
w0, w1 = as_written.w0, as_written.w1
single = nn.Linear(4, 3, dtype=torch.float64)
with torch.no_grad():
    single.weight.copy_(w1.weight @ w0.weight)
    single.bias.copy_(w1.weight @ w0.bias + w1.bias)
print("BasicNN == one nn.Linear:", (as_written(x) - single(x)).abs().max().item() < 1e-12)

# The fix: the same weights with GELU between w0 and w1.
fixed = BasicNN(4, 16, 3, activation=nn.GELU()).double()
fixed.load_state_dict(as_written.state_dict())
print(f"with GELU, max |BasicNN - that nn.Linear| = {(fixed(x) - single(x)).abs().max().item():.4f}")
