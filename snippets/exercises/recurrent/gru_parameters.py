import torch

from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.rnn import RNN

d, m = 8, 32  # input_size, hidden_size
print("3(md + m^2 + 2m) =", 3 * (m * d + m * m + 2 * m))
print("our GRU:         ", sum(p.numel() for p in GRU(d, m).parameters()))
print("torch.nn.GRU:    ", sum(p.numel() for p in torch.nn.GRU(d, m).parameters()))
print("our RNN:         ", sum(p.numel() for p in RNN(d, m).parameters()))
