r"""Initialisation that keeps the signal's scale from layer to layer: Xavier/Glorot and Kaiming/He.

A layer y = Wx with n_in inputs and independent zero-mean weights of variance σ² gives each output
the variance n_in · σ² · E[x²]. Keeping it constant from layer to layer asks for σ² = 1 / n_in
(times a gain that undoes what the activation removes: 2 for ReLU, which zeroes half its inputs).
Glorot & Bengio (2010) average the forward and backward requirements, n_in and n_out:

    Xavier:  Var(W) = gain² · 2 / (n_in + n_out)     uniform on [−a, a] with a = gain · √(6 / (n_in + n_out)),
                                                      or normal with σ = gain · √(2 / (n_in + n_out))
    Kaiming: Var(W) = gain² / n                      uniform with a = gain · √(3 / n), or normal with σ = gain / √n,
             n = n_in ("fan_in", keeps the forward signal) or n_out ("fan_out", keeps the gradients)

For a weight of shape (n_out, n_in) (``nn.Linear``), n_in is the number of columns; for a
convolution's (out_channels, in_channels, k₁, k₂, …) both fans are multiplied by k₁k₂…, as in
``torch.nn.init``. Each function fills its tensor in place and returns it, like ``torch.nn.init``'s
functions of the same names, whose distributions they match (tested by moments and a two-sample
Kolmogorov–Smirnov test: the random streams differ, the distributions do not).
"""

from __future__ import annotations

import math

import torch

from neuralnlp._checks import brief, check_choice, check_float_tensor, check_non_negative, check_torch_generator

GAINS = {"linear": 1.0, "sigmoid": 1.0, "tanh": 5.0 / 3.0, "relu": math.sqrt(2.0)}


def recommended_gain(nonlinearity: str) -> float:
    """The gain for weights followed by ``nonlinearity``: 1 (linear, sigmoid), 5/3 (tanh), √2 (relu).

    The values of ``torch.nn.init.calculate_gain``. √2 undoes ReLU halving the second moment.

    Raises:
        ValueError: an unknown nonlinearity.
    """
    return GAINS[check_choice(nonlinearity, sorted(GAINS), "nonlinearity")]


def fan_in_and_fan_out(tensor: torch.Tensor) -> tuple[int, int]:
    """(n_in, n_out) of a weight of shape (n_out, n_in, *kernel): in·k and out·k, k the kernel's size.

    Raises:
        TypeError: not a tensor.
        ValueError: fewer than 2 dimensions (a bias has no fan-in and fan-out).
    """
    if not torch.is_tensor(tensor):
        raise TypeError(f"tensor: expected a weight, a torch.Tensor of shape (n_out, n_in, ...), got {brief(tensor)}")
    if tensor.dim() < 2:
        raise ValueError(f"tensor: expected a weight with at least 2 dimensions (n_out, n_in, ...), got shape {tuple(tensor.shape)}")
    receptive_field = math.prod(tensor.shape[2:])
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def _check_weight(tensor, generator) -> None:
    """A floating-point weight of at least 2 axes and one element; a torch.Generator or None."""
    check_float_tensor(tensor, "tensor")
    fan_in_and_fan_out(tensor)
    if tensor.numel() == 0:
        raise ValueError(f"tensor: expected a weight with at least one element, got shape {tuple(tensor.shape)}")
    check_torch_generator(generator)


def _fill_uniform(tensor: torch.Tensor, bound: float, generator) -> torch.Tensor:
    with torch.no_grad():
        u = torch.rand(tensor.shape, generator=generator, dtype=tensor.dtype, device=tensor.device)
        return tensor.copy_((2 * u - 1) * bound)  # U[0, 1) stretched to U[−a, a)


def _fill_normal(tensor: torch.Tensor, std: float, generator) -> torch.Tensor:
    with torch.no_grad():
        return tensor.copy_(std * torch.randn(tensor.shape, generator=generator, dtype=tensor.dtype, device=tensor.device))


# --8<-- [start:xavier]
def xavier_uniform_(tensor: torch.Tensor, gain: float = 1.0, generator: torch.Generator | None = None) -> torch.Tensor:
    """Fill ``tensor`` from U[−a, a], a = gain · √(6 / (n_in + n_out)): variance gain² · 2 / (n_in + n_out).

    Args:
        tensor: a weight of shape (n_out, n_in, *kernel), filled in place.
        gain: the factor for the activation that follows (see ``recommended_gain``), >= 0.
        generator: optional ``torch.Generator``.

    Returns:
        ``tensor``.
    """
    _check_weight(tensor, generator)
    fan_in, fan_out = fan_in_and_fan_out(tensor)
    bound = check_non_negative(gain, "gain") * math.sqrt(6.0 / (fan_in + fan_out))
    return _fill_uniform(tensor, bound, generator)


def xavier_normal_(tensor: torch.Tensor, gain: float = 1.0, generator: torch.Generator | None = None) -> torch.Tensor:
    """Fill ``tensor`` from N(0, σ²), σ = gain · √(2 / (n_in + n_out)).

    Args:
        tensor: a weight of shape (n_out, n_in, *kernel), filled in place.
        gain: the factor for the activation that follows, >= 0.
        generator: optional ``torch.Generator``.

    Returns:
        ``tensor``.
    """
    _check_weight(tensor, generator)
    fan_in, fan_out = fan_in_and_fan_out(tensor)
    std = check_non_negative(gain, "gain") * math.sqrt(2.0 / (fan_in + fan_out))
    return _fill_normal(tensor, std, generator)
# --8<-- [end:xavier]


def _kaiming_fan(tensor: torch.Tensor, mode: str) -> int:
    fan_in, fan_out = fan_in_and_fan_out(tensor)
    check_choice(mode, ("fan_in", "fan_out"), "mode")
    return fan_in if mode == "fan_in" else fan_out


# --8<-- [start:kaiming]
def kaiming_uniform_(tensor: torch.Tensor, mode: str = "fan_in", nonlinearity: str = "relu",
                     generator: torch.Generator | None = None) -> torch.Tensor:
    """Fill ``tensor`` from U[−a, a], a = gain · √(3 / n): variance gain² / n (He et al., 2015).

    Args:
        tensor: a weight of shape (n_out, n_in, *kernel), filled in place.
        mode: "fan_in" (n = n_in, keeps the activations' scale) or "fan_out" (n = n_out, the gradients').
        nonlinearity: the activation that follows, for the gain: "relu" (√2), "tanh", "sigmoid", "linear".
        generator: optional ``torch.Generator``.

    Returns:
        ``tensor``.
    """
    _check_weight(tensor, generator)
    fan = _kaiming_fan(tensor, mode)
    bound = recommended_gain(nonlinearity) * math.sqrt(3.0 / fan)
    return _fill_uniform(tensor, bound, generator)


def kaiming_normal_(tensor: torch.Tensor, mode: str = "fan_in", nonlinearity: str = "relu",
                    generator: torch.Generator | None = None) -> torch.Tensor:
    """Fill ``tensor`` from N(0, σ²), σ = gain / √n (He et al., 2015).

    Args:
        tensor: a weight of shape (n_out, n_in, *kernel), filled in place.
        mode: "fan_in" or "fan_out".
        nonlinearity: the activation that follows: "relu" (gain √2), "tanh", "sigmoid", "linear".
        generator: optional ``torch.Generator``.

    Returns:
        ``tensor``.
    """
    _check_weight(tensor, generator)
    fan = _kaiming_fan(tensor, mode)
    std = recommended_gain(nonlinearity) / math.sqrt(fan)
    return _fill_normal(tensor, std, generator)
# --8<-- [end:kaiming]
