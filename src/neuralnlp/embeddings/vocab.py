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
        self.tokens = list(tokens)
        self._ids = {}
        for i, token in enumerate(self.tokens):
            if token in self._ids:
                raise ValueError(f"tokens: expected each token once, got {token!r} at ids {self._ids[token]} and {i}")
            self._ids[token] = i
        self.counts = [0] * len(self.tokens) if counts is None else [int(c) for c in counts]
        if len(self.counts) != len(self.tokens):
            raise ValueError(f"counts: expected {len(self.tokens)} counts, one per token, got {len(self.counts)}")
        if unk is not None and unk not in self._ids:
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
            tokens: the corpus as one iterable of tokens (e.g. characters or words).
            min_count: tokens seen fewer times are left out (they become unknown).
            specials: tokens given ids 0, 1, … in this order whatever their counts.
            by_frequency: order the other tokens by decreasing count instead of first appearance.
            unk: the token unknown tokens map to; added after ``specials`` if it is not one of them.
        """
        counter = Counter(tokens)  # a Counter remembers first appearance order, so ties stay stable
        specials = list(specials) + ([unk] if unk is not None and unk not in specials else [])
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
        """
        if token in self._ids:
            return self._ids[token]
        if self.unk is not None:
            return self._ids[self.unk]
        raise KeyError(f"token {token!r} is not in the vocabulary ({len(self)} tokens) and no unk token was given")

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
        return self.counts[self._ids[token]] if token in self._ids else 0

    # --8<-- [start:encode]
    def encode(self, tokens: Iterable[str]) -> list[int]:
        """Tokens to ids: ``[token_to_id(t) for t in tokens]``."""
        return [self.token_to_id(t) for t in tokens]

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Ids (ints, or a 1-D array or tensor of them) to tokens: ``[id_to_token(i) for i in ids]``."""
        return [self.id_to_token(i) for i in ids]
    # --8<-- [end:encode]

    def __repr__(self) -> str:
        head = ", ".join(repr(t) for t in self.tokens[:5]) + (", ..." if len(self) > 5 else "")
        return f"Vocabulary({len(self)} tokens: {head})"
