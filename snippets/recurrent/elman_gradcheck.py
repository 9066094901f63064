import torch
from torch.func import functional_call

from neuralnlp.recurrent.rnn import RNN

torch.manual_seed(0)

rnn = RNN(input_size=3, hidden_size=4, dtype=torch.float64)  # finite differences need float64
names = [name for name, _ in rnn.named_parameters()]
x = torch.randn(6, 2, 3, dtype=torch.float64, requires_grad=True)
h0 = torch.randn(1, 2, 4, dtype=torch.float64, requires_grad=True)
params = [p.detach().clone().requires_grad_() for p in rnn.parameters()]


def run(x, h0, *params):
    """The RNN as a plain function of its inputs and parameters, so gradcheck can perturb all of them."""
    output, h_n = functional_call(rnn, dict(zip(names, params)), (x, h0))
    return output, h_n


# Autograd's gradients through all 6 time steps against central finite differences.
print("gradcheck passed:", torch.autograd.gradcheck(run, (x, h0, *params)))

# The same gradients as torch.nn.RNN's, for a loss on the outputs of every time step.
reference = torch.nn.RNN(3, 4, dtype=torch.float64)
with torch.no_grad():
    for name, p in zip(names, params):
        getattr(reference, name + "_l0").copy_(p)
run(x, h0, *params)[0].pow(2).sum().backward()
reference(x, h0)[0].pow(2).sum().backward()
err = max((p.grad - getattr(reference, name + "_l0").grad).abs().max().item() for name, p in zip(names, params))
print("max |our gradient - torch's| < 1e-12:", err < 1e-12)
