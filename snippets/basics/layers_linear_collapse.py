import numpy as np

from neuralnlp.basics.activations import relu
from neuralnlp.basics.dense import Dense, compose_affine

rng = np.random.default_rng(0)
first, second = Dense(3, 8, rng=rng), Dense(8, 2, rng=rng)
X = rng.normal(size=(500, 3))

# Multiply the two layers out into one: W = W2 W1, b = W2 b1 + b2.
W, b = compose_affine(first.weight, first.bias, second.weight, second.bias)
collapsed = Dense.from_weights(W, b)
linear_stack = second(first(X))
print("two linear layers == one layer:", np.abs(linear_stack - collapsed(X)).max() < 1e-12)

# The same weights with ReLU between the layers.
first_relu = Dense.from_weights(first.weight, first.bias, activation=relu)
relu_net = second(first_relu(X))
print(f"with ReLU, max |network - collapsed layer| = {np.abs(relu_net - collapsed(X)).max():.4f}")


def unexplained_by_best_affine_map(X, Y):
    """Share of Y's variance that no single affine map X Aᵀ + c reproduces (least squares)."""
    X1 = np.hstack([X, np.ones((len(X), 1))])  # the column of ones carries the bias c
    coef, *_ = np.linalg.lstsq(X1, Y, rcond=None)
    return np.sum((X1 @ coef - Y) ** 2) / np.sum((Y - Y.mean(axis=0)) ** 2)


print("unexplained, linear stack < 1e-12:", unexplained_by_best_affine_map(X, linear_stack) < 1e-12)
print(f"unexplained, ReLU network: {unexplained_by_best_affine_map(X, relu_net):.1%}")
