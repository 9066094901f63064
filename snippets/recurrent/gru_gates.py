import torch

from neuralnlp.recurrent.gru import GRUCell

torch.manual_seed(0)
hidden = 4
cell = GRUCell(3, hidden, dtype=torch.float64)
x = torch.randn(3, dtype=torch.float64)
h_a, h_b = torch.randn(2, hidden, dtype=torch.float64)  # two different previous states
reset_bias, update_bias = cell.bias_ih[:hidden], cell.bias_ih[hidden : 2 * hidden]  # order r, z, n

# As initialised, the candidate depends on the previous state.
n_a, n_b = cell.gates(x, h_a)[2], cell.gates(x, h_b)[2]
print(f"default gates:  max |n(h_a) - n(h_b)| = {(n_a - n_b).abs().max():.4f}")

with torch.no_grad():
    reset_bias.fill_(-20.0)  # sigmoid(-20) ≈ 2e-9: reset gate closed
r_a, _, n_a = cell.gates(x, h_a)
n_b = cell.gates(x, h_b)[2]
print(f"b_ir = -20:     max r = {r_a.max():.1e}, max |n(h_a) - n(h_b)| < 1e-6: {(n_a - n_b).abs().max() < 1e-6}")

with torch.no_grad():
    update_bias.fill_(20.0)  # update gate ≈ 1
r, z, n = cell.gates(x, h_a)
h_new = cell(x, h_a)
print(f"b_iz = +20:     min z = {z.min():.6f}, max |h' - h| < 1e-6: {(h_new - h_a).abs().max() < 1e-6}")

with torch.no_grad():
    update_bias.fill_(-20.0)  # update gate ≈ 0
r, z, n = cell.gates(x, h_a)
h_new = cell(x, h_a)
print(f"b_iz = -20:     max z = {z.max():.1e}, max |h' - n| < 1e-6: {(h_new - n).abs().max() < 1e-6}")
print("h :", [round(v, 4) for v in h_a.tolist()])
print("n :", [round(v, 4) for v in n.tolist()])
print("h':", [round(v, 4) for v in h_new.tolist()])
