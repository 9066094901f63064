"""Activation functions and their derivatives, in NumPy.

Shapes: every function takes a floating-point array ``x`` of any shape, ``(*)``, and returns an
array of the same shape and dtype. The functions work element-wise, except ``softmax``,
``naive_softmax`` and ``log_softmax``, which normalise along one ``axis`` (the last by default).
Each ``*_grad`` function returns the derivative f'(x), evaluated element-wise at ``x``.
Integer and boolean arrays raise ``TypeError`` naming the dtype received.

The references these are tested against: ``torch.sigmoid``, ``torch.tanh``, ``torch.relu``,
``torch.nn.functional.gelu`` (``approximate="none"`` and ``"tanh"``), ``torch.special.ndtr``,
``torch.softmax`` and ``torch.log_softmax``; the derivatives against ``torch.autograd``.
"""

from __future__ import annotations

import math
from typing import Callable, NamedTuple

import numpy as np

from neuralnlp._checks import as_float_array, check_callable, check_int, check_real

# NumPy has no erfc; math.erfc is correct to double precision. otypes keeps scalars as arrays.
_erfc = np.vectorize(math.erfc, otypes=[np.float64])
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def identity(x):
    """f(x) = x, the "no activation" of a linear output. Shape: (*) → (*)."""
    return as_float_array(x)


# --8<-- [start:sigmoid]
def sigmoid(x):
    """σ(x) = 1 / (1 + e^(−x)), squashing ℝ into (0, 1). Shape: (*) → (*).

    Written with e^(−|x|) so that no exponential overflows, whatever the sign of x.
    """
    x = as_float_array(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype)
# --8<-- [end:sigmoid]


# --8<-- [start:sigmoid-grad]
def sigmoid_grad(x):
    """σ'(x) = σ(x)·(1 − σ(x)), at most 1/4 (at x = 0). Shape: (*) → (*)."""
    s = sigmoid(x)
    return s * (1.0 - s)
# --8<-- [end:sigmoid-grad]


# --8<-- [start:tanh]
def tanh(x):
    """tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1, squashing ℝ into (−1, 1). Shape: (*) → (*)."""
    return np.tanh(as_float_array(x))


def tanh_grad(x):
    """tanh'(x) = 1 − tanh²(x), at most 1 (at x = 0). Shape: (*) → (*)."""
    t = tanh(x)
    return 1.0 - t * t
# --8<-- [end:tanh]


# --8<-- [start:relu]
def relu(x):
    """ReLU(x) = max(0, x). Shape: (*) → (*)."""
    x = as_float_array(x)
    return np.maximum(x, 0).astype(x.dtype)
# --8<-- [end:relu]


def relu_grad(x):
    """ReLU'(x) = 1 for x > 0, else 0. At x = 0 we take 0, as PyTorch does. Shape: (*) → (*)."""
    x = as_float_array(x)
    return np.where(np.isnan(x), x, x > 0).astype(x.dtype)  # NaN in, NaN out, like every other function here


def standard_normal_cdf(x):
    """Φ(x) = ½·(1 + erf(x/√2)), the probability that a standard normal variable is ≤ x. Shape: (*) → (*).

    Computed as ½·erfc(−x/√2), the same value, because 1 + erf(x/√2) cancels to 0 for x below about −8.
    """
    x = as_float_array(x)
    return (0.5 * _erfc(-x / math.sqrt(2.0))).astype(x.dtype)


def standard_normal_pdf(x):
    """φ(x) = e^(−x²/2) / √(2π), the standard normal density. Shape: (*) → (*)."""
    x = as_float_array(x)
    return np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)


# --8<-- [start:gelu]
# --8<-- [start:gelu-exact]
def gelu(x):
    """Exact GELU(x) = x·Φ(x), with Φ the standard normal CDF. Shape: (*) → (*)."""
    x = as_float_array(x)
    return x * standard_normal_cdf(x)
# --8<-- [end:gelu-exact]


# --8<-- [start:gelu-approximations]
def gelu_tanh(x):
    """GELU's tanh approximation: ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))). Shape: (*) → (*)."""
    x = as_float_array(x)
    return 0.5 * x * (1.0 + np.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x**3)))


def gelu_sigmoid(x):
    """GELU's sigmoid approximation: x·σ(1.702x) = x / (1 + e^(−1.702x)). Shape: (*) → (*)."""
    x = as_float_array(x)
    return x * sigmoid(1.702 * x)
# --8<-- [end:gelu-approximations]
# --8<-- [end:gelu]


def gelu_grad(x):
    """GELU'(x) = Φ(x) + x·φ(x), by the product rule on x·Φ(x). Shape: (*) → (*)."""
    x = as_float_array(x)
    return standard_normal_cdf(x) + x * standard_normal_pdf(x)


class ApproximationError(NamedTuple):
    """The result of ``max_abs_error``: the largest |approx − reference| and the x where it occurs."""

    max_abs_error: float
    at: float


# --8<-- [start:max-abs-error]
def max_abs_error(
    approx: Callable, reference: Callable, start: float = -6.0, stop: float = 6.0, num: int = 12001
) -> ApproximationError:
    """max |approx(x) − reference(x)| over ``num`` evenly spaced x in [start, stop], and where it occurs.

    Both functions take a float64 array of shape (num,) and return one of the same shape. When the
    maximum is reached at several x, the smallest is reported.
    """
    _check_grid(approx, reference, start, stop, num)
    x = np.linspace(start, stop, num)
    errors = np.abs(_on_grid(approx, x, "approx") - _on_grid(reference, x, "reference"))
    worst = int(np.argmax(errors))
    return ApproximationError(float(errors[worst]), float(x[worst]))
# --8<-- [end:max-abs-error]


def _check_grid(approx, reference, start, stop, num) -> None:
    check_callable(approx, "approx")
    check_callable(reference, "reference")
    check_int(num, "num", minimum=2)
    start = check_real(start, "start")
    check_real(stop, "stop", start, min_open=True)


def _on_grid(f: Callable, x: np.ndarray, name: str) -> np.ndarray:
    y = as_float_array(f(x), f"{name}(x)")
    if y.shape != x.shape:
        raise ValueError(f"{name}: expected an output of shape {x.shape}, like its input, got shape {y.shape}")
    return y


def _check_softmax_input(x, axis) -> np.ndarray:
    """x as a float array with a non-empty ``axis`` to normalise along (softmax needs at least one value)."""
    x = as_float_array(x)
    if x.ndim == 0:
        raise ValueError("x: expected at least one axis to normalise along, got a scalar, shape ()")
    axis = check_int(axis, "axis", -x.ndim, x.ndim - 1)
    if x.shape[axis] == 0:
        raise ValueError(f"x: expected at least one value along axis {axis}, got shape {x.shape}")
    return x


# --8<-- [start:softmax]
# --8<-- [start:softmax-stable]
def softmax(x, axis: int = -1):
    """softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m), with m = maxⱼ xⱼ, along ``axis``. Shape: (*) → (*).

    Subtracting the maximum changes nothing mathematically (it cancels between numerator and
    denominator) but keeps every exponent ≤ 0, so nothing overflows.
    """
    x = _check_softmax_input(x, axis)
    z = np.exp(x - x.max(axis=axis, keepdims=True))
    return z / z.sum(axis=axis, keepdims=True)
# --8<-- [end:softmax-stable]


# --8<-- [start:naive-softmax]
def naive_softmax(x, axis: int = -1):
    """softmax without the max shift: e^(xᵢ) / Σⱼ e^(xⱼ). Overflows to nan for large inputs; for teaching only."""
    x = _check_softmax_input(x, axis)
    with np.errstate(over="ignore", invalid="ignore"):
        z = np.exp(x)
        return z / z.sum(axis=axis, keepdims=True)
# --8<-- [end:naive-softmax]


# --8<-- [start:log-softmax]
def log_softmax(x, axis: int = -1):
    """log softmax(x)ᵢ = xᵢ − m − log Σⱼ e^(xⱼ − m), the log-sum-exp trick, with m = maxⱼ xⱼ. Shape: (*) → (*)."""
    x = _check_softmax_input(x, axis)
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
# --8<-- [end:log-softmax]
# --8<-- [end:softmax]
