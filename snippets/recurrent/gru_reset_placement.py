import torch

from neuralnlp.recurrent.gru import GRUCell

torch.manual_seed(0)
cell = GRUCell(3, 4, dtype=torch.float64)
x = torch.randn(3, dtype=torch.float64)
h = torch.randn(4, dtype=torch.float64)
w_in, w_hn = cell.weight_ih[8:], cell.weight_hh[8:]  # candidate rows: gate order r, z, n
b_in, b_hn = cell.bias_ih[8:], cell.bias_hh[8:]


def candidate_after(r, b_hn):  # PyTorch: r scales W_hn h + b_hn
    return torch.tanh(w_in @ x + b_in + r * (w_hn @ h + b_hn))


def candidate_before(r, b_hn):  # Cho et al. 2014: r scales h before the matmul
    return torch.tanh(w_in @ x + b_in + w_hn @ (r * h) + b_hn)


def gap(r, b_hn):
    return (candidate_after(r, b_hn) - candidate_before(r, b_hn)).abs().max().item()


r, z, n = cell.gates(x, h)
print("reset gate r:", [round(v, 4) for v in r.tolist()])
print("GRUCell's n is the 'after' form:", (n - candidate_after(r, b_hn)).abs().max().item() < 1e-15)
print(f"r from the cell,       b_hn as is: max |after - before| = {gap(r, b_hn):.4f}")
print(f"r from the cell,       b_hn = 0:   max |after - before| = {gap(r, 0 * b_hn):.4f}")
same_r = torch.full_like(r, 0.3)  # one value in every unit: r ⊙ (W h) = W (r ⊙ h)
print(f"r = 0.3 in every unit, b_hn as is: max |after - before| = {gap(same_r, b_hn):.4f}")
print(f"r = 0.3 in every unit, b_hn = 0:   max |after - before| < 1e-15: {gap(same_r, 0 * b_hn) < 1e-15}")
print(f"r = 1 in every unit,   b_hn as is: max |after - before| < 1e-15: {gap(torch.ones_like(r), b_hn) < 1e-15}")
