"""neuralnlp.basics.datasets: shapes, labels, determinism, hand-checked points, errors."""

import numpy as np
import pytest

from neuralnlp.basics.datasets import minibatches, spiral, xor


def test_xor_truth_table():
    x, y = xor()
    assert x.shape == (4, 2) and x.dtype == np.float64
    assert y.dtype == np.int64
    # label is 1 exactly when the two inputs differ
    np.testing.assert_array_equal(y, (x[:, 0] != x[:, 1]).astype(int))
    np.testing.assert_array_equal(y, [0, 1, 1, 0])


def test_spiral_shapes_and_labels():
    x, y = spiral(n_per_class=50, n_classes=4, noise=0.1, seed=0)
    assert x.shape == (200, 2) and x.dtype == np.float64
    assert y.shape == (200,) and y.dtype == np.int64
    np.testing.assert_array_equal(np.bincount(y), [50, 50, 50, 50])
    np.testing.assert_array_equal(y[:50], 0)  # grouped by class


def test_spiral_points_by_hand_without_noise():
    # n = 3: radii 0, 0.5, 1. Class 1, point j=2: r = 1, theta = 4*(1 + 1) = 8 -> (sin 8, cos 8).
    # Class 0, point j=1: r = 0.5, theta = 4*0.5 = 2 -> 0.5*(sin 2, cos 2).
    x, _ = spiral(n_per_class=3, n_classes=2, noise=0.0)
    np.testing.assert_allclose(x[5], [np.sin(8.0), np.cos(8.0)], rtol=0, atol=1e-15)
    np.testing.assert_allclose(x[1], [0.5 * np.sin(2.0), 0.5 * np.cos(2.0)], rtol=0, atol=1e-15)
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), [0, 0.5, 1, 0, 0.5, 1], atol=1e-15)


def test_spiral_is_deterministic_per_seed():
    a, _ = spiral(20, 3, 0.2, seed=7)
    b, _ = spiral(20, 3, 0.2, seed=7)
    c, _ = spiral(20, 3, 0.2, seed=8)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_minibatches_cover_every_index_once():
    batches = minibatches(10, 4, np.random.default_rng(0))
    assert [len(b) for b in batches] == [4, 4, 2]
    np.testing.assert_array_equal(np.sort(np.concatenate(batches)), np.arange(10))


def test_minibatches_are_shuffled_deterministically():
    a = np.concatenate(minibatches(20, 5, np.random.default_rng(0)))
    b = np.concatenate(minibatches(20, 5, np.random.default_rng(0)))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, np.arange(20))


def test_errors():
    with pytest.raises(ValueError, match="n_per_class: expected an integer >= 2, got 1"):
        spiral(n_per_class=1)
    with pytest.raises(TypeError, match="n_classes: expected an integer >= 2, got float 3.0"):
        spiral(n_classes=3.0)
    with pytest.raises(ValueError, match="noise: expected a standard deviation >= 0, got -0.1"):
        spiral(noise=-0.1)
    with pytest.raises(ValueError, match="batch_size: expected an integer >= 1, got 0"):
        minibatches(10, 0, np.random.default_rng(0))
