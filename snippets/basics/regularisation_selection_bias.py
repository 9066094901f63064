import numpy as np

from neuralnlp.basics.datasets import spiral
from neuralnlp.training import train_validation_test_split

# 100 "models" that ignore their input and guess a class at random: all of them are worth 1/3.
x, y = spiral(n_per_class=200, n_classes=3, noise=0.5, seed=0)
_, validation, test = train_validation_test_split(len(x), validation_fraction=0.45, test_fraction=0.45, seed=0)
rng = np.random.default_rng(0)
guesses = rng.integers(0, 3, size=(100, len(x)))  # row k: model k's prediction for every sample

validation_accuracy = (guesses[:, validation] == y[validation]).mean(axis=1)
test_accuracy = (guesses[:, test] == y[test]).mean(axis=1)
chosen = np.argmax(validation_accuracy)  # "model selection" on the validation set
print(f"random guessing is worth {1 / 3:.3f}")
print(f"best of 100 on the validation set: model {chosen}, validation accuracy {validation_accuracy[chosen]:.3f}")
print(f"the same model on the test set: {test_accuracy[chosen]:.3f}")
print(f"best of 100 if we had chosen on the test set: {test_accuracy.max():.3f}")
