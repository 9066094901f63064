"""HNSW from scratch: the graph's invariants, its recall against exact search, and against FAISS's
IndexHNSWFlat at the same M, efConstruction and efSearch on the same normalised vectors."""

from __future__ import annotations

import math
from collections import deque

import faiss
import numpy as np
import pytest

from neuralnlp.search.hnsw import HNSWIndex
from neuralnlp.search.recall import recall_at_k
from neuralnlp.search.synthetic import synthetic_vectors

faiss.omp_set_num_threads(1)


def exact_ids(base, queries, k=10):
    flat = faiss.IndexFlatIP(base.shape[1])
    flat.add(base)
    return flat.search(queries, k)[1]


def faiss_hnsw(base, M, ef_construction):
    index = faiss.IndexHNSWFlat(base.shape[1], M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = ef_construction
    index.add(base)
    return index


@pytest.fixture(scope="module")
def synthetic():
    """3,000 synthetic clustered unit vectors (d = 32) and 200 queries from the same distribution."""
    x = synthetic_vectors(3200, 32, clusters=50, spread=2.0, seed=1)
    base, queries = x[:3000], x[3000:]
    index = HNSWIndex(32, M=16, ef_construction=40)
    index.add(base)
    return base, queries, index, exact_ids(base, queries)


@pytest.fixture(scope="module")
def word_vectors():
    """Our skip-gram vectors of the Lee corpus (the word2vec page's run: 1,750 words, d = 50), centred and
    normalised; 200 words held out as queries."""
    from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
    from neuralnlp.embeddings.word2vec.training import train_skipgram

    docs = read_line_corpus(gensim_test_data_dir() / LEE_FILE)
    result = train_skipgram(docs, vector_size=50, epochs=5, min_count=5, workers=1, seed=0)
    v = result.input_vectors - result.input_vectors.mean(axis=0)
    v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    order = np.random.default_rng(0).permutation(len(v))
    base, queries = v[order[200:]], v[order[:200]]
    index = HNSWIndex(50, M=16, ef_construction=40)
    index.add(base)
    return base, queries, index, exact_ids(base, queries)


# ---- the graph -------------------------------------------------------------------------------------

def test_no_self_loops_no_duplicates_and_degree_limits(synthetic):
    index = synthetic[2]
    for layer, links in enumerate(index.layers):
        limit = 2 * index.M if layer == 0 else index.M
        for node, neighbours in links.items():
            assert node not in neighbours
            assert len(set(neighbours)) == len(neighbours)
            assert len(neighbours) <= limit
            assert all(index.levels[n] >= layer for n in neighbours)  # a link stays on its layer
    assert sum(len(v) == 2 * index.M for v in index.layers[0].values()) > 0  # the limit is reached, so it binds


def test_every_node_is_on_its_layers_and_the_entry_point_is_on_top(synthetic):
    index = synthetic[2]
    for layer, links in enumerate(index.layers):
        assert set(links) == {i for i, level in enumerate(index.levels) if level >= layer}
    assert index.levels[index.entry_point] == max(index.levels) == len(index.layers) - 1


def test_every_node_is_reachable_from_the_entry_point_on_layer_0(synthetic):
    index = synthetic[2]
    seen, todo = {index.entry_point}, deque([index.entry_point])
    while todo:
        for n in index.layers[0][todo.popleft()]:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    assert len(seen) == len(index)


def test_levels_are_geometric_with_the_mean_m_l_predicts():
    # P(level >= l) = M^-l: mean level 1 / (M - 1); for M = 4, 1/3 with a standard error 0.015 on 2,000 nodes
    index = HNSWIndex(2, M=4, ef_construction=8, seed=0)
    index.add(np.random.default_rng(0).standard_normal((2000, 2)))
    levels = np.array(index.levels)
    assert index.mL == pytest.approx(1 / math.log(4))
    assert abs(levels.mean() - 1 / 3) < 0.06
    for level in (1, 2):
        assert abs((levels >= level).mean() - 4.0 ** -level) < 0.03


def test_the_same_seed_gives_the_same_graph_and_another_seed_another():
    x = synthetic_vectors(300, 8, clusters=5, seed=0)
    a, b, c = HNSWIndex(8, M=4, seed=3), HNSWIndex(8, M=4, seed=3), HNSWIndex(8, M=4, seed=4)
    for index in (a, b, c):
        index.add(x)
    assert a.levels == b.levels and a.layers == b.layers
    assert a.levels != c.levels


def test_adding_in_two_calls_continues_the_ids():
    x = synthetic_vectors(100, 8, clusters=5, seed=0)
    index = HNSWIndex(8, M=4)
    index.add(x[:60])
    index.add(x[60:])
    assert len(index) == 100
    scores, ids = index.search(x[[10, 80]], 1)
    assert ids[:, 0].tolist() == [10, 80]
    np.testing.assert_allclose(scores[:, 0], 1.0, atol=1e-6)


def test_the_heuristic_keeps_a_candidate_only_if_closer_to_the_base_than_to_every_kept_one():
    index = HNSWIndex(2, M=2)
    index.add(np.array([[1.0, 0.0], [0.99, 0.14], [0.98, 0.2], [0.3, -0.95]]))
    base = np.array([1.0, 0.0], dtype=np.float32)
    candidates = [(float(index._vectors[i] @ base), i) for i in (1, 2, 3)]
    # 2 is closer to 1 than to the base, so it is dropped; 3 points elsewhere, so it is kept
    assert index._select_neighbours(base, candidates, 2) == [1, 3]
    index.selection = "simple"
    assert index._select_neighbours(base, candidates, 2) == [1, 2]


# ---- search ----------------------------------------------------------------------------------------

def test_results_are_cosines_best_first_padded_like_faiss():
    x = np.random.default_rng(0).standard_normal((20, 6))
    index = HNSWIndex(6, M=4)
    index.add(x * 3.0)  # the scale must not matter: cosine
    q = np.random.default_rng(1).standard_normal((3, 6))
    scores, ids = index.search(q, 25)
    assert scores.dtype == np.float32 and ids.dtype == np.int64 and ids.shape == (3, 25)
    assert (ids[:, 20:] == -1).all() and np.isneginf(scores[:, 20:]).all()
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    qu = q / np.linalg.norm(q, axis=1, keepdims=True)
    np.testing.assert_allclose(scores[:, :20], np.take_along_axis(qu @ unit.T, ids[:, :20], 1), atol=1e-6)
    assert (np.diff(scores[:, :20], axis=1) <= 0).all()
    assert sorted(ids[0, :20].tolist()) == list(range(20))  # ef >= N: every node is found


def test_ef_search_at_least_n_gives_exact_results():
    x = synthetic_vectors(600, 16, clusters=20, spread=2.0, seed=2)
    base, queries = x[:500], x[500:]
    index = HNSWIndex(16, M=8, ef_construction=40, ef_search=500)
    index.add(base)
    assert recall_at_k(index.search(queries, 10)[1], exact_ids(base, queries)) >= 0.99


def test_recall_grows_with_ef_search(synthetic):
    _, queries, index, exact = synthetic
    recalls = []
    for ef in (10, 20, 40, 80, 160):
        index.ef_search = ef
        recalls.append(recall_at_k(index.search(queries, 10)[1], exact))
    index.ef_search = 16
    assert all(b >= a - 0.005 for a, b in zip(recalls, recalls[1:])), recalls
    assert recalls[-1] - recalls[0] > 0.05, recalls


def test_recall_on_synthetic_vectors(synthetic):
    # measured 0.97 at ef 64 (3,000 synthetic vectors, d = 32, M 16, efConstruction 40)
    _, queries, index, exact = synthetic
    index.ef_search = 64
    assert recall_at_k(index.search(queries, 10)[1], exact) >= 0.93
    index.ef_search = 16


def test_recall_on_our_word2vec_vectors(word_vectors):
    # measured 0.99 at ef 64 on the 1,550 Lee words indexed
    _, queries, index, exact = word_vectors
    index.ef_search = 64
    assert recall_at_k(index.search(queries, 10)[1], exact) >= 0.95
    index.ef_search = 16


@pytest.mark.parametrize("data", ["synthetic", "word_vectors"])
def test_recall_within_0_05_of_faiss_at_the_same_m_and_ef(data, request):
    base, queries, index, exact = request.getfixturevalue(data)
    reference = faiss_hnsw(base, 16, 40)
    assert reference.hnsw.nb_neighbors(0) == 2 * index.M == index.M0 and reference.hnsw.nb_neighbors(1) == index.M
    for ef in (10, 16, 32, 64):
        index.ef_search = ef
        reference.hnsw.efSearch = ef
        ours = recall_at_k(index.search(queries, 10)[1], exact)
        theirs = recall_at_k(reference.search(queries, 10)[1], exact)
        assert ours >= theirs - 0.05, (ef, ours, theirs)
    index.ef_search = 16


def test_search_trace_walks_down_every_layer_and_finds_what_search_finds(synthetic):
    _, queries, index, _ = synthetic
    route, ids = index.search_trace(queries[0], 10)
    assert [layer for layer, _ in route] == list(range(len(index.layers) - 1, -1, -1))
    assert route[0][1][0] == index.entry_point
    assert ids.tolist() == index.search(queries[:1], 10)[1][0].tolist()


def test_zero_vectors_and_wrong_dimensions_are_refused():
    index = HNSWIndex(3)
    with pytest.raises(ValueError, match="vectors: expected vectors with at least one non-zero value"):
        index.add(np.array([[1.0, 0, 0], [0, 0, 0]]))
    assert len(index) == 0  # nothing half-added
    index.add(np.eye(3))
    with pytest.raises(ValueError, match=r"queries: expected shape \(\.\.\., 3\)"):
        index.search(np.ones((1, 4)), 1)
