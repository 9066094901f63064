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


def _check_counts(counts) -> np.ndarray:
    counts = np.asarray(counts)
    if counts.ndim != 1 or not (np.issubdtype(counts.dtype, np.integer) or np.issubdtype(counts.dtype, np.floating)):
        raise ValueError(f"counts: expected a 1-D array of word counts, got shape {counts.shape} dtype {counts.dtype}")
    if counts.size == 0 or (counts < 0).any() or counts.sum() <= 0:
        raise ValueError(f"counts: expected non-negative counts with a positive total, got {counts!r}")
    return counts.astype(np.float64)


def _check_sample(sample) -> float:
    if not isinstance(sample, (int, float, np.floating)) or isinstance(sample, bool) or not 0 <= sample < 1:
        raise ValueError(f"sample: expected a threshold frequency in [0, 1), got {sample!r}")
    return float(sample)


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
        ValueError: counts not 1-D, negative or all zero; ``sample`` outside [0, 1).
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
        sample: the threshold t (the paper suggests about 1e-5).

    Returns:
        float64 array (V,). Words with count 0 get 0.

    Raises:
        ValueError: as :func:`keep_probability`.
    """
    counts = _check_counts(counts)
    sample = _check_sample(sample)
    freq = counts / counts.sum()
    with np.errstate(divide="ignore"):
        return np.maximum(0.0, 1.0 - np.sqrt(sample / freq))


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
        TypeError: ``ids`` not integer, or ``keep_prob`` not float.
        ValueError: wrong shapes, an id out of range, or ``rng`` not a Generator.
    """
    ids = np.asarray(ids)
    keep_prob = np.asarray(keep_prob)
    if not np.issubdtype(ids.dtype, np.integer):
        raise TypeError(f"ids: expected integer token ids, got dtype {ids.dtype}")
    if not np.issubdtype(keep_prob.dtype, np.floating):
        raise TypeError(f"keep_prob: expected a float array of probabilities, got dtype {keep_prob.dtype}")
    if ids.ndim != 1 or keep_prob.ndim != 1:
        raise ValueError(f"ids, keep_prob: expected 1-D arrays, got shapes {ids.shape} and {keep_prob.shape}")
    if ids.size and (ids.min() < 0 or ids.max() >= len(keep_prob)):
        bad = ids[(ids < 0) | (ids >= len(keep_prob))][0]
        raise ValueError(f"ids: expected ids in [0, {len(keep_prob) - 1}], got {bad}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng: expected a numpy.random.Generator, got {type(rng).__name__}")
    return ids[rng.random(len(ids)) < keep_prob[ids]]
# --8<-- [end:subsample]
