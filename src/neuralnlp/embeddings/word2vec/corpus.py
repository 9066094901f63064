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
    tokens = _LETTER_RUN.findall(text.lower())
    return [t for t in tokens if min_len <= len(t) <= max_len and not t.startswith("_")]
# --8<-- [end:tokenize]


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
    with open(path, encoding="utf8") as f:
        docs = (tokenize(line) for line in f)
        return [doc for doc in docs if doc]


# Each pattern removes one kind of wiki markup whose text is not prose.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_PAIRED_TAGS = re.compile(r"<(ref|math|nowiki|gallery|timeline|score)\b[^>]*?(?:/>|>.*?</\1\s*>)", re.DOTALL | re.IGNORECASE)
_INNERMOST_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")  # {{...}} without braces inside: remove inside-out
_TABLE_LINE = re.compile(r"^\s*(\{\||\|\}|\|-|\|\+).*$", re.MULTILINE)  # table start/end/row/caption lines
_CELL_ATTRIBUTES = re.compile(r"^[!|]\s*(?:[^|\[\]\n]*?=[^|\[\]\n]*\|(?!\|))?", re.MULTILINE)
_DROPPED_LINK = re.compile(r"\[\[(?:[a-z]{2,3}(?:-[a-z]+)?|Category|category):[^\[\]]*\]\]")
_INNERMOST_LINK = re.compile(r"\[\[(?:[^\[\]]*\|)?([^\[\]|]*)\]\]")  # [[target|shown]] → shown (last part)
_FILE_PREFIX = re.compile(r"\b(?:File|Image):[^\s|]*\.[A-Za-z]{3,4}\b")
_EXTERNAL_LINK = re.compile(r"\[\w+://[^\s\]]*\s*([^\]]*)\]")  # [http://url shown] → shown
_TAG = re.compile(r"<[^<>]*>")


# --8<-- [start:strip-wiki]
def strip_wiki_markup(text: str) -> str:
    """Return the prose of a MediaWiki article: markup removed, the visible text of links kept.

    Removed: comments, ``<ref>``/``<math>`` and similar elements, templates ``{{...}}`` (nested ones
    too), table formatting, category and interlanguage links, file names, remaining HTML tags.
    Kept: ``[[target|shown]]`` → "shown", ``[[target]]`` → "target", ``[http://x shown]`` → "shown",
    image captions, table cell text.
    """
    text = html.unescape(text)  # entities the XML parser left, e.g. "&nbsp;"
    text = _COMMENT.sub("", text)
    text = _PAIRED_TAGS.sub("", text)
    while True:  # inner templates first, so nested ones disappear in a few passes
        text, n = _INNERMOST_TEMPLATE.subn("", text)
        if n == 0:
            break
    text = _TABLE_LINE.sub("", text)
    text = text.replace("||", "\n|").replace("!!", "\n!")
    text = _CELL_ATTRIBUTES.sub("", text)
    text = _DROPPED_LINK.sub("", text)
    while True:  # links inside image captions are resolved before the caption itself
        text, n = _INNERMOST_LINK.subn(r"\1", text)
        if n == 0:
            break
    text = _FILE_PREFIX.sub("", text)
    text = _EXTERNAL_LINK.sub(r"\1", text)
    return _TAG.sub("", text)
# --8<-- [end:strip-wiki]


_IGNORED_TITLE_PREFIXES = tuple(
    name + ":"
    for name in ("Wikipedia", "Category", "File", "Portal", "Template", "MediaWiki", "User", "Help", "Book",
                 "Draft", "WikiProject", "Special", "Talk")
)


def iter_wiki_articles(path: str | Path) -> Iterator[tuple[str, str]]:
    """Yield (title, wikitext) for every main-namespace page (``<ns>0</ns>``) of a ``.xml.bz2`` dump."""
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
    if isinstance(max_len, bool) or not isinstance(max_len, int) or max_len < 1:
        raise ValueError(f"max_len: expected a positive int, got {max_len!r}")
    return [doc[i : i + max_len] for doc in docs for i in range(0, len(doc), max_len)]


def load_real_corpus(data_dir: str | Path | None = None, max_len: int = 10_000) -> list[list[str]]:
    """The training corpus of the real-text page: ``lee_background.cor`` then the Wikipedia dump.

    ``data_dir`` defaults to gensim's test-data directory. Documents are split into pieces of at
    most ``max_len`` tokens (see ``split_long_documents``). About 511k tokens in all.
    """
    data_dir = Path(data_dir) if data_dir is not None else gensim_test_data_dir()
    docs = read_line_corpus(data_dir / LEE_FILE) + read_wiki_dump(data_dir / WIKI_FILE)
    return split_long_documents(docs, max_len)
