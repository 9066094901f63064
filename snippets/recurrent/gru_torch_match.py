import torch

from neuralnlp.recurrent.gru import GRU, GRUCell

torch.manual_seed(0)

# A whole sequence: our GRU against torch.nn.GRU with the same (copied) weights.
reference = torch.nn.GRU(input_size=3, hidden_size=4, dtype=torch.float64)
ours = GRU.from_torch(reference)
x = torch.randn(6, 2, 3, dtype=torch.float64)  # (seq, batch, input_size)
output, h_n = ours(x)
expected_output, expected_h_n = reference(x)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
err = max((output - expected_output).abs().max().item(), (h_n - expected_h_n).abs().max().item())
print("max |ours - torch| < 1e-12:", err < 1e-12)

# Gradients of a loss on every output, for all four parameter tensors (named like torch's: weight_ih_l0, ...).
output.pow(2).sum().backward()
expected_output.pow(2).sum().backward()
grad_err = max((p.grad - getattr(reference, name).grad).abs().max().item() for name, p in ours.named_parameters())
print("max |our gradient - torch's| < 1e-12:", grad_err < 1e-12)

# One step against central finite differences, for x and h.
cell = GRUCell(3, 4, dtype=torch.float64)
x1 = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
h = torch.randn(2, 4, dtype=torch.float64, requires_grad=True)
print("GRUCell gradcheck passed:", torch.autograd.gradcheck(cell, (x1, h)))
