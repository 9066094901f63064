r"""Weight decay as a penalty on the loss, and the size of the weights it restrains.

The L2 penalty adds (λ/2)‖θ‖² to the loss; its gradient is λθ, so plain gradient descent becomes

    θ ← θ − η(∇L + λθ) = (1 − ηλ)θ − η∇L

which shrinks every weight by the factor 1 − ηλ before the usual step: "weight decay". For SGD the
two are the same update. For an optimiser that rescales the gradient, such as Adam, λθ is rescaled
too, and decaying the weights directly (AdamW) is a different method (see ``optimisers``).

``parameters`` is an iterable of tensors of any shapes, e.g. ``model.parameters()``, or only the
weight matrices when biases are to be left alone.
"""

from __future__ import annotations

from typing import Iterable

import torch

from neuralnlp._checks import as_tensor_list, check_float_tensor, check_non_negative


# --8<-- [start:l2-penalty]
def l2_penalty(parameters: Iterable[torch.Tensor], weight_decay: float) -> torch.Tensor:
    """(λ/2) Σ_θ ‖θ‖², a 0-d tensor to add to the loss; its gradient with respect to each θ is λθ.

    Args:
        parameters: the tensors to penalise.
        weight_decay: λ >= 0.

    Returns:
        A 0-d tensor, differentiable with respect to every parameter.

    Raises:
        ValueError: a negative weight decay, or no parameters.
    """
    lam = check_non_negative(weight_decay, "weight_decay", "a weight decay")
    return lam / 2 * sum((p * p).sum() for p in _tensors(parameters))
# --8<-- [end:l2-penalty]


def parameter_norm(parameters: Iterable[torch.Tensor]) -> float:
    """√(Σ_θ ‖θ‖²): the Euclidean norm of all the parameters taken as one vector."""
    with torch.no_grad():
        return float(torch.sqrt(sum((p.double() ** 2).sum() for p in _tensors(parameters))))


def _tensors(parameters) -> list[torch.Tensor]:
    tensors = as_tensor_list(parameters, "parameters", "a floating-point torch.Tensor")
    if not tensors:
        raise ValueError("parameters: expected at least one tensor, got none")
    for i, p in enumerate(tensors):
        check_float_tensor(p, f"parameters[{i}]")
    return tensors
