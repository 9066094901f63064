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


def _check_window(window) -> int:
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise ValueError(f"window: expected an integer >= 1 (words on each side of the target), got {window!r}")
    return int(window)


def _check_rng(dynamic: bool, rng) -> None:
    if dynamic and not isinstance(rng, np.random.Generator):
        raise ValueError(
            f"rng: expected a numpy.random.Generator when dynamic=True, got {type(rng).__name__}"
        )


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

    Raises:
        ValueError: ``window`` is not an integer >= 1, or ``dynamic`` without an ``rng``.
    """
    window = _check_window(window)
    _check_rng(dynamic, rng)
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
        ValueError: ``window`` is not an integer >= 1, or a distance is < 1.
    """
    window = _check_window(window)
    d = np.asarray(distance)
    if not np.issubdtype(d.dtype, np.integer) or (d < 1).any():
        raise ValueError(f"distance: expected integers >= 1, got {distance!r}")
    return np.clip((window - d + 1) / window, 0.0, 1.0)
