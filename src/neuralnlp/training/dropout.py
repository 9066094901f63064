r"""Dropout (Srivastava et al., 2014) with inverted scaling, as ``torch.nn.Dropout`` does it.

In training mode each element of x is kept with probability 1 − p and zeroed otherwise, and the
kept ones are divided by 1 − p, so that the expected output equals the input:

    y = m ⊙ x / (1 − p),   m_i ~ Bernoulli(1 − p) independently,   E[y] = x

In evaluation mode the layer does nothing: y = x. Scaling at training time ("inverted" dropout)
is what lets evaluation use the network unchanged; the original paper instead multiplied the
weights by 1 − p at test time.

Shapes: x is any shape; the mask m and the output y have x's shape.
"""

from __future__ import annotations

import torch
from torch import nn

from neuralnlp._checks import as_bool_mask, check_bool, check_float_tensor, check_fraction, check_torch_generator


# --8<-- [start:dropout]
def inverted_dropout(x: torch.Tensor, p: float = 0.5, training: bool = True, mask: torch.Tensor | None = None,
            generator: torch.Generator | None = None) -> torch.Tensor:
    """Zero each element of ``x`` with probability ``p`` and scale the rest by 1 / (1 − p) (training only).

    Args:
        x: a floating-point tensor of any shape.
        p: the probability of dropping an element, in [0, 1).
        training: False returns ``x`` itself, unchanged.
        mask: optional boolean (or 0/1) tensor of x's shape, True where an element is kept; drawn
            at random when None.
        generator: optional ``torch.Generator`` for the random mask.

    Returns:
        A tensor of x's shape: m ⊙ x / (1 − p).

    Raises:
        ValueError: p outside [0, 1), or a mask of another shape or with values other than 0 and 1.
        TypeError: x is not a floating-point tensor, or training is not a bool.
    """
    p = check_fraction(p, "p", "a dropout probability")
    check_float_tensor(x, "x")
    check_torch_generator(generator)
    if not check_bool(training, "training"):
        return x
    if mask is None:
        mask = torch.rand(x.shape, generator=generator, device=x.device) >= p  # True with probability 1 − p
    else:
        mask = as_bool_mask(mask, "mask", tuple(x.shape))  # True (or 1) = keep
    return x * (mask.to(x.dtype) / (1 - p))
# --8<-- [end:dropout]


class Dropout(nn.Module):
    """Dropout as a layer: ``inverted_dropout(x, p)`` in training mode, the identity after ``model.eval()``.

    Put it after a hidden layer's activation: ``nn.Sequential(nn.Linear(2, 64), nn.ReLU(), Dropout(0.5), ...)``.
    ``model.train()`` and ``model.eval()`` switch its ``training`` flag, as for ``torch.nn.Dropout``.

    Args:
        p: the probability of dropping an element, in [0, 1).
        generator: optional ``torch.Generator`` for the masks.

    Raises:
        ValueError: p outside [0, 1).
    """

    def __init__(self, p: float = 0.5, generator: torch.Generator | None = None):
        super().__init__()
        self.p = check_fraction(p, "p", "a dropout probability")
        self.generator = check_torch_generator(generator)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (any shape) -> the same shape: x with dropout in training mode, x itself in evaluation mode."""
        return inverted_dropout(x, self.p, self.training, generator=self.generator)

    def extra_repr(self) -> str:
        return f"p={self.p}"
