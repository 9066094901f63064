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
output, _ = two_biases(x)
with torch.no_grad():
    print("max |two biases - one bias| < 1e-12:", (output - one_bias(x)[0]).abs().max().item() < 1e-12)

# Only their sum enters the step, so the loss has the same gradient with respect to each.
output.pow(2).sum().backward()
print("grad of b_ih == grad of b_hh:", torch.equal(two_biases.bias_ih.grad, two_biases.bias_hh.grad))
