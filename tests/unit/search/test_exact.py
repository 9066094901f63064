"""Exact search equals FAISS's IndexFlatIP on normalised vectors, for every chunk size; the unit-vector
identity ‖a − b‖² = 2 − 2 cos holds; bad input is refused before anything is stored."""

import faiss
import numpy as np
import pytest
import torch

from neuralnlp.search.exact import ExactIndex, exact_search, squared_distance_from_cosine
from neuralnlp.search.synthetic import synthetic_vectors

SCORE_TOL = 1e-5  # the tolerance for scores
TIE_GAP = 1e-6    # ids are compared where a score is this far from its neighbours in the list


@pytest.fixture(scope="module")
def lee_minilm():
    """MiniLM vectors of 80 sentences of the Lee test articles (real vectors, about 2 s to encode)."""
    from neuralnlp.transformer.corpora import lee_sentences
    from neuralnlp.transformer.sentence_encoder import SentenceEncoder

    return SentenceEncoder.from_directory().encode(lee_sentences("test")[:80])


def faiss_flat_ip(vectors, queries, k):
    """FAISS's exact inner-product search on copies normalised by faiss.normalize_L2."""
    x, q = np.array(vectors, dtype=np.float32), np.array(queries, dtype=np.float32)
    faiss.normalize_L2(x)
    faiss.normalize_L2(q)
    index = faiss.IndexFlatIP(x.shape[1])
    index.add(x)
    return index.search(q, k)


def separated(scores):
    """Mask of positions whose score differs by more than TIE_GAP from the scores beside it in its row.

    There the id is determined; inside a group of (near-)ties either order is right, so those
    positions are compared as sets of ids instead (see assert_same_as_faiss)."""
    padded = np.pad(scores.astype(np.float64), ((0, 0), (1, 1)), constant_values=np.nan)
    left, right = np.abs(scores - padded[:, :-2]), np.abs(scores - padded[:, 2:])
    return (np.isnan(left) | (left > TIE_GAP)) & (np.isnan(right) | (right > TIE_GAP))


def assert_same_as_faiss(ours, theirs):
    (s, i), (fs, fi) = ours, theirs
    assert s.dtype == np.float32 and i.dtype == np.int64 and s.shape == fs.shape and i.shape == fi.shape
    found = fi != -1  # FAISS pads missing results with id -1 and score -FLT_MAX; we pad with -inf
    assert np.array_equal(i == -1, ~found) and np.isneginf(s[~found]).all() and (fs[~found] < -1e38).all()
    assert np.abs(s[found] - fs[found]).max() <= SCORE_TOL
    sure = separated(np.where(found, fs, np.nan))
    assert np.array_equal(i[sure], fi[sure])  # inside a group of near-ties either order is right
    return sure[found].mean()


CHUNKS = [3, 7, 64, 1000, 10**6]  # smaller than k, not dividing N, one chunk for all


@pytest.mark.parametrize("chunk_rows", CHUNKS)
def test_equals_faiss_on_minilm_vectors_of_lee_sentences(lee_minilm, chunk_rows):
    index = ExactIndex(lee_minilm.shape[1], chunk_rows=chunk_rows)
    index.add(lee_minilm)
    queries = lee_minilm[::4] + 0.01 * np.random.default_rng(0).standard_normal((20, 384)).astype(np.float32)
    agreement = assert_same_as_faiss(index.search(queries, 10), faiss_flat_ip(lee_minilm, queries, 10))
    assert agreement > 0.99  # real sentence vectors have (almost) no ties


@pytest.mark.parametrize("chunk_rows", CHUNKS)
def test_equals_faiss_on_synthetic_vectors(chunk_rows):
    vectors = synthetic_vectors(301, 32, clusters=20, seed=0) * 3.0  # not unit: exact_search normalises
    queries = synthetic_vectors(40, 32, clusters=5, seed=1)
    for k in (1, 10, 301):  # k = N
        ours = exact_search(queries, vectors, k, chunk_rows=chunk_rows)
        assert_same_as_faiss(ours, faiss_flat_ip(vectors, queries, k))


def test_one_query_and_k_beyond_n_pad_like_faiss():
    vectors = synthetic_vectors(50, 8, clusters=3, seed=2)
    index = ExactIndex(8, chunk_rows=16)
    index.add(vectors)
    scores, ids = index.search(vectors[:1], 60)
    assert_same_as_faiss((scores, ids), faiss_flat_ip(vectors, vectors[:1], 60))
    assert ids[0, 0] == 0 and (ids[0, 50:] == -1).all() and np.isneginf(scores[0, 50:]).all()
    assert sorted(ids[0, :50]) == list(range(50))


def test_duplicate_vectors_come_back_together_with_equal_scores():
    base = synthetic_vectors(30, 16, clusters=4, seed=3)
    vectors = np.concatenate([base, base[:10], 2 * base[:10]])  # rows 30..49 repeat rows 0..9
    queries = base[:10]
    for chunk_rows in (4, 13, 100):
        scores, ids = exact_search(queries, vectors, 3, chunk_rows=chunk_rows)
        fs, fi = faiss_flat_ip(vectors, queries, 3)
        assert np.abs(scores - fs).max() <= SCORE_TOL
        for row in range(10):  # the three copies of query row: ids {row, 30 + row, 40 + row} in any order
            assert set(ids[row]) == set(fi[row]) == {row, 30 + row, 40 + row}
            assert np.allclose(scores[row], 1.0, atol=SCORE_TOL)


def test_chunking_does_not_change_the_answer():
    vectors = synthetic_vectors(777, 24, clusters=30, seed=4)
    queries = synthetic_vectors(25, 24, clusters=10, seed=5)
    reference = exact_search(queries, vectors, 20, chunk_rows=777)
    for chunk_rows in (1, 5, 19, 100, 776):
        scores, ids = exact_search(queries, vectors, 20, chunk_rows=chunk_rows)
        # the same products, summed in another blocking order by the matrix library: rounding only
        assert np.abs(scores - reference[0]).max() < 1e-6
        sure = separated(reference[0])
        assert np.array_equal(ids[sure], reference[1][sure])


def test_adds_accumulate_ids_in_order_and_search_uses_all_of_them():
    vectors = synthetic_vectors(100, 12, clusters=5, seed=6)
    index = ExactIndex(12, chunk_rows=32)
    for start in range(0, 100, 30):
        index.add(vectors[start:start + 30])
    assert len(index) == 100
    scores, ids = index.search(vectors[[0, 42, 99]], 1)
    assert ids[:, 0].tolist() == [0, 42, 99] and np.allclose(scores, 1.0, atol=1e-6)
    index.add(vectors[:1] * 5)  # a later add after a search: id 100, the same direction as row 0
    assert set(index.search(vectors[:1], 2)[1][0]) == {0, 100}


def test_index_normalises_once_and_matches_a_float64_reference():
    rng = np.random.default_rng(7)
    vectors, queries = rng.standard_normal((300, 20)) * rng.uniform(0.1, 10, (300, 1)), rng.standard_normal((9, 20))
    cosines = (queries / np.linalg.norm(queries, axis=1, keepdims=True)) @ (
        vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).T
    expected = np.argsort(-cosines, axis=1)[:, :5]
    scores, ids = exact_search(queries, vectors, 5, chunk_rows=64)
    assert np.array_equal(ids, expected)
    assert np.abs(scores - np.take_along_axis(cosines, expected, 1)).max() < 1e-6


def test_squared_distance_from_cosine_is_the_distance_of_unit_vectors():
    rng = np.random.default_rng(8)
    a, b = rng.standard_normal((50, 7)), rng.standard_normal((60, 7))
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    got = squared_distance_from_cosine(a @ b.T)
    assert np.abs(got - ((a[:, None] - b[None]) ** 2).sum(-1)).max() < 1e-12
    t = torch.from_numpy(a @ b.T)
    assert torch.allclose(squared_distance_from_cosine(t), torch.cdist(torch.from_numpy(a), torch.from_numpy(b)) ** 2,
                          atol=1e-12)
    assert squared_distance_from_cosine(np.array([1.0, 0.0, -1.0])).tolist() == [0.0, 2.0, 4.0]


def test_l2_and_inner_product_neighbours_agree_with_cosine_on_unit_vectors(lee_minilm):
    x = lee_minilm.copy()
    faiss.normalize_L2(x)
    l2 = faiss.IndexFlatL2(x.shape[1])
    l2.add(x)
    d2, l2_ids = l2.search(x[:20], 5)
    scores, ids = exact_search(x[:20], x, 5)
    sure = separated(scores)
    assert np.array_equal(ids[sure], l2_ids[sure])
    assert np.abs(squared_distance_from_cosine(scores) - d2).max() < 1e-5


def test_bad_input_leaves_the_index_unchanged():
    index = ExactIndex(4)
    with pytest.raises(ValueError, match="index: expected at least one stored vector"):
        index.search(np.ones((1, 4)), 1)
    index.add(np.eye(4))
    with pytest.raises(ValueError, match="vectors: expected shape"):
        index.add(np.ones((2, 3)))
    with pytest.raises(ValueError, match="vectors: expected finite values"):
        index.add(np.array([[1.0, np.nan, 0, 0]]))
    with pytest.raises(ValueError, match="vectors"):
        index.add(np.array([[1.0, 1, 1, 1], [0, 0, 0, 0]]))  # a zero vector has no direction
    assert len(index) == 4
    index.chunk_rows = 0
    with pytest.raises(ValueError, match="chunk_rows: expected an integer >= 1, got 0"):
        index.search(np.ones((1, 4)), 1)


def test_very_large_and_very_small_vectors_keep_their_direction():
    x = np.array([[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [1.0, 1.0, 0.0]])
    expected = exact_search(x, x, 3)
    for scale in (1e30, 1e-30, 1e-40):  # squares overflow / underflow float32: our add scales each row first
        scores, ids = exact_search(scale * x, x, 3)
        assert np.array_equal(ids, expected[1]) and np.abs(scores - expected[0]).max() < 1e-6
