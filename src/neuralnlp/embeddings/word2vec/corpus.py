"""Real text for word2vec: gensim's shipped test corpora, read and tokenised without gensim.

gensim ships two small English corpora with its tests, and we train on both:

- ``lee_background.cor``: 300 news articles, one per line (about 58k tokens);
- ``enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``: a shortened Wikipedia
  dump, 106 articles after filtering (about 453k tokens).

The tokeniser reproduces gensim's ``simple_preprocess`` exactly: lower-case the text, take every
maximal run of letters (``\\w`` characters that are not digits), keep tokens of 2 to 15 characters
that do not start with ``_``. The tests check it token for token against gensim on both files.

The Wikipedia markup stripper is our own, shorter than gensim's ``filter_wiki``: it removes what
carries no prose (comments, references, templates, tables' formatting, categories, file names)
and keeps the visible text of links. Its tokens agree with gensim's ``WikiCorpus`` on the same
articles to within about one percent (tested), which is all word2vec needs.
"""

from __future__ import annotations

import bz2
import html
import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from neuralnlp._checks import brief, check_documents, check_int, check_path, check_positive_int

LEE_FILE = "lee_background.cor"
WIKI_FILE = "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"

# --8<-- [start:tokenize]
_LETTER_RUN = re.compile(r"(?:(?!\d)\w)+")  # \w minus digits: letters (and '_') of any script


def tokenize(text: str, min_len: int = 2, max_len: int = 15) -> list[str]:
    """Lower-case ``text`` and split it into runs of letters, like gensim's ``simple_preprocess``.

    A token is a maximal run of word characters without digits; tokens shorter than ``min_len``,
    longer than ``max_len`` or starting with ``_`` are dropped. Punctuation and digits separate
    tokens: "word2vec's 3-D" → ["word", "vec"] ("s" and "d" are too short).
    """
    min_len, max_len = _check_lengths(min_len, max_len)
    tokens = _LETTER_RUN.findall(_check_text(text).lower())
    return [t for t in tokens if min_len <= len(t) <= max_len and not t.startswith("_")]
# --8<-- [end:tokenize]


def _check_lengths(min_len, max_len) -> tuple[int, int]:
    min_len = check_int(min_len, "min_len", 1)
    return min_len, check_int(max_len, "max_len", min_len)


def gensim_test_data_dir() -> Path:
    """Directory of gensim's shipped test data, found without importing gensim.

    Raises ``FileNotFoundError`` when gensim (a test/dev dependency only) is not installed.
    """
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("gensim test data: expected the gensim package to be installed, got none")
    path = Path(next(iter(spec.submodule_search_locations))) / "test" / "test_data"
    if not path.is_dir():
        raise FileNotFoundError(f"gensim test data: expected a directory, got nothing at {path}")
    return path


def read_line_corpus(path: str | Path) -> list[list[str]]:
    """Read a text file with one document per line (like ``lee_background.cor``); tokenise each line.

    Empty lines give no document. Returns a list of token lists.
    """
    with open(check_path(path), encoding="utf8") as f:
        docs = (tokenize(line) for line in f)
        return [doc for doc in docs if doc]


# Each step removes one kind of wiki markup whose text is not prose. Markup in a dump can be broken
# (a "<!--" never closed, "[[" nested thousands deep), and a regular expression that searches again
# from every opening takes time quadratic in the length of the text. So each step below scans the
# text once, and gives exactly what the regular expression in its docstring gives (tested).
_PAIRED_OPEN = re.compile(r"<(ref|math|nowiki|gallery|timeline|score)\b", re.IGNORECASE)
_TABLE_MARKS = ("{|", "|}", "|-", "|+")  # table start, end, row and caption lines
_LINE_INDENT = re.compile(r"^\s*", re.MULTILINE)
_CELL_START = re.compile(r"^[!|]\s*", re.MULTILINE)
_CELL_SEGMENT = re.compile(r"[^|\[\]\n]*")
_DROPPED_LINK = re.compile(r"\[\[(?:[a-z]{2,3}(?:-[a-z]+)?|Category|category):[^\[\]]*\]\]")
_FILE_OPEN = re.compile(r"\b(?:File|Image):")
_FILE_EXTENSION = re.compile(r"\.[A-Za-z]{3,4}\b")
_NOT_SPACE_OR_PIPE = re.compile(r"[^\s|]*")
_EXTERNAL_OPEN = re.compile(r"\[\w+://")
_URL_AND_SPACE = re.compile(r"[^\s\]]*\s*")
_TAG = re.compile(r"<[^<>]*>")


# --8<-- [start:strip-wiki]
def strip_wiki_markup(text: str) -> str:
    """Return the prose of a MediaWiki article: markup removed, the visible text of links kept.

    Removed: comments, ``<ref>``/``<math>`` and similar elements, templates ``{{...}}`` (nested ones
    too), table formatting, category and interlanguage links, file names, remaining HTML tags.
    Kept: ``[[target|shown]]`` → "shown", ``[[target]]`` → "target", ``[http://x shown]`` → "shown",
    image captions, table cell text. Time linear in the length of ``text``, however broken the markup.
    """
    text = html.unescape(_check_text(text))  # entities the XML parser left, e.g. "&nbsp;"
    text = _drop_between(text, "<!--", "-->")
    text = _drop_paired_tags(text)
    text = _resolve_nested(text, "{", "}", keep_after=None)  # templates, inner ones first
    text = _drop_table_lines(text)
    text = text.replace("||", "\n|").replace("!!", "\n!")
    text = _drop_cell_attributes(text)
    text = _DROPPED_LINK.sub("", text)
    text = _resolve_nested(text, "[", "]", keep_after="|")  # [[target|shown]] → shown, inner ones first
    text = _drop_file_names(text)
    text = _resolve_external_links(text)
    return _TAG.sub("", text)
# --8<-- [end:strip-wiki]


def _check_text(text) -> str:
    if not isinstance(text, str):
        hint = " (decode it first: data.decode('utf8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text: expected a str, got {brief(text)}{hint}")
    return text


def _drop_between(text: str, start: str, end: str) -> str:
    """Remove each shortest ``start … end`` span: ``re.sub(start + ".*?" + end, "", text, flags=re.DOTALL)``."""
    out, pos = [], 0
    while (i := text.find(start, pos)) >= 0 and (j := text.find(end, i + len(start))) >= 0:
        out.append(text[pos:i])
        pos = j + len(end)
    out.append(text[pos:])
    return "".join(out)


def _drop_paired_tags(text: str) -> str:
    r"""Remove ``<ref …/>`` and ``<ref …>…</ref>`` (and math, nowiki, gallery, timeline, score):
    ``re.sub(r"<(ref|…)\b[^>]*?(?:/>|>.*?</\1\s*>)", "", text, flags=re.DOTALL | re.IGNORECASE)``.

    The next ">" and each tag's next closing tag are remembered, so an unclosed tag costs no rescan.
    """
    out, pos, search, gt = [], 0, 0, -1
    closing = {}  # tag name -> (position searched from, the first closing tag after it, or None)
    while (m := _PAIRED_OPEN.search(text, search)):
        if gt < m.end():
            gt = text.find(">", m.end())
            if gt < 0:
                break  # no ">" left: no tag can end
        if text[gt - 1] == "/" and gt - 1 >= m.end():
            end = gt + 1  # <ref name="x"/>
        else:
            name = m.group(1).lower()
            searched_from, close = closing.get(name, (None, None))
            if searched_from is None or searched_from > gt + 1 or (close is not None and close.start() < gt + 1):
                close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, gt + 1)
                closing[name] = (gt + 1, close)
            if close is None:
                search = m.start() + 1  # never closed: not removed
                continue
            end = close.end()
        out.append(text[pos : m.start()])
        pos = search = end
    out.append(text[pos:])
    return "".join(out)


def _resolve_nested(text: str, open_char: str, close_char: str, keep_after: str | None) -> str:
    r"""Resolve doubled brackets from the inside out, in one pass with a stack.

    With ``{``, ``}`` and ``keep_after=None``: what repeating ``re.sub(r"\{\{[^{}]*\}\}", "", text)``
    until nothing changes gives (templates removed). With ``[``, ``]`` and ``keep_after="|"``: what
    repeating ``re.sub(r"\[\[(?:[^\[\]]*\|)?([^\[\]|]*)\]\]", r"\1", text)`` gives (a link becomes
    the text after its last "|"). Removing one innermost pair never breaks another, so the order
    does not matter, and closing each pair as its "]]" arrives gives the same text.

    The text between two brackets is kept as two ropes (nested tuples of strings, joined only at
    the end): up to its last "|", and after it. A link then passes its shown text on in O(1).
    """
    brackets = []  # the brackets not yet resolved, in order
    runs = [[None, None]]  # runs[j]: [text up to the last "|", text after it] before brackets[j]
    for piece in re.findall(rf"[{re.escape(open_char + close_char)}]|[^{re.escape(open_char + close_char)}]+", text):
        if piece == close_char and len(brackets) >= 3 and brackets[-1] == close_char and runs[-1] == [None, None] \
                and brackets[-2] == open_char and brackets[-3] == open_char and runs[-3] == [None, None]:
            shown = runs[-2][1] if keep_after else None
            del brackets[-3:], runs[-3:]
            runs[-1][1] = _concat(runs[-1][1], shown)
        elif piece in (open_char, close_char):
            brackets.append(piece)
            runs.append([None, None])
        elif keep_after and keep_after in piece:
            cut = piece.rindex(keep_after) + 1
            run = runs[-1]
            run[0], run[1] = _concat(_concat(run[0], run[1]), piece[:cut]), piece[cut:] or None
        else:
            runs[-1][1] = _concat(runs[-1][1], piece)
    parts = [_concat(*runs[0])]
    for bracket, run in zip(brackets, runs[1:]):
        parts += [bracket, _concat(*run)]
    return _join(parts)


def _concat(a, b):
    """Rope concatenation: O(1), whatever the lengths; None and "" stand for no text."""
    if not b:
        return a
    return b if not a else (a, b)


def _join(rope) -> str:
    """The string a rope of nested tuples and lists stands for, left to right, without recursion."""
    out, todo = [], [rope]
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            out.append(node)
        elif node is not None:
            todo.extend(reversed(node))
    return "".join(out)


def _drop_table_lines(text: str) -> str:
    r"""Remove table start, end, row and caption lines, with any blank lines just before them:
    ``re.sub(r"^\s*(\{\||\|\}|\|-|\|\+).*$", "", text, flags=re.MULTILINE)``.

    Every line start in one run of whitespace reaches the same first non-blank character, so the
    run is looked at once.
    """
    out, pos, search = [], 0, 0
    while search <= len(text) and (m := _LINE_INDENT.search(text, search)):
        if text.startswith(_TABLE_MARKS, m.end()):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            out.append(text[pos : m.start()])
            pos = search = line_end
        else:
            search = max(m.end(), m.start() + 1)
    out.append(text[pos:])
    return "".join(out)


def _drop_cell_attributes(text: str) -> str:
    r"""Remove a table cell's leading "|" or "!" and its attributes (``| style="x" | text`` → ``text``):
    ``re.sub(r"^[!|]\s*(?:[^|\[\]\n]*?=[^|\[\]\n]*\|(?!\|))?", "", text, flags=re.MULTILINE)``.

    The attributes are there when the cell's first segment (up to "|", "[", "]" or a line end)
    holds a "=" and ends in a single "|".
    """
    out, pos = [], 0
    while (m := _CELL_START.search(text, pos)):
        end = m.end()
        segment_end = _CELL_SEGMENT.match(text, end).end()
        if "=" in text[end:segment_end] and text.startswith("|", segment_end) and not text.startswith("||", segment_end):
            end = segment_end + 1
        out.append(text[pos : m.start()])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _drop_file_names(text: str) -> str:
    r"""Remove "File:name.ext" and "Image:name.ext": ``re.sub(r"\b(?:File|Image):[^\s|]*\.[A-Za-z]{3,4}\b", "", text)``.

    The name runs to the last extension before a space or "|"; that last extension is found once
    per run of such characters.
    """
    out, pos, search, run_end, last_extension = [], 0, 0, -1, -1
    while (m := _FILE_OPEN.search(text, search)):
        if m.end() > run_end:
            run_end = _NOT_SPACE_OR_PIPE.match(text, m.end()).end()
            last_extension = max((e.end() for e in _FILE_EXTENSION.finditer(text, m.end(), run_end)), default=-1)
        if last_extension < m.end():
            search = m.start() + 1
            continue
        out.append(text[pos : m.start()])
        pos = search = last_extension
    out.append(text[pos:])
    return "".join(out)


def _resolve_external_links(text: str) -> str:
    r"""``[http://url shown]`` → "shown": ``re.sub(r"\[\w+://[^\s\]]*\s*([^\]]*)\]", r"\1", text)``.

    The next "]" is remembered, so a link left open costs no rescan.
    """
    out, pos, search, close = [], 0, 0, -1
    while (m := _EXTERNAL_OPEN.search(text, search)):
        if close < m.end():
            close = text.find("]", m.end())
            if close < 0:
                break  # no "]" left: no link can end
        shown = _URL_AND_SPACE.match(text, m.end()).end()
        out += [text[pos : m.start()], text[shown:close]]
        pos = search = close + 1
    out.append(text[pos:])
    return "".join(out)


_IGNORED_TITLE_PREFIXES = tuple(
    name + ":"
    for name in ("Wikipedia", "Category", "File", "Portal", "Template", "MediaWiki", "User", "Help", "Book",
                 "Draft", "WikiProject", "Special", "Talk")
)


def iter_wiki_articles(path: str | Path) -> Iterator[tuple[str, str]]:
    """Yield (title, wikitext) for every main-namespace page (``<ns>0</ns>``) of a ``.xml.bz2`` dump.

    Raises (at the call, not at the first ``next``): ``FileNotFoundError`` for a missing file,
    ``ValueError`` for a file that is not bz2-compressed; while iterating, ``ValueError`` for
    malformed XML.
    """
    with open(check_path(path), "rb") as f:
        if f.read(3) != b"BZh":
            raise ValueError(f"path: expected a bz2-compressed MediaWiki dump (.xml.bz2), got a file that is not bz2: {path}")
    return _articles(path)


def _articles(path) -> Iterator[tuple[str, str]]:
    try:
        yield from _parse_articles(path)
    except (ET.ParseError, OSError, EOFError) as error:
        raise ValueError(f"path: expected a well-formed MediaWiki XML dump, got {type(error).__name__} in {path}: "
                         f"{error}") from None


def _parse_articles(path) -> Iterator[tuple[str, str]]:
    with bz2.open(path, "rb") as f:
        for _, elem in ET.iterparse(f, events=("end",)):
            if not elem.tag.endswith("}page"):
                continue
            ns_uri = elem.tag[: -len("page")]
            title = elem.findtext(f"{ns_uri}title") or ""
            if elem.findtext(f"{ns_uri}ns") == "0":
                yield title, elem.findtext(f"{ns_uri}revision/{ns_uri}text") or ""
            elem.clear()  # keep memory flat: the tree of finished pages is not needed


def read_wiki_dump(path: str | Path, min_tokens: int = 50) -> list[list[str]]:
    """Tokenised articles of a MediaWiki dump, one token list per article, in dump order.

    Like gensim's ``WikiCorpus``: main namespace only, pages in namespaces such as "Category:"
    skipped, and articles with fewer than ``min_tokens`` tokens (redirects, stubs) dropped.
    """
    check_int(min_tokens, "min_tokens", 0)
    docs = []
    for title, wikitext in iter_wiki_articles(path):
        if title.startswith(_IGNORED_TITLE_PREFIXES):
            continue
        tokens = tokenize(strip_wiki_markup(wikitext))
        if len(tokens) >= min_tokens:
            docs.append(tokens)
    return docs


def split_long_documents(docs: Iterable[list[str]], max_len: int = 10_000) -> list[list[str]]:
    """Cut each document into consecutive pieces of at most ``max_len`` tokens.

    gensim's Word2Vec silently truncates a sentence after 10,000 words; cutting the long Wikipedia
    articles first means both trainers see every token, and context windows stop at the cuts.
    """
    max_len = check_positive_int(max_len, "max_len")
    return [doc[i : i + max_len] for doc in check_documents(docs) for i in range(0, len(doc), max_len)]


def load_real_corpus(data_dir: str | Path | None = None, max_len: int = 10_000) -> list[list[str]]:
    """The training corpus of the real-text page: ``lee_background.cor`` then the Wikipedia dump.

    ``data_dir`` defaults to gensim's test-data directory. Documents are split into pieces of at
    most ``max_len`` tokens (see ``split_long_documents``). About 511k tokens in all.
    """
    data_dir = Path(check_path(data_dir, "data_dir", "directory")) if data_dir is not None else gensim_test_data_dir()
    check_positive_int(max_len, "max_len")
    docs = read_line_corpus(data_dir / LEE_FILE) + read_wiki_dump(data_dir / WIKI_FILE)
    return split_long_documents(docs, max_len)
