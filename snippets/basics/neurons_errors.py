import numpy as np

from neuralnlp.basics.activations import relu
from neuralnlp.basics.neuron import Neuron

neuron = Neuron(np.array([0.5, -1.0, 2.0]), 0.1, activation=relu)

# Integer arrays usually mean token ids or labels passed by mistake, so they are refused, not cast.
try:
    neuron(np.array([1, 2, 3]))
except TypeError as e:
    print("TypeError:", e)

# Four features for a neuron that has three weights.
try:
    neuron(np.ones((2, 4)))
except ValueError as e:
    print("ValueError:", e)
