import torch

from neuralnlp.recurrent.gru import GRUCell
from neuralnlp.recurrent.rnn import RNNCell

torch.manual_seed(0)
m = 4
gru = GRUCell(3, m, dtype=torch.float64)
with torch.no_grad():
    gru.bias_ih[:m] = 20.0  # reset gate r ≈ 1: the old state enters the candidate in full
    gru.bias_ih[m : 2 * m] = -20.0  # update gate z ≈ 0: h' = n

# An Elman cell holding the candidate's rows (gate order r, z, n: rows 2m … 3m − 1).
rnn = RNNCell(3, m, dtype=torch.float64)
with torch.no_grad():
    rnn.weight_ih.copy_(gru.weight_ih[2 * m :])
    rnn.weight_hh.copy_(gru.weight_hh[2 * m :])
    rnn.bias_ih.copy_(gru.bias_ih[2 * m :])
    rnn.bias_hh.copy_(gru.bias_hh[2 * m :])
    x, h = torch.randn(3, dtype=torch.float64), torch.randn(m, dtype=torch.float64)
    gap = (gru(x, h) - rnn(x, h)).abs().max().item()
print(f"max |GRU step - Elman step| = {gap:.1e}")
