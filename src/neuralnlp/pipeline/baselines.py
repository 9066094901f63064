r"""Baselines on the same split: what a network has to beat.

- ``majority_baseline``: always the most frequent training label. Its accuracy is the share of
  that label in the test set, and its macro-F1 is low (one class is never predicted).
- ``NaiveBayesText``: multinomial Naive Bayes on bags of tokens with add-α smoothing. For class c,
  token counts n_{c,w} in the training texts of class c, and a text with token counts x_w:

    $$\log P(c \mid x) = \log P(c) + \sum_w x_w \log \frac{n_{c,w} + \alpha}{\sum_{w'} n_{c,w'} + \alpha |V|} + \text{const}$$

    Tokens not seen in training are skipped. No order, no embedding, no gradient: counting only.
- ``snownlp_sentiment_baseline``: snownlp's own sentiment classifier (``snownlp.sentiment``),
  retrained with the package's own method (``Sentiment.train``: its segmenter, its stop-word
  filter and its Naive Bayes) on our training split, then asked for P(positive) of each test text.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import brief, check_class_indices, check_documents, check_positive_int, check_real


def majority_baseline(train_labels, n_samples: int) -> np.ndarray:
    """``n_samples`` predictions, all the most frequent class of ``train_labels`` (the lowest on a tie).

    Args:
        train_labels: (n,) training class indices, at least one.
        n_samples: how many predictions, >= 1.
    """
    labels = check_class_indices(train_labels, 2**31, name="train_labels")
    if len(labels) == 0:
        raise ValueError("train_labels: expected at least one label, got 0")
    return np.full(check_positive_int(n_samples, "n_samples"), np.bincount(labels).argmax(), dtype=np.int64)


class NaiveBayesText:
    """Multinomial Naive Bayes over token counts with add-α smoothing.

    Args:
        alpha: the smoothing count added to every (class, token) pair, > 0.
        n_classes: C >= 2.
    """

    def __init__(self, alpha: float = 1.0, n_classes: int = 2):
        self.alpha = check_real(alpha, "alpha", 0, min_open=True)
        self.n_classes = check_positive_int(n_classes, "n_classes", minimum=2)
        self.token_ids: dict = {}
        self.log_prior = self.log_likelihood = None

    # --8<-- [start:nb]
    def fit(self, docs: list[list[str]], labels) -> "NaiveBayesText":
        """Count tokens per class in the training ``docs`` (lists of tokens) with their ``labels``."""
        docs = check_documents(docs)
        labels = check_class_indices(labels, self.n_classes, len(docs), "labels")
        if len(docs) == 0:
            raise ValueError("docs: expected at least one training text, got 0")
        self.token_ids = {t: i for i, t in enumerate(dict.fromkeys(t for doc in docs for t in doc))}
        counts = np.zeros((self.n_classes, len(self.token_ids)))
        for doc, c in zip(docs, labels):
            np.add.at(counts[c], [self.token_ids[t] for t in doc], 1)
        smoothed = counts + self.alpha
        self.log_likelihood = np.log(smoothed / smoothed.sum(1, keepdims=True))  # (C, V)
        self.log_prior = np.log(np.bincount(labels, minlength=self.n_classes) / len(labels))
        return self

    def predict_proba(self, docs: list[list[str]]) -> np.ndarray:
        """P(c | doc) for each doc, (n, C); tokens not seen in training are skipped."""
        if self.log_prior is None:
            raise RuntimeError("predict_proba: expected a fitted model (call fit first), got an unfitted one")
        docs = check_documents(docs)
        scores = np.empty((len(docs), self.n_classes))
        for i, doc in enumerate(docs):
            ids = [self.token_ids[t] for t in doc if t in self.token_ids]
            scores[i] = self.log_prior + self.log_likelihood[:, ids].sum(1)
        scores -= scores.max(1, keepdims=True)  # softmax of log-scores, without overflow
        return np.exp(scores) / np.exp(scores).sum(1, keepdims=True)
    # --8<-- [end:nb]


# --8<-- [start:snownlp]
def snownlp_sentiment_baseline(train_texts: list[str], train_labels, test_texts: list[str]) -> np.ndarray:
    """Retrain snownlp's sentiment classifier on our training split; return P(positive) per test text.

    Args:
        train_texts: the training reviews.
        train_labels: their labels, 0 negative, 1 positive.
        test_texts: the reviews to score.
    """
    train_texts, test_texts = _strs(train_texts, "train_texts"), _strs(test_texts, "test_texts")
    labels = check_class_indices(train_labels, 2, len(train_texts), "train_labels")
    from snownlp.sentiment import Sentiment  # after the checks: importing snownlp loads its models (seconds)

    classifier = Sentiment()  # a fresh one: the package's shipped model was trained on all the texts, ours too
    classifier.train([t for t, y in zip(train_texts, labels) if y == 0], [t for t, y in zip(train_texts, labels) if y == 1])
    return np.array([classifier.classify(t) for t in test_texts])
# --8<-- [end:snownlp]


def _strs(texts, name: str) -> list[str]:
    if isinstance(texts, str) or not isinstance(texts, (list, tuple)) or not all(isinstance(t, str) for t in texts):
        raise TypeError(f"{name}: expected a list of str, got {brief(texts)}")
    if not texts:
        raise ValueError(f"{name}: expected at least one text, got 0")
    return list(texts)
