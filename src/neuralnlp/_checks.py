"""Input validation shared by every module: errors name the argument, what was expected and what was received.

Every message has the form ``"<argument>: expected <what>, got <what>"``. One function per kind of
argument, used everywhere that kind of argument is accepted, so the same mistake gets the same
message on every path.
"""

from __future__ import annotations

from numbers import Integral

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
