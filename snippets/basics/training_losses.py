import numpy as np

from neuralnlp.basics.activations import sigmoid, softmax
from neuralnlp.basics.losses import binary_cross_entropy, binary_cross_entropy_with_logits, cross_entropy, mse, one_hot

# Regression: predictions and targets are real numbers.
print("MSE:", f"{mse(np.array([2.5, 0.0, 2.1]), np.array([3.0, -0.5, 2.0])):.4f}")

# Binary classification: the same loss from probabilities or, better, from logits.
z, y = np.array([2.0, -1.0, 0.5]), np.array([1.0, 0.0, 0.0])
print("BCE from probabilities:", f"{binary_cross_entropy(sigmoid(z), y):.4f}")
print("BCE from logits:       ", f"{binary_cross_entropy_with_logits(z, y):.4f}")

# Multi-class: each row holds one sample's logits; target holds class indices.
logits = np.array([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]])
target = np.array([0, 1])
p = softmax(logits)
print("p of the target class: ", np.round(p[np.arange(2), target], 4))
print("-log p of the target:  ", np.round(-np.log(p[np.arange(2), target]), 4))
# Summing over every class with a one-hot target keeps only the target's term.
print("-sum(one_hot * log p): ", np.round(-(one_hot(target, 3) * np.log(p)).sum(axis=1), 4))
print("cross_entropy, per sample:", np.round(cross_entropy(logits, target, reduction="none"), 4))
print("cross_entropy, mean:      ", f"{cross_entropy(logits, target):.4f}")
