import numpy as np

from neuralnlp.basics.activations import gelu
from neuralnlp.basics.dense import Dense

# A layer of 4 neurons, each reading the same 3 inputs.
layer = Dense(in_features=3, out_features=4, activation=gelu, rng=0)
print("W shape:", layer.weight.shape, " b shape:", layer.bias.shape)

x = np.array([0.5, -1.0, 2.0])
y = layer(x)

# The same numbers, one neuron at a time: neuron i uses only row i of W and b[i].
one_by_one = np.array([gelu(layer.weight[i] @ x + layer.bias[i]) for i in range(4)])

print("layer(x):        ", np.round(y, 4))
print("neuron by neuron:", np.round(one_by_one, 4))
print("same numbers:", np.allclose(y, one_by_one, rtol=0, atol=1e-15))
