"""neuralnlp.basics.losses against torch.nn.functional, by hand, and for its error messages."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.basics.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    mse,
    mse_grad,
    nll_loss,
    one_hot,
)

rng = np.random.default_rng(0)
T = torch.from_numpy


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_mse_matches_torch(reduction):
    pred, target = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    expected = F.mse_loss(T(pred), T(target), reduction=reduction).numpy()
    np.testing.assert_allclose(mse(pred, target, reduction), expected, rtol=1e-13, atol=0)


def test_mse_by_hand():
    # ((1-0)^2 + (2-4)^2) / 2 = (1 + 4) / 2 = 2.5
    assert mse(np.array([1.0, 2.0]), np.array([0.0, 4.0])) == 2.5


def test_mse_float32_matches_torch():
    pred, target = rng.normal(size=(8,)).astype(np.float32), rng.normal(size=(8,)).astype(np.float32)
    assert abs(mse(pred, target) - F.mse_loss(T(pred), T(target)).item()) <= 1e-6


def test_mse_grad_matches_autograd():
    pred, target = rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    p = T(pred).requires_grad_()
    F.mse_loss(p, T(target)).backward()
    np.testing.assert_allclose(mse_grad(pred, target), p.grad.numpy(), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_binary_cross_entropy_matches_torch(reduction):
    p = rng.uniform(0.01, 0.99, size=(6,))
    y = rng.integers(0, 2, size=6).astype(np.float64)
    expected = F.binary_cross_entropy(T(p), T(y), reduction=reduction).numpy()
    np.testing.assert_allclose(binary_cross_entropy(p, y, reduction), expected, rtol=1e-13)


def test_binary_cross_entropy_clamps_log_like_torch():
    # p = 0 with y = 1 would be -log 0 = inf; torch clamps each log at -100.
    p, y = np.array([0.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0])
    expected = F.binary_cross_entropy(T(p), T(y), reduction="none").numpy()
    np.testing.assert_array_equal(binary_cross_entropy(p, y, "none"), expected)
    np.testing.assert_array_equal(expected, [100.0, 100.0, 0.0])


def test_binary_cross_entropy_by_hand():
    # y = 1, p = 0.8: -log 0.8 ; y = 0, p = 0.8: -log 0.2 ; mean of the two
    expected = (-math.log(0.8) - math.log(0.2)) / 2
    assert abs(binary_cross_entropy(np.array([0.8, 0.8]), np.array([1.0, 0.0])) - expected) < 1e-15


@pytest.mark.parametrize("scale", [1.0, 50.0, 1000.0])
def test_binary_cross_entropy_with_logits_matches_torch(scale):
    z = scale * rng.normal(size=(3, 4))
    y = rng.uniform(0, 1, size=(3, 4))
    expected = F.binary_cross_entropy_with_logits(T(z), T(y), reduction="none").numpy()
    ours = binary_cross_entropy_with_logits(z, y, reduction="none")
    assert np.isfinite(ours).all()
    np.testing.assert_allclose(ours, expected, rtol=1e-12, atol=1e-12)


def test_bce_with_logits_equals_bce_of_sigmoid_for_moderate_logits():
    z = np.array([-2.0, 0.5, 3.0])
    y = np.array([0.0, 1.0, 1.0])
    p = 1.0 / (1.0 + np.exp(-z))
    assert abs(binary_cross_entropy_with_logits(z, y) - binary_cross_entropy(p, y)) < 1e-14


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_nll_loss_matches_torch(reduction):
    log_probs = np.log(rng.dirichlet(np.ones(5), size=4))
    target = np.array([0, 4, 2, 2])
    expected = F.nll_loss(T(log_probs), T(target), reduction=reduction).numpy()
    np.testing.assert_allclose(nll_loss(log_probs, target, reduction), expected, rtol=1e-13)


@pytest.mark.parametrize("scale", [1.0, 100.0, 1e4])
def test_cross_entropy_matches_torch_including_large_logits(scale):
    logits = scale * rng.normal(size=(6, 5))
    target = rng.integers(0, 5, size=6)
    expected = F.cross_entropy(T(logits), T(target), reduction="none").numpy()
    ours = cross_entropy(logits, target, reduction="none")
    assert np.isfinite(ours).all()
    np.testing.assert_allclose(ours, expected, rtol=1e-12, atol=1e-12)


def test_cross_entropy_float32_matches_torch():
    logits = rng.normal(size=(4, 3)).astype(np.float32)
    target = np.array([2, 0, 1, 1])
    assert abs(cross_entropy(logits, target) - F.cross_entropy(T(logits), T(target)).item()) <= 1e-6


def test_cross_entropy_by_hand():
    # logits (0, 0, ln 2): softmax = (1, 1, 2)/4, so class 2 costs -log(1/2) = ln 2.
    logits = np.array([[0.0, 0.0, math.log(2.0)]])
    assert abs(cross_entropy(logits, np.array([2])) - math.log(2.0)) < 1e-15


def test_cross_entropy_of_one_hot_target_is_minus_log_p_target():
    logits = rng.normal(size=(3, 4))
    target = np.array([1, 3, 0])
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    full_sum = -(one_hot(target, 4) * np.log(p)).sum(axis=1)
    np.testing.assert_allclose(cross_entropy(logits, target, "none"), full_sum, rtol=1e-13)


def test_one_hot_by_hand():
    np.testing.assert_array_equal(one_hot(np.array([2, 0]), 3), [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])


# ---- errors ------------------------------------------------------------------------------------


def test_label_out_of_range_names_range_and_label():
    with pytest.raises(IndexError, match=r"^target: expected class indices in \[0, 2\], got 3 at position \(1,\)$"):
        cross_entropy(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(IndexError, match=r"in \[0, 2\], got -1 at position \(0,\)"):
        nll_loss(np.zeros((2, 3)), np.array([-1, 0]))
    with pytest.raises(IndexError, match=r"in \[0, 1\], got 2"):
        one_hot(np.array([2]), 2)


def test_integer_logits_rejected():
    with pytest.raises(TypeError, match="logits: expected a floating-point array.*got dtype int64"):
        cross_entropy(np.array([[1, 2, 3]]), np.array([0]))
    with pytest.raises(TypeError, match="logits: expected a floating-point array"):
        binary_cross_entropy_with_logits(np.array([1, 2]), np.array([0.0, 1.0]))


def test_float_target_rejected_for_class_indices():
    with pytest.raises(TypeError, match="target: expected integer class indices, got dtype float64"):
        cross_entropy(np.zeros((2, 3)), np.array([0.0, 1.0]))


def test_wrong_shapes_rejected():
    with pytest.raises(ValueError, match=r"logits: expected shape \(batch, classes\) with at least one class, got shape \(3,\)"):
        cross_entropy(np.zeros(3), np.array([0]))
    with pytest.raises(ValueError, match=r"target: expected shape \(2,\).*got shape \(3,\)"):
        cross_entropy(np.zeros((2, 3)), np.array([0, 1, 2]))
    with pytest.raises(ValueError, match=r"target: expected the shape of prediction, \(2,\), got shape \(3,\)"):
        mse(np.zeros(2), np.zeros(3))
    with pytest.raises(ValueError, match=r"target: expected the shape of logits"):
        binary_cross_entropy_with_logits(np.zeros((2, 1)), np.zeros(2))
    with pytest.raises(ValueError, match=r"target: expected shape \(batch,\)"):
        one_hot(np.zeros((2, 2), dtype=int), 3)


def test_probability_outside_unit_interval_rejected():
    with pytest.raises(ValueError, match=r"probability: expected values in \[0, 1\], got values in \[-0.1, 0.5\]"):
        binary_cross_entropy(np.array([-0.1, 0.5]), np.array([0.0, 1.0]))


def test_probability_and_target_must_lie_in_zero_one_at_both_ends():
    """Both ends of [0, 1] are checked, for the probability and for the target: 0 and 1 are accepted,
    1.5 is refused (it would give nan from log(1 - p)), like -0.1."""
    assert np.isfinite(binary_cross_entropy(np.array([0.0, 1.0]), np.array([0.0, 1.0])))
    with pytest.raises(ValueError, match=r"^probability: expected values in \[0, 1\], got values in \[0.5, 1.5\]$"):
        binary_cross_entropy(np.array([0.5, 1.5]), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"^target: expected values in \[0, 1\], got values in \[0.0, 2.0\]$"):
        binary_cross_entropy(np.array([0.5, 0.5]), np.array([0.0, 2.0]))
    with pytest.raises(ValueError, match=r"^target: expected values in \[0, 1\], got values in \[-1.0, 1.0\]$"):
        binary_cross_entropy(np.array([0.5, 0.5]), np.array([-1.0, 1.0]))


def test_unknown_reduction_rejected():
    with pytest.raises(ValueError, match=r"reduction: expected one of \['mean', 'sum', 'none'\], got 'avg'"):
        mse(np.zeros(2), np.zeros(2), reduction="avg")
