"""A vocabulary: the two-way map between tokens and the integer token ids an embedding layer reads.

``Vocabulary.build(tokens)`` counts the tokens of a corpus and numbers them 0, 1, 2, ...:

- special tokens (such as ``"<pad>"`` or ``"<unk>"``) come first, in the order given;
- then every token seen at least ``min_count`` times, by first appearance, or by decreasing
  count (ties by first appearance) with ``by_frequency=True``, word2vec's order.

``encode`` maps tokens to ids and ``decode`` maps ids back. A token not in the vocabulary raises
``KeyError`` naming it, unless an ``unk`` token was given, in which case it maps to ``unk``'s id.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional, Sequence

from neuralnlp._checks import as_id_array, brief, check_bool, check_int, check_tokens

__all__ = ["Vocabulary"]


class Vocabulary:
    """Tokens numbered 0 … V-1, with the count of each token in the corpus it was built from.

    Attributes:
        tokens: list of the V tokens; ``tokens[i]`` has id ``i``.
        counts: list of V ints aligned with ``tokens``: how often token ``i`` occurred in the
            corpus (0 for a special token that never occurred).
        unk: the token unknown tokens map to, or ``None`` (unknown tokens then raise ``KeyError``).

    Use ``Vocabulary.build`` to make one from a corpus, or ``Vocabulary(tokens)`` for a given order.
    """

    def __init__(self, tokens: Sequence[str], counts: Optional[Sequence[int]] = None, unk: Optional[str] = None):
        self.tokens = check_tokens(tokens, allow_str=True)
        self._ids = {}
        for i, token in enumerate(self.tokens):
            if token in self._ids:
                raise ValueError(f"tokens: expected each token once, got {token!r} at ids {self._ids[token]} and {i}")
            self._ids[token] = i
        self.counts = [0] * len(self.tokens) if counts is None else _check_counts(counts)
        if len(self.counts) != len(self.tokens):
            raise ValueError(f"counts: expected {len(self.tokens)} counts, one per token, got {len(self.counts)}")
        if unk is not None and (_not_hashable(unk) or unk not in self._ids):
            raise ValueError(f"unk: expected one of the tokens, got {unk!r}")
        self.unk = unk

    # --8<-- [start:build]
    @classmethod
    def build(
        cls,
        tokens: Iterable[str],
        min_count: int = 1,
        specials: Sequence[str] = (),
        by_frequency: bool = False,
        unk: Optional[str] = None,
    ) -> "Vocabulary":
        """Count ``tokens`` and number them: specials first, then tokens seen ≥ ``min_count`` times.

        Args:
            tokens: the corpus as one iterable of tokens (e.g. characters or words; a str is its
                characters). A list of sentences raises ``TypeError``: flatten it first.
            min_count: tokens seen fewer times are left out (they become unknown).
            specials: tokens given ids 0, 1, … in this order whatever their counts.
            by_frequency: order the other tokens by decreasing count instead of first appearance.
            unk: the token unknown tokens map to; added after ``specials`` if it is not one of them.
        """
        counter = _count(tokens)  # a Counter remembers first appearance order, so ties stay stable
        check_int(min_count, "min_count", minimum=0)
        check_bool(by_frequency, "by_frequency")
        specials = check_tokens(specials, "specials")
        if unk is not None and _not_hashable(unk):
            raise TypeError(f"unk: expected a token (a str), got {brief(unk)}")
        specials = specials + ([unk] if unk is not None and unk not in specials else [])
        kept = [t for t, c in counter.items() if c >= min_count and t not in specials]
        if by_frequency:
            kept.sort(key=lambda t: -counter[t])  # sort is stable: equal counts keep first-appearance order
        ordered = specials + kept
        return cls(ordered, [counter.get(t, 0) for t in ordered], unk=unk)
    # --8<-- [end:build]

    def __len__(self) -> int:
        return len(self.tokens)

    def __contains__(self, token) -> bool:
        return token in self._ids

    def __iter__(self):
        return iter(self.tokens)

    def token_to_id(self, token: str) -> int:
        """The id of ``token`` (``unk``'s id for an unknown token if ``unk`` is set).

        Raises:
            KeyError: ``token`` is not in the vocabulary and there is no ``unk`` token.
            TypeError: ``token`` is not a token (a list, say: use ``encode`` for a sequence).
        """
        return self._token_id(token, "token")

    def _token_id(self, token, name: str, position: int | None = None) -> int:
        _check_token(token)
        if token in self._ids:
            return self._ids[token]
        if self.unk is not None:
            return self._ids[self.unk]
        where = "" if position is None else f" at position {position}"
        raise KeyError(f"{name}: expected a token of the vocabulary ({len(self)} tokens, no unk token given), "
                       f"got {token!r}{where}")

    def id_to_token(self, token_id: int) -> str:
        """The token with id ``token_id``.

        Raises:
            TypeError: ``token_id`` is not an integer.
            IndexError: ``token_id`` is outside ``[0, len(self))``.
        """
        if isinstance(token_id, bool) or not hasattr(token_id, "__index__"):
            raise TypeError(f"token_id: expected an integer, got {type(token_id).__name__} {token_id!r}")
        token_id = token_id.__index__()
        if not 0 <= token_id < len(self):
            raise IndexError(f"token_id: expected an id in [0, {len(self) - 1}], got {token_id}")
        return self.tokens[token_id]

    def __getitem__(self, token: str) -> int:
        return self.token_to_id(token)

    def count(self, token: str) -> int:
        """How often ``token`` occurred in the corpus the vocabulary was built from (0 if unknown)."""
        _check_token(token)
        return self.counts[self._ids[token]] if token in self._ids else 0

    # --8<-- [start:encode]
    def encode(self, tokens: Iterable[str]) -> list[int]:
        """Tokens to ids: ``[token_to_id(t) for t in tokens]``; an unknown token is named with its position."""
        return [self._token_id(t, "tokens", i) for i, t in enumerate(check_tokens(tokens, allow_str=True))]

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Ids (ints, or a 1-D array or tensor of them) to tokens: ``[id_to_token(i) for i in ids]``."""
        return [self.id_to_token(i) for i in _one_sequence_of_ids(ids, len(self))]
    # --8<-- [end:encode]

    def __repr__(self) -> str:
        head = ", ".join(repr(t) for t in self.tokens[:5]) + (", ..." if len(self) > 5 else "")
        return f"Vocabulary({len(self)} tokens: {head})"


def _not_hashable(token) -> bool:
    try:
        hash(token)
    except TypeError:
        return True
    return False


def _check_token(token) -> None:
    if _not_hashable(token) or isinstance(token, tuple):
        raise TypeError(f"token: expected one token (a str), got {brief(token)} (use encode for a sequence of tokens)")


def _count(tokens) -> Counter:
    """Counter(tokens), with a clear error for a list of sentences (lists are unhashable, tuples are not tokens)."""
    if tokens is None or not hasattr(tokens, "__iter__"):
        raise TypeError(f"tokens: expected an iterable of tokens, got {brief(tokens)}")
    try:
        counter = Counter(tokens)
    except TypeError:
        counter = None
    bad = next((t for t in counter if isinstance(t, tuple)), None) if counter is not None else []
    if bad is not None:
        raise TypeError(f"tokens: expected an iterable of tokens (str or int), got sequences among them"
                        f"{' such as ' + brief(bad) if bad != [] else ''} (a list of sentences? flatten it: "
                        f"(w for s in sentences for w in s))")
    return counter


def _check_counts(counts) -> list[int]:
    if isinstance(counts, (str, bytes)) or not hasattr(counts, "__iter__"):
        raise TypeError(f"counts: expected a sequence of integer counts, got {brief(counts)}")
    return [check_int(c, f"counts[{i}]", minimum=0) for i, c in enumerate(counts)]


def _one_sequence_of_ids(ids, size: int) -> list[int]:
    ids = as_id_array(ids, size, "ids", size_name="len(vocab)")
    if ids.ndim != 1:
        raise ValueError(f"ids: expected one sequence of ids, shape (n,), got shape {ids.shape} (decode one row at a time)")
    return ids.tolist()
