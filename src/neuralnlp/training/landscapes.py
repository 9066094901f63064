r"""Two classic test functions for optimisers, and the path an optimiser takes on them.

- ``ill_conditioned_quadratic``: f(x, y) = (a·x² + b·y²) / 2 with a ≪ b, a long narrow valley. The
  Hessian is diag(a, b); its condition number b / a says how much steeper one direction is than
  the other. Gradient descent is stable only for η < 2 / b, and then crawls along x at the rate
  (1 − ηa) per step.
- ``rosenbrock``: f(x, y) = (1 − x)² + 100·(y − x²)², a curved banana-shaped valley with its
  minimum f = 0 at (1, 1) (Rosenbrock, 1960).

``point`` has shape (..., 2): the last axis holds (x, y), so a grid of points evaluates at once.
"""

from __future__ import annotations

import numpy as np
import torch

from neuralnlp._checks import brief, check_callable, check_finite, check_float_tensor, check_positive_int, check_real


def _coordinates(point):
    check_float_tensor(point, "point")
    if point.dim() == 0 or point.shape[-1] != 2:
        raise ValueError(f"point: expected shape (..., 2), the last axis (x, y), got shape {tuple(point.shape)}")
    return point[..., 0], point[..., 1]


def ill_conditioned_quadratic(point: torch.Tensor, curvatures: tuple[float, float] = (1.0, 20.0)) -> torch.Tensor:
    """f(x, y) = (a·x² + b·y²) / 2 with (a, b) = ``curvatures``; minimum 0 at (0, 0). Shape (..., 2) -> (...)."""
    x, y = _coordinates(point)
    if isinstance(curvatures, (str, bytes)) or not hasattr(curvatures, "__len__") or len(curvatures) != 2:
        raise TypeError(f"curvatures: expected a pair (a, b) of positive numbers, got {brief(curvatures)}")
    a = check_real(curvatures[0], "curvatures[0]", minimum=0, min_open=True)
    b = check_real(curvatures[1], "curvatures[1]", minimum=0, min_open=True)
    return (a * x**2 + b * y**2) / 2


def rosenbrock(point: torch.Tensor) -> torch.Tensor:
    """f(x, y) = (1 − x)² + 100·(y − x²)²; minimum 0 at (1, 1). Shape (..., 2) -> (...)."""
    x, y = _coordinates(point)
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


# --8<-- [start:path]
def optimisation_path(function, optimizer_class, start, steps: int, **hyperparameters) -> np.ndarray:
    """The points an optimiser visits minimising ``function`` from ``start``: an array (steps + 1, 2).

    Args:
        function: maps a tensor of shape (2,) to a 0-d tensor, e.g. ``rosenbrock``.
        optimizer_class: ``SGD``, ``Adam``, … (this package's or ``torch.optim``'s).
        start: (x, y), the first point.
        steps: the number of optimiser steps, >= 1.
        **hyperparameters: passed to the optimiser, e.g. ``lr=0.01, momentum=0.9``.
    """
    steps = check_positive_int(steps, "steps")
    check_callable(function, "function", "a function of a point (x, y) such as rosenbrock")
    check_callable(optimizer_class, "optimizer_class", "an optimiser class such as SGD")
    point = _start_point(start)
    optimizer = optimizer_class([point], **hyperparameters)
    path = [point.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        value = function(point)
        if not torch.is_tensor(value) or value.dim() != 0:
            raise ValueError(f"function: expected a 0-d tensor f(x, y), got {brief(value)}")
        value.backward()
        optimizer.step()
        path.append(point.detach().clone())
    return torch.stack(path).numpy()
# --8<-- [end:path]


def _start_point(start) -> torch.Tensor:
    """``start`` as a float64 leaf tensor of shape (2,), finite."""
    if isinstance(start, (str, bytes)) or not hasattr(start, "__len__"):
        raise TypeError(f"start: expected a point (x, y) of two numbers, got {brief(start)}")
    try:
        point = torch.tensor(np.asarray(start, dtype=np.float64))
    except (TypeError, ValueError):
        raise TypeError(f"start: expected a point (x, y) of two numbers, got {brief(start)}") from None
    if tuple(point.shape) != (2,):
        raise ValueError(f"start: expected a point (x, y) of shape (2,), got shape {tuple(point.shape)}")
    check_finite(point, "start")
    return point.requires_grad_()
