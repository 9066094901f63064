"""Sub-sampling of frequent words: drop some occurrences of "the", "of", ... before making windows.

Each occurrence of word w is kept with a probability that falls as the word's share of the corpus,
f(w) = count(w) / total, rises above a threshold t (``sample``). Two forms exist:

- the paper (Mikolov et al., 2013) discards with probability ``1 - sqrt(t / f)``, i.e. keeps with
  ``sqrt(t / f)``;
- word2vec.c and gensim keep with ``(sqrt(count / (t * total)) + 1) * (t * total) / count``, which is
  ``sqrt(t / f) + t / f``: a bit more than the paper's, so words just above the threshold lose less.

Both are clipped to 1 (words rarer than the threshold are always kept). We train with the second
form, like gensim, so that a comparison with gensim on real text is like for like.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_count_array, as_id_array, as_probability_array, check_numpy_generator, check_real


def _check_counts(counts) -> np.ndarray:
    return as_count_array(counts, "counts")


def _check_sample(sample, minimum_open: bool = False) -> float:
    return check_real(sample, "sample", 0, 1, min_open=minimum_open, max_open=True, what="a threshold frequency")


# --8<-- [start:keep-probability]
def keep_probability(counts, sample: float = 1e-3) -> np.ndarray:
    """Probability of keeping each occurrence of each word, as word2vec.c and gensim compute it.

        p_keep(w) = min(1, (sqrt(c_w / (s·N)) + 1) · (s·N) / c_w),   N = Σ_w c_w

    Args:
        counts: (V,) word counts c_w, indexed by word id.
        sample: the threshold s (gensim's ``sample``); 0 turns sub-sampling off (all ones).

    Returns:
        float64 array (V,). Words with count 0 get 1.

    Raises:
        TypeError: counts or ``sample`` not numbers.
        ValueError: counts not 1-D, NaN or inf, negative or all zero; ``sample`` outside [0, 1).
    """
    counts = _check_counts(counts)
    sample = _check_sample(sample)
    if sample == 0:
        return np.ones_like(counts)
    threshold = sample * counts.sum()
    with np.errstate(divide="ignore"):
        p = (np.sqrt(counts / threshold) + 1.0) * threshold / counts
    return np.minimum(p, 1.0)
# --8<-- [end:keep-probability]


def paper_discard_probability(counts, sample: float = 1e-5) -> np.ndarray:
    """The paper's discard probability, P_discard(w) = max(0, 1 - sqrt(t / f(w))) with f(w) = c_w / N.

    Args:
        counts: (V,) word counts.
        sample: the threshold t in (0, 1) (the paper suggests about 1e-5); unlike
            :func:`keep_probability`, 0 is not "off" here: the formula would discard every word.

    Returns:
        float64 array (V,). Words with count 0 get 0.

    Raises:
        ValueError: as :func:`keep_probability`, or ``sample`` = 0.
    """
    counts = _check_counts(counts)
    sample = _check_sample(sample, minimum_open=True)
    freq = counts / counts.sum()
    with np.errstate(divide="ignore"):
        return np.where(freq > 0, np.maximum(0.0, 1.0 - np.sqrt(sample / np.where(freq > 0, freq, 1.0))), 0.0)


# --8<-- [start:subsample]
def subsample(ids, keep_prob, rng: np.random.Generator) -> np.ndarray:
    """Keep each token id i independently with probability ``keep_prob[i]``.

    Args:
        ids: (n,) integer token ids in [0, V).
        keep_prob: (V,) float keep probabilities, e.g. from :func:`keep_probability`.
        rng: a ``numpy.random.Generator``; one uniform draw per token.

    Returns:
        the kept ids, (m,) with m <= n, in their original order.

    Raises:
        TypeError: ``ids`` not integer, ``keep_prob`` not float, or ``rng`` not a Generator.
        ValueError: wrong shapes, or keep probabilities outside [0, 1].
        IndexError: an id out of range.
    """
    keep_prob = as_probability_array(keep_prob, "keep_prob", ndim=1)
    ids = as_id_array(ids, len(keep_prob), "ids", what="token ids", size_name="len(keep_prob)")
    if ids.ndim != 1:
        raise ValueError(f"ids: expected a 1-D array of token ids, got shape {ids.shape}")
    check_numpy_generator(rng)
    return ids[rng.random(len(ids)) < keep_prob[ids]]
# --8<-- [end:subsample]

