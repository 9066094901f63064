"""Backpropagation written by hand: a two-layer network in NumPy, and the SGD update.

``TwoLayerNet`` is x → dense → activation → dense → logits, trained with softmax cross-entropy.
``forward`` keeps what ``backward`` needs (the cache); ``backward`` applies the chain rule layer by
layer, from the loss back to the first weights; ``sgd_step`` moves every parameter against its
gradient. ``train_step`` puts the steps together. Tested against ``torch.autograd`` in float64.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from neuralnlp._checks import (
    as_float_array,
    as_numpy_generator,
    brief,
    check_choice,
    check_class_indices,
    check_finite,
    check_nonempty,
    check_positive_int,
    check_real,
)
from neuralnlp.basics.activations import relu, relu_grad, softmax, tanh, tanh_grad
from neuralnlp.basics.losses import cross_entropy, one_hot

_ACTIVATIONS = {"tanh": (tanh, tanh_grad), "relu": (relu, relu_grad)}


# --8<-- [start:sgd]
def sgd_step(params: dict, grads: dict, lr: float) -> None:
    """One step of gradient descent, in place: θ ← θ − η·∂L/∂θ for every parameter θ.

    params, grads: dicts with the same keys, each gradient with its parameter's shape.
    lr: the learning rate η > 0.
    """
    _check_sgd_args(params, grads, lr)
    for name, theta in params.items():
        theta -= lr * grads[name]  # in place: the model sees the new values
# --8<-- [end:sgd]


def _check_sgd_args(params: dict, grads: dict, lr: float) -> None:
    """Everything is checked before anything is updated, so a bad argument leaves params unchanged."""
    check_real(lr, "lr", 0, min_open=True, what="a learning rate")
    for name, value in (("params", params), ("grads", grads)):
        if not isinstance(value, Mapping):
            raise TypeError(f"{name}: expected a dict of NumPy arrays, got {brief(value)}")
    if set(params) != set(grads):
        raise ValueError(f"grads: expected keys {sorted(params, key=str)}, got {sorted(grads, key=str)}")
    for name, theta in params.items():
        if not isinstance(theta, np.ndarray):  # a float or NumPy scalar would be rebound, not updated
            raise TypeError(f"params[{name!r}]: expected a NumPy array (updated in place), got {brief(theta)}")
        as_float_array(theta, f"params[{name!r}]")
        grad = as_float_array(grads[name], f"grads[{name!r}]")
        if np.shape(grad) != np.shape(theta):
            raise ValueError(f"grads[{name!r}]: expected shape {np.shape(theta)}, got shape {np.shape(grad)}")
        check_finite(grad, f"grads[{name!r}]")


class TwoLayerNet:
    """Two dense layers with an activation f (tanh or ReLU) between them, for classification.

    Forward pass, for a batch X of B samples:

        Z1 = X W1ᵀ + b1        (B, hidden)      first dense layer
        H  = f(Z1)             (B, hidden)      hidden layer
        Z2 = H W2ᵀ + b2        (B, classes)     logits of the softmax output layer
        L  = −(1/B) Σᵢ log softmax(Z2ᵢ)₍yᵢ₎     softmax cross-entropy

    Backward pass, with P = softmax(Z2) and Y the one-hot targets (B, classes):

        dZ2 = (P − Y) / B                       ∂L/∂Z2
        dW2 = dZ2ᵀ H,   db2 = Σᵢ dZ2ᵢ           ∂L/∂W2 (classes, hidden), ∂L/∂b2 (classes,)
        dH  = dZ2 W2                            ∂L/∂H  (B, hidden)
        dZ1 = dH ⊙ f'(Z1)                       ∂L/∂Z1 (B, hidden)
        dW1 = dZ1ᵀ X,   db1 = Σᵢ dZ1ᵢ           ∂L/∂W1 (hidden, in), ∂L/∂b1 (hidden,)

    Parameters live in ``self.params`` as float64 arrays: W1 (hidden, in), b1 (hidden,),
    W2 (classes, hidden), b2 (classes,), laid out like ``torch.nn.Linear.weight`` (out, in).
    They start uniform in ±1/√fan_in, torch.nn.Linear's default range, from ``seed``.
    """

    def __init__(self, in_features: int, hidden_features: int, out_features: int, activation: str = "tanh", seed: int = 0):
        check_choice(activation, sorted(_ACTIVATIONS), "activation")
        in_features = check_positive_int(in_features, "in_features")
        hidden_features = check_positive_int(hidden_features, "hidden_features")
        out_features = check_positive_int(out_features, "out_features")
        self.in_features, self.out_features = in_features, out_features
        self.activation = activation
        rng = as_numpy_generator(seed, "seed")

        def uniform(shape, fan_in):
            bound = 1.0 / np.sqrt(fan_in)
            return rng.uniform(-bound, bound, size=shape)

        self.params = {
            "W1": uniform((hidden_features, in_features), in_features),
            "b1": uniform((hidden_features,), in_features),
            "W2": uniform((out_features, hidden_features), hidden_features),
            "b2": uniform((out_features,), hidden_features),
        }
        self._cache = None

    # --8<-- [start:forward]
    def forward(self, x):
        """Return the logits Z2 (B, classes) for x (B, in_features), and cache X, Z1, H, Z2."""
        x = self._check_input(x)
        p = self.params
        f, _ = _ACTIVATIONS[self.activation]
        z1 = x @ p["W1"].T + p["b1"]
        h = f(z1)
        z2 = h @ p["W2"].T + p["b2"]
        self._cache = (x, z1, h, z2)  # backward needs every intermediate result
        return z2
    # --8<-- [end:forward]

    # --8<-- [start:backward]
    def backward(self, y):
        """Gradients of the cross-entropy of the last forward pass, for targets y (B,) ints."""
        x, z1, h, z2 = self._cached_forward()
        y = check_class_indices(y, self.out_features, n_samples=len(x), name="y")
        p = self.params
        _, f_grad = _ACTIVATIONS[self.activation]
        dz2 = (softmax(z2) - one_hot(y, self.out_features)) / len(x)
        # step 3: the last layer's weights
        dW2, db2 = dz2.T @ h, dz2.sum(axis=0)
        # step 4: through the last layer, back to the hidden layer
        dh = dz2 @ p["W2"]
        # step 5: through the activation, to the previous layer's weights
        dz1 = dh * f_grad(z1)
        dW1, db1 = dz1.T @ x, dz1.sum(axis=0)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    # --8<-- [end:backward]

    def predict(self, x):
        """Class with the largest logit for each row of x (B, in_features): (B,) ints."""
        return self.forward(x).argmax(axis=-1)

    def _check_input(self, x) -> np.ndarray:
        x = as_float_array(x, "x")
        if x.ndim != 2 or x.shape[1] != self.in_features:
            raise ValueError(f"x: expected shape (batch, {self.in_features}), got shape {x.shape}")
        return x

    def _cached_forward(self):
        if self._cache is None:
            raise RuntimeError("backward: expected a forward() call first, got none")
        return self._cache


# --8<-- [start:train-step]
def train_step(net: TwoLayerNet, x, y, lr: float) -> float:
    """One step of training on the batch (x, y); returns the loss before the update."""
    _check_train_step(net, x, y, lr)  # before anything changes: bad arguments leave net as it was
    logits = net.forward(x)  # step 1: forward a batch
    loss = cross_entropy(logits, y)  # step 2: the loss
    grads = net.backward(y)  # steps 3-6: gradients, from the last layer back to the first
    sgd_step(net.params, grads, lr)  # update every weight
    return float(loss)
# --8<-- [end:train-step]


def _check_train_step(net, x, y, lr) -> None:
    if not isinstance(net, TwoLayerNet):
        raise TypeError(f"net: expected a TwoLayerNet, got {brief(net)}")
    x = net._check_input(x)
    check_nonempty(x, "x", what="sample (the mean loss of no sample is undefined)")
    check_class_indices(y, net.out_features, n_samples=len(x), name="y")
    check_real(lr, "lr", 0, min_open=True, what="a learning rate")
