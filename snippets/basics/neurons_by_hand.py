import numpy as np

from neuralnlp.basics.activations import sigmoid
from neuralnlp.basics.neuron import Neuron

x = np.array([1.0, 2.0, 3.0])   # three inputs, e.g. outputs of the previous layer
w = np.array([0.5, -1.0, 2.0])  # one weight per input: how much each input counts, and with what sign
b = 0.1

# Step 1: the weighted sum, term by term.
terms = w * x
print("w_i * x_i:", terms)
z = terms.sum() + b
print(f"z = sum + b = {terms.sum():.1f} + {b} = {z:.1f}")

# Step 2: the activation squashes z into (0, 1).
y = sigmoid(z)
print(f"y = sigmoid(z) = {y:.4f}")

# The same neuron as an object, applied to one input and to a batch of three (one per row).
neuron = Neuron(w, b, activation=sigmoid)
print(f"Neuron(x) = {neuron(x):.4f}")
batch = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [2.0, 1.0, -1.0]])
print("batch (3, 3) ->", np.round(neuron(batch), 4), "shape", neuron(batch).shape)
