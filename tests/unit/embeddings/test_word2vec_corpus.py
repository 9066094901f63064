"""neuralnlp.embeddings.word2vec.corpus: tokenizer equal to gensim's, wiki text close to gensim's WikiCorpus."""

import html
import re
import time
from collections import Counter
from pathlib import Path

import gensim.corpora.wikicorpus as wikicorpus  # the reference: a test dependency, so a missing one fails, never skips
import gensim.utils as gensim_utils
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuralnlp.embeddings.word2vec.corpus import (
    LEE_FILE,
    WIKI_FILE,
    gensim_test_data_dir,
    iter_wiki_articles,
    load_real_corpus,
    read_line_corpus,
    read_wiki_dump,
    split_long_documents,
    strip_wiki_markup,
    tokenize,
)

DATA = gensim_test_data_dir()


@pytest.fixture(scope="module")
def wiki_pair():
    ours = read_wiki_dump(DATA / WIKI_FILE)
    wc = wikicorpus.WikiCorpus(str(DATA / WIKI_FILE), dictionary={}, processes=1)
    return ours, list(wc.get_texts())


def test_data_dir_is_gensims():
    from gensim.test.utils import datapath

    assert DATA == Path(datapath(LEE_FILE)).parent


def test_tokenize_by_hand():
    # letters only, lower-cased; digits and punctuation split; 1-letter and >15-letter tokens and
    # tokens starting with "_" dropped; non-Latin letters are letters too
    assert tokenize("Word2Vec's 3-D model, 100 dims!") == ["word", "vec", "model", "dims"]
    assert tokenize("a _private snake_case " + "x" * 16 + " Ünïcode ΑΘΗΝΑ") == ["snake_case", "ünïcode", "αθηνα"]
    assert tokenize("ab", min_len=3) == [] and tokenize("abcd", max_len=3) == []


def test_tokenize_equals_simple_preprocess_on_edge_cases():
    for text in ["İstanbul ǅemal ﬁne straße", "x1y2z3 __init__ a_b 12ab", "tab\tnew\nline—dash…", "ΣΊΣΥΦΟΣ 中文 ق"]:
        assert tokenize(text) == gensim_utils.simple_preprocess(text)


def test_lee_corpus_equals_simple_preprocess_line_by_line():
    with open(DATA / LEE_FILE, encoding="utf8") as f:
        expected = [gensim_utils.simple_preprocess(line) for line in f]
    ours = read_line_corpus(DATA / LEE_FILE)
    assert ours == [doc for doc in expected if doc]
    assert sum(map(len, ours)) == 58152  # gensim: 300 documents, 58,152 tokens


def test_tokenize_equals_simple_preprocess_on_wiki_text():
    for _, wikitext in list(iter_wiki_articles(DATA / WIKI_FILE))[:15]:
        text = strip_wiki_markup(wikitext)
        assert tokenize(text) == gensim_utils.simple_preprocess(text)


def test_strip_wiki_markup_by_hand():
    text = (
        "'''Cats''' are {{Infobox|a={{nested|x}}}}[[mammal]]s.<ref name=a>Smith 2001</ref> "
        "They eat [[Fish (food)|fish]] and [http://example.org mice]<!-- hidden -->.\n"
        "[[File:Cat.jpg|thumb|A [[tabby]] cat]]\n"
        '{| class="wikitable"\n|-\n! Name !! Legs\n|-\n| style="color:red" | cat || four\n|}\n'
        "[[Category:Animals]]\n[[de:Katze]]&nbsp;<b>end</b>"
    )
    assert tokenize(strip_wiki_markup(text)) == [
        "cats", "are", "mammals", "they", "eat", "fish", "and", "mice",
        "tabby", "cat", "name", "legs", "cat", "four", "end",
    ]  # fmt: skip


def test_wiki_dump_close_to_gensim_wikicorpus(wiki_pair):
    ours, theirs = wiki_pair
    assert len(ours) == len(theirs) == 106  # same articles kept (redirects, stubs, namespaces dropped)
    common = sum(sum((Counter(o) & Counter(t)).values()) for o, t in zip(ours, theirs))
    total = sum(max(len(o), len(t)) for o, t in zip(ours, theirs))
    assert common / total > 0.98  # measured 0.986: gensim keeps file names ("file", "jpg"), loses most of "Asphalt"
    close = sum(sum((Counter(o) & Counter(t)).values()) >= 0.97 * max(len(o), len(t)) for o, t in zip(ours, theirs))
    assert close >= 102
    assert sum(o[:20] == t[:20] for o, t in zip(ours, theirs)) >= 100  # the rest differ in an image caption


def test_split_long_documents():
    docs = [list("abcdefg"), list("xy")]
    assert split_long_documents(docs, max_len=3) == [list("abc"), list("def"), ["g"], ["x", "y"]]
    with pytest.raises(ValueError, match="^max_len: expected an integer >= 1, got 0$"):
        split_long_documents(docs, max_len=0)
    with pytest.raises(TypeError, match="^max_len: expected an integer >= 1, got float 2.5$"):
        split_long_documents(docs, max_len=2.5)


def test_real_corpus_size():
    docs = load_real_corpus()
    assert max(map(len, docs)) == 10_000
    assert 505_000 < sum(map(len, docs)) < 520_000  # 58,152 (Lee) + about 457k (Wikipedia)


def test_missing_gensim_data_dir_error(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(FileNotFoundError, match="expected the gensim package to be installed"):
        gensim_test_data_dir()


# ---- the stripper scans once: linear time, the same text as the regular expressions it replaced ----------

# The regular expressions strip_wiki_markup applied until its scanners replaced them; six of them search again
# from every opening of broken markup and take time quadratic in the length of the text (the reference here).
_REFERENCE = [
    (r"<!--.*?-->", "", re.DOTALL),
    (r"<(ref|math|nowiki|gallery|timeline|score)\b[^>]*?(?:/>|>.*?</\1\s*>)", "", re.DOTALL | re.IGNORECASE),
    (r"\{\{[^{}]*\}\}", "", "repeat"),
    (r"^\s*(\{\||\|\}|\|-|\|\+).*$", "", re.MULTILINE),
    ("replace", None, None),
    (r"^[!|]\s*(?:[^|\[\]\n]*?=[^|\[\]\n]*\|(?!\|))?", "", re.MULTILINE),
    (r"\[\[(?:[a-z]{2,3}(?:-[a-z]+)?|Category|category):[^\[\]]*\]\]", "", 0),
    (r"\[\[(?:[^\[\]]*\|)?([^\[\]|]*)\]\]", r"\1", "repeat"),
    (r"\b(?:File|Image):[^\s|]*\.[A-Za-z]{3,4}\b", "", 0),
    (r"\[\w+://[^\s\]]*\s*([^\]]*)\]", r"\1", 0),
    (r"<[^<>]*>", "", 0),
]


def reference_strip(text: str) -> str:
    text = html.unescape(text)
    for pattern, replacement, flags in _REFERENCE:
        if pattern == "replace":
            text = text.replace("||", "\n|").replace("!!", "\n!")
        elif flags == "repeat":
            n = 1
            while n:
                text, n = re.subn(pattern, replacement, text)
        else:
            text = re.sub(pattern, replacement, text, flags=flags)
    return text


MARKUP = ["{", "}", "[", "]", "|", "!", "=", "<", ">", "/", "-", "\n", " ", "a", "b", ".", ":", "<!--", "-->", "<ref>",
          "</ref>", "<ref name=x/>", "<REF>", "</Ref >", "<math>", "{|", "|}", "|-", "|+", "||", "!!", "[[", "]]", "{{",
          "}}", "File:", "Image:", ".png", ".jpeg", "[http://", "en:", "Category:", "&amp;"]


@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(MARKUP), max_size=40).map("".join))
def test_the_stripper_gives_what_its_regular_expressions_gave(text):
    assert strip_wiki_markup(text) == reference_strip(text)


def test_the_stripper_gives_what_its_regular_expressions_gave_on_the_whole_dump():
    articles = [text for _, text in iter_wiki_articles(DATA / WIKI_FILE)]
    assert len(articles) > 100
    assert [strip_wiki_markup(t) for t in articles] == [reference_strip(t) for t in articles]


BROKEN = {  # 100,000 characters each; the regular expressions took from 8 s to over a minute on most of them
    "cell attributes": "|" + "a=" * 50_000,
    "nested links": "[[" * 25_000 + "]]" * 25_000,
    "nested links with captions": "[[a|" * 20_000 + "]]" * 10_000,
    "a long link text nested deep": "[[" * 12_500 + "x" * 50_000 + "]]" * 12_500,
    "nested templates": "{{" * 25_000 + "}}" * 25_000,
    "unclosed comments": "<!--" * 25_000,
    "unclosed references": "<ref>" * 20_000,
    "an unclosed external link": "[a://" + "x" * 99_995,
    "file prefixes without an extension": "File:" * 20_000,
    "blank lines": "\n" * 100_000,
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_the_stripper_takes_linear_time_on_broken_markup(text):
    assert len(text) >= 100_000
    start = time.perf_counter()
    strip_wiki_markup(text)
    assert time.perf_counter() - start < 3.0  # measured: at most 0.1 s; the quadratic scans took 8 s to over a minute
