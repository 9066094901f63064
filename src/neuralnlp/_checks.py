"""Input validation shared by every module: errors name what was expected and what was received."""

from __future__ import annotations

import numpy as np


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
