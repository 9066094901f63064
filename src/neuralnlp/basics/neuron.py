"""A single artificial neuron in NumPy: a weighted sum, plus a bias, through an activation function."""

from __future__ import annotations

from typing import Callable

import numpy as np

from neuralnlp._checks import as_float_array, check_callable, check_finite, check_nonempty
from neuralnlp.basics.activations import identity


class Neuron:
    r"""One neuron: y = f(Σᵢ wᵢxᵢ + b) = f(w·x + b).

    It matches ``torch.nn.Linear(n, 1)`` followed by the activation, with ``linear.weight`` of shape
    (1, n) equal to ``weights[None, :]`` and ``linear.bias`` of shape (1,) equal to ``[bias]``.

    Args:
        weights: w, a float array of shape (n,), one weight per input.
        bias: b, a float scalar.
        activation: f, a function applied element-wise, e.g. ``neuralnlp.basics.activations.sigmoid``.
            Defaults to the identity (a linear neuron).

    Shapes:
        x: (n,) for one input, or (batch, n) for a batch of inputs, one per row.
        output: () for one input, or (batch,) for a batch: one number per input.

    Raises:
        TypeError: when weights, bias or x are not floating-point, or activation is not callable.
        ValueError: when weights is not 1-D or empty, bias is not a scalar, weights or bias are not finite,
            or x is not (n,) or (batch, n).
    """

    def __init__(self, weights, bias=0.0, activation: Callable = identity):
        weights = as_float_array(weights, "weights")
        if weights.ndim != 1:
            raise ValueError(f"weights: expected shape (n,), one weight per input, got shape {weights.shape}")
        check_nonempty(weights, "weights", what="weight (a neuron reads at least one input)")
        check_finite(weights, "weights")
        bias = as_float_array(bias, "bias")
        if bias.ndim != 0:
            raise ValueError(f"bias: expected a scalar, shape (), got shape {bias.shape}")
        check_finite(bias, "bias")
        check_callable(activation, "activation")
        self.weights = weights
        self.bias = bias
        self.activation = activation

    @property
    def in_features(self) -> int:
        """n, the number of inputs the neuron expects."""
        return self.weights.shape[0]

    def _check_input(self, x) -> np.ndarray:
        x = as_float_array(x, "x")
        n = self.in_features
        if x.ndim not in (1, 2) or x.shape[-1] != n:  # one message for both: it names the shapes accepted
            raise ValueError(f"x: expected shape ({n},) or (batch, {n}), got shape {x.shape}")
        return x

    # --8<-- [start:forward]
    def weighted_sum(self, x):
        """z = Σᵢ wᵢxᵢ + b, the pre-activation. x: (n,) or (batch, n) → z: () or (batch,)."""
        x = self._check_input(x)
        return x @ self.weights + self.bias

    def forward(self, x):
        """y = f(z): x: (n,) or (batch, n) → y: () or (batch,)."""
        return self.activation(self.weighted_sum(x))

    __call__ = forward  # neuron(x), as with a torch module
    # --8<-- [end:forward]

    def __repr__(self) -> str:
        name = getattr(self.activation, "__name__", type(self.activation).__name__)
        return f"Neuron(in_features={self.in_features}, activation={name})"
