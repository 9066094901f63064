"""BruteForceIndex against a per-vector loop with torch.nn.functional.cosine_similarity, and by hand."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.vector_search import BruteForceIndex

RNG = np.random.default_rng(0)


def test_search_matches_torch_loop_over_two_adds():
    vectors = RNG.normal(size=(30, 5)) * RNG.uniform(0.1, 10, size=(30, 1))
    ids = [f"doc{i}" for i in range(30)]
    index = BruteForceIndex(5)
    index.add(ids[:12], vectors[:12])
    index.add(ids[12:], vectors[12:])
    assert len(index) == 30
    query = RNG.normal(size=5)
    found, scores = index.search(query, k=4)
    # Reference: one cosine per stored vector, computed independently, then sorted.
    ref = [F.cosine_similarity(torch.from_numpy(query), torch.from_numpy(v), dim=0).item() for v in vectors]
    order = np.argsort(ref)[::-1][:4]
    assert found == [ids[i] for i in order]
    np.testing.assert_allclose(scores, np.array(ref)[order], rtol=1e-12)


def test_batched_search_equals_single_searches():
    index = BruteForceIndex(3)
    index.add(range(20), RNG.normal(size=(20, 3)))
    queries = RNG.normal(size=(4, 3))
    found, scores = index.search(queries, k=3)
    assert scores.shape == (4, 3) and len(found) == 4
    for q, f, s in zip(queries, found, scores):
        f1, s1 = index.search(q, k=3)
        assert f == f1
        np.testing.assert_allclose(s, s1, rtol=1e-14)


def test_search_by_hand_and_length_ignored():
    # Stored: a=(10, 0), b=(1, 1), c=(0, -3). Query (2, 0): cosines a 1, b 1/√2, c 0.
    index = BruteForceIndex(2)
    index.add(["a", "b", "c"], np.array([[10.0, 0.0], [1.0, 1.0], [0.0, -3.0]]))
    found, scores = index.search(np.array([2.0, 0.0]), k=3)
    assert found == ["a", "b", "c"]
    np.testing.assert_allclose(scores, [1.0, 2 ** -0.5, 0.0], rtol=1e-15, atol=1e-15)
    np.testing.assert_allclose(np.linalg.norm(index.vectors, axis=1), 1.0, rtol=1e-15)


def test_ties_keep_the_order_in_which_vectors_were_added():
    """The documented tie rule: equal scores come out in the order the vectors were added, across add() calls,
    for one query and for a batch (a, b and d point the same way; c is added between them)."""
    index = BruteForceIndex(2)
    index.add(["a", "b"], np.array([[1.0, 0.0], [2.0, 0.0]]))
    index.add(["c", "d"], np.array([[0.0, 1.0], [3.0, 0.0]]))
    found, scores = index.search(np.array([5.0, 0.0]), k=4)
    assert found == ["a", "b", "d", "c"]
    np.testing.assert_allclose(scores, [1.0, 1.0, 1.0, 0.0], rtol=0, atol=1e-15)
    found, _ = index.search(np.array([[1.0, 0.0], [0.0, -1.0]]), k=2)
    assert found == [["a", "b"], ["a", "b"]]  # second query: a, b, d all score 0, above c's -1
    # Many ties among many vectors (an unstable sort reorders these): 40 vectors in three directions.
    directions = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]])
    which = np.random.default_rng(0).integers(0, 3, size=40)
    many = BruteForceIndex(2)
    many.add(range(40), directions[which] * np.arange(1, 41)[:, None])
    found, _ = many.search(np.array([1.0, 0.0]), k=40)
    assert found == sorted(range(40), key=lambda i: (which[i] != 0, which[i] != 1, i))


def test_errors_name_expected_and_received():
    index = BruteForceIndex(3)
    with pytest.raises(ValueError, match=r"^index: expected at least one stored vector to search, got an empty index"):
        index.search(np.ones(3), k=1)
    index.add(["x", "y"], np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"vectors: expected shape \(\.\.\., 3\).*got shape \(1, 4\)"):
        index.add(["z"], np.ones((1, 4)))
    with pytest.raises(ValueError, match=r"vectors: expected shape \(n, 3\), got shape \(3,\)"):
        index.add(["z"], np.ones(3))
    with pytest.raises(ValueError, match="ids: expected 2 ids, one per vector, got 1"):
        index.add(["z"], np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"ids: expected distinct ids.*got duplicates \['x'\]"):
        index.add(["x"], np.ones((1, 3)))
    with pytest.raises(ValueError, match=r"got duplicates \['w'\]"):
        index.add(["w", "w"], np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"vectors: expected non-zero vectors.*index \(0,\)"):
        index.add(["z"], np.zeros((1, 3)))
    assert len(index) == 2  # failed adds leave the index unchanged
    with pytest.raises(TypeError, match="vectors: expected a floating-point array.*int64"):
        index.add(["z"], np.ones((1, 3), dtype=np.int64))
    with pytest.raises(ValueError, match=r"query: expected shape \(\.\.\., 3\).*got shape \(2,\)"):
        index.search(np.ones(2), k=1)
    with pytest.raises(ValueError, match=r"k: expected an integer in \[1, 2\].*got 3"):
        index.search(np.ones(3), k=3)
    with pytest.raises(ValueError, match=r"query: expected non-zero vectors"):
        index.search(np.zeros(3), k=1)
    with pytest.raises(ValueError, match=r"^query: expected finite values, got nan at index \(0,\)$"):
        index.search(np.array([np.nan, 1.0, 0.0]), k=1)
    with pytest.raises(ValueError, match=r"^vectors: expected finite values, got nan at index \(0, 1\)$"):
        index.add(["z"], np.array([[1.0, np.nan, 0.0]]))
    with pytest.raises(TypeError, match=r"^ids: expected a sequence of tokens such as \['the', 'cat'\], got str 'zw'"):
        index.add("zw", np.ones((2, 3)))
    assert len(index) == 2
    with pytest.raises(ValueError, match="^dim: expected an integer >= 1, got 0$"):
        BruteForceIndex(0)
    assert BruteForceIndex(np.int64(3)).dim == 3
