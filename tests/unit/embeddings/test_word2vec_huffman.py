"""neuralnlp.embeddings.word2vec.huffman: a tree worked by hand, Huffman's properties on random counts, errors."""

import heapq

import numpy as np
import pytest

from neuralnlp.embeddings.word2vec.huffman import build_huffman_tree


def test_five_words_by_hand():
    # Counts sorted: 5, 3, 2, 1, 1 (leaves 0..4); inner nodes are numbered in creation order:
    #   node 0 = leaf 4 (1, bit 0) + leaf 3 (1, bit 1)            weight 2
    #   node 1 = node 0 (2, bit 0) + leaf 2 (2, bit 1)            weight 4  (tie: the inner node goes first)
    #   node 2 = leaf 1 (3, bit 0) + node 1 (4, bit 1)            weight 7
    #   node 3 = leaf 0 (5, bit 0) + node 2 (7, bit 1), the root  weight 12
    # Word ids are given in a shuffled order to check the mapping back to ids.
    codes, points = build_huffman_tree([1, 3, 5, 2, 1])
    expected = {  # word id: (code, path), root first
        2: ([0], [3]),
        1: ([1, 0], [3, 2]),
        3: ([1, 1, 1], [3, 2, 1]),
        0: ([1, 1, 0, 1], [3, 2, 1, 0]),  # ids 0 and 4 tie at count 1: id 0 sorts first, becomes leaf 3
        4: ([1, 1, 0, 0], [3, 2, 1, 0]),
    }
    for word, (code, path) in expected.items():
        np.testing.assert_array_equal(codes[word], code)
        np.testing.assert_array_equal(points[word], path)


def test_two_words():
    # The rarer word is picked first, so it gets bit 0.
    codes, points = build_huffman_tree([4, 9])
    assert [c.tolist() for c in codes] == [[0], [1]]
    assert [p.tolist() for p in points] == [[0], [0]]


def test_all_zero_counts_still_give_a_tree():
    """Counts may all be 0 (no total is required, unlike sampling): every merge is a tie, broken as documented, an
    inner node before a leaf. V = 3: words 2 and 1 merge first into node 3 (bits 0, 1); then node 3 (bit 0) and
    word 0 (bit 1) under the root, inner node 1."""
    codes, points = build_huffman_tree([0, 0, 0])
    assert [c.tolist() for c in codes] == [[1], [0, 1], [0, 0]]
    assert [p.tolist() for p in points] == [[1], [1, 0], [1, 0]]


def _optimal_cost(counts):
    # Huffman's cost Σ_w c_w·len(code_w) equals the sum of the weights of all merged nodes.
    heap = [float(c) for c in counts]
    heapq.heapify(heap)
    cost = 0.0
    while len(heap) > 1:
        merged = heapq.heappop(heap) + heapq.heappop(heap)
        cost += merged
        heapq.heappush(heap, merged)
    return cost


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_huffman_properties_on_random_counts(seed):
    rng = np.random.default_rng(seed)
    counts = rng.zipf(1.5, size=40).clip(max=10_000)
    codes, points = build_huffman_tree(counts)
    lengths = np.array([len(c) for c in codes])
    # Optimal: same weighted length as an independent heap-based Huffman.
    assert np.sum(counts * lengths) == _optimal_cost(counts)
    # A more frequent word never has a longer code.
    order = np.argsort(-counts, kind="stable")
    assert np.all(np.diff(lengths[order]) >= 0)
    # A full binary tree: Kraft's sum is exactly 1, and no code is a prefix of another.
    assert np.sum(2.0 ** -lengths) == 1.0
    strings = sorted("".join(map(str, c)) for c in codes)
    assert all(not b.startswith(a) for a, b in zip(strings, strings[1:]))
    # Paths start at the root V - 2, and equal code prefixes reach the same inner node.
    V = len(counts)
    node_of_prefix = {}
    for code, path in zip(codes, points):
        assert path[0] == V - 2 and len(path) == len(code)
        for j, node in enumerate(path):
            assert node_of_prefix.setdefault(tuple(code[:j]), node) == node
    assert sorted(node_of_prefix.values()) == list(range(V - 1))


@pytest.mark.parametrize(
    "counts, message",
    [([5], "at least 2 word counts, got shape \\(1,\\)"), ([[1, 2]], "got shape \\(1, 2\\)"),
     ([3, -1], "counts >= 0, got -1 at index 1"), ([np.inf, 1, 1], "finite values, got inf at index \\(0,\\)"),
     ([np.nan, 1, 1], "finite values, got nan at index \\(0,\\)")],
)
def test_errors(counts, message):
    with pytest.raises(ValueError, match=f"counts: expected .*{message}"):
        build_huffman_tree(counts)
