"""FeedForward against nn.Sequential with copied weights; the NumPy forward against FeedForward."""

import numpy as np
import pytest
import torch
from torch import nn

from neuralnlp.basics.activations import gelu, relu
from neuralnlp.basics.dense import Dense
from neuralnlp.basics.feedforward import (
    FeedForward,
    feedforward_numpy,
    feedforward_parameter_count,
    layer_outputs,
    to_dense_layers,
)


def _copy_linears(model: FeedForward, sequential: nn.Sequential) -> None:
    linears = [m for m in sequential if isinstance(m, nn.Linear)]
    assert len(linears) == len(model.layers)
    with torch.no_grad():
        for ours, ref in zip(model.layers, linears):
            ref.weight.copy_(ours.weight)
            ref.bias.copy_(ours.bias)


def test_default_matches_sequential_linear_gelu_linear():
    # By default the output layer is linear, as in a Transformer's feed-forward block.
    torch.manual_seed(0)
    model = FeedForward(5, 8, 3).double()
    assert model.final_activation is False
    ref = nn.Sequential(nn.Linear(5, 8), nn.GELU(), nn.Linear(8, 3)).double()
    _copy_linears(model, ref)
    x = torch.randn(6, 5, dtype=torch.float64)
    torch.testing.assert_close(model(x), ref(x), rtol=0, atol=1e-12)
    torch.testing.assert_close(model(x[0]), ref(x[0]), rtol=0, atol=1e-12)


def test_without_final_activation_and_with_relu():
    torch.manual_seed(1)
    model = FeedForward(4, 6, 2, activation=nn.ReLU(), final_activation=False).double()
    ref = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 2)).double()
    _copy_linears(model, ref)
    x = torch.randn(9, 4, dtype=torch.float64)
    torch.testing.assert_close(model(x), ref(x), rtol=0, atol=1e-12)
    # Raw outputs go negative; a GELU/ReLU output layer could not (ReLU ≥ 0), so this checks the flag.
    assert (model(x) < 0).any()


def test_with_final_activation_matches_sequential_ending_in_gelu():
    # y = GELU(W2 h1 + b2), the network as the source article writes it.
    torch.manual_seed(0)
    model = FeedForward(5, 8, 3, final_activation=True).double()
    ref = nn.Sequential(nn.Linear(5, 8), nn.GELU(), nn.Linear(8, 3), nn.GELU()).double()
    _copy_linears(model, ref)
    x = torch.randn(6, 5, dtype=torch.float64)
    torch.testing.assert_close(model(x), ref(x), rtol=0, atol=1e-12)
    assert (model(x) > -0.2).all()  # GELU's outputs never go below about -0.17


def test_several_hidden_layers_float32():
    torch.manual_seed(2)
    model = FeedForward(3, [7, 5], 2)
    assert [(l.in_features, l.out_features) for l in model.layers] == [(3, 7), (7, 5), (5, 2)]
    ref = nn.Sequential(nn.Linear(3, 7), nn.GELU(), nn.Linear(7, 5), nn.GELU(), nn.Linear(5, 2))
    _copy_linears(model, ref)
    x = torch.randn(4, 3)
    torch.testing.assert_close(model(x), ref(x), rtol=0, atol=1e-6)


@pytest.mark.parametrize("final_activation", [True, False])
@pytest.mark.parametrize("shape", [(5,), (11, 5)])
def test_numpy_forward_matches_feedforward_float64(final_activation, shape):
    torch.manual_seed(3)
    model = FeedForward(5, [8, 6], 4, final_activation=final_activation).double()
    x = np.random.default_rng(4).normal(size=shape)
    expected = model(torch.from_numpy(x)).detach().numpy()
    y = feedforward_numpy(to_dense_layers(model), x)
    assert y.shape == shape[:-1] + (4,)
    np.testing.assert_allclose(y, expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("module", [nn.ReLU(), nn.Tanh(), nn.Sigmoid(), nn.GELU(approximate="tanh")])
def test_numpy_forward_matches_for_other_activations(module):
    torch.manual_seed(5)
    model = FeedForward(3, 4, 2, activation=module).double()
    x = np.random.default_rng(6).normal(size=(5, 3))
    expected = model(torch.from_numpy(x)).detach().numpy()
    np.testing.assert_allclose(feedforward_numpy(to_dense_layers(model), x), expected, rtol=0, atol=1e-12)


def test_layer_outputs_by_hand():
    # x = (1, -2);  layer 1: W1 = [[1, 1], [2, 0], [0, -1]], b1 = (0.5, -3, 0), ReLU
    #   z1 = (1 - 2 + 0.5, 2 - 3, 2) = (-0.5, -1, 2)  ->  h1 = (0, 0, 2)
    # layer 2: W2 = [[1, 2, 3]], b2 = (-1), no activation:  y = 3·2 - 1 = 5
    layers = [
        Dense.from_weights([[1.0, 1.0], [2.0, 0.0], [0.0, -1.0]], [0.5, -3.0, 0.0], activation=relu),
        Dense.from_weights([[1.0, 2.0, 3.0]], [-1.0]),
    ]
    h1, y = layer_outputs(layers, np.array([1.0, -2.0]))
    np.testing.assert_array_equal(h1, [0.0, 0.0, 2.0])
    np.testing.assert_array_equal(y, [5.0])


def test_parameter_count_by_hand_and_torch():
    # (4, 8, 3): 4·8 + 8 + 8·3 + 3 = 32 + 8 + 24 + 3 = 67
    assert feedforward_parameter_count([4, 8, 3]) == 67
    assert sum(p.numel() for p in FeedForward(4, 8, 3).parameters()) == 67
    # (3, 7, 5, 2): 3·7 + 7 + 7·5 + 5 + 5·2 + 2 = 21 + 7 + 35 + 5 + 10 + 2 = 80
    assert feedforward_parameter_count([3, 7, 5, 2]) == 80
    assert sum(p.numel() for p in FeedForward(3, [7, 5], 2).parameters()) == 80
    assert sum(layer.parameter_count for layer in to_dense_layers(FeedForward(3, [7, 5], 2))) == 80


def test_parameter_count_needs_two_sizes():
    with pytest.raises(ValueError, match=r"sizes: expected at least 2 widths.*got \[5\]"):
        feedforward_parameter_count([5])


def test_wrong_input_size_names_expected_and_received():
    model = FeedForward(5, 8, 3)
    with pytest.raises(ValueError, match=r"x: expected shape \(\.\.\., 5\).*got shape \(2, 4\)"):
        model(torch.zeros(2, 4))
    with pytest.raises(ValueError, match=r"x: expected shape \(\.\.\., 5\).*got shape \(\)"):
        model(torch.tensor(1.0))


def test_non_float_input_is_rejected():
    model = FeedForward(2, 3, 1)
    with pytest.raises(TypeError, match=r"x: expected a floating-point tensor.*got dtype torch.int64"):
        model(torch.tensor([1, 2]))
    with pytest.raises(TypeError, match=r"x: expected a floating-point torch.Tensor, got type ndarray"):
        model(np.zeros(2))


def test_numpy_forward_errors():
    a, b = Dense(3, 4, rng=0), Dense(5, 2, rng=0)
    with pytest.raises(ValueError, match=r"layers\[1\]: expected in_features == layers\[0\].out_features == 4, got in_features 5"):
        feedforward_numpy([a, b], np.zeros(3))
    with pytest.raises(ValueError, match=r"layers: expected at least one Dense layer"):
        feedforward_numpy([], np.zeros(3))
    with pytest.raises(ValueError, match=r"x: expected shape \(\.\.\., 3\).*got shape \(4,\)"):
        feedforward_numpy([a], np.zeros(4))


def test_to_dense_layers_rejects_unknown_activation():
    with pytest.raises(ValueError, match=r"activation: expected nn.GELU, nn.ReLU, nn.Tanh or nn.Sigmoid, got SiLU"):
        to_dense_layers(FeedForward(2, 3, 1, activation=nn.SiLU()))


def test_to_dense_layers_activation_placement():
    layers = to_dense_layers(FeedForward(2, 3, 1))
    assert layers[0].activation is gelu and layers[1].activation is None
    layers = to_dense_layers(FeedForward(2, 3, 1, final_activation=True))
    assert layers[0].activation is gelu and layers[1].activation is gelu


def test_printed_model_says_whether_the_output_has_an_activation():
    assert "final_activation=False" in repr(FeedForward(2, 3, 1))
    assert "final_activation=True" in repr(FeedForward(2, 3, 1, final_activation=True))
