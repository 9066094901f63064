"""Small generated data sets for classification, and mini-batches over them.

- ``xor()``: the four corners of the unit square, labelled by x₁ XOR x₂; no straight line
  separates the two classes, so a network needs a hidden layer.
- ``spiral(...)``: interleaved 2-D spiral arms, one arm per class; far from linearly separable.
- ``minibatches(...)``: shuffled mini-batches of indices for one epoch of SGD.

Features are float64 arrays (n, 2); labels are int64 arrays (n,), classes 0, 1, ...
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_numpy_generator, check_numpy_generator, check_positive_int, check_real


def xor():
    """Return x (4, 2) float64, the corners (0,0), (0,1), (1,0), (1,1), and y (4,) int64 = x₁ XOR x₂."""
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0], dtype=np.int64)
    return x, y


# --8<-- [start:spiral]
def spiral(n_per_class: int = 100, n_classes: int = 3, noise: float = 0.2, seed: int = 0):
    """Spiral arms in the plane, one per class.

    Point j of class k (j = 0 … n−1, n = n_per_class) lies at radius r = j/(n−1) and angle
    θ = 4·(k + r) + noise·ε, with ε ~ N(0, 1):   x = (r·sin θ, r·cos θ).
    Each arm turns through 4 radians; the arms start 4 radians apart.

    Returns x (n_classes·n_per_class, 2) float64 and y (n_classes·n_per_class,) int64, grouped by
    class (all of class 0 first). The same arguments always give the same points.
    """
    check_positive_int(n_per_class, "n_per_class", minimum=2)
    check_positive_int(n_classes, "n_classes", minimum=2)
    check_real(noise, "noise", 0, what="a standard deviation")
    rng = as_numpy_generator(seed, "seed")
    r = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    y = np.repeat(np.arange(n_classes, dtype=np.int64), n_per_class)
    theta = 4.0 * (y + r) + noise * rng.standard_normal(r.shape)
    x = np.stack([r * np.sin(theta), r * np.cos(theta)], axis=1)
    return x, y
# --8<-- [end:spiral]


def minibatches(n_samples: int, batch_size: int, rng: np.random.Generator):
    """Return a list of index arrays that split a shuffled range(n_samples) into batches of ``batch_size``.

    Every index appears exactly once per epoch; the last batch is smaller when batch_size does not
    divide n_samples. Use as ``for idx in minibatches(len(x), 32, rng): step(x[idx], y[idx])``.
    """
    check_positive_int(n_samples, "n_samples", minimum=1)
    check_positive_int(batch_size, "batch_size", minimum=1)
    check_numpy_generator(rng)
    order = rng.permutation(n_samples)
    return [order[start : start + batch_size] for start in range(0, n_samples, batch_size)]
