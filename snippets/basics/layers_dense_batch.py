import numpy as np
import torch

from neuralnlp.basics.dense import Dense

rng = np.random.default_rng(0)
layer = Dense(in_features=3, out_features=4, rng=rng)

# A batch of 5 samples, one per row: Y = X Wᵀ + b gives one output row per sample.
X = rng.normal(size=(5, 3))
Y = layer(X)
print("X:", X.shape, "-> Y:", Y.shape)
print("row 2 of Y equals layer(X[2]):", np.allclose(Y[2], layer(X[2]), rtol=0, atol=1e-15))

# torch.nn.Linear stores its weight the same way, (out_features, in_features): copy ours in.
linear = torch.nn.Linear(3, 4, dtype=torch.float64)
with torch.no_grad():
    linear.weight.copy_(torch.from_numpy(layer.weight))
    linear.bias.copy_(torch.from_numpy(layer.bias))
err = np.abs(Y - linear(torch.from_numpy(X)).detach().numpy()).max()
print("max |ours - torch| < 1e-12:", err < 1e-12)
