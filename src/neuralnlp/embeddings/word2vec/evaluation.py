"""Judging word vectors against people: Spearman's ρ on word-similarity data sets.

A data set such as WordSim353 or SimLex-999 lists word pairs with a mean human similarity score.
We score each pair by the cosine similarity of its two word vectors and ask whether the two lists
put the pairs in the same order. Spearman's ρ is the Pearson correlation of the ranks:

    ρ = cov(rank(x), rank(y)) / (σ_rank(x) · σ_rank(y))

ρ = 1: same order; 0: unrelated; −1: reversed. Tied values share the mean of their ranks.

``evaluate_word_pairs`` follows gensim's ``KeyedVectors.evaluate_word_pairs``: lines starting
with ``#`` are comments, words are matched case-insensitively (the most frequent spelling wins),
and a pair with a word outside the vocabulary (OOV) is skipped and counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from neuralnlp._checks import as_float_array, as_real_array, check_finite, check_path, check_positive_int, check_tokens


# --8<-- [start:ranks]
def average_ranks(x) -> np.ndarray:
    """Ranks 1 … n of the values of ``x`` (n,), tied values sharing the mean of the ranks they span.

    Example: [10, 20, 20, 5] → [2, 3.5, 3.5, 1].

    Raises:
        TypeError: values that are not real numbers.
        ValueError: not 1-D, or NaN or inf (which has no rank).
    """
    x = _sample(x, "x")
    order = np.argsort(x, kind="stable")
    sorted_x = x[order]
    # a tie group starts where the sorted value changes; its ranks run first+1 … last+1
    starts = np.flatnonzero(np.r_[True, sorted_x[1:] != sorted_x[:-1]])
    ends = np.r_[starts[1:], len(x)]
    mean_rank = (starts + 1 + ends) / 2.0  # mean of the integers starts+1 … ends
    ranks = np.empty(len(x))
    ranks[order] = np.repeat(mean_rank, ends - starts)
    return ranks


def _sample(x, name: str) -> np.ndarray:
    x = as_real_array(x, name)
    if x.ndim != 1:
        raise ValueError(f"{name}: expected a 1-D array of values, got shape {x.shape}")
    check_finite(x, name)
    return x


def spearman(x, y) -> float:
    """Spearman's rank correlation ρ of two samples x, y (n,): the Pearson correlation of their ranks.

    Integer samples (such as ratings) are accepted.

    Raises:
        TypeError: values that are not real numbers.
        ValueError: shapes differ, fewer than 2 values, NaN or inf, or a sample is constant (ρ undefined).
    """
    x, y = _sample(x, "x"), _sample(y, "y")
    if x.ndim != 1 or x.shape != y.shape or len(x) < 2:
        raise ValueError(f"x, y: expected two 1-D arrays of the same length >= 2, got shapes {x.shape} and {y.shape}")
    rx, ry = average_ranks(x), average_ranks(y)
    rx, ry = rx - rx.mean(), ry - ry.mean()
    denominator = np.sqrt((rx @ rx) * (ry @ ry))
    if denominator == 0:
        raise ValueError("x, y: expected samples that are not constant, got a constant sample (rho undefined)")
    return float(rx @ ry / denominator)
# --8<-- [end:ranks]


class WordPairScore(NamedTuple):
    """Result of :func:`evaluate_word_pairs`: Spearman's ρ over ``pairs`` scored pairs, ``oov`` skipped."""

    spearman: float
    pairs: int
    oov: int


def read_word_pairs(path: str | Path) -> list[tuple[str, str, float]]:
    """(word1, word2, human score) for each valid tab-separated line of ``path``; ``#`` lines are comments."""
    pairs = []
    with open(check_path(path), encoding="utf8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            try:
                a, b, score = fields
                pairs.append((a, b, float(score)))
            except ValueError:  # wrong number of fields or not a number: skipped, as gensim does
                continue
    return pairs


# --8<-- [start:evaluate]
def evaluate_word_pairs(vectors, vocab: Sequence[str], path: str | Path, restrict_vocab: int = 300_000) -> WordPairScore:
    """Spearman's ρ between human similarity scores and cosine similarities of word vectors.

    Args:
        vectors: (V, d) float word vectors (NumPy or torch); row i belongs to ``vocab[i]``.
        vocab: the V words in row order, most frequent first (a list or a ``Vocabulary``).
        path: a tab-separated file "word1<TAB>word2<TAB>score" (``#`` lines are comments).
        restrict_vocab: only the first ``restrict_vocab`` words count as known (gensim's default).

    Returns:
        ``WordPairScore(spearman, pairs, oov)``: ρ over the ``pairs`` pairs whose two words are both
        known (case-insensitively), and the number ``oov`` of pairs skipped for an unknown word.

    Raises:
        TypeError: ``vectors`` not floats, ``vocab`` not words.
        ValueError: ``vectors`` not (len(vocab), d) or not finite, a pair scored with a zero vector (its
            cosine is undefined), a file without any "word1<TAB>word2<TAB>score" line, or no pair
            with both words in the vocabulary.
    """
    if hasattr(vectors, "detach"):
        vectors = vectors.detach().cpu().numpy()
    vectors = as_float_array(vectors, "vectors")
    words = check_tokens(vocab, "vocab", of=str)
    if vectors.ndim != 2 or len(vectors) != len(words):
        raise ValueError(f"vectors: expected shape ({len(words)}, d), one row per word, got {vectors.shape}")
    check_finite(vectors, "vectors")
    restrict_vocab = check_positive_int(restrict_vocab, "restrict_vocab")
    # reversed, so that when two spellings differ only in case the more frequent one wins
    row_of = {w.upper(): i for i, w in reversed(list(enumerate(words[:restrict_vocab])))}
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.where(norms == 0, 1.0, norms)
    human, model, oov = [], [], 0
    pairs = read_word_pairs(path)
    if not pairs:
        raise ValueError(f"path: expected lines 'word1<TAB>word2<TAB>score', got none in {path}")
    for a, b, score in pairs:
        a, b = a.upper(), b.upper()
        if a not in row_of or b not in row_of:
            oov += 1
            continue
        for row in (row_of[a], row_of[b]):
            if norms[row, 0] == 0:
                raise ValueError(f"vectors: expected non-zero vectors for the words scored, got a zero vector at row "
                                 f"{row} ({words[row]!r}), whose cosine is undefined")
        human.append(score)
        model.append(float(unit[row_of[a]] @ unit[row_of[b]]))
    if not human:
        raise ValueError(f"vocab: expected pairs with both words in the vocabulary, got {oov} OOV pairs only")
    return WordPairScore(spearman(np.array(human), np.array(model)), len(human), oov)
# --8<-- [end:evaluate]
