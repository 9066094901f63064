"""Byte-pair encoding: Sennrich et al.'s example worked by hand, exact round trips, byte fallback, errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuralnlp.transformer.bpe import BPETokenizer, merge_pair, pre_tokenize, train_bpe
from neuralnlp.transformer.corpora import chinese_reviews, lee_documents

pytestmark = pytest.mark.timeout(120)

# Sennrich et al. (2016), algorithm 1: the dictionary {low: 5, lower: 2, newest: 6, widest: 3}
SENNRICH = ["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3


@pytest.fixture(scope="module")
def lee_bpe():
    return BPETokenizer.train(lee_documents("background"), 1000)


def test_the_merges_of_sennrich_et_al():
    # the paper learns "e s", "es t", "est </w>", "l o", "lo w"; our words have no end-of-word marker
    # (spaces are part of words instead), so the third merge is ("l", "o")
    assert train_bpe(SENNRICH, 4) == [("e", "s"), ("es", "t"), ("l", "o"), ("lo", "w")]


def test_pairs_are_counted_with_the_word_counts():
    # "ab" occurs 3 times in one word type, "cd" twice in two: (a, b) wins, then (c, d)
    assert train_bpe(["ab ab ab", "cd", "cd"], 2) == [("a", "b"), ("c", "d")]
    assert train_bpe(["xy"], 5) == []  # no pair occurs twice: nothing to learn


def test_merge_pair_is_left_to_right_without_overlap():
    assert merge_pair(("a", "a", "a"), ("a", "a"), "aa") == ("aa", "a")
    assert merge_pair(("a", "b", "a", "b"), ("a", "b"), "ab") == ("ab", "ab")


def test_pre_tokenize_keeps_every_character():
    words = pre_tokenize("I saw  it.\n 苹果，很甜")
    assert words == ["I", " saw", " ", " it", ".", "\n", " 苹果", "，", "很甜"]
    assert "".join(words) == "I saw  it.\n 苹果，很甜"


def test_encoding_applies_the_merges_in_order():
    tok = BPETokenizer.train(SENNRICH, 4)
    assert tok.tokenize("lowest") == ["low", "est"]
    assert tok.tokenize("newer") == ["n", "e", "w", "e", "r"]
    assert len(tok) == 256 + len(set("lowernstid")) + 4


def test_the_earliest_learned_merge_applies_first():
    assert BPETokenizer([("a", "b"), ("b", "c")], "abc").tokenize("abc") == ["ab", "c"]
    assert BPETokenizer([("b", "c"), ("a", "b")], "abc").tokenize("abc") == ["a", "bc"]
    assert BPETokenizer([("a", "b"), ("b", "c"), ("ab", "c")], "abc").tokenize("abcbc") == ["abc", "bc"]


def test_round_trip_on_the_lee_corpus_and_chinese_reviews(lee_bpe):
    texts = lee_documents("test") + chinese_reviews("pos")[:500]
    for text in texts:
        assert lee_bpe.decode(lee_bpe.encode(text)) == text


def test_unseen_characters_fall_back_to_bytes(lee_bpe):
    tokens = lee_bpe.tokenize("a 苹")
    assert tokens == ["a", " ", "<0xE8>", "<0x8B>", "<0xB9>"]  # 苹 is E8 8B B9 in UTF-8
    assert lee_bpe.decode(lee_bpe.encode("a 苹")) == "a 苹"


def test_text_that_spells_a_byte_token_is_still_text():
    tok = BPETokenizer.train(["<0x41>"] * 10, 10)
    assert tok.tokenize("<0x41>") == ["<", "0x41", ">"]
    assert min(tok.encode("<0x41>")) >= 256  # text tokens, not the byte 0x41
    assert tok.decode(tok.encode("<0x41>")) == "<0x41>"  # not "A"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_round_trip_of_any_text(text):
    tok = BPETokenizer.train(["the cat sat on the mat", "猫坐在垫子上"], 20)
    assert tok.decode(tok.encode(text)) == text


def test_bad_input(lee_bpe):
    with pytest.raises(ValueError, match="num_merges: expected an integer >= 1, got 0"):
        train_bpe(["abc"], 0)
    with pytest.raises(TypeError, match="text: expected a str, got bytes"):
        lee_bpe.encode(b"abc")
    with pytest.raises(IndexError, match=r"ids: expected token ids in \[0, \d+\], got -1 at position \(0,\)"):
        lee_bpe.decode([-1])
    with pytest.raises(ValueError, match="ids: expected byte tokens that form valid UTF-8"):
        lee_bpe.decode([0xE8])  # the first byte of 苹 alone
    with pytest.raises(ValueError, match="merges: expected pieces made of earlier tokens"):
        BPETokenizer([("a", "bc")], "abc")
