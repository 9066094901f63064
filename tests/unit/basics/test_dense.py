"""Dense layer and compose_affine: against torch.nn.Linear with copied weights, and by hand."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.basics.activations import gelu, relu
from neuralnlp.basics.dense import Dense, compose_affine


def _linear_like(layer: Dense, dtype=torch.float64) -> torch.nn.Linear:
    """An nn.Linear holding a copy of ``layer``'s weights."""
    lin = torch.nn.Linear(layer.in_features, layer.out_features).to(dtype)
    with torch.no_grad():
        lin.weight.copy_(torch.from_numpy(layer.weight))
        lin.bias.copy_(torch.from_numpy(layer.bias))
    return lin


@pytest.mark.parametrize("shape", [(5,), (7, 5), (2, 3, 5)])
def test_forward_matches_torch_linear_float64(shape):
    layer = Dense(5, 4, rng=0)
    x = np.random.default_rng(1).normal(size=shape)
    expected = _linear_like(layer)(torch.from_numpy(x)).detach().numpy()
    y = layer(x)
    assert y.shape == shape[:-1] + (4,)
    np.testing.assert_allclose(y, expected, rtol=0, atol=1e-12)


def test_forward_with_gelu_matches_torch():
    layer = Dense(6, 3, activation=gelu, rng=2)
    x = np.random.default_rng(3).normal(size=(4, 6))
    expected = F.gelu(_linear_like(layer)(torch.from_numpy(x))).detach().numpy()
    np.testing.assert_allclose(layer(x), expected, rtol=0, atol=1e-12)


def test_forward_float32_matches_torch():
    init = Dense(5, 3, rng=4)
    layer = Dense.from_weights(init.weight.astype(np.float32), init.bias.astype(np.float32))
    x = np.random.default_rng(5).normal(size=(8, 5)).astype(np.float32)
    y = layer(x)
    assert y.dtype == np.float32
    expected = _linear_like(layer, torch.float32)(torch.from_numpy(x)).detach().numpy()
    np.testing.assert_allclose(y, expected, rtol=0, atol=1e-6)


def test_forward_by_hand_each_row_is_one_neuron():
    # Row i of W is neuron i:  y_i = W[i]·x + b_i  with x = (2, -1)
    #   neuron 0: 1·2 + 2·(-1)   + 0.5 = 0.5
    #   neuron 1: 3·2 + 4·(-1)   - 1   = 1.0
    #   neuron 2: -1·2 + 0.5·(-1) + 0  = -2.5   -> ReLU gives 0
    W = np.array([[1.0, 2.0], [3.0, 4.0], [-1.0, 0.5]])
    b = np.array([0.5, -1.0, 0.0])
    x = np.array([2.0, -1.0])
    np.testing.assert_array_equal(Dense.from_weights(W, b)(x), [0.5, 1.0, -2.5])
    np.testing.assert_array_equal(Dense.from_weights(W, b, activation=relu)(x), [0.5, 1.0, 0.0])


def test_batch_rows_are_independent_samples():
    # Each row of Y = X Wᵀ + b must be the layer applied to that row of X alone.
    layer = Dense(3, 2, activation=gelu, rng=6)
    X = np.random.default_rng(7).normal(size=(4, 3))
    Y = layer(X)
    for k in range(4):
        np.testing.assert_allclose(Y[k], layer(X[k]), rtol=0, atol=1e-15)


@pytest.mark.parametrize("n_in,n_out,by_hand", [(3, 4, 16), (1, 1, 2), (768, 3072, 2_362_368)])
def test_parameter_count_by_hand_and_torch(n_in, n_out, by_hand):
    # 3·4 + 4 = 16;  1·1 + 1 = 2;  768·3072 + 3072 = 2 359 296 + 3 072 = 2 362 368
    assert Dense(n_in, n_out, rng=0).parameter_count == by_hand
    assert sum(p.numel() for p in torch.nn.Linear(n_in, n_out).parameters()) == by_hand


def test_init_like_torch_bounds_and_seed():
    layer = Dense(16, 50, rng=0)
    assert layer.weight.shape == (50, 16) and layer.bias.shape == (50,)
    bound = 1 / math.sqrt(16)  # = 0.25
    assert np.abs(layer.weight).max() <= bound and np.abs(layer.bias).max() <= bound
    # Uniform on [-0.25, 0.25] with 800 draws: the extremes come close to the bound.
    assert np.abs(layer.weight).max() > 0.9 * bound
    np.testing.assert_array_equal(layer.weight, Dense(16, 50, rng=0).weight)
    assert not np.array_equal(layer.weight, Dense(16, 50, rng=1).weight)


def test_from_weights_copies():
    """from_weights copies both arrays: later changes to the caller's weight or bias leave the layer as it was."""
    W, b = np.ones((2, 3)), np.zeros(2)
    layer = Dense.from_weights(W, b)
    W[0, 0] = 5.0
    b[1] = 7.0
    assert layer.weight[0, 0] == 1.0
    assert layer.bias[1] == 0.0
    assert not np.shares_memory(layer.weight, W) and not np.shares_memory(layer.bias, b)
    assert (layer.in_features, layer.out_features) == (3, 2)


def test_wrong_input_size_names_expected_and_received():
    layer = Dense(4, 2, rng=0)
    with pytest.raises(ValueError, match=r"x: expected shape \(\.\.\., 4\).*got shape \(3, 5\)"):
        layer(np.zeros((3, 5)))
    with pytest.raises(ValueError, match=r"expected shape \(\.\.\., 4\).*got shape \(\)"):
        layer(np.float64(1.0))


def test_integer_input_is_rejected():
    with pytest.raises(TypeError, match=r"x: expected a floating-point array.*got dtype int64"):
        Dense(2, 2, rng=0)(np.array([1, 2], dtype=np.int64))


@pytest.mark.parametrize("n, error", [(0, ValueError), (-3, ValueError), (2.5, TypeError), (True, TypeError)])
def test_bad_feature_counts(n, error):
    with pytest.raises(error, match=rf"in_features: expected an integer >= 1, got .*{n!r}"):
        Dense(n, 2)
    with pytest.raises(error, match=rf"out_features: expected an integer >= 1, got .*{n!r}"):
        Dense(2, n)


def test_numpy_integer_feature_counts_are_accepted():
    layer = Dense(np.int64(3), np.int32(2))
    assert layer.weight.shape == (2, 3)


def test_from_weights_shape_errors():
    with pytest.raises(ValueError, match=r"weight: expected a 2-D matrix.*got shape \(3,\)"):
        Dense.from_weights(np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match=r"bias: expected shape \(2,\), got shape \(3,\)"):
        Dense.from_weights(np.zeros((2, 3)), np.zeros(3))
    with pytest.raises(TypeError, match=r"weight: expected a floating-point array.*got dtype int"):
        Dense.from_weights(np.zeros((2, 3), dtype=int), np.zeros(2))


def test_compose_affine_by_hand():
    # W1 = [[1, 2]], b1 = [1];  W2 = [[3], [-1]], b2 = [0, 2]
    # W = W2 W1 = [[3, 6], [-1, -2]];  b = W2 b1 + b2 = [3·1 + 0, -1·1 + 2] = [3, 1]
    W, b = compose_affine([[1.0, 2.0]], [1.0], [[3.0], [-1.0]], [0.0, 2.0])
    np.testing.assert_array_equal(W, [[3.0, 6.0], [-1.0, -2.0]])
    np.testing.assert_array_equal(b, [3.0, 1.0])


def test_compose_affine_matches_two_stacked_torch_linears():
    torch.manual_seed(0)
    stack = torch.nn.Sequential(torch.nn.Linear(5, 7), torch.nn.Linear(7, 3)).double()
    W1, b1, W2, b2 = (p.detach().numpy() for p in stack.parameters())
    W, b = compose_affine(W1, b1, W2, b2)
    assert W.shape == (3, 5) and b.shape == (3,)
    x = np.random.default_rng(8).normal(size=(10, 5))
    expected = stack(torch.from_numpy(x)).detach().numpy()
    np.testing.assert_allclose(Dense.from_weights(W, b)(x), expected, rtol=0, atol=1e-12)


def test_compose_affine_does_not_match_with_activation_between():
    # The collapse only holds without a non-linearity: with ReLU between, outputs differ clearly.
    first, second = Dense(4, 6, activation=relu, rng=9), Dense(6, 2, rng=10)
    W, b = compose_affine(first.weight, first.bias, second.weight, second.bias)
    x = np.random.default_rng(11).normal(size=(50, 4))
    assert np.abs(second(first(x)) - Dense.from_weights(W, b)(x)).max() > 0.1


def test_compose_affine_shape_errors():
    W1, b1, W2, b2 = np.zeros((4, 3)), np.zeros(4), np.zeros((2, 4)), np.zeros(2)
    with pytest.raises(ValueError, match=r"W2: expected shape \(2, 4\), got shape \(2, 5\)"):
        compose_affine(W1, b1, np.zeros((2, 5)), b2)
    with pytest.raises(ValueError, match=r"b1: expected shape \(4,\), got shape \(3,\)"):
        compose_affine(W1, np.zeros(3), W2, b2)
    with pytest.raises(ValueError, match=r"b2: expected shape \(2,\), got shape \(4,\)"):
        compose_affine(W1, b1, W2, np.zeros(4))
    with pytest.raises(ValueError, match=r"W1: expected a 2-D matrix.*got shape \(4,\)"):
        compose_affine(np.zeros(4), b1, W2, b2)
    with pytest.raises(TypeError, match=r"W2: expected a floating-point array.*got dtype int"):
        compose_affine(W1, b1, np.zeros((2, 4), dtype=int), b2)
