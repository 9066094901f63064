r"""What a TextCNN filter responds to: the n-grams of a corpus that activate it most.

A filter j of width K scores every window of K tokens with ReLU(b_j + Σ_k Σ_i W[j, i, k] e[t + k, i]),
where e[t + k] is the embedding of the window's k-th token; max-over-time pooling keeps the best
window of each text. Running the filter over every valid window of a corpus and sorting the scores
shows the K-grams it fires on (``top_ngrams``). A text shorter than K has one window, its whole text
followed by zero vectors (as in ``neuralnlp.pipeline.conv.TextCNN``), so its "n-gram" is shorter than K.

Which filters to look at: the classifier weighs each pooled filter for each class, logit_c = Σ_f V[c, f] m_f + b_c;
``class_filters`` returns the filters with the largest margin V[c, f] − mean_{c' ≠ c} V[c', f],
the ones whose firing pushes hardest towards class c.

Shapes: a corpus is a list of texts, each a sequence of token ids (at least one); ``tokens[i]`` is
the string of id i (a vocabulary's token list).
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import torch

from neuralnlp._checks import as_id_tensor, brief, check_bool, check_int, check_positive_int

__all__ = ["FilterNgram", "top_ngrams", "class_filters"]


class FilterNgram(NamedTuple):
    """One window of the corpus and a filter's score for it.

    Attributes:
        ngram: the window's tokens (fewer than K for a text shorter than the kernel).
        score: the filter's activation after ReLU, the value max-over-time pooling compares.
        text: the index of the text in the corpus.
        start: the position of the window's first token in that text.
    """

    ngram: tuple
    score: float
    text: int
    start: int


def _check_model(model) -> None:
    from neuralnlp.pipeline.conv import TextCNN

    if not isinstance(model, TextCNN):
        raise TypeError(f"model: expected a neuralnlp.pipeline.conv.TextCNN, got {brief(model)}")


def _check_filters(model, filters) -> list[tuple[int, int]]:
    """(kernel width, filter index) pairs naming filters of ``model``."""
    if isinstance(filters, (str, bytes)) or not isinstance(filters, Sequence) or not filters:
        raise TypeError(f"filters: expected a non-empty list of (kernel_size, filter_index) pairs such as "
                        f"[(3, 0)], got {brief(filters)}")
    checked = []
    for position, pair in enumerate(filters):
        if not isinstance(pair, Sequence) or isinstance(pair, (str, bytes)) or len(pair) != 2:
            raise TypeError(f"filters: expected (kernel_size, filter_index) pairs, got {brief(pair)} "
                            f"at position {position}")
        width, index = pair
        if width not in model.kernel_sizes:
            raise ValueError(f"filters: expected a kernel_size in {model.kernel_sizes}, got {brief(width)} "
                             f"at position {position}")
        index = check_int(index, "filters", 0, model.n_filters - 1)
        checked.append((int(width), index))
    return checked


def _check_corpus(docs, tokens, vocab_size: int) -> list[torch.Tensor]:
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Sequence) or not docs:
        raise TypeError(f"docs: expected a non-empty list of texts, each a sequence of token ids, got {brief(docs)}")
    if isinstance(tokens, (str, bytes)) or not isinstance(tokens, Sequence) or len(tokens) != vocab_size:
        got = f"{len(tokens)} tokens" if isinstance(tokens, Sequence) and not isinstance(tokens, (str, bytes)) \
            else brief(tokens)
        raise ValueError(f"tokens: expected a sequence of {vocab_size} tokens (tokens[i] is the string of id i, "
                         f"the model's vocab_size), got {got}")
    checked = []
    for position, doc in enumerate(docs):
        if isinstance(doc, (str, bytes)):
            raise TypeError(f"docs: expected texts as sequences of token ids, got {brief(doc)} at position "
                            f"{position} (encode it with the vocabulary first)")
        try:
            ids = as_id_tensor(doc, vocab_size, "docs", what="token ids", size_name="vocab_size")
        except (TypeError, IndexError) as error:
            raise type(error)(f"{error} in text {position}") from None
        if ids.dim() != 1 or ids.numel() == 0:
            raise ValueError(f"docs: expected each text to be a non-empty 1-D sequence of ids, "
                             f"got shape {tuple(ids.shape)} at position {position}")
        checked.append(ids)
    return checked


# --8<-- [start:top-ngrams]
def top_ngrams(model, docs, tokens, filters, k: int = 5, distinct: bool = True,
               batch_size: int = 256) -> dict[tuple[int, int], list[FilterNgram]]:
    """For each filter, the k windows of ``docs`` with the highest activation, highest first.

    Args:
        model: a ``TextCNN``; it is run in evaluation mode (no dropout) and left in the mode it was in.
        docs: a list of texts, each a sequence of token ids (at least one id).
        tokens: the string of each id (``tokens[i]`` for id i), as many as the model's vocab_size.
        filters: (kernel_size, filter_index) pairs, e.g. [(3, 0), (3, 5)].
        k: how many windows per filter.
        distinct: if True, each n-gram appears once (with its best score); the corpus's duplicate texts
            would otherwise fill the list with one phrase.
        batch_size: texts per forward pass.

    Returns:
        {(kernel_size, filter_index): [FilterNgram, …]}, at most k per filter, sorted by score
        (ties: earlier text, then earlier position).

    Raises:
        TypeError: model not a TextCNN; docs, tokens or filters of the wrong kind; ids not integers.
        ValueError: a filter the model does not have, tokens of the wrong length, an empty text.
        IndexError: an id outside [0, vocab_size).
    """
    _check_model(model)
    filters = _check_filters(model, filters)
    docs = _check_corpus(docs, tokens, model.embedding.num_embeddings)
    k = check_positive_int(k, "k")
    check_bool(distinct, "distinct")
    batch_size = check_positive_int(batch_size, "batch_size")
    widths = list(model.kernel_sizes)
    found = {f: ([], [], []) for f in filters}  # per filter: scores, texts, starts of every valid window
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            for first in range(0, len(docs), batch_size):
                batch = docs[first:first + batch_size]
                lengths = torch.tensor([len(d) for d in batch])
                ids = torch.nn.utils.rnn.pad_sequence(batch, batch_first=True)  # (batch, longest), 0 after the end
                maps = model.feature_maps(ids, lengths)  # per width: (batch, n_filters, T), valid (batch, T)
                for width, index in filters:
                    c, valid = maps[widths.index(width)]
                    rows, starts = valid.nonzero(as_tuple=True)
                    scores, texts, positions = found[(width, index)]
                    scores.append(c[rows, index, starts])
                    texts.append(rows + first)
                    positions.append(starts)
    finally:
        model.train(was_training)
    result = {}
    for width, index in filters:
        scores, texts, starts = (torch.cat(parts) for parts in found[(width, index)])
        # Highest score first; the windows are in corpus order, so a stable sort keeps ties in that order.
        order = torch.sort(scores, descending=True, stable=True).indices
        best, seen = [], set()
        for i in order.numpy():  # stops after k n-grams: usually after a few dozen windows
            text, start = int(texts[i]), int(starts[i])
            ngram = tuple(tokens[t] for t in docs[text][start:start + width].tolist())
            if distinct and ngram in seen:
                continue
            seen.add(ngram)
            best.append(FilterNgram(ngram, float(scores[i]), text, start))
            if len(best) == k:
                break
        result[(width, index)] = best
    return result
# --8<-- [end:top-ngrams]


def class_filters(model, class_index: int, n: int = 3) -> list[tuple[int, int]]:
    """The n filters whose pooled value pushes hardest towards class ``class_index``.

    The margin of filter f is V[c, f] − mean_{c' ≠ c} V[c', f], with V the classifier's weight
    (n_classes, n_filters·len(kernel_sizes)); with two classes, V[c, f] − V[1 − c, f].

    Args:
        model: a ``TextCNN`` with at least two classes.
        class_index: the class c, in [0, n_classes).
        n: how many filters.

    Returns:
        (kernel_size, filter_index) pairs, largest margin first.

    Raises:
        TypeError: model not a TextCNN, or a size that is not an integer.
        ValueError: class_index out of range, n larger than the number of filters, or a one-class model.
    """
    _check_model(model)
    if model.n_classes < 2:
        raise ValueError(f"model: expected a classifier with at least 2 classes, got n_classes={model.n_classes}")
    c = check_int(class_index, "class_index", 0, model.n_classes - 1)
    total = model.n_filters * len(model.kernel_sizes)
    n = check_int(n, "n", 1, total)
    weight = model.classifier.weight.detach()
    others = torch.cat([weight[:c], weight[c + 1:]]).mean(dim=0)
    margin = weight[c] - others
    order = torch.argsort(margin, descending=True, stable=True)[:n].tolist()
    return [(model.kernel_sizes[f // model.n_filters], f % model.n_filters) for f in order]
