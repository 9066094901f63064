import torch

from neuralnlp.recurrent.rnn import RNN

torch.manual_seed(0)
rnn = RNN(input_size=3, hidden_size=4)
x = torch.randn(5, 2, 3)  # (seq, batch, input_size)

# Vectors of the wrong length, e.g. embeddings of size 8 fed to an RNN built for 3.
try:
    rnn(torch.randn(5, 2, 8))
except ValueError as e:
    print("ValueError:", e)

# An initial state without the leading num_layers axis: (batch, hidden) instead of (1, batch, hidden).
try:
    rnn(x, torch.zeros(2, 4))
except ValueError as e:
    print("ValueError:", e)

# Token ids instead of vectors: they must go through an embedding layer first.
try:
    rnn(torch.tensor([[1, 2, 0]]))
except TypeError as e:
    print("TypeError:", e)
