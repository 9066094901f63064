import torch

from neuralnlp.recurrent.gru import GRUCell

torch.manual_seed(0)
m = 4
cell = GRUCell(3, m, dtype=torch.float64)
x, h = torch.randn(3, dtype=torch.float64), torch.randn(m, dtype=torch.float64)
r, z, n = cell.gates(x, h)

# The other convention, h' = (1 - z) h + z n, with z computed from negated update-gate parameters.
rows = slice(m, 2 * m)  # update-gate rows (order r, z, n)
a = cell.weight_ih[rows] @ x + cell.bias_ih[rows] + cell.weight_hh[rows] @ h + cell.bias_hh[rows]
z_other = torch.sigmoid(-a)  # negating W_iz, W_hz, b_iz, b_hz negates the pre-activation a
h_other = (1 - z_other) * h + z_other * n
print("max |PyTorch form - other form| < 1e-15:", (cell(x, h) - h_other).abs().max().item() < 1e-15)
