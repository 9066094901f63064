import numpy as np

from neuralnlp.basics.activations import sigmoid, softmax

rng = np.random.default_rng(0)
h = rng.normal(size=4)  # what the last hidden layer produced for one sample

# Regression: a linear output layer, any real number comes out.
w, b = rng.normal(size=4), 0.1
print("linear :", f"{w @ h + b:.4f}")

# Binary classification: one logit, squashed into (0, 1) and read as P(class 1).
w, b = rng.normal(size=4), -0.2
print("sigmoid:", f"{sigmoid(w @ h + b):.4f}")

# Multi-class: one logit per class; softmax turns them into a probability vector.
W, b = rng.normal(size=(3, 4)), np.zeros(3)
p = softmax(W @ h + b)
print("softmax:", np.round(p, 4), "sum:", f"{p.sum():.4f}")
