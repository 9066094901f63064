"""recall_at_k by hand, and against a direct count on random lists."""

import numpy as np
import pytest

from neuralnlp.search.recall import recall_at_k, recall_per_query


def test_hand_worked_recall_ignores_order_and_charges_missing_results():
    found = [[1, 2, 3], [4, 5, -1]]
    exact = [[3, 2, 1], [4, 6, 7]]
    np.testing.assert_allclose(recall_per_query(found, exact), [1.0, 1 / 3])
    assert recall_at_k(found, exact) == pytest.approx(2 / 3)
    assert recall_at_k([[1, 9, 3]], [[3, 2, 1]], k=2) == 0.0  # top 2 of found: {1, 9}; of exact: {3, 2}


def test_matches_a_direct_count_on_random_lists():
    rng = np.random.default_rng(0)
    exact = np.stack([rng.permutation(50)[:10] for _ in range(40)])
    found = np.stack([rng.permutation(50)[:10] for _ in range(40)])
    expected = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact)])
    assert recall_at_k(found, exact) == pytest.approx(expected)
    assert recall_at_k(exact, exact) == 1.0


@pytest.mark.parametrize("found, exact, k, error, words", [
    ([[1.5]], [[1]], None, TypeError, "found: expected integer ids"),
    ([[-2]], [[1]], None, ValueError, "found: expected ids >= 0"),
    ([[1], [2]], [[1]], None, ValueError, "found: expected 1 rows"),
    ([[1]], [[1]], 2, ValueError, r"k: expected an integer in \[1, 1\]"),
    ([[1]], [[1, 2]], None, ValueError, "found: expected at least k = 2 columns"),
    (np.empty((0, 3), dtype=int), [[1, 2, 3]], None, ValueError, "found: expected a non-empty"),
])
def test_bad_input_is_named(found, exact, k, error, words):
    with pytest.raises(error, match=words):
        recall_at_k(found, exact, k)
