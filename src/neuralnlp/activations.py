"""Activation functions and their derivatives, in NumPy.

Every function takes a floating-point array of any shape and works element-wise (``softmax`` and
``log_softmax`` work along one axis). The output keeps the input's shape and dtype. Each
``*_grad`` function returns the derivative f'(x), evaluated element-wise at ``x``.

The references these are tested against: ``torch.sigmoid``, ``torch.tanh``, ``torch.relu``,
``torch.nn.functional.gelu`` (``approximate="none"`` and ``"tanh"``), ``torch.softmax`` and
``torch.log_softmax``; the derivatives against ``torch.autograd``.
"""

from __future__ import annotations

import math

import numpy as np

from neuralnlp._checks import as_float_array

_erf = np.frompyfunc(math.erf, 1, 1)  # NumPy has no erf; math.erf is exact to double precision.
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


# --8<-- [start:sigmoid]
def sigmoid(x):
    """σ(x) = 1 / (1 + e^(−x)), squashing ℝ into (0, 1).

    Written with e^(−|x|) so that no exponential overflows, whatever the sign of x.
    """
    x = as_float_array(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype)
# --8<-- [end:sigmoid]


def sigmoid_grad(x):
    """σ'(x) = σ(x)·(1 − σ(x))."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    """tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)), squashing ℝ into (−1, 1). Equals 2σ(2x) − 1."""
    return np.tanh(as_float_array(x))


def tanh_grad(x):
    """tanh'(x) = 1 − tanh²(x)."""
    t = tanh(x)
    return 1.0 - t * t


# --8<-- [start:relu]
def relu(x):
    """ReLU(x) = max(0, x)."""
    x = as_float_array(x)
    return np.maximum(x, 0).astype(x.dtype)
# --8<-- [end:relu]


def relu_grad(x):
    """ReLU'(x) = 1 for x > 0, else 0. At x = 0 we take 0, as PyTorch does."""
    x = as_float_array(x)
    return (x > 0).astype(x.dtype)


def standard_normal_cdf(x):
    """Φ(x) = ½·(1 + erf(x/√2)), the probability that a standard normal variable is ≤ x."""
    x = as_float_array(x)
    return (0.5 * (1.0 + _erf(x / math.sqrt(2.0)).astype(np.float64))).astype(x.dtype)


def standard_normal_pdf(x):
    """φ(x) = e^(−x²/2) / √(2π)."""
    x = as_float_array(x)
    return np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)


# --8<-- [start:gelu]
def gelu(x):
    """Exact GELU(x) = x·Φ(x), with Φ the standard normal CDF."""
    x = as_float_array(x)
    return x * standard_normal_cdf(x)


def gelu_tanh(x):
    """GELU's tanh approximation: ½x·(1 + tanh(√(2/π)·(x + 0.044715x³)))."""
    x = as_float_array(x)
    return 0.5 * x * (1.0 + np.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x**3)))


def gelu_sigmoid(x):
    """GELU's sigmoid approximation: x·σ(1.702x)."""
    x = as_float_array(x)
    return x * sigmoid(1.702 * x)
# --8<-- [end:gelu]


def gelu_grad(x):
    """GELU'(x) = Φ(x) + x·φ(x)."""
    x = as_float_array(x)
    return standard_normal_cdf(x) + x * standard_normal_pdf(x)


# --8<-- [start:softmax]
def softmax(x, axis: int = -1):
    """softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m), with m = maxⱼ xⱼ, along ``axis``.

    Subtracting the maximum changes nothing mathematically (it cancels between numerator and
    denominator) but keeps every exponent ≤ 0, so nothing overflows.
    """
    x = as_float_array(x)
    z = np.exp(x - x.max(axis=axis, keepdims=True))
    return z / z.sum(axis=axis, keepdims=True)


def naive_softmax(x, axis: int = -1):
    """softmax without the max shift: e^(xᵢ) / Σⱼ e^(xⱼ). Overflows to nan for large inputs; for teaching only."""
    x = as_float_array(x)
    with np.errstate(over="ignore", invalid="ignore"):
        z = np.exp(x)
        return z / z.sum(axis=axis, keepdims=True)


def log_softmax(x, axis: int = -1):
    """log softmax(x)ᵢ = xᵢ − m − log Σⱼ e^(xⱼ − m), the log-sum-exp trick, with m = maxⱼ xⱼ."""
    x = as_float_array(x)
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
# --8<-- [end:softmax]
