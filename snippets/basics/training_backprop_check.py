import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.basics.backprop import TwoLayerNet
from neuralnlp.basics.datasets import spiral

x, y = spiral(n_per_class=10, n_classes=3, noise=0.2, seed=0)
net = TwoLayerNet(2, 16, 3, activation="tanh", seed=0)
logits = net.forward(x)
grads = net.backward(y)  # our hand-written backward pass

# The same network in torch, with the same float64 weights; autograd does the backward pass.
p = {name: torch.tensor(value, requires_grad=True) for name, value in net.params.items()}
h = torch.tanh(F.linear(torch.from_numpy(x), p["W1"], p["b1"]))
loss = F.cross_entropy(F.linear(h, p["W2"], p["b2"]), torch.from_numpy(y))
loss.backward()

for name, g in grads.items():
    err = np.abs(g - p[name].grad.numpy()).max()
    print(f"d{name}: shape {g.shape}, max |ours - autograd| < 1e-12: {err < 1e-12}")
