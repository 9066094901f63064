"""neuralnlp.embeddings.word2vec.hierarchical_softmax: probabilities by hand and summing to 1, gradients against
torch.autograd, padded paths, and errors."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.word2vec.hierarchical_softmax import hs_grad, hs_log_probability, hs_probabilities, padded_paths
from neuralnlp.embeddings.word2vec.huffman import build_huffman_tree

rng = np.random.default_rng(0)


def test_probabilities_by_hand():
    # Tree of counts (5, 3, 2, 1, 1), see test_word2vec_huffman: codes [0], [1,0], [1,1,1], [1,1,0,1], [1,1,0,0]
    # with paths through nodes 3; 3,2; 3,2,1; 3,2,1,0. v_c = (1, 0); node scores u_n·v_c = (0, ln 3, 0, ln 3)
    # for nodes 0..3, so σ = 1/2, 3/4, 1/2, 3/4 on branch 0 and 1/2, 1/4, 1/2, 1/4 on branch 1:
    #   word 0: 3/4;  word 1: 1/4·1/2 = 1/8;  word 2: 1/4·1/2·1/4 = 1/32;
    #   words 3, 4: 1/4·1/2·3/4·1/2 = 3/64 each;  total 48/64 + 8/64 + 2/64 + 6/64 = 1.
    codes, points = build_huffman_tree([5, 3, 2, 1, 1])
    inner = np.array([[0.0, 7.0], [math.log(3), -1.0], [0.0, 2.0], [math.log(3), 0.5]])
    p = hs_probabilities(np.array([1.0, 0.0]), inner, codes, points)
    np.testing.assert_allclose(p, [3 / 4, 1 / 8, 1 / 32, 3 / 64, 3 / 64], rtol=1e-14)


def test_probabilities_sum_to_one_float64():
    counts = rng.integers(1, 500, size=60)
    codes, points = build_huffman_tree(counts)
    for _ in range(3):
        p = hs_probabilities(rng.normal(size=8), rng.normal(size=(59, 8)), codes, points)
        assert abs(p.sum() - 1.0) < 1e-12
        assert np.all(p > 0)


def test_grad_matches_autograd():
    codes, points = build_huffman_tree(rng.integers(1, 100, size=12))
    center, inner = rng.normal(size=5), rng.normal(size=(11, 5))
    for word in (0, 7):
        c, u = torch.tensor(center, requires_grad=True), torch.tensor(inner, requires_grad=True)
        signs = 1.0 - 2.0 * torch.as_tensor(codes[word], dtype=torch.float64)
        loss = -F.logsigmoid(signs * (u[torch.as_tensor(points[word])] @ c)).sum()
        loss.backward()
        assert abs(-hs_log_probability(center, inner, codes[word], points[word]) - loss.item()) < 1e-12
        grad_center, grad_inner = hs_grad(center, inner, codes[word], points[word])
        np.testing.assert_allclose(grad_center, c.grad.numpy(), rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(grad_inner, u.grad.numpy(), rtol=1e-12, atol=1e-14)


def test_padded_paths():
    codes, points = build_huffman_tree([5, 3, 2, 1, 1])
    code_table, point_table, mask = padded_paths(codes, points)
    assert code_table.shape == point_table.shape == mask.shape == (5, 4)
    np.testing.assert_array_equal(mask.sum(1), [1, 2, 3, 4, 4])
    np.testing.assert_array_equal(code_table[1], [1, 0, 0, 0])
    np.testing.assert_array_equal(point_table[2], [3, 2, 1, 0])


def test_errors():
    codes, points = build_huffman_tree([5, 3, 2])
    inner = np.zeros((2, 3))
    with pytest.raises(TypeError, match="center: expected a floating-point array"):
        hs_log_probability(np.zeros(3, dtype=int), inner, codes[0], points[0])
    with pytest.raises(ValueError, match=r"center: expected shape \(dim,\), got shape \(1, 3\)"):
        hs_log_probability(np.zeros((1, 3)), inner, codes[0], points[0])
    with pytest.raises(ValueError, match=r"inner_vectors: expected shape \(\.\.\., 3\)"):
        hs_log_probability(np.zeros(3), np.zeros((2, 4)), codes[0], points[0])
    with pytest.raises(IndexError, match=r"^point: expected inner-node indices in \[0, 1\] \(V - 1=2\), got 5 at position \(0,\)$"):
        hs_grad(np.zeros(3), inner, [0], [5])
    with pytest.raises(IndexError, match=r"^code: expected branches \(0 or 1\) in \[0, 1\], got 2 at position \(1,\)$"):
        hs_log_probability(np.zeros(3), inner, [0, 2], [1, 0])
    with pytest.raises(ValueError, match=r"^points: expected 3 \(V = len\(inner_vectors\) \+ 1\) paths, one per word"):
        hs_probabilities(np.zeros(3), inner, codes, points[:2])
    with pytest.raises(ValueError, match="code, point: expected two 1-D arrays of equal length"):
        hs_grad(np.zeros(3), inner, [0, 1], [1])
