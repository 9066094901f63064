"""neuralnlp.basics.neuron.Neuron against torch.nn.Linear(n, 1) + activation, and a hand-worked number."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.basics import activations as A
from neuralnlp.basics.neuron import Neuron

# (our activation, the torch function applied after nn.Linear)
ACTIVATIONS = [
    (A.identity, lambda t: t),
    (A.sigmoid, torch.sigmoid),
    (A.tanh, torch.tanh),
    (A.relu, torch.relu),
    (A.gelu, lambda t: F.gelu(t, approximate="none")),
]


def _torch_neuron(weights, bias, dtype):
    linear = torch.nn.Linear(len(weights), 1, dtype=dtype)
    with torch.no_grad():
        linear.weight.copy_(torch.as_tensor(weights, dtype=dtype)[None, :])  # (1, n): one row, one neuron
        linear.bias.copy_(torch.as_tensor([bias], dtype=dtype))
    return linear


@pytest.mark.parametrize("ours, theirs", ACTIVATIONS, ids=[f.__name__ for f, _ in ACTIVATIONS])
def test_batch_matches_torch_linear_float64(ours, theirs):
    rng = np.random.default_rng(1)
    w, b = rng.normal(size=5), float(rng.normal())
    x = rng.normal(size=(8, 5))
    linear = _torch_neuron(w, b, torch.float64)
    with torch.no_grad():
        expected = theirs(linear(torch.from_numpy(x))).numpy()  # (8, 1)
    got = Neuron(w, b, ours)(x)
    assert got.shape == (8,)
    np.testing.assert_allclose(got, expected[:, 0], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("ours, theirs", ACTIVATIONS, ids=[f.__name__ for f, _ in ACTIVATIONS])
def test_single_input_matches_torch_linear_float32(ours, theirs):
    rng = np.random.default_rng(2)
    w, b = rng.normal(size=4).astype(np.float32), np.float32(rng.normal())
    x = rng.normal(size=4).astype(np.float32)
    linear = _torch_neuron(w, b, torch.float32)
    with torch.no_grad():
        expected = theirs(linear(torch.from_numpy(x))).numpy()  # (1,)
    got = Neuron(w, b, ours)(x)
    assert np.shape(got) == () and got.dtype == np.float32
    np.testing.assert_allclose(got, expected[0], rtol=1e-6, atol=1e-6)


def test_hand_worked_neuron():
    # w = [0.5, −1, 2], b = 0.1, x = [1, 2, 3]:
    #   z = 0.5·1 + (−1)·2 + 2·3 + 0.1 = 0.5 − 2 + 6 + 0.1 = 4.6
    #   y = σ(4.6) = 1 / (1 + e^(−4.6)) ≈ 1 / 1.010052 ≈ 0.99005
    neuron = Neuron(np.array([0.5, -1.0, 2.0]), 0.1, A.sigmoid)
    x = np.array([1.0, 2.0, 3.0])
    assert abs(neuron.weighted_sum(x) - 4.6) < 1e-15
    assert abs(neuron(x) - 1.0 / (1.0 + math.exp(-4.6))) < 1e-15
    assert abs(neuron(x) - 0.99005) < 1e-5


def test_default_activation_is_identity_and_batch_rows_are_independent():
    # With f = identity the neuron is w·x + b: rows [1, 0] and [0, 1] pick out w0 + b and w1 + b.
    neuron = Neuron(np.array([3.0, -4.0]), bias=0.5)
    np.testing.assert_array_equal(neuron(np.eye(2)), [3.5, -3.5])
    assert neuron.in_features == 2
    assert repr(neuron) == "Neuron(in_features=2, activation=identity)"


def test_forward_equals_call():
    neuron = Neuron(np.array([1.0, 2.0]), -1.0, A.relu)
    x = np.array([[1.0, 1.0], [-1.0, 0.0]])
    # z = [1 + 2 − 1, −1 + 0 − 1] = [2, −2] -> ReLU -> [2, 0]
    np.testing.assert_array_equal(neuron.forward(x), [2.0, 0.0])
    np.testing.assert_array_equal(neuron(x), [2.0, 0.0])


# ---- errors ------------------------------------------------------------------------------------


def test_integer_weights_raise_type_error_naming_dtype():
    with pytest.raises(TypeError, match=r"^weights: expected a floating-point array .*got dtype int64$"):
        Neuron(np.array([1, 2, 3]))


def test_integer_bias_raises_type_error():
    with pytest.raises(TypeError, match=r"^bias: expected a floating-point array .*got dtype int64$"):
        Neuron(np.array([1.0, 2.0]), bias=np.int64(1))


def test_integer_input_raises_type_error_naming_dtype():
    neuron = Neuron(np.array([1.0, 2.0]))
    with pytest.raises(TypeError, match=r"^x: expected a floating-point array .*got dtype int32$"):
        neuron(np.array([1, 2], dtype=np.int32))


@pytest.mark.parametrize("weights, shape", [(np.ones((2, 3)), r"\(2, 3\)"), (np.array(1.0), r"\(\)")])
def test_weights_must_be_a_vector(weights, shape):
    with pytest.raises(ValueError, match=rf"^weights: expected shape \(n,\), one weight per input, got shape {shape}$"):
        Neuron(weights)


def test_bias_must_be_a_scalar():
    with pytest.raises(ValueError, match=r"^bias: expected a scalar, shape \(\), got shape \(2,\)$"):
        Neuron(np.array([1.0, 2.0]), bias=np.array([0.0, 0.0]))


def test_activation_must_be_callable():
    with pytest.raises(TypeError, match=r"^activation: expected a function, got str 'relu'$"):
        Neuron(np.array([1.0, 2.0]), activation="relu")


@pytest.mark.parametrize("x, shape", [
    (np.ones(4), r"\(4,\)"),              # one input with the wrong number of features
    (np.ones((5, 4)), r"\(5, 4\)"),       # a batch with the wrong number of features
])
def test_input_with_wrong_feature_count_raises(x, shape):
    neuron = Neuron(np.ones(3))
    # The message names the two shapes a Neuron accepts, not "(..., 3)": it rejects more leading axes.
    with pytest.raises(ValueError, match=rf"^x: expected shape \(3,\) or \(batch, 3\), got shape {shape}$"):
        neuron(x)


@pytest.mark.parametrize("x, shape", [(np.ones((2, 2, 3)), r"\(2, 2, 3\)"), (np.array(1.0), r"\(\)")])
def test_input_with_wrong_rank_raises(x, shape):
    neuron = Neuron(np.ones(3))
    with pytest.raises(ValueError, match=rf"^x: expected shape \(3,\) or \(batch, 3\), got shape {shape}$"):
        neuron(x)
