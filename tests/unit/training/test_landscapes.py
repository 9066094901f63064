"""The test functions (values, minima, gradients by hand) and the optimisation path."""

import numpy as np
import pytest
import torch

from neuralnlp.training.landscapes import ill_conditioned_quadratic, optimisation_path, rosenbrock
from neuralnlp.training.optimisers import SGD


def test_values_minima_and_gradients():
    p = torch.tensor([2.0, -1.0], dtype=torch.float64, requires_grad=True)
    value = ill_conditioned_quadratic(p, curvatures=(1.0, 20.0))
    assert value.item() == (4 + 20) / 2
    value.backward()
    assert p.grad.tolist() == [2.0, -20.0]  # (a·x, b·y)
    assert rosenbrock(torch.tensor([1.0, 1.0])).item() == 0.0
    q = torch.tensor([0.0, 0.0], dtype=torch.float64, requires_grad=True)
    rosenbrock(q).backward()
    assert q.grad.tolist() == [-2.0, 0.0]  # (−2(1 − x) − 400x(y − x²), 200(y − x²))
    grid = torch.zeros(4, 5, 2)
    assert rosenbrock(grid).shape == (4, 5)


def test_the_path_of_gradient_descent_by_hand():
    # on f = (x² + 20y²)/2 with η = 0.1: x ← 0.9x, y ← (1 − 2)y = −y (the edge of stability, η = 2/b)
    path = optimisation_path(ill_conditioned_quadratic, SGD, start=(1.0, 1.0), steps=3, lr=0.1)
    np.testing.assert_allclose(path, [[1.0, 1.0], [0.9, -1.0], [0.81, 1.0], [0.729, -1.0]], atol=1e-15)


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match=r"point: expected shape \(..., 2\), the last axis \(x, y\), got shape \(3,\)"):
        rosenbrock(torch.zeros(3))
    with pytest.raises(ValueError, match=r"steps: expected an integer >= 1, got 0"):
        optimisation_path(rosenbrock, SGD, start=(0.0, 0.0), steps=0, lr=0.1)
