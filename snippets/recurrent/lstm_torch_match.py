import torch

from neuralnlp.recurrent.lstm import LSTM, LSTMCell

torch.manual_seed(0)

# Two stacked layers, both directions: our LSTM against torch.nn.LSTM with the same (copied) weights.
reference = torch.nn.LSTM(input_size=3, hidden_size=4, num_layers=2, bidirectional=True, dtype=torch.float64)
ours = LSTM.from_torch(reference)
print("parameters:", [name for name, _ in ours.named_parameters()][:4], "...", len(list(ours.parameters())), "in all")
x = torch.randn(6, 2, 3, dtype=torch.float64)  # (seq, batch, input_size)
output, (h_n, c_n) = ours(x)
expected_output, (expected_h_n, expected_c_n) = reference(x)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape), " c_n:", tuple(c_n.shape))
pairs = [(output, expected_output), (h_n, expected_h_n), (c_n, expected_c_n)]
print("max |ours - torch| < 1e-12:", max((a - b).abs().max().item() for a, b in pairs) < 1e-12)

# Gradients of a loss on every output and on both final states, for all 16 parameter tensors.
for out, (h, c) in ((output, (h_n, c_n)), (expected_output, (expected_h_n, expected_c_n))):
    (out.pow(2).sum() + h.sum() + c.sum()).backward()
grad_err = max((p.grad - getattr(reference, name).grad).abs().max().item() for name, p in ours.named_parameters())
print("max |our gradient - torch's| < 1e-12:", grad_err < 1e-12)

# One step against central finite differences, for x, h and c.
cell = LSTMCell(3, 4, dtype=torch.float64)
x1, h, c = (torch.randn(2, n, dtype=torch.float64, requires_grad=True) for n in (3, 4, 4))
print("LSTMCell gradcheck passed:", torch.autograd.gradcheck(lambda x, h, c: cell(x, (h, c)), (x1, h, c)))
