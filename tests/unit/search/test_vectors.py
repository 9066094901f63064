"""unit_rows: the one normalisation of the chapter, against torch's F.normalize, at extreme scales, and for bad input."""

import numpy as np
import pytest
import torch

from neuralnlp.search.vectors import as_vector_rows, unit_rows


def test_equals_torch_normalize_and_leaves_the_input_alone():
    x = np.random.default_rng(0).standard_normal((50, 7))
    before = x.copy()
    np.testing.assert_allclose(unit_rows(x), torch.nn.functional.normalize(torch.from_numpy(x), dim=1).numpy(), atol=1e-7)
    np.testing.assert_allclose(unit_rows(x, dtype=np.float64), torch.nn.functional.normalize(torch.from_numpy(x), dim=1),
                               atol=1e-15)
    assert unit_rows(x).dtype == np.float32 and unit_rows(x, dtype=np.float64).dtype == np.float64
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("scale, dtype", [(1e30, np.float32), (1e-40, np.float32), (1e200, np.float64),
                                          (1e-200, np.float64)])
def test_extreme_scales_keep_their_direction(scale, dtype):
    x = (np.array([[3.0, 4.0], [-1.0, 0.0]]) * scale).astype(dtype)
    np.testing.assert_allclose(unit_rows(x), [[0.6, 0.8], [-1.0, 0.0]], atol=1e-6)


@pytest.mark.parametrize("x, dim, error, words", [
    (np.zeros((0, 3)), None, ValueError, r"vectors: expected a 2-D array of shape \(n, d\) with at least one row"),
    (np.ones(3), 3, ValueError, r"vectors: expected a 2-D array of shape \(n, 3\)"),
    (np.ones((2, 4)), 3, ValueError, "vectors: expected"),
    (np.array([[1.0, np.nan]]), None, ValueError, "vectors: expected finite values"),
    (np.array([[1.0, 1.0], [0.0, 0.0]]), None, ValueError, "all-zero row at index 1"),
    (np.ones((2, 2), dtype=int), None, TypeError, "vectors: expected"),
])
def test_bad_input_is_named(x, dim, error, words):
    with pytest.raises(error, match=words):
        unit_rows(x, "vectors", dim)


def test_as_vector_rows_accepts_a_zero_row():
    # checking the shape is not normalising: a zero row is only an error where a cosine is taken
    assert as_vector_rows(np.zeros((1, 2))).shape == (1, 2)
