"""Loss functions for the three usual output layers, in NumPy.

- a linear output layer (regression) is trained with the mean squared error, ``mse``;
- a sigmoid output layer (binary classification) with ``binary_cross_entropy`` on probabilities,
  or better ``binary_cross_entropy_with_logits`` on the logits before the sigmoid;
- a softmax output layer (multi-class classification) with ``cross_entropy`` on the logits, computed
  as ``nll_loss(log_softmax(logits), target)``.

Every loss takes ``reduction``: ``"mean"`` (the default, as in torch), ``"sum"`` or ``"none"`` (one
value per element, or per sample for the class-index losses). The mean of an empty batch raises
``ValueError`` (torch returns nan); its sum is 0. The references these are tested
against are ``torch.nn.functional.mse_loss``, ``binary_cross_entropy``,
``binary_cross_entropy_with_logits``, ``nll_loss`` and ``cross_entropy``.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import (
    as_float_array,
    check_class_indices,
    check_positive_int,
    check_same_shape,
    check_values_in,
    reduce_losses,
)
from neuralnlp.basics.activations import log_softmax


def _check_scores(x, name: str, reduction: str) -> np.ndarray:
    x = as_float_array(x, name)
    if x.ndim != 2 or x.shape[1] == 0:
        raise ValueError(f"{name}: expected shape (batch, classes) with at least one class, got shape {x.shape}")
    if reduction == "mean" and x.shape[0] == 0:
        raise ValueError(f"{name}: expected at least one sample to average over (reduction='mean'), got shape {x.shape}")
    return x


def _check_log_probs(log_probs, reduction: str) -> np.ndarray:
    """Log-probabilities are <= 0: probabilities or logits passed by mistake give a meaningless loss."""
    log_probs = _check_scores(log_probs, "log_probs", reduction)
    if (log_probs > 0).any():
        raise ValueError(f"log_probs: expected log-probabilities (values <= 0, e.g. from log_softmax), "
                         f"got values up to {log_probs.max()}")
    return log_probs


# --8<-- [start:mse]
def mse(prediction, target, reduction: str = "mean"):
    """Mean squared error: L = (1/N) Σᵢ (ŷᵢ − yᵢ)², over all N elements.

    prediction, target: float arrays of the same shape (any shape).
    """
    prediction = as_float_array(prediction, "prediction")
    target = as_float_array(target, "target")
    check_same_shape(prediction, target, "prediction", "target")
    return reduce_losses((prediction - target) ** 2, reduction, "prediction")
# --8<-- [end:mse]


def mse_grad(prediction, target):
    """Gradient of the mean-reduced ``mse`` with respect to the prediction: ∂L/∂ŷᵢ = 2(ŷᵢ − yᵢ)/N.

    prediction, target: float arrays of the same shape. Returns an array of that shape.
    """
    prediction = as_float_array(prediction, "prediction")
    target = as_float_array(target, "target")
    check_same_shape(prediction, target, "prediction", "target")
    return 2.0 * (prediction - target) / prediction.size


def binary_cross_entropy(probability, target, reduction: str = "mean"):
    """Binary cross-entropy on probabilities: L = −(1/N) Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)].

    probability: float array of values in [0, 1], the output of a sigmoid output layer.
    target: float array of the same shape, values in [0, 1] (usually 0 or 1).

    Like torch, each log is clamped at −100, so p = 0 with y = 1 costs 100 rather than inf. Passing
    logits to ``binary_cross_entropy_with_logits`` avoids the problem altogether.
    """
    p = as_float_array(probability, "probability")
    y = as_float_array(target, "target")
    check_same_shape(p, y, "probability", "target")
    check_values_in(p, "probability", 0, 1)
    check_values_in(y, "target", 0, 1)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100.0)
        log_1mp = np.maximum(np.log1p(-p), -100.0)
    return reduce_losses(-(y * log_p + (1.0 - y) * log_1mp), reduction, "probability")


# --8<-- [start:bce-logits]
def binary_cross_entropy_with_logits(logits, target, reduction: str = "mean"):
    """Binary cross-entropy on logits z, with p = σ(z), computed without forming p:

        −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^(−|z|))

    The right-hand side never exponentiates a positive number, so it neither overflows nor takes
    log(0), however large |z| is.

    logits, target: float arrays of the same shape; target values in [0, 1].
    """
    z = as_float_array(logits, "logits")
    y = as_float_array(target, "target")
    check_same_shape(z, y, "logits", "target")
    check_values_in(y, "target", 0, 1)
    return reduce_losses(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))), reduction, "logits")
# --8<-- [end:bce-logits]


# --8<-- [start:cross-entropy]
def nll_loss(log_probs, target, reduction: str = "mean"):
    """Negative log-likelihood: L = −(1/B) Σᵢ log pᵢ,₍yᵢ₎, the log-probability of each sample's class.

    log_probs: (batch, classes) float array of log-probabilities, e.g. from ``log_softmax``.
    target: (batch,) integer array of class indices in [0, classes − 1].
    """
    log_probs = _check_log_probs(log_probs, reduction)
    target = check_class_indices(target, n_classes=log_probs.shape[1], n_samples=log_probs.shape[0])
    picked = log_probs[np.arange(len(target)), target]
    return reduce_losses(-picked, reduction, "log_probs")


def cross_entropy(logits, target, reduction: str = "mean"):
    """Softmax cross-entropy: L = −(1/B) Σᵢ log softmax(zᵢ)₍yᵢ₎ = nll_loss(log_softmax(z), y).

    logits: (batch, classes) float array, the raw scores of a softmax output layer.
    target: (batch,) integer array of class indices in [0, classes − 1].

    log_softmax subtracts the row maximum before exponentiating, so large logits stay finite.
    """
    logits = _check_scores(logits, "logits", reduction)
    return nll_loss(log_softmax(logits, axis=-1), target, reduction)
# --8<-- [end:cross-entropy]


def one_hot(target, n_classes: int) -> np.ndarray:
    """One-hot vectors: row i is all zeros except a 1 at column target[i].

    target: (batch,) integer class indices in [0, n_classes − 1]. Returns (batch, n_classes) float64.
    """
    n_classes = check_positive_int(n_classes, "n_classes")
    target = check_class_indices(target, n_classes)
    out = np.zeros((len(target), n_classes))
    out[np.arange(len(target)), target] = 1.0
    return out
