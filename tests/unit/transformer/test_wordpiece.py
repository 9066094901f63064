"""BERT's tokeniser: hand-worked cases, then the very same ids as the reference on every line of a mixed corpus."""

import random
import unicodedata

import pytest
import torch

from neuralnlp.transformer.sentence_encoder import minilm_directory
from neuralnlp.transformer.wordpiece import BertTokenizer, basic_tokenize, read_vocab, wordpiece_split

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def tokenizer():
    return BertTokenizer.from_file(minilm_directory() / "vocab.txt")


def test_basic_step_by_hand():
    assert basic_tokenize("Héllo, 世界!") == ["hello", ",", "世", "界", "!"]
    assert basic_tokenize("  don't\tstop\n") == ["don", "'", "t", "stop"]
    assert basic_tokenize("ΟΔΟΣ") == ["οδοσ"]  # lower-cased one character at a time: σ, not the final ς
    assert basic_tokenize("a\x00b\x01c\ufffdd") == ["abcd"]  # NUL, controls and U+FFFD dropped
    assert basic_tokenize("x\u3000y\u2028z") == ["x", "y", "z"]  # other white space splits too
    assert basic_tokenize("Héllo", lowercase=False) == ["Héllo"]
    assert basic_tokenize("") == []


def test_wordpiece_by_hand():
    vocab = {"un", "##aff", "##able", "aff", "a", "##b"}
    assert wordpiece_split("unaffable", vocab) == ["un", "##aff", "##able"]
    assert wordpiece_split("affable", vocab) == ["aff", "##able"]  # greedy: longest first piece
    assert wordpiece_split("ab", vocab) == ["a", "##b"]
    assert wordpiece_split("abc", vocab) == ["[UNK]"]  # no piece for "c": the whole word is unknown
    assert wordpiece_split("a" * 101, {"a", "##a"}) == ["[UNK]"]  # longer than 100 characters
    assert wordpiece_split("a" * 100, {"a", "##a"}) == ["a"] + ["##a"] * 99


def test_minilm_vocabulary(tokenizer):
    assert len(tokenizer) == 30522
    assert [tokenizer.pad_id, tokenizer.unk_id, tokenizer.cls_id, tokenizer.sep_id] == [0, 100, 101, 102]
    assert tokenizer.tokenize("unaffable") == ["una", "##ffa", "##ble"]
    assert tokenizer.encode("Hello, world!") == [101, 7592, 1010, 2088, 999, 102]


def _ids_untruncated(tokenizer, text):
    return [tokenizer.cls_id, *tokenizer.convert_tokens_to_ids(tokenizer.tokenize(text)), tokenizer.sep_id]


def test_same_ids_as_the_reference_on_every_line_of_the_mixed_corpus(tokenizer, reference, mixed_corpus):
    # whole lines, however long: the reference with truncation off, ours without the 512 limit
    theirs = reference.tokenizer(mixed_corpus, truncation=False)["input_ids"]
    different = [text for text, ids in zip(mixed_corpus, theirs) if _ids_untruncated(tokenizer, text) != ids]
    assert len(mixed_corpus) > 35_000
    assert max(map(len, theirs)) > 512  # some lines are longer than the model's positions
    assert not different, different[:3]


def test_same_ids_on_random_text(tokenizer, reference):
    # Random strings from many scripts, limited to characters whose Unicode category has not changed
    # since Unicode 3.2: the reference's Rust tables are older than Python's unicodedata, and a
    # character added or recategorised since (e.g. U+08CA) may be classified differently.
    rng = random.Random(0)
    blocks = [range(0x20, 0x250), range(0x370, 0x2000), range(0x2000, 0x3100), range(0x3400, 0xA000),
              range(0xAC00, 0xD7A4), range(0xF900, 0x10000)]
    texts = []
    while len(texts) < 3000:
        text = ""
        for _ in range(rng.randint(0, 15)):
            c = chr(rng.choice(rng.choice(blocks)))
            if unicodedata.ucd_3_2_0.category(c) == unicodedata.category(c) != "Cn":
                text += c if rng.random() > 0.15 else " "
        texts.append(text)
    theirs = reference.tokenizer(texts)["input_ids"]
    assert [tokenizer.encode(t) for t in texts] == theirs


def test_batches_are_padded_like_the_reference(tokenizer, reference):
    texts = ["A short one.", "", "A somewhat longer sentence, with a comma and 苹果."]
    ours = tokenizer.batch_encode(texts)
    theirs = reference.tokenizer(texts, padding=True, return_tensors="pt")
    for key in ("input_ids", "token_type_ids", "attention_mask"):
        assert torch.equal(ours[key], theirs[key]), key
        assert ours[key].dtype == torch.int64


@pytest.mark.parametrize("max_length", [2, 8, 256, 512])
def test_truncation_keeps_the_first_tokens_and_sep_like_the_reference(tokenizer, reference, max_length):
    text = "The quick brown fox jumps over the lazy dog. " * 80  # about 800 tokens
    ours = tokenizer.encode(text, truncation=True, max_length=max_length)
    assert ours == reference.tokenizer(text, truncation=True, max_length=max_length)["input_ids"]
    assert len(ours) == max_length and ours[-1] == tokenizer.sep_id


def test_a_text_longer_than_the_positions_is_an_error_unless_truncated(tokenizer):
    text = "word " * 600  # 602 ids with [CLS] and [SEP]
    with pytest.raises(ValueError, match=r"text: expected at most 512 tokens .*got 602; pass truncation=True"):
        tokenizer.encode(text)
    with pytest.raises(ValueError, match=r"texts\[1\]: expected at most 512 tokens"):
        tokenizer.batch_encode(["short", text])
    assert len(tokenizer.encode(text, truncation=True)) == 512
    assert tokenizer.encode("word " * 510) == [101] + [2773] * 510 + [102]  # exactly 512 fits


def test_bad_input(tokenizer):
    with pytest.raises(ValueError, match="texts: expected at least one text, got an empty list"):
        tokenizer.batch_encode([])
    with pytest.raises(TypeError, match=r"texts: expected a list of texts \(str\), got str .one text. \(wrap one text in a list: \[text\]\)"):
        tokenizer.batch_encode("one text")
    with pytest.raises(TypeError, match=r"texts\[1\]: expected a str, got int 3"):
        tokenizer.batch_encode(["fine", 3])
    with pytest.raises(ValueError, match=r"max_length: expected an integer in \[2, 512\], got 1000"):
        tokenizer.encode("x", max_length=1000)
    with pytest.raises(IndexError, match=r"ids: expected token ids in \[0, 30521\], got 30522 at position \(0,\)"):
        tokenizer.decode([30522])
    with pytest.raises(ValueError, match=r"vocab: expected the special tokens .*got none for \['\[MASK\]'\]"):
        BertTokenizer(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a"])


def test_read_vocab_refuses_duplicates(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("[PAD]\na\nb\na\n", encoding="utf-8")
    with pytest.raises(ValueError, match="path: expected each token once, got 'a' at line 2 and line 4"):
        read_vocab(path)
    path.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="expected one token per line, got an empty file"):
        read_vocab(path)


def test_decode_glues_pieces(tokenizer):
    assert tokenizer.decode(tokenizer.encode("Héllo, unaffable world!")) == "hello , unaffable world !"
