import torch

from neuralnlp.pipeline.conv import max_over_time

# Conv outputs of one filter for two texts padded to 5 windows: text 0 has 2 valid windows, text 1 has 5.
# The windows past text 0's end saw only padding; here they happen to hold large values.
h = torch.tensor([[[-0.7, -0.2, 0.9, 1.3, 0.4]],
                  [[0.1, 0.5, -0.3, 0.8, 0.2]]], requires_grad=True)
lengths = torch.tensor([2, 5])

print("plain max over all 5 windows:", [round(v, 2) for v in h.max(dim=2).values.flatten().tolist()])
m, where = max_over_time(h, lengths, return_positions=True)
print("max over the valid windows:  ", [round(v, 2) for v in m.flatten().tolist()],
      " winners at t =", where.flatten().tolist())

# Backward: each maximum sends its gradient to its winning window only.
m.sum().backward()
print("gradient:", h.grad[:, 0].tolist())

# A length of 0 (an empty text) is refused: it has no window to pool.
try:
    max_over_time(h, torch.tensor([0, 5]))
except ValueError as error:
    print("ValueError:", error)
