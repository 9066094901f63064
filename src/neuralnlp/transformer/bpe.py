"""Byte-pair encoding (BPE, Sennrich et al., 2016) from scratch: learn merges from a corpus, encode, decode.

Training starts from single characters and repeats one step: count every pair of adjacent
symbols in the corpus (each word weighted by how often it occurs) and merge the most frequent
pair into one new symbol. The list of merges, in the order learned, is the model:

    l o w e r  →  (merge "l" "o")  lo w e r  →  (merge "lo" "w")  low e r  → …

Encoding a new word applies the merges in the same order (always the earliest-learned merge
first), so frequent words become one token and rare words split into known pieces.

Details that make decoding exact, so that ``decode(encode(text)) == text`` for every string:

- words keep their leading space (" the" is a word): the text is the concatenation of its
  words, and spaces need no special treatment (as GPT-2 does); merges never cross words;
- a character never seen in training is spelled with its UTF-8 bytes, one byte token each
  (``<0xE4>``), which are always in the vocabulary (byte fallback, as SentencePiece does).

Ids: 0–255 are the byte tokens, then the training corpus's characters, then one id per merge.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from neuralnlp._checks import as_id_array, brief, check_positive_int, check_str, check_texts

# A word: an optional space and a run of letters/digits, or of other visible characters; runs of
# white space. Every character matches, so the words of a text concatenate back to the text.
_WORD = re.compile(r" ?\w+| ?[^\w\s]+|\s+(?!\S)|\s+")
BYTE_TOKENS = tuple(f"<0x{b:02X}>" for b in range(256))


def pre_tokenize(text: str) -> list[str]:
    """Split text into words that keep their leading space: "I saw  it." → ["I", " saw", " ", " it", "."]."""
    return _WORD.findall(check_str(text, "text"))


# --8<-- [start:merge]
def merge_pair(symbols: tuple, pair: tuple, new: str) -> tuple:
    """Replace every non-overlapping occurrence of ``pair`` in ``symbols``, left to right, by ``new``."""
    symbols, pair, new = _check_merge(symbols, pair, new)
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(new)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)
# --8<-- [end:merge]


def _check_merge(symbols, pair, new) -> tuple:
    """``merge_pair``'s arguments: a tuple (or list) of symbols, a pair of str, a str (cheap for the usual tuples)."""
    if type(symbols) is not tuple:
        if not isinstance(symbols, list):
            raise TypeError(f"symbols: expected a tuple of symbols such as ('l', 'o', 'w'), got {brief(symbols)}"
                            + (" (use tuple(word))" if isinstance(symbols, str) else ""))
        symbols = tuple(symbols)
    if type(pair) is not tuple or len(pair) != 2:
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise TypeError(f"pair: expected a pair of symbols such as ('l', 'o'), got {brief(pair)}")
        pair = tuple(pair)
    if not isinstance(new, str):
        raise TypeError(f"new: expected a str (the merged symbol), got {brief(new)}")
    return symbols, pair, new


# --8<-- [start:train]
def train_bpe(texts: Iterable[str], num_merges: int) -> list[tuple[str, str]]:
    """Learn up to ``num_merges`` merges from ``texts``: each time, the most frequent adjacent pair.

    Among pairs of equal count, the one earliest in the counter's order wins, so training is
    deterministic. Stops early when no pair occurs twice.

    Returns:
        The merges in the order learned, e.g. [("t", "h"), (" ", "th"), …].
    """
    check_positive_int(num_merges, "num_merges")
    texts = check_texts(texts, "texts")
    word_counts = Counter(w for text in texts for w in pre_tokenize(text))
    words = [tuple(w) for w in word_counts]  # each word as a tuple of symbols, characters at first
    counts = list(word_counts.values())
    pair_counts: Counter = Counter()
    where = defaultdict(set)  # pair -> indices of the words that contain it
    for i, symbols in enumerate(words):
        for pair in zip(symbols, symbols[1:]):
            pair_counts[pair] += counts[i]
            where[pair].add(i)

    merges = []
    for _ in range(num_merges):
        if not pair_counts:
            break
        best, best_count = max(pair_counts.items(), key=lambda item: item[1])  # the first of equals wins
        if best_count < 2:
            break
        merges.append(best)
        new = best[0] + best[1]
        for i in sorted(where.pop(best)):  # update only the words that contain the pair
            old = words[i]
            for pair in zip(old, old[1:]):
                pair_counts[pair] -= counts[i]
                if pair_counts[pair] == 0:
                    del pair_counts[pair]
            words[i] = merge_pair(old, best, new)
            for pair in zip(words[i], words[i][1:]):
                pair_counts[pair] += counts[i]
                where[pair].add(i)
    return merges
# --8<-- [end:train]


class BPETokenizer:
    """A BPE tokeniser: the merges learned by ``train_bpe`` and the characters of the training corpus.

    Args:
        merges: (left, right) pairs in the order learned.
        alphabet: the characters known as single tokens (those of the training corpus).

    Attributes:
        tokens: every token in id order: 256 byte tokens, the alphabet, then one per merge.

    Use ``BPETokenizer.train(texts, num_merges)`` to learn one.
    """

    def __init__(self, merges: Sequence[tuple[str, str]], alphabet: Iterable[str]):
        self.merges = _check_merges(merges)
        alphabet = _check_alphabet(alphabet)
        self.rank = {pair: i for i, pair in enumerate(self.merges)}
        self.alphabet = sorted(set(alphabet))
        self.tokens = [*BYTE_TOKENS, *self.alphabet]
        known = set(self.alphabet)
        for left, right in self.merges:
            if left not in known or right not in known:
                raise ValueError(f"merges: expected pieces made of earlier tokens, got {(left, right)!r}")
            known.add(left + right)
            self.tokens.append(left + right)
        # ids of the text tokens only: a merge that happens to spell "<0x41>" is text, not a byte
        self.ids = {}
        for i, token in enumerate(self.tokens[256:], start=256):
            self.ids.setdefault(token, i)
        self._cache: dict[str, list[int]] = {}

    @classmethod
    def train(cls, texts: Sequence[str], num_merges: int) -> "BPETokenizer":
        """Learn merges from ``texts`` (``train_bpe``) and keep their characters as the alphabet."""
        texts = check_texts(texts, "texts")
        return cls(train_bpe(texts, num_merges), {c for text in texts for c in text})

    def __len__(self) -> int:
        return len(self.tokens)

    # --8<-- [start:encode-word]
    def _encode_word(self, word: str) -> list[int]:
        symbols = []
        for c in word:  # a character never seen in training: its UTF-8 bytes, as ints 0-255 (byte fallback)
            symbols += [c] if c in self.ids else list(c.encode("utf-8"))
        symbols = tuple(symbols)
        while len(symbols) > 1:  # apply the earliest-learned merge present, again and again
            pair = min(zip(symbols, symbols[1:]), key=lambda p: self.rank.get(p, len(self.rank)))
            if pair not in self.rank:  # (bytes are never in a merge)
                break
            symbols = merge_pair(symbols, pair, pair[0] + pair[1])
        return [s if isinstance(s, int) else self.ids[s] for s in symbols]  # a byte's id is its value
    # --8<-- [end:encode-word]

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text``; every string can be encoded (unseen characters as bytes).

        Raises:
            TypeError: ``text`` is not a string.
        """
        check_str(text, "text")
        ids = []
        for word in pre_tokenize(text):
            if word not in self._cache:
                self._cache[word] = self._encode_word(word)
            ids += self._cache[word]
        return ids

    def tokenize(self, text: str) -> list[str]:
        """The tokens of ``text`` as strings (byte tokens shown as ``<0xE4>``)."""
        return [self.tokens[i] for i in self.encode(text)]

    # --8<-- [start:decode]
    def decode(self, ids: Iterable[int]) -> str:
        """The text of ``ids``: tokens concatenated, byte tokens joined back into characters.

        Raises:
            TypeError: ids that are not integers (token strings, floats).
            IndexError: an id outside the vocabulary.
            ValueError: byte tokens that are not valid UTF-8.
        """
        data = bytearray()
        for i in _check_ids(ids, len(self.tokens)).tolist():
            data += bytes([i]) if i < 256 else self.tokens[i].encode("utf-8")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValueError(f"ids: expected byte tokens that form valid UTF-8, got {error.reason}") from None
    # --8<-- [end:decode]


def _check_ids(ids, size: int):
    """One sequence of token ids, each in [0, size): an int64 array (n,)."""
    if isinstance(ids, (str, bytes)) or ids is None or not hasattr(ids, "__len__") and not hasattr(ids, "__iter__"):
        raise TypeError(f"ids: expected a sequence of integer token ids, got {brief(ids)}")
    arr = as_id_array(ids if hasattr(ids, "__len__") else list(ids), size, "ids", "token ids")
    if arr.ndim != 1:
        raise ValueError(f"ids: expected one sequence of token ids, shape (n,), got shape {arr.shape}")
    return arr


def _check_merges(merges) -> list[tuple[str, str]]:
    if isinstance(merges, (str, bytes)) or merges is None or not hasattr(merges, "__iter__"):
        raise TypeError(f"merges: expected a list of pairs such as [('l', 'o'), ('lo', 'w')], got {brief(merges)}")
    merges = list(merges)
    for i, m in enumerate(merges):
        if not isinstance(m, (tuple, list)) or len(m) != 2 or not all(isinstance(p, str) for p in m):
            raise TypeError(f"merges[{i}]: expected a pair of str such as ('l', 'o'), got {brief(m)}")
    return [tuple(m) for m in merges]


def _check_alphabet(alphabet) -> list[str]:
    if alphabet is None or not hasattr(alphabet, "__iter__") or isinstance(alphabet, bytes):
        raise TypeError(f"alphabet: expected characters such as {{'a', 'b'}} (or a str of them), got {brief(alphabet)}")
    alphabet = list(alphabet)
    for i, c in enumerate(alphabet):
        check_str(c, f"alphabet[{i}]", length=1)
    return alphabet
