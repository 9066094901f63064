"""The one check every index and search of this chapter makes on the vectors it is given, and the one
normalisation, done once, in float64 whatever the input (so that normalising twice changes nothing):

    x̂ = x / ‖x‖,  computed per row as  s / ‖s‖  with  s = x / max_i |x_i|

Dividing by the largest entry first changes nothing mathematically, but keeps the squares finite
and non-zero at any scale: without it a row of 1e200 overflows to inf and a row of 1e-200
underflows to 0 even in float64, and both would silently score 0. A zero row has no direction, so
no cosine: it is an error, never a 0.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_float_array, check_finite, check_last_dim, check_nonzero_rows

CHUNK_ROWS = 65_536  # rows normalised at a time: the float64 working copy stays below 200 MiB at d = 384


def as_vector_rows(x, name: str = "vectors", dim: int | None = None) -> np.ndarray:
    """``x`` as a checked (n, d) float array: two dimensions, n >= 1, d >= 1, finite values, d = ``dim`` when given.

    Args:
        x: a float array-like or tensor of shape (n, d).
        name: what to call ``x`` in error messages.
        dim: the length d every row must have (None: any).

    Raises:
        TypeError: values that are not floats.
        ValueError: another shape, no row, or a NaN or inf.
    """
    arr = as_float_array(x, name)
    if arr.ndim != 2 or 0 in arr.shape:
        raise ValueError(f"{name}: expected a 2-D array of shape (n, {'d' if dim is None else dim}) with at least "
                         f"one row and one column, got shape {arr.shape}")
    if dim is not None:
        check_last_dim(arr, dim, name)
    check_finite(arr, name)
    return arr


# --8<-- [start:unit-rows]
def unit_rows(x, name: str = "vectors", dim: int | None = None, dtype=np.float32) -> np.ndarray:
    """``x`` checked (see :func:`as_vector_rows`) and scaled to rows of length 1, as a new array of ``dtype``.

    Raises:
        TypeError: values that are not floats.
        ValueError: another shape, no row, a NaN or inf, or an all-zero row (it has no cosine).
    """
    arr = as_vector_rows(x, name, dim)
    check_nonzero_rows(arr, name)
    out = np.empty(arr.shape, dtype=dtype)
    for start in range(0, len(arr), CHUNK_ROWS):  # float64 arithmetic, a bounded slice at a time
        rows = arr[start:start + CHUNK_ROWS].astype(np.float64)
        rows /= np.abs(rows).max(axis=1, keepdims=True)  # largest entry ±1: no overflow, no underflow
        out[start:start + CHUNK_ROWS] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return out
# --8<-- [end:unit-rows]
