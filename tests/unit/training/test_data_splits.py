"""Training, validation and test indices: sizes, disjointness, coverage, seeds, and bad input."""

import numpy as np
import pytest

from neuralnlp.training.data_splits import train_validation_test_split


def test_three_disjoint_parts_that_cover_everything():
    train, validation, test = train_validation_test_split(103, validation_fraction=0.2, test_fraction=0.1, seed=0)
    assert (len(train), len(validation), len(test)) == (72, 21, 10)
    together = np.concatenate([train, validation, test])
    assert sorted(together.tolist()) == list(range(103))
    assert train.dtype == np.int64


def test_the_seed_decides_the_shuffle():
    a = train_validation_test_split(50, seed=1)
    b = train_validation_test_split(50, seed=1)
    c = train_validation_test_split(50, seed=2)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[1], c[1])
    assert not np.array_equal(np.sort(a[1]), np.arange(10))  # shuffled, not the first ten


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match=r"n_samples: expected an integer >= 3, got 2"):
        train_validation_test_split(2)
    with pytest.raises(ValueError, match=r"validation_fraction: expected a fraction in \[0, 1\), got 1.2"):
        train_validation_test_split(10, validation_fraction=1.2)
    with pytest.raises(ValueError, match=r"test_fraction: expected validation_fraction \+ test_fraction to leave training samples, "
                                         r"got 6 validation \+ 4 test of 10 samples"):
        train_validation_test_split(10, validation_fraction=0.6, test_fraction=0.4)
