"""synthetic_vectors: unit rows, reproducible, clustered as stated."""

import numpy as np
import pytest

from neuralnlp.search.synthetic import synthetic_vectors


def test_rows_are_unit_float32_and_reproducible_across_chunk_sizes():
    a = synthetic_vectors(2_000, 16, clusters=20, seed=3)
    assert a.dtype == np.float32 and a.shape == (2_000, 16)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1, atol=1e-6)
    np.testing.assert_array_equal(a, synthetic_vectors(2_000, 16, clusters=20, seed=3))
    assert not np.array_equal(a, synthetic_vectors(2_000, 16, clusters=20, seed=4))


def test_no_spread_puts_every_vector_on_one_of_the_centres():
    x = synthetic_vectors(500, 8, clusters=5, spread=0.0, seed=0)
    assert len(np.unique(x.round(5), axis=0)) == 5


def test_clusters_make_near_neighbours_closer_than_a_uniform_cloud():
    x = synthetic_vectors(1_000, 32, clusters=10, spread=0.5, seed=0)
    uniform = np.random.default_rng(0).standard_normal((1_000, 32))
    uniform /= np.linalg.norm(uniform, axis=1, keepdims=True)
    nearest = lambda v: np.sort(v @ v.T, axis=1)[:, -2].mean()  # best cosine to another vector
    assert nearest(x) > nearest(uniform) + 0.3


@pytest.mark.parametrize("kwargs, words", [
    ({"n": 0, "dim": 4}, "n: expected"), ({"n": 3, "dim": 4, "clusters": 4}, r"clusters: expected an integer in \[1, 3\]"),
    ({"n": 3, "dim": 4, "clusters": 2, "spread": -1.0}, "spread: expected"),
])
def test_bad_input_is_named(kwargs, words):
    with pytest.raises(ValueError, match=words):
        synthetic_vectors(**kwargs)
