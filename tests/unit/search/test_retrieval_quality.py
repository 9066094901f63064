"""Exact cosine neighbours and label agreement@k: by hand, against a brute-force loop, and the base rate."""

import math

import numpy as np
import pytest
import torch

from neuralnlp.search.retrieval_quality import (cosine_neighbours, label_agreement_at_k, label_agreement_per_query,
                                                label_base_rate)


def _at_angles(degrees):
    return np.array([[math.cos(math.radians(a)), math.sin(math.radians(a))] for a in degrees])


def test_neighbours_and_agreement_worked_by_hand():
    # collection at 0°, 30°, 90°, 180°; a query at 10°: cosines cos 10°, cos 20°, cos 80°, cos 170°
    collection = _at_angles([0, 30, 90, 180]) * np.array([[1.0], [2.0], [0.5], [3.0]])  # lengths do not matter
    scores, ids = cosine_neighbours(_at_angles([10]), collection, 4)
    assert ids.tolist() == [[0, 1, 2, 3]]
    np.testing.assert_allclose(scores[0], [math.cos(math.radians(a)) for a in (10, 20, 80, 170)], atol=1e-6)
    labels = np.array([0, 0, 1, 1])
    assert [label_agreement_at_k(ids, [0], labels, k) for k in (1, 2, 3, 4)] == [1.0, 1.0, 2 / 3, 0.5]
    assert [label_agreement_at_k(ids, [1], labels, k) for k in (1, 2, 3, 4)] == [0.0, 0.0, 1 / 3, 0.5]


def test_agreement_per_query_by_hand():
    ids = np.array([[0, 1], [2, 3], [4, 5]])
    labels = np.array([0, 1, 0, 1, 1, 0])
    # query 0 (label 0) sees labels 0, 1; query 1 (label 1) sees 0, 1; query 2 (label 0) sees 1, 0
    np.testing.assert_array_equal(label_agreement_per_query(ids, [0, 1, 0], labels, 1), [1, 0, 0])
    np.testing.assert_array_equal(label_agreement_per_query(ids, [0, 1, 0], labels), [0.5, 0.5, 0.5])


def _brute_force(queries, collection, k, exclude_self=False):
    """One query at a time, in float64 Python: sort by (−cosine, id)."""
    out = []
    for i, q in enumerate(queries):
        cos = [(-(q @ c) / (np.linalg.norm(q) * np.linalg.norm(c)), j) for j, c in enumerate(collection)
               if not (exclude_self and j == i)]
        out.append([j for _, j in sorted(cos)[:k]])
    return np.array(out)


@pytest.mark.parametrize("chunk", [1, 3, 7, 1000])
def test_neighbours_equal_a_brute_force_loop_for_any_chunk(chunk):
    rng = np.random.default_rng(1)
    queries, collection = rng.standard_normal((17, 5)), rng.standard_normal((40, 5))
    _, ids = cosine_neighbours(queries, collection, 10, chunk=chunk)
    np.testing.assert_array_equal(ids, _brute_force(queries, collection, 10))
    _, ids = cosine_neighbours(collection, collection, 10, exclude_self=True, chunk=chunk)
    np.testing.assert_array_equal(ids, _brute_force(collection, collection, 10, exclude_self=True))
    assert not (ids == np.arange(40)[:, None]).any()  # never the query itself


def test_agreement_equals_a_brute_force_count():
    rng = np.random.default_rng(2)
    queries, collection = rng.standard_normal((30, 4)), rng.standard_normal((50, 4))
    q_labels, c_labels = rng.integers(0, 3, 30), rng.integers(0, 3, 50)
    _, ids = cosine_neighbours(queries, collection, 8)
    expected = np.mean([sum(c_labels[j] == q_labels[i] for j in row[:5]) / 5
                        for i, row in enumerate(_brute_force(queries, collection, 8))])
    assert label_agreement_at_k(ids, q_labels, c_labels, 5) == pytest.approx(expected, abs=1e-12)


def test_scores_equal_torch_cosine_similarity():
    rng = np.random.default_rng(3)
    queries, collection = rng.standard_normal((6, 8)).astype(np.float32), rng.standard_normal((9, 8)).astype(np.float32)
    scores, ids = cosine_neighbours(queries, collection, 9)
    reference = torch.nn.functional.cosine_similarity(torch.from_numpy(queries)[:, None], torch.from_numpy(collection)[None],
                                                      dim=-1).numpy()
    np.testing.assert_allclose(scores, np.take_along_axis(reference, ids, 1), atol=1e-6)
    assert scores.dtype == np.float32 and ids.dtype == np.int64
    assert (np.diff(scores, axis=1) <= 0).all()  # best first


@pytest.mark.parametrize("chunk", [1, 2, 64])
def test_ties_go_to_the_lower_id_whatever_the_chunk(chunk):
    # rows 1, 3 and 4 point the same way (3 and 4 longer): equal cosines, kept in id order
    collection = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 0.0], [5.0, 0.0]])
    _, ids = cosine_neighbours(np.array([[1.0, 0.0], [3.0, 0.0]]), collection, 4, chunk=chunk)
    assert ids.tolist() == [[1, 3, 4, 2], [1, 3, 4, 2]]
    _, ids = cosine_neighbours(np.array([[1.0, 0.0]]), collection, 2, chunk=chunk)  # the tie straddles k
    assert ids.tolist() == [[1, 3]]
    _, ids = cosine_neighbours(collection[[1, 3, 4, 0]], collection, 1, exclude_self=False, chunk=chunk)
    assert ids.tolist() == [[1], [1], [1], [0]]


def test_without_exclude_self_each_query_finds_itself_first():
    rng = np.random.default_rng(4)
    vectors = rng.standard_normal((25, 3))
    _, ids = cosine_neighbours(vectors, vectors, 1)
    assert ids[:, 0].tolist() == list(range(25))
    labels = rng.integers(0, 2, 25)
    assert label_agreement_at_k(ids, labels, labels, 1) == 1.0  # the trap exclude_self avoids


def test_base_rate_by_hand():
    assert label_base_rate([0, 1], [0, 0, 0, 1]) == pytest.approx((3 / 4 + 1 / 4) / 2)
    labels = np.array([0] * 30 + [1] * 70)
    assert label_base_rate(labels, labels) == pytest.approx(0.3**2 + 0.7**2)  # Σ p_c² for equal shares
    assert label_base_rate(labels, labels, exclude_self=True) == pytest.approx((0.3 * 29 + 0.7 * 69) / 99)
    assert label_base_rate([2, 2], [0, 1, 2, 2]) == pytest.approx(0.5)  # a label only the collection lacks is fine


def test_random_vectors_agree_at_the_base_rate():
    rng = np.random.default_rng(5)
    q_labels, c_labels = (rng.random(2000) < 0.3).astype(np.int64), (rng.random(3000) < 0.3).astype(np.int64)
    _, ids = cosine_neighbours(rng.standard_normal((2000, 16)), rng.standard_normal((3000, 16)), 20)
    measured = label_agreement_at_k(ids, q_labels, c_labels)
    assert measured == pytest.approx(label_base_rate(q_labels, c_labels), abs=0.01)
