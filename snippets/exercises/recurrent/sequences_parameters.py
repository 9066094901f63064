import torch
from torch import nn


class SimpleRNN(nn.Module):  # the repaired SimpleRNN of this page
    def __init__(self, in_dims: int, hidden_dims: int, out_dims: int):
        super().__init__()
        self.w0 = nn.Linear(in_dims + hidden_dims, hidden_dims)
        self.w1 = nn.Linear(hidden_dims, out_dims)


model = SimpleRNN(in_dims=4, hidden_dims=3, out_dims=2)
for name, p in model.named_parameters():
    print(f"{name:10s} {tuple(p.shape)}")
by_formula = (4 + 3) * 3 + 3 + 3 * 2 + 2  # w0: weights and bias; w1: weights and bias
print("parameters:", sum(p.numel() for p in model.parameters()), "by the formula:", by_formula)
