"""neuralnlp.basics.backprop: forward against torch.nn, gradients against torch.autograd, SGD by hand."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.basics.backprop import TwoLayerNet, sgd_step, train_step
from neuralnlp.basics.datasets import xor


def _torch_copy(net):
    """The same network as torch tensors that require gradients (float64)."""
    return {k: torch.tensor(v, requires_grad=True) for k, v in net.params.items()}


def _torch_loss(p, x, y, activation):
    f = torch.tanh if activation == "tanh" else torch.relu
    h = f(F.linear(torch.from_numpy(x), p["W1"], p["b1"]))
    logits = F.linear(h, p["W2"], p["b2"])
    return logits, F.cross_entropy(logits, torch.from_numpy(y))


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_gradients_match_autograd(activation):
    rng = np.random.default_rng(1)
    net = TwoLayerNet(4, 7, 3, activation=activation, seed=2)
    x, y = rng.normal(size=(5, 4)), rng.integers(0, 3, size=5)

    logits = net.forward(x)
    grads = net.backward(y)

    p = _torch_copy(net)
    t_logits, t_loss = _torch_loss(p, x, y, activation)
    t_loss.backward()

    np.testing.assert_allclose(logits, t_logits.detach().numpy(), rtol=0, atol=1e-12)
    for name in ("W1", "b1", "W2", "b2"):
        assert grads[name].shape == net.params[name].shape
        np.testing.assert_allclose(grads[name], p[name].grad.numpy(), rtol=0, atol=1e-12)


def test_forward_matches_torch_sequential_with_copied_weights():
    net = TwoLayerNet(3, 5, 2, activation="relu", seed=0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.ReLU(), torch.nn.Linear(5, 2)).double()
    with torch.no_grad():
        model[0].weight.copy_(torch.from_numpy(net.params["W1"]))
        model[0].bias.copy_(torch.from_numpy(net.params["b1"]))
        model[2].weight.copy_(torch.from_numpy(net.params["W2"]))
        model[2].bias.copy_(torch.from_numpy(net.params["b2"]))
    x = np.random.default_rng(3).normal(size=(4, 3))
    np.testing.assert_allclose(net.forward(x), model(torch.from_numpy(x)).detach().numpy(), rtol=0, atol=1e-12)


def test_parameter_shapes_follow_torch_linear():
    net = TwoLayerNet(2, 8, 3)
    shapes = {k: v.shape for k, v in net.params.items()}
    assert shapes == {"W1": (8, 2), "b1": (8,), "W2": (3, 8), "b2": (3,)}


def test_initialisation_is_torch_linear_uniform_in_plus_minus_one_over_sqrt_fan_in():
    """Every weight and bias is drawn from U(-1/sqrt(fan_in), 1/sqrt(fan_in)), torch.nn.Linear's default, with the
    fan-in of its own layer: in_features (50) for W1 and b1, hidden_features (200) for W2 and b2.

    Statistics of the draws: every |value| <= bound; the largest is above 0.9 bound (probability that it is not,
    for the 200 values of b1: 0.9**200 < 1e-9); the standard deviation is bound/sqrt(3) within 10 % (about 4
    standard errors for b1's 200 values). An all-zero draw, a wrong fan (factor 2 here) or a normal draw fails.
    """
    net = TwoLayerNet(50, 200, 1000, seed=3)
    for name, fan_in in (("W1", 50), ("b1", 50), ("W2", 200), ("b2", 200)):
        values, bound = net.params[name].ravel(), 1 / np.sqrt(fan_in)
        assert np.abs(values).max() <= bound, name
        assert np.abs(values).max() >= 0.9 * bound, name
        assert values.std() == pytest.approx(bound / np.sqrt(3), rel=0.1), name
        assert abs(values.mean()) <= 0.2 * bound, name


def test_sgd_step_by_hand():
    # theta = (1, 2), grad = (0.5, -1), lr = 0.1: theta - 0.1 * grad = (0.95, 2.1)
    params = {"theta": np.array([1.0, 2.0])}
    sgd_step(params, {"theta": np.array([0.5, -1.0])}, lr=0.1)
    np.testing.assert_allclose(params["theta"], [0.95, 2.1], rtol=0, atol=1e-15)


def test_train_step_matches_torch_sgd():
    rng = np.random.default_rng(4)
    net = TwoLayerNet(2, 6, 3, seed=5)
    x, y = rng.normal(size=(8, 2)), rng.integers(0, 3, size=8)
    p = _torch_copy(net)
    opt = torch.optim.SGD(p.values(), lr=0.3)

    loss = train_step(net, x, y, lr=0.3)
    _, t_loss = _torch_loss(p, x, y, "tanh")
    t_loss.backward()
    opt.step()

    assert abs(loss - t_loss.item()) < 1e-12
    for name in p:
        np.testing.assert_allclose(net.params[name], p[name].detach().numpy(), rtol=0, atol=1e-12)


def test_learns_xor():
    x, y = xor()
    net = TwoLayerNet(2, 8, 2, seed=0)
    first = train_step(net, x, y, lr=1.0)
    for _ in range(500):
        last = train_step(net, x, y, lr=1.0)
    assert last < first / 10
    np.testing.assert_array_equal(net.predict(x), y)


# ---- errors ------------------------------------------------------------------------------------


def test_wrong_input_shape_and_dtype():
    net = TwoLayerNet(3, 4, 2)
    with pytest.raises(ValueError, match=r"^x: expected shape \(batch, 3\), got shape \(5, 2\)$"):
        net.forward(np.zeros((5, 2)))
    with pytest.raises(ValueError, match=r"x: expected shape \(batch, 3\), got shape \(3,\)"):
        net.forward(np.zeros(3))
    with pytest.raises(TypeError, match="x: expected a floating-point array.*got dtype int64"):
        net.forward(np.zeros((5, 3), dtype=np.int64))


def test_wrong_targets():
    net = TwoLayerNet(3, 4, 2)
    net.forward(np.zeros((5, 3)))
    with pytest.raises(ValueError, match=r"y: expected shape \(5,\).*got shape \(4,\)"):
        net.backward(np.zeros(4, dtype=int))
    with pytest.raises(IndexError, match=r"y: expected class indices in \[0, 1\], got 2 at position \(2,\)"):
        net.backward(np.array([0, 1, 2, 0, 1]))
    with pytest.raises(TypeError, match="y: expected integer class indices, got dtype float64"):
        net.backward(np.zeros(5))


def test_backward_before_forward():
    with pytest.raises(RuntimeError, match=r"backward: expected a forward\(\) call first"):
        TwoLayerNet(3, 4, 2).backward(np.zeros(1, dtype=int))


def test_unknown_activation():
    with pytest.raises(ValueError, match=r"activation: expected 'relu' or 'tanh', got 'gelu'"):
        TwoLayerNet(3, 4, 2, activation="gelu")


def test_sgd_step_errors():
    params = {"w": np.zeros(2)}
    with pytest.raises(ValueError, match="lr: expected a learning rate > 0, got -0.1"):
        sgd_step(params, {"w": np.zeros(2)}, lr=-0.1)
    with pytest.raises(ValueError, match="lr: expected a learning rate > 0, got 0.0"):  # the boundary: 0 is refused
        sgd_step(params, {"w": np.zeros(2)}, lr=0.0)
    with pytest.raises(ValueError, match=r"grads: expected keys \['w'\], got \['v'\]"):
        sgd_step(params, {"v": np.zeros(2)}, lr=0.1)
    with pytest.raises(ValueError, match=r"grads\['w'\]: expected shape \(2,\), got shape \(3,\)"):
        sgd_step(params, {"w": np.zeros(3)}, lr=0.1)
