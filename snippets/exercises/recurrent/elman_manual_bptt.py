import torch

from neuralnlp.recurrent.rnn import RNN

torch.manual_seed(0)
rnn = RNN(3, 4, dtype=torch.float64)
x = torch.randn(6, 3, dtype=torch.float64)  # one unbatched sequence, T = 6
output, _ = rnn(x)
loss = output.pow(2).sum() / 2  # a loss on the hidden state of every step
loss.backward()

# BPTT by hand: walk back from t = T, carrying dL/dh_t from the later steps.
W_hh = rnn.weight_hh.detach()
h = torch.cat([torch.zeros(1, 4, dtype=torch.float64), output.detach()])  # h_0 … h_T
grad_w_hh = torch.zeros_like(W_hh)
dL_dh = torch.zeros(4, dtype=torch.float64)  # the part that flows back from step t + 1
for t in range(len(x), 0, -1):
    dL_dh = dL_dh + h[t]  # this step's own loss: d(h_t^2 / 2)/dh_t = h_t
    delta = dL_dh * (1 - h[t] ** 2)  # through tanh: delta_t = dL/da_t
    grad_w_hh += torch.outer(delta, h[t - 1])  # delta_t h_{t-1}^T, summed over t
    dL_dh = W_hh.T @ delta  # on to h_{t-1}

print("autograd dL/dW_hh:\n", rnn.weight_hh.grad.numpy().round(4))
print("max |by hand - autograd| < 1e-12:", (grad_w_hh - rnn.weight_hh.grad).abs().max().item() < 1e-12)
