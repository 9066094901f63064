r"""Layer normalisation (Ba et al., 2016), with the conventions of ``torch.nn.LayerNorm``.

Each vector x of length d (the last axis) is shifted to mean 0 and scaled to variance 1, then
given a learned scale γ and shift β, one of each per feature:

$$\operatorname{LayerNorm}(\mathbf{x}) = \boldsymbol{\gamma} \odot \frac{\mathbf{x} - \mu}{\sqrt{\sigma^2 + \epsilon}} + \boldsymbol{\beta}, \qquad \mu = \frac{1}{d}\sum_{i=1}^{d} x_i, \quad \sigma^2 = \frac{1}{d}\sum_{i=1}^{d} (x_i - \mu)^2$$

σ² is the biased variance (divided by d, not d − 1), as in torch. Unlike batch normalisation,
the statistics come from the one vector itself, so a token is normalised the same way whatever
batch it is in. Shapes: (..., d) → (..., d). The tests compare with ``torch.nn.LayerNorm``
(outputs and gradients, float32 and float64).
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import nn

from neuralnlp._checks import check_bool, check_float_dtype, check_float_tensor, check_non_negative, check_positive_int


# --8<-- [start:layer-norm]
def layer_norm(x: torch.Tensor, weight: Optional[torch.Tensor] = None, bias: Optional[torch.Tensor] = None,
               eps: float = 1e-5) -> torch.Tensor:
    """γ ⊙ (x − μ) / √(σ² + ε) + β over the last axis of x: (..., d) → (..., d).

    Args:
        x: (..., d) floating-point tensor.
        weight: γ, (d,), or None for 1.
        bias: β, (d,), or None for 0.
        eps: ε, added to the variance so that a constant vector does not divide by 0.

    Raises:
        TypeError: x is not floating point.
        ValueError: x is a scalar or has no feature, weight / bias is not (d,), or eps is negative, NaN or inf.
    """
    check_float_tensor(x, "x")
    if x.dim() == 0 or x.shape[-1] == 0:
        raise ValueError(f"x: expected shape (..., d) with d >= 1 features on the last axis, got shape {tuple(x.shape)}")
    for p, name in ((weight, "weight"), (bias, "bias")):
        if p is not None:
            check_float_tensor(p, name, x.dtype, x.device)
            if tuple(p.shape) != (x.shape[-1],):
                raise ValueError(f"{name}: expected shape ({x.shape[-1]},), one per feature of x, got shape {tuple(p.shape)}")
    eps = check_non_negative(eps, "eps", "an epsilon")
    d = x.shape[-1]
    centred = x - x.mean(dim=-1, keepdim=True)
    # σ² = ‖x − μ‖² / d (biased, as torch). A norm is much faster on CPU than torch.var along the last axis.
    variance = torch.linalg.vector_norm(centred, dim=-1, keepdim=True).square() / d
    y = centred * torch.rsqrt(variance + eps)
    if weight is None:
        return y if bias is None else y + bias
    return y * weight if bias is None else torch.addcmul(bias, y, weight)  # β + y ⊙ γ in one pass
# --8<-- [end:layer-norm]


class LayerNorm(nn.Module):
    r"""Layer normalisation over the last axis, like ``torch.nn.LayerNorm(normalized_shape)`` with an int.

    $$y = \gamma \odot \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta$$

    Args:
        normalized_shape: d, the length of the last axis.
        eps: ε, added to the variance (torch's default 1e-5; BERT uses 1e-12).
        elementwise_affine: learn γ and β (if False, ``weight`` and ``bias`` are None).
        bias: learn β (if False, ``bias`` is None).
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight: γ, (d,), initialised to 1.
        bias: β, (d,), initialised to 0.

    Shapes:
        x: (..., d) → (..., d).
    """

    def __init__(self, normalized_shape: int, eps: float = 1e-5, elementwise_affine: bool = True, bias: bool = True,
                 *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.normalized_shape = check_positive_int(normalized_shape, "normalized_shape")
        self.eps = check_non_negative(eps, "eps", "an epsilon")
        self.elementwise_affine = elementwise_affine = check_bool(elementwise_affine, "elementwise_affine")
        bias = check_bool(bias, "bias")
        check_float_dtype(dtype)
        dtype = torch.get_default_dtype() if dtype is None else dtype
        d = self.normalized_shape
        self.weight = nn.Parameter(torch.ones(d, dtype=dtype)) if elementwise_affine else None
        self.bias = nn.Parameter(torch.zeros(d, dtype=dtype)) if elementwise_affine and bias else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Normalise every vector on the last axis of x; see the class docstring.

        Raises:
            TypeError: x is not floating point, or not of the parameters' dtype.
            ValueError: x's last axis is not ``normalized_shape`` long, or x is on another device.
        """
        reference = self.weight if self.weight is not None else self.bias
        check_float_tensor(x, "x", *((reference.dtype, reference.device) if reference is not None else ()))
        if x.dim() == 0 or x.shape[-1] != self.normalized_shape:
            raise ValueError(f"x: expected shape (..., {self.normalized_shape}), got shape {tuple(x.shape)}")
        return layer_norm(x, self.weight, self.bias, self.eps)

    @classmethod
    def from_torch(cls, module: nn.LayerNorm) -> "LayerNorm":
        """Our ``LayerNorm`` with a copy of ``module``'s γ, β, ε and dtype (one normalised axis only).

        Raises:
            TypeError: ``module`` is not a ``torch.nn.LayerNorm``.
            ValueError: it normalises over more than one axis.
        """
        if not isinstance(module, nn.LayerNorm):
            raise TypeError(f"module: expected a torch.nn.LayerNorm, got {type(module).__name__}")
        if len(module.normalized_shape) != 1:
            raise ValueError(f"module: expected normalized_shape of one axis (d,), got {tuple(module.normalized_shape)}")
        dtype = module.weight.dtype if module.weight is not None else torch.get_default_dtype()
        ours = cls(module.normalized_shape[0], module.eps, module.elementwise_affine, module.bias is not None,
                   dtype=dtype)
        ours.load_state_dict(module.state_dict())
        return ours

    def extra_repr(self) -> str:
        return f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}"
