import numpy as np
import torch

from neuralnlp.basics.feedforward import FeedForward, layer_outputs, to_dense_layers

torch.manual_seed(0)
# x: 4 features -> hidden layer h1: 8 neurons -> y: 3 outputs; GELU after the hidden layer only (the default).
model = FeedForward(in_features=4, hidden_features=8, out_features=3).double()
print(model)

x = np.random.default_rng(0).normal(size=(2, 4))  # a batch of 2 samples

# The forward pass in NumPy, one layer at a time, with the model's weights copied over.
h1, y = layer_outputs(to_dense_layers(model), x)
print("x:", x.shape, "-> h1:", h1.shape, "-> y:", y.shape)
print("h1 of sample 0:", np.round(h1[0], 4))
print("y:\n", np.round(y, 4))

y_torch = model(torch.from_numpy(x)).detach().numpy()
print("NumPy layers == FeedForward (max diff < 1e-12):", np.abs(y - y_torch).max() < 1e-12)
