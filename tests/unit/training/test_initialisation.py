"""Xavier and Kaiming initialisation against torch.nn.init: the bounds and moments of the distributions, and
a two-sample Kolmogorov–Smirnov test against torch's own samples (the random streams differ, so the
samples cannot be compared one by one)."""

import math

import pytest
import torch
from scipy import stats
from torch import nn

from neuralnlp.training.initialisation import (fan_in_and_fan_out, kaiming_normal_, kaiming_uniform_, recommended_gain,
                                               xavier_normal_, xavier_uniform_)

SHAPES = [(300, 200), (64, 16, 3, 3)]  # a Linear weight and a Conv2d weight (fans × kernel size 9)


def theirs_and_ours(ours, reference, shape, **kwargs):
    mine = ours(torch.empty(shape, dtype=torch.float64), generator=torch.Generator().manual_seed(0), **kwargs)
    torch.manual_seed(1)
    theirs = reference(torch.empty(shape, dtype=torch.float64), **kwargs)
    return mine.flatten(), theirs.flatten()


CASES = [
    ("xavier_uniform", xavier_uniform_, nn.init.xavier_uniform_, {}, "uniform", lambda fi, fo: math.sqrt(2 / (fi + fo))),
    ("xavier_uniform gain", xavier_uniform_, nn.init.xavier_uniform_, {"gain": 5 / 3}, "uniform", lambda fi, fo: 5 / 3 * math.sqrt(2 / (fi + fo))),
    ("xavier_normal", xavier_normal_, nn.init.xavier_normal_, {"gain": 2.0}, "normal", lambda fi, fo: 2 * math.sqrt(2 / (fi + fo))),
    ("kaiming_uniform", kaiming_uniform_, nn.init.kaiming_uniform_, {"nonlinearity": "relu"}, "uniform", lambda fi, fo: math.sqrt(2 / fi)),
    ("kaiming_uniform fan_out", kaiming_uniform_, nn.init.kaiming_uniform_, {"mode": "fan_out", "nonlinearity": "relu"}, "uniform",
     lambda fi, fo: math.sqrt(2 / fo)),
    ("kaiming_normal", kaiming_normal_, nn.init.kaiming_normal_, {"nonlinearity": "relu"}, "normal", lambda fi, fo: math.sqrt(2 / fi)),
    ("kaiming_normal tanh fan_out", kaiming_normal_, nn.init.kaiming_normal_, {"mode": "fan_out", "nonlinearity": "tanh"}, "normal",
     lambda fi, fo: 5 / 3 / math.sqrt(fo)),
]


@pytest.mark.parametrize("shape", SHAPES, ids=["linear", "conv"])
@pytest.mark.parametrize("name, ours, reference, kwargs, family, std", [c for c in CASES], ids=[c[0] for c in CASES])
def test_the_distribution_matches_torch_nn_init(name, ours, reference, kwargs, family, std, shape):
    mine, theirs = theirs_and_ours(ours, reference, shape, **kwargs)
    fan_in, fan_out = fan_in_and_fan_out(torch.empty(shape))
    sigma, n = std(fan_in, fan_out), mine.numel()
    for sample in (mine, theirs):
        # mean 0 and standard deviation σ, within 5 standard errors (SE of the mean σ/√n; of the variance ≈ σ²·√(κ−1)/√n)
        assert abs(sample.mean().item()) < 5 * sigma / math.sqrt(n)
        kurtosis = 1.8 if family == "uniform" else 3.0
        assert abs(sample.var().item() - sigma**2) < 5 * sigma**2 * math.sqrt((kurtosis - 1) / n)
    if family == "uniform":  # U[−a, a] with a = σ√3, and nothing outside
        bound = sigma * math.sqrt(3)
        assert mine.abs().max().item() <= bound and mine.abs().max().item() > 0.99 * bound
    assert stats.ks_2samp(mine.numpy(), theirs.numpy()).pvalue > 1e-3


def test_the_two_sample_test_notices_a_wrong_scale():
    # the check above can fail: a sample with σ only 5 % too large is rejected at its threshold
    mine = xavier_normal_(torch.empty(300, 200, dtype=torch.float64), gain=1.05, generator=torch.Generator().manual_seed(0))
    torch.manual_seed(1)
    theirs = nn.init.xavier_normal_(torch.empty(300, 200, dtype=torch.float64))
    assert stats.ks_2samp(mine.flatten().numpy(), theirs.flatten().numpy()).pvalue < 1e-3


def test_fans_gains_and_the_same_generator_giving_the_same_weights():
    assert fan_in_and_fan_out(torch.empty(300, 200)) == (200, 300)
    assert fan_in_and_fan_out(torch.empty(64, 16, 3, 3)) == (144, 576)
    for name in ("linear", "sigmoid", "tanh", "relu"):
        assert recommended_gain(name) == nn.init.calculate_gain(name)
    a = kaiming_uniform_(torch.empty(5, 4), generator=torch.Generator().manual_seed(3))
    b = kaiming_uniform_(torch.empty(5, 4), generator=torch.Generator().manual_seed(3))
    assert torch.equal(a, b)


def test_initialising_a_parameter_in_place_keeps_it_a_leaf_that_trains():
    layer = nn.Linear(10, 4)
    returned = xavier_uniform_(layer.weight, generator=torch.Generator().manual_seed(0))
    assert returned is layer.weight and layer.weight.is_leaf and layer.weight.requires_grad
    assert layer.weight.abs().max().item() <= math.sqrt(6 / 14)


def test_he_keeps_the_scale_through_deep_relu_layers_and_xavier_does_not():
    torch.manual_seed(0)
    x = torch.randn(2000, 256, dtype=torch.float64)
    stds = {}
    for name, init in (("he", kaiming_normal_), ("xavier", xavier_normal_)):
        h = x
        for _ in range(20):
            h = torch.relu(h @ init(torch.empty(256, 256, dtype=torch.float64)).T)
        stds[name] = h.std().item()
    assert 0.5 < stds["he"] < 2.0
    assert stds["xavier"] < 0.01  # halved variance per layer: about 2^(−10) after 20 layers


# ---- bad input -----------------------------------------------------------------------------------

def test_bad_input_is_refused():
    with pytest.raises(ValueError, match=r"tensor: expected a weight with at least 2 dimensions \(n_out, n_in, ...\), got shape \(5,\)"):
        xavier_uniform_(torch.empty(5))
    with pytest.raises(ValueError, match=r"mode: expected 'fan_in' or 'fan_out', got 'fan_avg'"):
        kaiming_normal_(torch.empty(3, 3), mode="fan_avg")
    with pytest.raises(ValueError, match=r"nonlinearity: expected one of \['linear', 'relu', 'sigmoid', 'tanh'\], got 'gelu'"):
        kaiming_uniform_(torch.empty(3, 3), nonlinearity="gelu")
    with pytest.raises(ValueError, match=r"gain: expected a number >= 0, got -1.0"):
        xavier_normal_(torch.empty(3, 3), gain=-1.0)
    with pytest.raises(TypeError, match=r"tensor: expected a floating-point tensor \(float32 or float64\), got dtype torch.int64"):
        xavier_normal_(torch.empty(3, 3, dtype=torch.long))
    with pytest.raises(TypeError, match=r"tensor: expected a floating-point torch.Tensor, got type list"):
        kaiming_normal_([[1.0]])
