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


def test_paper_discard_probability_is_zero_for_words_rarer_than_the_threshold():
    """P_discard = max(0, 1 - sqrt(t / f)): a word with f < t is never discarded (1 - sqrt(t / f) alone would be
    negative, not a probability). counts 900, 90, 9, 1 of 1000 with t = 0.01: f = 0.9, 0.09, 0.009, 0.001."""
    discard = paper_discard_probability([900, 90, 9, 1], 0.01)
    np.testing.assert_allclose(discard, [1 - np.sqrt(1 / 90), 2 / 3, 0.0, 0.0], rtol=1e-14, atol=0)
    assert discard[2] == discard[3] == 0.0


def test_gensim_form_keeps_more_than_the_paper():
    """Above the threshold gensim's form keeps strictly more often than the paper's; below it both keep every word."""
    counts = np.array([5000, 300, 20, 7, 2, 1])  # t·N = 5.33: the last two are rarer than the threshold
    gensim_keep, paper_keep = keep_probability(counts, 1e-3), 1 - paper_discard_probability(counts, 1e-3)
    assert np.all(gensim_keep[:4] > paper_keep[:4])
    np.testing.assert_array_equal(gensim_keep[4:], [1.0, 1.0])
    np.testing.assert_array_equal(paper_keep[4:], [1.0, 1.0])


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
    [([[1, 2]], "counts: expected a 1-D array"), ([1, -2], "counts: expected counts >= 0, got -2 at index 1"),
     ([0, 0], "positive total"), ([1.0, np.inf], r"counts: expected finite values, got inf at index \(1,\)")],
)
def test_bad_counts_raise(counts, message):
    with pytest.raises(ValueError, match=message):
        keep_probability(counts)


@pytest.mark.parametrize("sample, error", [(-0.1, ValueError), (1.0, ValueError), ("1e-3", TypeError), (np.nan, ValueError)])
def test_bad_sample_raises(sample, error):
    with pytest.raises(error, match=r"sample: expected a (finite )?threshold frequency in \[0, 1\), got"):
        keep_probability(COUNTS, sample)


def test_the_paper_formula_has_no_off_value_and_gives_zero_for_unseen_words():
    with pytest.raises(ValueError, match=r"^sample: expected a threshold frequency in \(0, 1\), got 0.0$"):
        paper_discard_probability(COUNTS, 0.0)
    assert paper_discard_probability([5, 0, 5], 0.1).tolist()[1] == 0.0


def test_subsample_errors():
    rng = np.random.default_rng(0)
    with pytest.raises(TypeError, match="^ids: expected integer token ids, got dtype float64$"):
        subsample(np.array([0.0]), np.ones(2), rng)
    with pytest.raises(TypeError, match=r"^keep_prob: expected a floating-point array \(float32 or float64\), got dtype int64$"):
        subsample(np.array([0]), np.ones(2, dtype=np.int64), rng)
    with pytest.raises(ValueError, match=r"^keep_prob: expected values in \[0, 1\], got values in \[0.5, 1.5\]$"):
        subsample(np.array([0]), np.array([1.5, 0.5]), rng)
    with pytest.raises(IndexError, match=r"^ids: expected token ids in \[0, 1\] \(len\(keep_prob\)=2\), got 5 at position \(1,\)$"):
        subsample(np.array([0, 5]), np.ones(2), rng)
    with pytest.raises(TypeError, match=r"^rng: expected a numpy.random.Generator \(np.random.default_rng\(seed\)\), got int 0$"):
        subsample(np.array([0]), np.ones(2), 0)
    assert subsample([], np.ones(2), rng).tolist() == []  # an empty list of ids is fine
