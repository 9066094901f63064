import numpy as np

from neuralnlp.basics.activations import relu
from neuralnlp.basics.neuron import Neuron

neuron = Neuron(np.array([0.5, -1.0, 2.0]), 0.1, activation=relu)

mistakes = [
    lambda: neuron(np.array([1, 2, 3])),  # integers: token ids or labels passed as features
    lambda: neuron(np.ones((2, 4))),  # four features for a neuron with three weights
    lambda: Neuron(np.ones(3), activation="relu"),  # a function's name where the function is needed
]
for mistake in mistakes:
    try:
        mistake()
    except (TypeError, ValueError) as error:
        print(f"{type(error).__name__}: {error}")
