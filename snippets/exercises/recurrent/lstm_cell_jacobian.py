import torch
from torch.autograd.functional import jacobian

from neuralnlp.recurrent.lstm import LSTMCell

torch.manual_seed(0)
cell = LSTMCell(3, 4, dtype=torch.float64)
x, h, c = (torch.randn(n, dtype=torch.float64) for n in (3, 4, 4))

# dc'/dc with x and h held fixed: the gates do not read c, so c' = f ⊙ c + i ⊙ g gives diag(f).
f = cell.gates(x, (h, c))[1]
J = jacobian(lambda c: cell(x, (h, c))[1], c)
print("f:", [round(v, 4) for v in f.tolist()])
print("dc'/dc equals diag(f):", torch.allclose(J, torch.diag(f)))
print("off-diagonal entries are 0:", bool((J - torch.diag(torch.diagonal(J)) == 0).all()))

# Over N steps with the same f, the path from c_0 to c_N multiplies f N times.
for bias in (0.0, 1.0, 3.0):
    kept = [torch.sigmoid(torch.tensor(bias)).item() ** n for n in (10, 20, 40)]
    print(f"f = sigmoid({bias:.0f}) = {torch.sigmoid(torch.tensor(bias)).item():.3f}: f^10, f^20, f^40 =",
          ", ".join(f"{k:.1e}" for k in kept))
