import numpy as np

from neuralnlp.basics.activations import relu
from neuralnlp.basics.neuron import Neuron

neuron = Neuron(np.array([0.5, -1.0, 2.0]), 0.1, activation=relu)

mistakes = [
    lambda: neuron(np.array([1, 2, 3])),  # integers: ids or labels?
    lambda: neuron(np.ones((2, 4))),  # 4 features for 3 weights
    lambda: Neuron(np.ones(3), activation="relu"),  # a name
]
for mistake in mistakes:
    try:
        mistake()
    except (TypeError, ValueError) as error:
        print(f"{type(error).__name__}: {error}")
