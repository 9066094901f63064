"""neuralnlp.embeddings.word2vec.negative_sampling: noise distribution and SGNS loss by hand, gradients against
torch.autograd, the samplers statistically with a fixed seed, and errors."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.word2vec.negative_sampling import NegativeSampler, _alias_tables, noise_distribution, sgns_grad, sgns_loss

rng = np.random.default_rng(0)


def test_noise_distribution_by_hand():
    # 16^0.75 = 8 and 1^0.75 = 1, so (8/9, 1/9); power 1 is the unigram distribution.
    np.testing.assert_allclose(noise_distribution([16, 1]), [8 / 9, 1 / 9], rtol=1e-15)
    np.testing.assert_allclose(noise_distribution([3, 1], power=1), [0.75, 0.25], rtol=1e-15)
    np.testing.assert_allclose(noise_distribution([3, 1, 0], power=0.75).sum(), 1.0, rtol=1e-15)


def test_power_flattens_the_distribution():
    counts = np.array([1000, 100, 10, 1])
    unigram, noise = noise_distribution(counts, 1.0), noise_distribution(counts, 0.75)
    assert noise[0] < unigram[0] and noise[-1] > unigram[-1]


def test_alias_tables_encode_the_distribution_exactly():
    p = noise_distribution(rng.integers(1, 1000, size=50))
    accept, alias = _alias_tables(p)
    # Column i gives accept[i] to word i and 1 - accept[i] to alias[i]; each column has weight 1/n.
    rebuilt = accept.copy()
    np.add.at(rebuilt, alias, 1 - accept)
    np.testing.assert_allclose(rebuilt / len(p), p, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("method", ["alias", "cumulative"])
def test_sampler_frequencies(method):
    counts = np.array([500, 120, 60, 30, 9, 1])
    sampler = NegativeSampler(counts, method=method, rng=np.random.default_rng(0))
    n = 200_000
    draws = sampler.sample((n // 4, 4))
    assert draws.shape == (n // 4, 4) and draws.dtype == np.int64
    freq = np.bincount(draws.ravel(), minlength=len(counts)) / n
    p = counts**0.75 / np.sum(counts**0.75)
    np.testing.assert_allclose(sampler.probabilities, p, rtol=1e-14)
    # Within 5 binomial standard errors, sqrt(p(1-p)/n), of p^0.75 / Z for every word.
    assert np.all(np.abs(freq - p) < 5 * np.sqrt(p * (1 - p) / n))


def test_sampler_seed_is_reproducible():
    a = NegativeSampler([5, 3, 1], rng=7).sample(10)
    b = NegativeSampler([5, 3, 1], rng=7).sample(10)
    np.testing.assert_array_equal(a, b)


def test_sgns_loss_by_hand():
    # v_c = (1, 0); u_o = u_k = (ln 3, 0): σ(ln 3) = 3/4, σ(-ln 3) = 1/4.
    # L = -log(3/4) - log(1/4) = log(4/3) + log 4 = log(16/3).
    v = np.array([[1.0, 0.0]])
    u = np.array([[math.log(3), 0.0]])
    assert abs(sgns_loss(v, u, u[:, None, :]) - math.log(16 / 3)) < 1e-14
    # Gradient by hand: dL/dv_c = (3/4 - 1) u_o + (3/4) u_k = (ln 3 / 2, 0).
    g_center, g_context, g_neg = sgns_grad(v, u, u[:, None, :])
    np.testing.assert_allclose(g_center, [[math.log(3) / 2, 0.0]], rtol=1e-14)
    np.testing.assert_allclose(g_context, [[-0.25, 0.0]], rtol=1e-14)
    np.testing.assert_allclose(g_neg, [[[0.75, 0.0]]], rtol=1e-14)


def _torch_sgns(center, context, negatives):
    pos = F.logsigmoid((context * center).sum(-1))
    neg = F.logsigmoid(-torch.einsum("bkd,bd->bk", negatives, center)).sum(-1)
    return -(pos + neg)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_sgns_loss_matches_torch(reduction):
    c, o, n = rng.normal(size=(6, 5)), rng.normal(size=(6, 5)), rng.normal(size=(6, 3, 5))
    expected = _torch_sgns(*map(torch.from_numpy, (c, o, n)))
    expected = {"mean": expected.mean(), "sum": expected.sum(), "none": expected}[reduction].numpy()
    np.testing.assert_allclose(sgns_loss(c, o, n, reduction), expected, rtol=1e-13)


def test_sgns_grad_matches_autograd():
    arrays = rng.normal(size=(4, 6)), rng.normal(size=(4, 6)), rng.normal(size=(4, 5, 6))
    tensors = [torch.from_numpy(a).requires_grad_() for a in arrays]
    _torch_sgns(*tensors).sum().backward()
    for ours, t in zip(sgns_grad(*arrays), tensors):
        np.testing.assert_allclose(ours, t.grad.numpy(), rtol=1e-12, atol=1e-14)


def test_sgns_float32_and_large_scores_stay_finite():
    c = rng.normal(size=(3, 4)).astype(np.float32)
    o = rng.normal(size=(3, 4)).astype(np.float32)
    n = rng.normal(size=(3, 2, 4)).astype(np.float32)
    expected = _torch_sgns(*map(torch.from_numpy, (c, o, n))).mean().item()
    assert abs(sgns_loss(c, o, n) - expected) <= 1e-6
    # Score -1000 on the true pair: loss 1000, not inf.
    huge = sgns_loss(np.array([[1000.0]]), np.array([[-1.0]]), np.zeros((1, 1, 1)))
    assert abs(huge - (1000 + math.log(2))) < 1e-9


def test_errors():
    with pytest.raises(ValueError, match="method: expected 'alias' or 'cumulative', got 'table'"):
        NegativeSampler([1, 2], method="table")
    with pytest.raises(ValueError, match=r"^counts: expected a 1-D array of at least 1 word counts, got shape \(1, 2\)$"):
        noise_distribution([[1, 2]])
    with pytest.raises(ValueError, match="^counts: expected counts >= 0, got -1 at index 1$"):
        noise_distribution([1, -1])
    with pytest.raises(ValueError, match=r"^counts: expected finite values, got nan at index \(0,\)$"):
        NegativeSampler([np.nan, 1.0])
    with pytest.raises(ValueError, match="^size: expected an integer >= 0, got -1$"):
        NegativeSampler([1, 2]).sample(-1)
    c = np.zeros((2, 3))
    with pytest.raises(TypeError, match="center: expected a floating-point array"):
        sgns_loss(np.zeros((2, 3), dtype=int), c, np.zeros((2, 1, 3)))
    with pytest.raises(ValueError, match=r"center: expected shape \(batch, dim\), got shape \(3,\)"):
        sgns_loss(np.zeros(3), c, np.zeros((2, 1, 3)))
    with pytest.raises(ValueError, match=r"context: expected shape \(2, 3\) like center, got shape \(2, 4\)"):
        sgns_loss(c, np.zeros((2, 4)), np.zeros((2, 1, 3)))
    with pytest.raises(ValueError, match=r"negatives: expected shape \(2, k, 3\), got shape \(2, 3\)"):
        sgns_grad(c, c, np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"reduction: expected one of \['mean', 'sum', 'none'\], got 'avg'"):
        sgns_loss(c, c, np.zeros((2, 1, 3)), "avg")
