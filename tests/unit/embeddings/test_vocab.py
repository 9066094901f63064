"""Vocabulary: numbering worked by hand, counts, min_count, specials, unk, and the errors."""

import numpy as np
import pytest
import torch

from neuralnlp.embeddings.vocab import Vocabulary


def test_characters_numbered_by_first_appearance():
    # 北:0 京:1 欢:2 迎:3 你:4, as on the page
    vocab = Vocabulary.build("北京欢迎你")
    assert vocab.tokens == ["北", "京", "欢", "迎", "你"]
    assert vocab.encode("你欢迎北京") == [4, 2, 3, 0, 1]
    assert vocab.decode([0, 1, 2, 3, 4]) == list("北京欢迎你")
    assert len(vocab) == 5 and "京" in vocab and "上" not in vocab


def test_counts_aligned_with_ids():
    # the:3 cat:2 sat:1 on:1 mat:1, numbered by first appearance: the cat sat on mat
    words = "the cat sat on the mat the cat".split()
    vocab = Vocabulary.build(words)
    assert vocab.tokens == ["the", "cat", "sat", "on", "mat"]
    assert vocab.counts == [3, 2, 1, 1, 1]
    assert vocab.count("cat") == 2 and vocab.count("dog") == 0


def test_by_frequency_ties_keep_first_appearance():
    # counts: a:1 b:3 c:2 d:3  ->  b, d (3, b seen first), c (2), a (1)
    vocab = Vocabulary.build(list("abbbcdcdd"), by_frequency=True)
    assert vocab.tokens == ["b", "d", "c", "a"]
    assert vocab.counts == [3, 3, 2, 1]


def test_min_count_drops_rare_tokens():
    vocab = Vocabulary.build("a b a c a b".split(), min_count=2)
    assert vocab.tokens == ["a", "b"]
    with pytest.raises(KeyError, match=r"tokens: expected a token of the vocabulary \(2 tokens, no unk token given\), got 'c' at position 1"):
        vocab.encode(["a", "c"])
    with pytest.raises(KeyError, match=r"token: expected a token of the vocabulary \(2 tokens, no unk token given\), got 'c'"):
        vocab.token_to_id("c")


def test_specials_first_and_unk_maps_unknown_tokens():
    vocab = Vocabulary.build("x y x".split(), specials=["<pad>"], unk="<unk>")
    assert vocab.tokens == ["<pad>", "<unk>", "x", "y"]
    assert vocab.counts == [0, 0, 2, 1]
    assert vocab.encode(["y", "never-seen", "x"]) == [3, 1, 2]
    assert vocab.token_to_id("never-seen") == 1 and vocab["x"] == 2


def test_special_that_also_occurs_keeps_its_place_and_count():
    vocab = Vocabulary.build(["<unk>", "a", "a"], specials=["<pad>", "<unk>"], unk="<unk>")
    assert vocab.tokens == ["<pad>", "<unk>", "a"] and vocab.counts == [0, 1, 2]


def test_decode_accepts_numpy_and_torch_ids():
    vocab = Vocabulary.build(list("abc"))
    assert vocab.decode(np.array([2, 0])) == ["c", "a"]
    assert vocab.decode(torch.tensor([1, 1])) == ["b", "b"]


def test_round_trip():
    words = "one fish two fish red fish blue fish".split()
    vocab = Vocabulary.build(words)
    assert vocab.decode(vocab.encode(words)) == words


def test_id_errors():
    vocab = Vocabulary.build(list("abc"))
    with pytest.raises(IndexError, match=r"token_id: expected an id in \[0, 2\], got 3"):
        vocab.id_to_token(3)
    with pytest.raises(IndexError, match=r"got -1"):
        vocab.decode([0, -1])
    with pytest.raises(TypeError, match="token_id: expected an integer, got float 1.0"):
        vocab.id_to_token(1.0)


def test_constructor_errors():
    with pytest.raises(ValueError, match=r"tokens: expected each token once, got 'a' at ids 0 and 2"):
        Vocabulary(["a", "b", "a"])
    with pytest.raises(ValueError, match="counts: expected 2 counts, one per token, got 1"):
        Vocabulary(["a", "b"], counts=[1])
    with pytest.raises(ValueError, match="unk: expected one of the tokens, got '<unk>'"):
        Vocabulary(["a"], unk="<unk>")


def test_repr():
    assert repr(Vocabulary.build(list("abcdefg"))) == "Vocabulary(7 tokens: 'a', 'b', 'c', 'd', 'e', ...)"
