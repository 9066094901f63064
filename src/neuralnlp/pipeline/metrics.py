r"""Scores of a classifier on a test set, and how uncertain they are.

- **accuracy**: the share of samples classified correctly, counted over samples;
- **macro-F1**: the F1 score of each class, then their plain mean, so that each class counts
  the same whatever its size. For class c, with TP, FP, FN counted over the test set:

    $$P_c = \frac{TP_c}{TP_c + FP_c}, \quad R_c = \frac{TP_c}{TP_c + FN_c}, \quad
    F1_c = \frac{2 P_c R_c}{P_c + R_c}, \quad \text{macro-F1} = \frac{1}{C} \sum_c F1_c$$

    (F1_c = 0 when class c is never predicted nor present: 0/0 is taken as 0, as scikit-learn does);
- the **confusion matrix** M[i, j]: how many samples of true class i were predicted as j;
- a **bootstrap 95% interval** (Efron & Tibshirani, 1993): draw n test samples with replacement,
  B times, score each draw, and take the 2.5th and 97.5th percentiles of the B scores. It says how
  much the score would move on another test set of the same size from the same source.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from neuralnlp._checks import as_numpy_generator, check_callable, check_class_indices, check_positive_int, check_real


def _pair(y_true, y_pred, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    y_true = check_class_indices(y_true, n_classes, name="y_true")
    y_pred = check_class_indices(y_pred, n_classes, len(y_true), name="y_pred")
    if len(y_true) == 0:
        raise ValueError("y_true: expected at least one sample, got 0")
    return y_true, y_pred


def confusion_matrix(y_true, y_pred, n_classes: int = 2) -> np.ndarray:
    """M (C, C) int64: M[i, j] = number of samples of true class i predicted as class j.

    Args:
        y_true: (n,) true class indices in [0, n_classes).
        y_pred: (n,) predicted class indices.
        n_classes: C >= 2.
    """
    n_classes = check_positive_int(n_classes, "n_classes", minimum=2)
    y_true, y_pred = _pair(y_true, y_pred, n_classes)
    return np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


# --8<-- [start:scores]
def accuracy(y_true, y_pred, n_classes: int = 2) -> float:
    """The share of samples with y_pred == y_true (over samples, not averaged per batch).

    Args:
        y_true: (n,) true class indices.
        y_pred: (n,) predicted class indices.
        n_classes: C >= 2.
    """
    y_true, y_pred = _pair(y_true, y_pred, check_positive_int(n_classes, "n_classes", minimum=2))
    return float((y_true == y_pred).mean())


def macro_f1(y_true, y_pred, n_classes: int = 2) -> float:
    """The mean over classes of F1_c = 2·TP_c / (2·TP_c + FP_c + FN_c) (0 where that is 0/0).

    Args:
        y_true: (n,) true class indices.
        y_pred: (n,) predicted class indices.
        n_classes: C >= 2.
    """
    m = confusion_matrix(y_true, y_pred, n_classes)
    tp = np.diag(m).astype(float)
    denominator = m.sum(0) + m.sum(1)  # (TP + FP) + (TP + FN)
    f1 = np.divide(2 * tp, denominator, out=np.zeros_like(tp), where=denominator > 0)
    return float(f1.mean())
# --8<-- [end:scores]


# --8<-- [start:bootstrap]
def bootstrap_interval(y_true, y_pred, metric: Callable = accuracy, n_resamples: int = 1000,
                       confidence: float = 0.95, seed: int = 0) -> tuple[float, float]:
    """The percentile bootstrap interval of ``metric(y_true, y_pred)``.

    Args:
        y_true: (n,) true class indices.
        y_pred: (n,) predicted class indices.
        metric: a function (y_true, y_pred) -> float, such as ``accuracy`` or ``macro_f1``.
        n_resamples: B >= 10 resamples of n samples drawn with replacement.
        confidence: in (0, 1); 0.95 gives the 2.5th and 97.5th percentiles.
        seed: for the resamples.

    Returns:
        (low, high).
    """
    y_true, y_pred = _pair(y_true, y_pred, 2**31)
    check_callable(metric, "metric")
    n_resamples = check_positive_int(n_resamples, "n_resamples", minimum=10)
    confidence = check_real(confidence, "confidence", 0, 1, min_open=True, max_open=True)
    rng = as_numpy_generator(seed, "seed")
    n_classes = int(max(y_true.max(), y_pred.max())) + 1
    scores = []
    for _ in range(n_resamples):
        i = rng.integers(0, len(y_true), len(y_true))  # n draws with replacement
        scores.append(metric(y_true[i], y_pred[i], max(n_classes, 2)))
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(scores, [tail, 100 - tail])
    return float(low), float(high)
# --8<-- [end:bootstrap]
