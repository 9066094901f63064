import torch

from neuralnlp.recurrent.rnn import RNN

n, m = 10, 20  # input_size, hidden_size
print("m*n + m*m + 2m =", m * n + m * m + 2 * m)
print("torch.nn.RNN:  ", sum(p.numel() for p in torch.nn.RNN(n, m).parameters()))
print("our RNN:       ", sum(p.numel() for p in RNN(n, m).parameters()))
