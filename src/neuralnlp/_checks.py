"""Input validation shared by every module: errors name the argument, what was expected and what was received.

Every message has the form ``"<argument>: expected <what>, got <what>"``. One function per kind of
argument, used everywhere that kind of argument is accepted, so the same mistake gets the same
message on every path.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

REDUCTIONS = ("mean", "sum", "none")


# ---- NumPy arrays ---------------------------------------------------------------------------------

def as_float_array(x, name: str = "x") -> np.ndarray:
    """Return ``x`` as a floating-point NumPy array, or raise ``TypeError`` naming the dtype received.

    Integer and boolean inputs are rejected rather than silently cast: an integer array usually
    means token ids or labels were passed where features were expected.
    """
    arr = np.asarray(x)
    if not np.issubdtype(arr.dtype, np.floating):
        raise TypeError(f"{name}: expected a floating-point array (float32 or float64), got dtype {arr.dtype}")
    return arr


def check_last_dim(arr: np.ndarray, expected: int, name: str = "x") -> None:
    """Raise ``ValueError`` unless the last axis of ``arr`` has length ``expected``."""
    if arr.ndim == 0 or arr.shape[-1] != expected:
        raise ValueError(
            f"{name}: expected shape (..., {expected}) with {expected} features on the last axis, "
            f"got shape {tuple(arr.shape)}"
        )


def check_shape(arr: np.ndarray, expected: tuple, name: str) -> None:
    """Raise ``ValueError`` unless ``arr.shape == expected``."""
    if tuple(arr.shape) != tuple(expected):
        raise ValueError(f"{name}: expected shape {tuple(expected)}, got shape {tuple(arr.shape)}")


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise ``ValueError`` naming ``name_b`` unless ``b`` has the shape of ``a``."""
    if a.shape != b.shape:
        raise ValueError(f"{name_b}: expected the shape of {name_a}, {a.shape}, got shape {b.shape}")


def check_class_indices(target, n_classes: int, n_samples: int | None = None, name: str = "target") -> np.ndarray:
    """Return ``target`` as an integer array of class indices in [0, n_classes), one per sample.

    Raises:
        TypeError: the indices are not integers.
        ValueError: not 1-D (or not ``n_samples`` long), or an index is out of range.
    """
    target = np.asarray(target)
    if not np.issubdtype(target.dtype, np.integer):
        raise TypeError(f"{name}: expected integer class indices, got dtype {target.dtype}")
    if target.ndim != 1 or (n_samples is not None and len(target) != n_samples):
        expected = "(batch,)" if n_samples is None else f"({n_samples},)"
        raise ValueError(f"{name}: expected shape {expected}, one class index per sample, got shape {target.shape}")
    bad = (target < 0) | (target >= n_classes)
    if bad.any():
        raise ValueError(
            f"{name}: expected class indices in [0, {n_classes - 1}], got {target[bad][0]} (at position {np.argmax(bad)})"
        )
    return target


def reduce_losses(losses: np.ndarray, reduction: str):
    """Apply torch's ``reduction``: ``"mean"``, ``"sum"`` or ``"none"`` (the per-sample losses)."""
    if reduction == "mean":
        return losses.mean()
    if reduction == "sum":
        return losses.sum()
    if reduction == "none":
        return losses
    raise ValueError(f"reduction: expected one of {REDUCTIONS}, got {reduction!r}")


# ---- sizes ----------------------------------------------------------------------------------------

def check_positive_int(value, name: str, minimum: int = 1) -> int:
    """Return ``value`` as an ``int`` if it is an integer (Python or NumPy) of at least ``minimum``.

    Raises:
        TypeError: not an integer (``bool`` and floats such as 3.0 included).
        ValueError: smaller than ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name}: expected an integer >= {minimum}, got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name}: expected an integer >= {minimum}, got {value!r}")
    return int(value)


# ---- torch tensors --------------------------------------------------------------------------------

def check_float_tensor(x, name: str, dtype=None) -> None:
    """Raise ``TypeError`` unless ``x`` is a floating-point tensor (of ``dtype``, when given)."""
    import torch  # here, not at the top: the NumPy chapters must not import torch

    if not torch.is_tensor(x):
        raise TypeError(f"{name}: expected a floating-point torch.Tensor, got type {type(x).__name__}")
    if not x.is_floating_point():
        raise TypeError(f"{name}: expected a floating-point tensor (float32 or float64), got dtype {x.dtype}")
    if dtype is not None and x.dtype != dtype:
        raise TypeError(f"{name}: expected dtype {dtype} (the dtype of the parameters), got dtype {x.dtype}")


def check_tensor_shape(x, expected: tuple, dtype, name: str) -> None:
    """TypeError / ValueError unless ``x`` is a float tensor of ``dtype`` and exactly the ``expected`` shape."""
    check_float_tensor(x, name, dtype)
    if tuple(x.shape) != tuple(expected):
        raise ValueError(f"{name}: expected shape {tuple(expected)}, got shape {tuple(x.shape)}")


# ---- hyper-parameters -----------------------------------------------------------------------------

def check_non_negative(value, name: str, what: str = "a number") -> float:
    """Return ``value`` as a ``float`` if it is a finite real number >= 0 (a learning rate, a decay).

    Raises:
        TypeError: not a real number (``bool`` and strings included).
        ValueError: negative, infinite or NaN.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name}: expected {what} >= 0, got {type(value).__name__} {value!r}")
    if not (value >= 0 and math.isfinite(value)):
        raise ValueError(f"{name}: expected {what} >= 0, got {value!r}")
    return float(value)


def check_fraction(value, name: str, what: str = "a number") -> float:
    """Return ``value`` as a ``float`` if it is a real number in [0, 1) (a beta, a dropout probability).

    Raises:
        TypeError: not a real number.
        ValueError: outside [0, 1), or NaN.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name}: expected {what} in [0, 1), got {type(value).__name__} {value!r}")
    if not 0 <= value < 1:
        raise ValueError(f"{name}: expected {what} in [0, 1), got {value!r}")
    return float(value)


def check_leaf_parameter(tensor, name: str) -> None:
    """Raise unless ``tensor`` is a floating-point leaf tensor, the kind an optimiser may update in place.

    A non-leaf tensor is the result of an operation (``w * 2``, ``w.double()``): updating it would
    not change the parameter it came from, and its ``.grad`` is never filled in.

    Raises:
        TypeError: not a tensor, or not floating-point.
        ValueError: not a leaf.
    """
    import torch

    if not torch.is_tensor(tensor):
        raise TypeError(f"{name}: expected a parameter (a torch.Tensor), got type {type(tensor).__name__}")
    if not tensor.is_floating_point():
        raise TypeError(f"{name}: expected a floating-point tensor (float32 or float64), got dtype {tensor.dtype}")
    if not tensor.is_leaf:
        raise ValueError(
            f"{name}: expected a leaf tensor (a model's parameter, or a tensor created with requires_grad=True), "
            f"got a non-leaf tensor computed by {type(tensor.grad_fn).__name__}"
        )
