"""neuralnlp.embeddings.word2vec.subsampling: both formulas by hand, the sampler's statistics, and errors."""

import numpy as np
import pytest

from neuralnlp.embeddings.word2vec.subsampling import keep_probability, paper_discard_probability, subsample

# total N = 100; with sample s = 0.01 the threshold count s·N is 1.
COUNTS = np.array([81, 9, 1, 9])


def test_keep_probability_by_hand():
    # (sqrt(c / 1) + 1) * 1 / c: c = 81 -> 10/81, c = 9 -> 4/9, c = 1 -> 2, clipped to 1.
    np.testing.assert_allclose(keep_probability(COUNTS, 0.01), [10 / 81, 4 / 9, 1, 4 / 9], rtol=1e-14, atol=0)


def test_keep_probability_is_sqrt_t_over_f_plus_t_over_f():
    counts = np.array([5000, 300, 20, 7])
    t = 1e-3
    f = counts / counts.sum()
    np.testing.assert_allclose(keep_probability(counts, t), np.minimum(1, np.sqrt(t / f) + t / f), rtol=1e-13)


def test_keep_probability_sample_zero_keeps_everything_and_zero_counts_are_kept():
    np.testing.assert_array_equal(keep_probability(COUNTS, 0), np.ones(4))
    assert keep_probability([10, 0], 0.1)[1] == 1.0


def test_paper_discard_probability_by_hand():
    # f = 0.81, 0.09, 0.01 with t = 0.01: 1 - 0.1/0.9 = 8/9, 1 - 0.1/0.3 = 2/3, 1 - 1 = 0.
    np.testing.assert_allclose(paper_discard_probability(COUNTS, 0.01), [8 / 9, 2 / 3, 0, 2 / 3], rtol=1e-14, atol=1e-15)


def test_gensim_form_keeps_more_than_the_paper():
    counts = np.array([5000, 300, 20, 7])
    assert np.all(keep_probability(counts, 1e-3) >= 1 - paper_discard_probability(counts, 1e-3))


def test_subsample_frequencies():
    keep = np.array([0.1, 0.5, 1.0])
    ids = np.repeat(np.arange(3), 20000)
    kept = subsample(ids, keep, np.random.default_rng(0))
    freq = np.bincount(kept, minlength=3) / 20000
    # Binomial standard error sqrt(0.25 / 20000) = 0.0035; allow about 4 of them.
    np.testing.assert_allclose(freq, keep, atol=0.015)
    assert freq[2] == 1.0


def test_subsample_keeps_order():
    kept = subsample(np.array([2, 0, 1, 2]), np.array([1.0, 1.0, 1.0]), np.random.default_rng(0))
    np.testing.assert_array_equal(kept, [2, 0, 1, 2])


@pytest.mark.parametrize(
    "counts, message",
    [([[1, 2]], "counts: expected a 1-D array"), ([1, -2], "counts: expected non-negative"), ([0, 0], "positive total")],
)
def test_bad_counts_raise(counts, message):
    with pytest.raises(ValueError, match=message):
        keep_probability(counts)


@pytest.mark.parametrize("sample", [-0.1, 1.0, "1e-3"])
def test_bad_sample_raises(sample):
    with pytest.raises(ValueError, match=r"sample: expected a threshold frequency in \[0, 1\), got"):
        keep_probability(COUNTS, sample)


def test_subsample_errors():
    rng = np.random.default_rng(0)
    with pytest.raises(TypeError, match="ids: expected integer token ids, got dtype float64"):
        subsample(np.array([0.0]), np.ones(2), rng)
    with pytest.raises(TypeError, match="keep_prob: expected a float array of probabilities, got dtype int64"):
        subsample(np.array([0]), np.ones(2, dtype=np.int64), rng)
    with pytest.raises(ValueError, match=r"ids: expected ids in \[0, 1\], got 5"):
        subsample(np.array([0, 5]), np.ones(2), rng)
    with pytest.raises(ValueError, match="rng: expected a numpy.random.Generator, got int"):
        subsample(np.array([0]), np.ones(2), 0)
