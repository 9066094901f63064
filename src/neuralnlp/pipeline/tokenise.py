"""From review text to token ids: jieba words or characters, a vocabulary built on training text only.

Two ways to cut Chinese text into tokens:

- ``level="word"``: jieba's words (``jieba.lcut``, its default precise mode): fewer, longer tokens,
  a larger vocabulary, and more unknown words in new text;
- ``level="char"``: one token per character: a small vocabulary that covers almost all new text,
  but longer sequences, and each token carries less meaning.

Whitespace is dropped in both. The vocabulary (``build_text_vocabulary``) reuses
``neuralnlp.embeddings.Vocabulary``: ``<pad>`` has id 0, ``<unk>`` id 1, then every token seen at
least ``min_count`` times in the training texts, most frequent first. It is built from the
training split only: a vocabulary that had seen the test texts would leak them.
"""

from __future__ import annotations

import logging

from neuralnlp._checks import brief, check_choice, check_documents, check_positive_int
from neuralnlp.embeddings.vocab import Vocabulary

PAD, UNK = "<pad>", "<unk>"
LEVELS = ("word", "char")


# --8<-- [start:tokenise]
def tokenise(text: str, level: str = "word") -> list[str]:
    """Cut ``text`` into jieba words (``level="word"``) or characters (``"char"``), whitespace dropped.

    Args:
        text: one review, a str.
        level: ``"word"`` or ``"char"``.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: an unknown level.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {brief(text)}")
    level = check_choice(level, LEVELS, "level")
    if level == "char":
        return [c for c in text if not c.isspace()]
    return [w for w in _jieba().lcut(text) if not w.isspace()]
# --8<-- [end:tokenise]


def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # silence its start-up messages
    return jieba


# --8<-- [start:vocabulary]
def build_text_vocabulary(docs: list[list[str]], min_count: int = 2) -> Vocabulary:
    """``<pad>`` (id 0), ``<unk>`` (id 1), then the tokens seen >= ``min_count`` times, most frequent first.

    Args:
        docs: the training texts, each a list of tokens.
        min_count: rarer tokens become ``<unk>``; >= 1.

    Raises:
        TypeError: ``docs`` is not a list of token lists.
        ValueError: ``min_count`` < 1.
    """
    docs = check_documents(docs)
    min_count = check_positive_int(min_count, "min_count")
    return Vocabulary.build((t for doc in docs for t in doc), min_count=min_count, specials=(PAD, UNK),
                            by_frequency=True, unk=UNK)
# --8<-- [end:vocabulary]


def unknown_rate(docs: list[list[str]], vocab: Vocabulary) -> float:
    """The share of the tokens of ``docs`` that ``vocab`` does not know (they would become ``<unk>``).

    Raises:
        TypeError: ``docs`` is not a list of token lists, or ``vocab`` not a Vocabulary.
        ValueError: ``docs`` holds no token.
    """
    docs, vocab = check_documents(docs), _check_vocab(vocab)
    total = sum(map(len, docs))
    if total == 0:
        raise ValueError(f"docs: expected at least one token, got {len(docs)} empty documents")
    return sum(t not in vocab for doc in docs for t in doc) / total


# --8<-- [start:encode]
def encode_text(text: str, vocab: Vocabulary, level: str = "word", max_len: int = 200) -> list[int]:
    """Tokenise ``text`` and map its first ``max_len`` tokens to ids (unknown tokens to ``<unk>``).

    Args:
        text: one review.
        vocab: a vocabulary from :func:`build_text_vocabulary`.
        level: ``"word"`` or ``"char"``, as the vocabulary was built.
        max_len: longer texts are cut to their first ``max_len`` tokens; >= 1.

    Raises:
        ValueError: a text with no token (empty or only whitespace), or one whose every token is
            unknown: the model would see nothing but ``<unk>``, and its answer would mean nothing.
    """
    vocab = _check_vocab(vocab)
    max_len = check_positive_int(max_len, "max_len")
    tokens = tokenise(text, level)[:max_len]
    if not tokens:
        raise ValueError(f"text: expected at least one token, got {brief(text)} (empty after tokenisation)")
    ids = vocab.encode(tokens)
    unk = vocab.token_to_id(UNK)
    if all(i == unk for i in ids):
        raise ValueError(f"text: expected at least one token of the vocabulary, got {brief(text)} "
                         f"(all {len(ids)} tokens are {UNK})")
    return ids
# --8<-- [end:encode]


def _check_vocab(vocab) -> Vocabulary:
    if not isinstance(vocab, Vocabulary):
        raise TypeError(f"vocab: expected a neuralnlp Vocabulary, got {brief(vocab)}")
    if len(vocab) < 2 or vocab.tokens[0] != PAD or vocab.unk != UNK:
        raise ValueError(f"vocab: expected a vocabulary with {PAD} at id 0 and {UNK} as its unknown token "
                         f"(build_text_vocabulary), got {vocab!r}")
    return vocab


