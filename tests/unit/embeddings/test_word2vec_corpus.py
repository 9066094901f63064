"""neuralnlp.embeddings.word2vec.corpus: tokenizer equal to gensim's, wiki text close to gensim's WikiCorpus."""

from collections import Counter
from pathlib import Path

import pytest

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

gensim_utils = pytest.importorskip("gensim.utils")
wikicorpus = pytest.importorskip("gensim.corpora.wikicorpus")
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
