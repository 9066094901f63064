import torch

from neuralnlp.recurrent.lstm import LSTMCell

torch.manual_seed(0)
hidden = 4
cell = LSTMCell(3, hidden, dtype=torch.float64)
x = torch.randn(3, dtype=torch.float64)
h, c = torch.randn(2, hidden, dtype=torch.float64)  # the previous hidden state and memory cell
input_bias, forget_bias = cell.bias_ih[:hidden], cell.bias_ih[hidden : 2 * hidden]  # gate order i, f, g, o

i, f, g, o, c_new = cell.gates(x, (h, c))
print(f"default gates:       f = {[round(v, 3) for v in f.tolist()]}, max |c' - c| = {(c_new - c).abs().max():.4f}")

with torch.no_grad():
    forget_bias.fill_(20.0)  # sigmoid(20) ≈ 1: keep everything
    input_bias.fill_(-20.0)  # sigmoid(-20) ≈ 2e-9: write nothing
i, f, g, o, c_new = cell.gates(x, (h, c))
print(f"b_if = +20, b_ii = -20: max |c' - c| < 1e-6: {(c_new - c).abs().max() < 1e-6}")

with torch.no_grad():
    forget_bias.fill_(-20.0)  # forget everything
    input_bias.fill_(20.0)  # write the whole candidate
i, f, g, o, c_new = cell.gates(x, (h, c))
print(f"b_if = -20, b_ii = +20: max |c' - g| < 1e-6: {(c_new - g).abs().max() < 1e-6}")

# Whatever the gates, h' = o ⊙ tanh(c') lies in (-1, 1), while c' may grow past it.
with torch.no_grad():
    forget_bias.fill_(20.0)
c_big = torch.full((hidden,), 5.0, dtype=torch.float64)
h_new, c_new = cell(x, (h, c_big))
print("c':", [round(v, 4) for v in c_new.tolist()])
print("h':", [round(v, 4) for v in h_new.tolist()])
