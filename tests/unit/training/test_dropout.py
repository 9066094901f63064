"""Dropout against torch.nn.Dropout: identical in evaluation mode, identical in training mode given the same
mask, and the right statistics for the kept fraction and the rescaled mean."""

import math

import pytest
import torch
from torch import nn

from neuralnlp.training.dropout import Dropout, inverted_dropout


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("p", [0.0, 0.1, 0.5, 0.9])
def test_evaluation_mode_is_exactly_torch_and_the_identity(p, dtype):
    x = torch.randn(4, 7, dtype=dtype, generator=torch.Generator().manual_seed(0))
    ours, reference = Dropout(p).eval(), nn.Dropout(p).eval()
    assert torch.equal(ours(x), reference(x)) and torch.equal(ours(x), x)
    assert inverted_dropout(x, p, training=False) is x


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_training_mode_given_the_same_mask_is_exactly_torch(p, dtype):
    x = torch.randn(64, 33, dtype=dtype, generator=torch.Generator().manual_seed(1))
    torch.manual_seed(7)
    reference = nn.Dropout(p)(x)
    torch.manual_seed(7)  # the same random stream on a tensor of ones reveals torch's mask
    mask = nn.Dropout(p)(torch.ones_like(x)) != 0
    assert 0 < mask.sum() < mask.numel()
    assert torch.equal(inverted_dropout(x, p, mask=mask), reference)  # bit for bit, not just close
    assert torch.equal(inverted_dropout(x, p, mask=mask.to(dtype)), reference)


def test_the_kept_fraction_and_the_rescaled_mean_have_the_right_statistics():
    n, p = 1_000_000, 0.3
    x = torch.ones(n, dtype=torch.float64)
    y = inverted_dropout(x, p, generator=torch.Generator().manual_seed(0))
    kept = (y != 0).double().mean().item()
    # kept ~ Binomial(n, 1 − p)/n: mean 1 − p, standard deviation √(p(1 − p)/n); 5 standard deviations
    assert abs(kept - (1 - p)) < 5 * math.sqrt(p * (1 - p) / n)
    assert set(y.unique().tolist()) == {0.0, 1 / (1 - p)}
    # E[y] = x: each y is 1/(1 − p) with probability 1 − p, so Var(y) = p / (1 − p)
    assert abs(y.mean().item() - 1.0) < 5 * math.sqrt(p / (1 - p) / n)
    assert y.var().item() == pytest.approx(p / (1 - p), rel=0.01)
    # and torch's layer gives the same statistics
    torch.manual_seed(0)
    reference = nn.Dropout(p)(x)
    assert abs((reference != 0).double().mean().item() - kept) < 10 * math.sqrt(p * (1 - p) / n)


def test_masks_are_independent_across_elements_and_calls():
    layer = Dropout(0.5, generator=torch.Generator().manual_seed(0))
    a, b = layer(torch.ones(10_000)), layer(torch.ones(10_000))
    both_kept = ((a != 0) & (b != 0)).double().mean().item()
    assert abs(both_kept - 0.25) < 0.02  # independent: (1 − p)²
    assert not torch.equal(a, b)


def test_the_layer_follows_train_and_eval_and_passes_gradients_through_the_kept_elements():
    model = nn.Sequential(nn.Linear(3, 50), Dropout(0.5))
    x = torch.randn(8, 3)
    model.eval()
    assert torch.equal(model(x), model[0](x))
    model.train()
    x = torch.ones(1000, requires_grad=True)
    y = inverted_dropout(x, 0.25, generator=torch.Generator().manual_seed(3))
    y.sum().backward()
    assert torch.equal(x.grad, y.detach())  # ∂y/∂x = m / (1 − p)
    assert repr(Dropout(0.25)) == "Dropout(p=0.25)"


def test_p_zero_keeps_everything():
    x = torch.randn(5, 5)
    assert torch.equal(inverted_dropout(x, 0.0), x)


# ---- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("p", [1.0, 1.5, -0.1, math.nan])
def test_p_outside_zero_one_is_refused(p):
    with pytest.raises(ValueError, match=rf"p: expected a (finite )?dropout probability in \[0, 1\), got {p}"):
        Dropout(p)
    with pytest.raises(ValueError, match=rf"p: expected a (finite )?dropout probability in \[0, 1\), got {p}"):
        inverted_dropout(torch.ones(3), p)


def test_other_bad_input_is_refused():
    with pytest.raises(TypeError, match=r"p: expected a dropout probability in \[0, 1\), got str '0.5'"):
        Dropout("0.5")
    with pytest.raises(TypeError, match=r"x: expected a floating-point tensor \(float32 or float64\), got dtype torch.int64"):
        inverted_dropout(torch.ones(3, dtype=torch.long), 0.5)
    with pytest.raises(ValueError, match=r"mask: expected shape \(2, 3\), got shape \(3, 2\)"):
        inverted_dropout(torch.ones(2, 3), 0.5, mask=torch.ones(3, 2, dtype=torch.bool))
