import torch

from neuralnlp.recurrent.rnn import RNN

torch.manual_seed(0)

reference = torch.nn.RNN(input_size=3, hidden_size=4, batch_first=True, dtype=torch.float64)
ours = RNN.from_torch(reference)

x = torch.randn(2, 5, 3, dtype=torch.float64)  # batch_first: (batch, seq, input_size)
h0 = torch.randn(1, 2, 4, dtype=torch.float64)  # (num_layers=1, batch, hidden_size), never batch-first
with torch.no_grad():
    output, h_n = ours(x, h0)
    expected_output, expected_h_n = reference(x, h0)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
print("same as torch (< 1e-12):", (output - expected_output).abs().max().item() < 1e-12
      and (h_n - expected_h_n).abs().max().item() < 1e-12)

# h_n is the hidden state after the last time step, i.e. the last row of each sequence's output.
print("h_n == output[:, -1]:", torch.equal(h_n[0], output[:, -1]))

# The initial state matters: starting from zeros gives a different h_n.
with torch.no_grad():
    _, h_n_from_zeros = ours(x)
print(f"max |h_n(h0) - h_n(zeros)| = {(h_n - h_n_from_zeros).abs().max().item():.4f}")
