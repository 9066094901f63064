import torch

from neuralnlp.recurrent.rnn import RNN

torch.manual_seed(0)
two_biases = RNN(3, 4, dtype=torch.float64)
one_bias = RNN(3, 4, dtype=torch.float64)
with torch.no_grad():
    one_bias.load_state_dict(two_biases.state_dict())
    one_bias.bias_ih += one_bias.bias_hh  # fold b_hh into b_ih ...
    one_bias.bias_hh.zero_()  # ... and drop it
    x = torch.randn(7, 2, 3, dtype=torch.float64)
    gap = (two_biases(x)[0] - one_bias(x)[0]).abs().max().item()
print("max |two biases - one bias| < 1e-12:", gap < 1e-12)
