"""A dense (fully connected) layer in NumPy: many neurons that read the same input.

A layer of ``out_features`` neurons, each with its own weights and bias, computes

    y = f(W x + b)            x: (in_features,),        y: (out_features,)
    Y = f(X Wᵀ + b)           X: (batch, in_features),  Y: (batch, out_features)

with ``W`` of shape ``(out_features, in_features)`` (row i holds neuron i's weights, the layout
of ``torch.nn.Linear.weight``) and ``b`` of shape ``(out_features,)``. The references these are
tested against: ``torch.nn.Linear`` with copied weights.

``compose_affine`` multiplies two stacked affine maps out into one, which is why a network needs
an activation function between its layers.
"""

from __future__ import annotations

import math
from typing import Callable, Optional

import numpy as np

from neuralnlp._checks import (
    as_float_array,
    as_numpy_generator,
    check_callable,
    check_finite,
    check_last_dim,
    check_nonempty,
    check_positive_int,
    check_shape,
)

Activation = Callable[[np.ndarray], np.ndarray]


def _check_activation(activation) -> None:
    if activation is not None:
        check_callable(activation, "activation", "a function such as neuralnlp.basics.activations.relu, or None")


def _check_matrix(arr: np.ndarray, name: str) -> None:
    if arr.ndim != 2:
        raise ValueError(f"{name}: expected a 2-D matrix (out_features, in_features), got shape {arr.shape}")


# --8<-- [start:dense]
class Dense:
    """Fully connected layer: y = f(W x + b), or for a batch Y = f(X Wᵀ + b).

    Args:
        in_features: length of each input vector.
        out_features: number of neurons, i.e. length of each output vector.
        activation: element-wise function f (e.g. ``neuralnlp.basics.activations.gelu``);
            ``None`` means no activation, y = W x + b.
        rng: seed (an integer >= 0), ``np.random.Generator`` or None, for the initial weights.

    Attributes:
        weight: (out_features, in_features); row i holds neuron i's weights, as in torch.
        bias: (out_features,).

    Shapes:
        x: (in_features,) or (batch, in_features)  ->  y: (out_features,) or (batch, out_features)
    """

    def __init__(self, in_features: int, out_features: int, activation: Optional[Activation] = None, rng=None):
        in_features = check_positive_int(in_features, "in_features")
        out_features = check_positive_int(out_features, "out_features")
        _check_activation(activation)
        rng = as_numpy_generator(rng)
        # torch.nn.Linear's default: every weight and bias drawn from U(-1/√in, 1/√in),
        # so the weighted sum of in_features inputs keeps a comparable scale.
        bound = 1.0 / math.sqrt(in_features)
        self.weight = rng.uniform(-bound, bound, size=(out_features, in_features))
        self.bias = rng.uniform(-bound, bound, size=out_features)
        self.activation = activation

    def __call__(self, x) -> np.ndarray:
        x = as_float_array(x, "x")
        check_last_dim(x, self.in_features, "x")
        z = x @ self.weight.T + self.bias  # x @ Wᵀ handles a single vector and a batch alike
        return z if self.activation is None else self.activation(z)
# --8<-- [end:dense]

    @classmethod
    def from_weights(cls, weight, bias, activation: Optional[Activation] = None) -> "Dense":
        """A layer with the given weight (out_features, in_features) and bias (out_features,).

        The arrays are copied, so later changes to them do not change the layer.
        """
        weight = as_float_array(weight, "weight")
        bias = as_float_array(bias, "bias")
        _check_matrix(weight, "weight")
        check_nonempty(weight, "weight", axis=0, what="row (one neuron)")
        check_nonempty(weight, "weight", axis=1, what="column (one input)")
        check_shape(bias, (weight.shape[0],), "bias")
        check_finite(weight, "weight")
        check_finite(bias, "bias")
        _check_activation(activation)
        layer = cls.__new__(cls)
        layer.weight = weight.copy()
        layer.bias = bias.copy()
        layer.activation = activation
        return layer

    @property
    def in_features(self) -> int:
        """Number of inputs each neuron takes: ``weight.shape[1]``."""
        return self.weight.shape[1]

    @property
    def out_features(self) -> int:
        """Number of neurons, that is of outputs: ``weight.shape[0]``."""
        return self.weight.shape[0]

    # --8<-- [start:parameter-count]
    @property
    def parameter_count(self) -> int:
        """in_features · out_features weights plus out_features biases."""
        return self.in_features * self.out_features + self.out_features
    # --8<-- [end:parameter-count]

    def __repr__(self) -> str:
        f = "None" if self.activation is None else getattr(self.activation, "__name__", repr(self.activation))
        return f"Dense(in_features={self.in_features}, out_features={self.out_features}, activation={f})"


# --8<-- [start:compose-affine]
def compose_affine(W1, b1, W2, b2) -> tuple[np.ndarray, np.ndarray]:
    """Collapse two stacked affine layers into one: W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂).

    Shapes:
        W1: (hidden, in), b1: (hidden,), W2: (out, hidden), b2: (out,)
        returns W: (out, in) and b: (out,)
    """
    W1, b1, W2, b2 = (as_float_array(a, n) for a, n in ((W1, "W1"), (b1, "b1"), (W2, "W2"), (b2, "b2")))
    _check_matrix(W1, "W1")
    _check_matrix(W2, "W2")
    check_shape(b1, (W1.shape[0],), "b1")
    check_shape(W2, (W2.shape[0], W1.shape[0]), "W2")  # W2 must read the hidden values W1 produces
    check_shape(b2, (W2.shape[0],), "b2")
    return W2 @ W1, W2 @ b1 + b2
# --8<-- [end:compose-affine]
