import torch

from neuralnlp.recurrent.rnn import RNN

torch.manual_seed(0)

reference = torch.nn.RNN(input_size=3, hidden_size=4)
ours = RNN.from_torch(reference)  # same weights, copied

# torch adds a layer suffix (_l0) to each name; the shapes are the same.
for (name, p), (torch_name, q) in zip(ours.named_parameters(), reference.named_parameters()):
    print(f"{name:<10} {torch_name:<13} {tuple(p.shape)}")

x = torch.randn(5, 2, 3)  # (seq, batch, input_size)
with torch.no_grad():
    output, h_n = ours(x)
    expected_output, expected_h_n = reference(x)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
err = max((output - expected_output).abs().max().item(), (h_n - expected_h_n).abs().max().item())
print("float32, max |ours - torch| < 1e-6:", err < 1e-6)

reference64 = torch.nn.RNN(3, 4, dtype=torch.float64)
ours64 = RNN.from_torch(reference64)
x64 = torch.randn(5, 2, 3, dtype=torch.float64)
with torch.no_grad():
    err64 = (ours64(x64)[0] - reference64(x64)[0]).abs().max().item()
print("float64, max |ours - torch| < 1e-12:", err64 < 1e-12)
