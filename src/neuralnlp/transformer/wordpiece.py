"""The BERT tokeniser from scratch: a basic step, then greedy longest-match WordPiece against ``vocab.txt``.

A text becomes token ids in three steps, exactly as the reference (Hugging Face ``tokenizers``'
``BertNormalizer`` + ``BertPreTokenizer`` + ``WordPiece``, the tokeniser sentence-transformers runs
for all-MiniLM-L6-v2) does it; the tests compare the ids on every line of a mixed corpus:

1. special tokens written in the text (``[CLS]``, ``[SEP]``, ``[PAD]``, ``[UNK]``, ``[MASK]``,
   case-sensitive) are cut out first and kept whole;
2. the basic step, on the rest: drop NUL, U+FFFD and control characters, turn every other white
   space into a space; put spaces around each CJK ideograph (one character, one token); for an
   uncased model, decompose (NFD), drop the combining marks (accents) and lower-case character by
   character; split on white space, and make every punctuation character a token of its own;
3. WordPiece, word by word: take the longest prefix that is in the vocabulary, then the longest
   ``##``-prefixed continuation, and so on. A word that cannot be covered this way, or that is
   longer than 100 characters, becomes one ``[UNK]``.

``BertTokenizer.encode`` adds ``[CLS]`` … ``[SEP]``; ``batch_encode`` pads a batch to its longest
text and returns ``input_ids``, ``token_type_ids`` and ``attention_mask`` as (batch, seq) tensors,
the three inputs of a BERT model. A text longer than ``max_length`` (512, BERT's positions, by
default) is an error unless ``truncation=True`` is asked for, which keeps the first
``max_length - 1`` tokens and the final ``[SEP]``, as the reference does.
"""

from __future__ import annotations

import re
import string
import unicodedata
from pathlib import Path
from typing import Iterable, Sequence

from neuralnlp._checks import (
    as_id_array,
    brief,
    check_bool,
    check_int,
    check_path,
    check_positive_int,
    check_str,
    check_texts,
    check_tokens,
)

SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
MAX_INPUT_CHARS_PER_WORD = 100
_SPECIAL_SPLIT = re.compile("(" + "|".join(re.escape(t) for t in SPECIAL_TOKENS) + ")")

# The CJK ideograph blocks that get one token per character: the ranges of tokenizers' BertNormalizer
# (Hugging Face's Python BertTokenizer differs in one bound: Extension E starts at 0x2B820 there).
_CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
               (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
# What Rust's char::is_whitespace calls white space (Unicode's White_Space property)
_WHITE_SPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                         "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def is_cjk_ideograph(char: str) -> bool:
    """True for a CJK ideograph (汉字), which the basic step makes a token of its own."""
    if type(char) is not str or len(char) != 1:  # the fast path: basic_tokenize asks for every character
        check_str(char, "char", length=1)
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def is_punctuation(char: str) -> bool:
    """True for ASCII punctuation (``$``, ``+``, ``^`` … included) and every Unicode punctuation (P*)."""
    if type(char) is not str or len(char) != 1:
        check_str(char, "char", length=1)
    return char in string.punctuation or unicodedata.category(char).startswith("P")


def _is_control(char: str) -> bool:
    return char not in "\t\n\r" and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")


# --8<-- [start:basic]
def basic_tokenize(text: str, lowercase: bool = True) -> list[str]:
    """The basic step of BERT's tokeniser: clean, one token per CJK ideograph, strip accents, split.

    Args:
        text: any string (special tokens such as ``[MASK]`` are not treated specially here).
        lowercase: an uncased model's step: drop accents (NFD, then remove combining marks) and
            lower-case. False for a cased model.

    Returns:
        The words and punctuation marks, e.g. "Héllo, 世界!" → ["hello", ",", "世", "界", "!"].
    """
    check_str(text, "text")
    check_bool(lowercase, "lowercase")
    chars = []
    for c in text:
        if c in ("\x00", "\ufffd") or _is_control(c):
            continue  # NUL, the replacement character and control characters are dropped
        if c in _WHITE_SPACE:
            chars.append(" ")
        elif is_cjk_ideograph(c):
            chars.append(f" {c} ")  # one token per 汉字
        else:
            chars.append(c)
    text = "".join(chars)
    if lowercase:
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        text = "".join(c.lower() for c in text)  # char by char, like Rust: final Σ gives σ, not ς
    words = []
    for chunk in text.split():  # no argument: split on runs of white space, drop empty strings
        word = ""
        for c in chunk:
            if is_punctuation(c):
                words += [word, c] if word else [c]
                word = ""
            else:
                word += c
        if word:
            words.append(word)
    return words
# --8<-- [end:basic]


# --8<-- [start:wordpiece]
def wordpiece_split(word: str, vocab: "dict[str, int] | set[str]", unk_token: str = "[UNK]",
              max_chars: int = MAX_INPUT_CHARS_PER_WORD) -> list[str]:
    """Split one word into the longest pieces found in ``vocab``, left to right (greedy longest match).

    Pieces after the first carry the prefix ``##``: "unaffable" → ["una", "##ffa", "##ble"] with
    BERT's vocabulary. If some position has no piece in ``vocab``, or the word is longer than
    ``max_chars`` characters, the whole word becomes ``[unk_token]``.
    """
    _check_split_arguments(word, vocab, unk_token, max_chars)
    if len(word) > max_chars:
        return [unk_token]
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:  # shrink from the right until the piece is in the vocabulary
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                break
            end -= 1
        if end == start:
            return [unk_token]  # nothing fits here: the whole word is unknown
        pieces.append(piece)
        start = end
    return pieces
# --8<-- [end:wordpiece]


def _check_split_arguments(word, vocab, unk_token, max_chars) -> None:
    check_str(word, "word")
    if isinstance(vocab, (str, bytes)) or not hasattr(vocab, "__contains__"):
        raise TypeError(f"vocab: expected a dict or set of tokens (a str would match substrings), got {brief(vocab)}")
    check_str(unk_token, "unk_token")
    check_positive_int(max_chars, "max_chars")


def read_vocab(path: str | Path) -> list[str]:
    """The tokens of a ``vocab.txt``, one per line; line i (from 0) is token id i.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: the file is empty or lists a token twice.
    """
    tokens = Path(check_path(path, "path")).read_text(encoding="utf-8").split("\n")
    if tokens and tokens[-1] == "":
        tokens.pop()  # the newline after the last token
    if not tokens:
        raise ValueError(f"path: expected one token per line, got an empty file ({path})")
    _check_unique(tokens, "path", lambda i: f"line {i + 1}", f" ({path})")
    return tokens


def _check_unique(tokens: list, name: str, where, suffix: str = "") -> None:
    """ValueError naming the first token listed twice and both places (``where(i)`` names place i)."""
    seen: dict[str, int] = {}
    for i, token in enumerate(tokens):
        if token in seen:
            raise ValueError(f"{name}: expected each token once, got {token!r} at {where(seen[token])} and {where(i)}{suffix}")
        seen[token] = i


class BertTokenizer:
    """BERT's tokeniser: the basic step and WordPiece, with ``[CLS]``/``[SEP]``, padding and masks.

    Args:
        vocab: the tokens in id order (``read_vocab``), which must include the five special tokens.
        lowercase: True for an uncased model (all-MiniLM-L6-v2, bert-base-uncased).
        max_length: the longest sequence, ``[CLS]`` and ``[SEP]`` included, that ``encode`` and
            ``batch_encode`` return: 512, BERT's number of positions.

    Raises:
        ValueError: a special token is missing from ``vocab``, or ``max_length`` < 2.
    """

    def __init__(self, vocab: Sequence[str], lowercase: bool = True, max_length: int = 512):
        if isinstance(vocab, (str, Path)):
            raise TypeError(f"vocab: expected a list of tokens, got {brief(vocab)} (for a vocab.txt file, use "
                            f"BertTokenizer.from_file(path))")
        tokens = check_tokens(vocab, "vocab", of=str)
        _check_unique(tokens, "vocab", lambda i: f"position {i}")
        self.vocab = {token: i for i, token in enumerate(tokens)}
        self.tokens = tokens
        missing = [t for t in SPECIAL_TOKENS if t not in self.vocab]
        if missing:
            raise ValueError(f"vocab: expected the special tokens {list(SPECIAL_TOKENS)}, got none for {missing}")
        max_length = check_positive_int(max_length, "max_length", minimum=2)  # room for [CLS] and [SEP]
        self.lowercase, self.max_length = check_bool(lowercase, "lowercase"), max_length
        self.pad_id, self.unk_id = self.vocab["[PAD]"], self.vocab["[UNK]"]
        self.cls_id, self.sep_id = self.vocab["[CLS]"], self.vocab["[SEP]"]

    @classmethod
    def from_file(cls, path: str | Path, lowercase: bool = True, max_length: int = 512) -> "BertTokenizer":
        """A tokeniser for the vocabulary in ``path`` (a ``vocab.txt``; FileNotFoundError if there is none)."""
        return cls(read_vocab(path), lowercase, max_length)

    def __len__(self) -> int:
        return len(self.tokens)

    # --8<-- [start:tokenize]
    def tokenize(self, text: str) -> list[str]:
        """The WordPiece tokens of ``text``, without ``[CLS]`` and ``[SEP]``.

        Raises:
            TypeError: ``text`` is not a string.
        """
        check_str(text, "text")
        tokens = []
        for part in _SPECIAL_SPLIT.split(text):  # odd positions: special tokens written in the text
            if part in SPECIAL_TOKENS:
                tokens.append(part)
                continue
            for word in basic_tokenize(part, self.lowercase):
                tokens += wordpiece_split(word, self.vocab)
        return tokens
    # --8<-- [end:tokenize]

    def convert_tokens_to_ids(self, tokens: Iterable[str]) -> list[int]:
        """Token ids of ``tokens``; a token not in the vocabulary gets the id of ``[UNK]``.

        Raises:
            TypeError: ``tokens`` is a str (a text: tokenize it first) or holds something other than str.
        """
        return [self.vocab.get(t, self.unk_id) for t in check_tokens(tokens, "tokens", of=str)]

    def convert_ids_to_tokens(self, ids: Iterable[int]) -> list[str]:
        """Tokens of ``ids``.

        Raises:
            TypeError: ids that are not integers (floats, token strings).
            IndexError: an id outside [0, vocabulary size).
        """
        if isinstance(ids, (str, bytes)) or ids is None or not hasattr(ids, "__iter__"):
            raise TypeError(f"ids: expected a sequence of integer token ids, got {brief(ids)}")
        arr = as_id_array(ids if hasattr(ids, "__len__") else list(ids), len(self.tokens), "ids", "token ids")
        if arr.ndim != 1:
            raise ValueError(f"ids: expected one sequence of token ids, shape (n,), got shape {arr.shape}")
        return [self.tokens[i] for i in arr.tolist()]

    def encode(self, text: str, truncation: bool = False, max_length: int | None = None) -> list[int]:
        """``[CLS]`` + the ids of ``text``'s tokens + ``[SEP]``.

        Args:
            text: the text.
            truncation: if True, a text too long is cut to its first ``max_length - 1`` tokens and
                ``[SEP]``; if False (the default), it raises.
            max_length: the longest result allowed, special tokens included (default: the
                tokeniser's ``max_length``, 512).

        Raises:
            TypeError: ``text`` is not a string.
            ValueError: the result would be longer than ``max_length`` and ``truncation`` is False.
        """
        return self._encode(text, truncation, max_length, "text")

    def _encode(self, text, truncation, max_length, name: str) -> list[int]:
        """``encode``, with the messages naming the text ``name`` (``texts[3]`` in a batch)."""
        check_str(text, name)
        check_bool(truncation, "truncation")
        max_length = self._max_length(max_length)
        ids = [self.cls_id, *self.convert_tokens_to_ids(self.tokenize(text)), self.sep_id]
        if len(ids) > max_length:
            if not truncation:
                raise ValueError(
                    f"{name}: expected at most {max_length} tokens with [CLS] and [SEP] (the model's positions), "
                    f"got {len(ids)}; pass truncation=True to keep the first {max_length}")
            ids = ids[: max_length - 1] + [self.sep_id]
        return ids

    # --8<-- [start:batch]
    def batch_encode(self, texts: Sequence[str], truncation: bool = False, max_length: int | None = None) -> dict:
        """Encode a batch and pad it to its longest text: the three (batch, seq) inputs of BERT.

        Returns:
            A dict of int64 tensors, each (batch, seq), seq = the longest encoded text:
            ``input_ids`` (``[PAD]``'s id after the end), ``token_type_ids`` (all 0: one segment)
            and ``attention_mask`` (1 on tokens, 0 on padding).

        Raises:
            TypeError: ``texts`` is a single string, or holds something other than strings.
            ValueError: ``texts`` is empty, or a text is too long and ``truncation`` is False
                (the message gives its index).
        """
        import torch  # here: the tokeniser itself needs no torch

        texts = check_texts(texts, "texts")
        encoded = [self._encode(text, truncation, max_length, f"texts[{i}]") for i, text in enumerate(texts)]
        seq = max(map(len, encoded))
        input_ids = torch.full((len(texts), seq), self.pad_id, dtype=torch.int64)
        attention_mask = torch.zeros((len(texts), seq), dtype=torch.int64)
        for row, ids in enumerate(encoded):
            input_ids[row, : len(ids)] = torch.tensor(ids)
            attention_mask[row, : len(ids)] = 1
        return {"input_ids": input_ids, "token_type_ids": torch.zeros_like(input_ids), "attention_mask": attention_mask}
    # --8<-- [end:batch]

    def decode(self, ids: Iterable[int]) -> str:
        """Tokens joined by spaces, ``[CLS]``/``[SEP]``/``[PAD]`` dropped and ``##`` pieces glued to the piece before.

        The basic step lost the case, the accents and the spacing around punctuation, and ``[UNK]``
        stays ``[UNK]``, so this is not the original text: "Héllo, world!" comes back as
        "hello , world !".
        """
        text = " ".join(t for t in self.convert_ids_to_tokens(ids) if t not in ("[CLS]", "[SEP]", "[PAD]"))
        return text.replace(" ##", "")

    def _max_length(self, max_length: int | None) -> int:
        if max_length is None:
            return self.max_length
        return check_int(max_length, "max_length", 2, self.max_length)
