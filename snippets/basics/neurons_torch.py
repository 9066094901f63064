import numpy as np
import torch

from neuralnlp.basics.activations import sigmoid
from neuralnlp.basics.neuron import Neuron

torch.manual_seed(0)
# torch's layer for one neuron: Linear(3, 1), then the activation.
linear = torch.nn.Linear(3, 1, dtype=torch.float64)
print("torch weight shape:", tuple(linear.weight.shape), "bias shape:", tuple(linear.bias.shape))

# Copy its parameters into ours: the single row of weight is our weight vector.
w = linear.weight.detach().numpy()[0]
b = linear.bias.detach().numpy()[0]
neuron = Neuron(w, b, activation=sigmoid)

x = np.random.default_rng(0).normal(size=(4, 3))  # a batch of 4 inputs
ours = neuron(x)                                   # (4,)
theirs = torch.sigmoid(linear(torch.from_numpy(x))).detach().numpy()  # (4, 1)
print("ours:  ", np.round(ours, 4))
print("torch: ", np.round(theirs[:, 0], 4))
print("max |ours - torch| < 1e-12:", np.abs(ours - theirs[:, 0]).max() < 1e-12)
