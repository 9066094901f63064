import torch

from neuralnlp.recurrent.gru import GRUCell

torch.manual_seed(0)
m = 4
cell = GRUCell(3, m, dtype=torch.float64)
x, h = torch.randn(3, dtype=torch.float64), torch.randn(m, dtype=torch.float64)
identity = torch.eye(m, dtype=torch.float64)


def jacobian_gap() -> float:
    """max |∂h'/∂h - I| at (x, h)."""
    jacobian = torch.autograd.functional.jacobian(lambda h: cell(x, h), h)
    return (jacobian - identity).abs().max().item()


print(f"as initialised:  max |dh'/dh - I| = {jacobian_gap():.4f}")
with torch.no_grad():
    cell.bias_ih[m : 2 * m] = 20.0  # update gate z ≈ 1
print(f"with b_iz = +20: max |dh'/dh - I| = {jacobian_gap():.1e}")
