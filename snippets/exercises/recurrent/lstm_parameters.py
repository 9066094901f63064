import torch

from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.lstm import LSTM

d, m = 8, 32  # input_size, hidden_size
print("4(md + m^2 + 2m) =", 4 * (m * d + m * m + 2 * m))
print("our LSTM:        ", sum(p.numel() for p in LSTM(d, m).parameters()))
print("torch.nn.LSTM:   ", sum(p.numel() for p in torch.nn.LSTM(d, m).parameters()))
print("our GRU:         ", sum(p.numel() for p in GRU(d, m).parameters()))

# Two layers, both directions: the second layer reads 2m numbers per step.
deep = LSTM(d, m, num_layers=2, bidirectional=True)
print("layer 0, one direction:", 4 * (m * d + m * m + 2 * m), " layer 1, one direction:", 4 * (m * 2 * m + m * m + 2 * m))
print("2 layers, bidirectional:", sum(p.numel() for p in deep.parameters()),
      "=", 2 * (4 * (m * d + m * m + 2 * m) + 4 * (m * 2 * m + m * m + 2 * m)))
print("weight_ih_l1_reverse:", tuple(deep.weight_ih_l1_reverse.shape))
