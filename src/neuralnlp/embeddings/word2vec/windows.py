"""Sliding context windows: the (target, context) training examples of CBOW and skip-gram.

``window`` is the largest distance between a target word and a context word, on each side, as in
word2vec.c and gensim (``window=5`` is up to 5 words left and 5 words right). A "window of size 3"
in the sense of a span of three consecutive words (one word each side of the target) is ``window=1``.

With ``dynamic=True`` each target draws its own window ``b`` uniformly from ``1..window`` (word2vec.c
and gensim call this a reduced window), so a context word at distance ``d`` is used with probability
``(window - d + 1) / window``: near words weigh more than far ones.

Windows never cross the end of the sequence given; pass one sentence at a time to keep sentences apart.
Tokens can be anything (strings or integer ids); they are returned as given.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from neuralnlp._checks import as_real_array, brief, check_bool, check_positive_int, check_tokens


def _check_window(window) -> int:
    return check_positive_int(window, "window")


def _check_arguments(tokens, window, dynamic, rng):
    """tokens as a list, window as an int; the checks of every function here."""
    tokens = check_tokens(tokens)
    window = _check_window(window)
    if check_bool(dynamic, "dynamic") and not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng: expected a numpy.random.Generator when dynamic=True, got {brief(rng)}")
    return tokens, window


# --8<-- [start:context-windows]
def context_windows(
    tokens: Sequence, window: int, dynamic: bool = False, rng: np.random.Generator | None = None
) -> Iterator[tuple[object, list]]:
    """Yield ``(target, contexts)`` for every position of ``tokens``.

    For the target at position i with window b (b = ``window``, or drawn from 1..``window`` when
    ``dynamic``), the contexts are the tokens at positions i-b..i-1 and i+1..i+b that exist, left to
    right. Positions whose window is empty (a one-token sequence) are skipped.

    Args:
        tokens: a sequence of tokens (one sentence), length n.
        window: the largest distance between target and context, on each side (>= 1).
        dynamic: draw the window of each target uniformly from 1..``window`` (one ``rng.integers``
            call per target, in order).
        rng: a ``numpy.random.Generator``; required when ``dynamic`` is true.

    Raises (at the call, not at the first ``next``):
        TypeError: ``tokens`` is a str or holds sequences (a list of sentences: pass one at a time),
            ``window`` is not an integer, or ``dynamic`` without a Generator ``rng``.
        ValueError: ``window`` < 1.
    """
    tokens, window = _check_arguments(tokens, window, dynamic, rng)
    return _windows(tokens, window, dynamic, rng)


def _windows(tokens: list, window: int, dynamic: bool, rng) -> Iterator[tuple[object, list]]:
    n = len(tokens)
    for i in range(n):
        b = int(rng.integers(1, window + 1)) if dynamic else window
        contexts = [tokens[j] for j in range(max(0, i - b), min(n, i + b + 1)) if j != i]
        if contexts:
            yield tokens[i], contexts
# --8<-- [end:context-windows]


# --8<-- [start:pairs]
def skipgram_pairs(
    tokens: Sequence, window: int, dynamic: bool = False, rng: np.random.Generator | None = None
) -> list[tuple[object, object]]:
    """Skip-gram examples: one ``(target, context)`` pair per context word of every window.

    Same arguments and errors as :func:`context_windows`. Returns a list of pairs, target by target.
    """
    return [(t, c) for t, contexts in context_windows(tokens, window, dynamic, rng) for c in contexts]


def cbow_examples(
    tokens: Sequence, window: int, dynamic: bool = False, rng: np.random.Generator | None = None
) -> list[tuple[list, object]]:
    """CBOW examples: one ``(contexts, target)`` per target; the contexts together predict the target.

    Same arguments and errors as :func:`context_windows`. Returns a list, one entry per target.
    """
    return [(contexts, t) for t, contexts in context_windows(tokens, window, dynamic, rng)]
# --8<-- [end:pairs]


def expected_context_weight(distance, window: int) -> np.ndarray:
    """How often a context word at ``distance`` is used under the dynamic window, relative to a fixed one.

    With b drawn uniformly from 1..W, P(b >= d) = (W - d + 1) / W for 1 <= d <= W, and 0 beyond W.

    Args:
        distance: integer distance(s) d >= 1, any shape.
        window: W, the largest window (>= 1).

    Returns:
        float64 array of the shape of ``distance``.

    Raises:
        TypeError: ``window`` or a distance is not an integer.
        ValueError: ``window`` or a distance is < 1.
    """
    window = _check_window(window)
    d = as_real_array(distance, "distance")
    if np.asarray(distance).dtype.kind not in "iu" and d.size:
        raise TypeError(f"distance: expected integer distances, got dtype {np.asarray(distance).dtype}")
    if (d < 1).any():
        raise ValueError(f"distance: expected integers >= 1, got {d[d < 1][0]:g}")
    return np.clip((window - d + 1) / window, 0.0, 1.0)
