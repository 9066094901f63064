import torch

from neuralnlp.pipeline.conv import max_over_time

# One filter, one text of 2 valid windows padded to 4; before any ReLU, both valid scores are negative.
h = torch.tensor([[[-0.5, -0.2, 0.0, 0.0]]], requires_grad=True)
zero_filled = h.masked_fill(torch.tensor([False, False, True, True]), 0.0).max(dim=2).values
print("padding filled with 0, then max:", zero_filled.item())
m = max_over_time(h, torch.tensor([2]))
print("max over the valid windows:     ", round(m.item(), 2))
m.sum().backward()
print("gradient:", h.grad[0, 0].tolist())
