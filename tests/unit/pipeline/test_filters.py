"""The n-grams that activate a filter, on a hand-made TextCNN whose filters detect known n-grams."""

import pytest
import torch

from neuralnlp.pipeline.conv import TextCNN
from neuralnlp.pipeline.filters import FilterNgram, class_filters, top_ngrams

TOKENS = ["<pad>", "not", "good", "bad", "very", "book"]
ID = {t: i for i, t in enumerate(TOKENS)}


def hand_made_model():
    """One-hot embeddings (E = I), widths 1 and 2, two filters each, known weights.

    Width 2, filter 0: +1 for "not" first, +1 for "good" second, bias −1: ReLU gives 1 on "not good", 0 elsewhere.
    Width 2, filter 1: +2 for "very" first, +1 for any second token but "<pad>", bias 0: 3 on "very x", 2 on
    "very" alone (a one-token text, zero-padded inside), 1 on other bigrams ending in a token.
    Width 1, filter 0: 0.5·[bad]; filter 1: 0.25·[book].
    """
    model = TextCNN(len(TOKENS), len(TOKENS), 2, kernel_sizes=(1, 2), n_filters=2, dropout=0.5, dtype=torch.float64)
    with torch.no_grad():
        model.embedding.weight.copy_(torch.eye(len(TOKENS)))
        for conv in model.convs:
            conv.weight.zero_()
            conv.bias.zero_()
        one, two = model.convs
        one.weight[0, ID["bad"], 0], one.weight[1, ID["book"], 0] = 0.5, 0.25
        two.weight[0, ID["not"], 0], two.weight[0, ID["good"], 1], two.bias[0] = 1.0, 1.0, -1.0
        two.weight[1, ID["very"], 0] = 2.0
        two.weight[1, 1:, 1] = 1.0
        # classifier: class 1 ("positive") likes filter (2, 0) and dislikes (1, 0)
        model.classifier.weight.copy_(torch.tensor([[0.0, 0.0, -1.0, 0.1], [-2.0, 0.5, 3.0, 0.0]]))
    return model


def encode(text):
    return [ID[t] for t in text.split()]


DOCS = [encode(t) for t in ["very good book", "not good", "bad book", "not good", "very", "book not bad"]]


def test_the_known_ngrams_come_first():
    model = hand_made_model()
    model.train()
    found = top_ngrams(model, DOCS, TOKENS, [(2, 0), (2, 1), (1, 0), (1, 1)], k=3)
    assert model.training  # left in the mode it was in
    assert found[(2, 0)][0] == FilterNgram(("not", "good"), 1.0, 1, 0)
    assert [n.score for n in found[(2, 0)]] == [1.0, 0.0, 0.0]
    # "very" alone (text 4) scores 2: its zero-padded window has no second token.
    assert found[(2, 1)] == [FilterNgram(("very", "good"), 3.0, 0, 0), FilterNgram(("very",), 2.0, 4, 0),
                             FilterNgram(("good", "book"), 1.0, 0, 1)]
    assert found[(1, 0)][0] == FilterNgram(("bad",), 0.5, 2, 0)
    assert found[(1, 1)][:1] == [FilterNgram(("book",), 0.25, 0, 2)]


def test_distinct_false_keeps_repeated_ngrams_and_batches_do_not_matter():
    model = hand_made_model()
    repeated = top_ngrams(model, DOCS, TOKENS, [(2, 0)], k=2, distinct=False)[(2, 0)]
    assert repeated == [FilterNgram(("not", "good"), 1.0, 1, 0), FilterNgram(("not", "good"), 1.0, 3, 0)]
    assert top_ngrams(model, DOCS, TOKENS, [(2, 1)], k=6, batch_size=1) == \
        top_ngrams(model, DOCS, TOKENS, [(2, 1)], k=6, batch_size=100)


def test_scores_are_the_pooled_values_of_the_model():
    # The best window of each text is what max-over-time pooling returns for it.
    model = hand_made_model().eval()
    for d, doc in enumerate(DOCS):
        best = top_ngrams(model, [doc], TOKENS, [(2, 1)], k=1)[(2, 1)][0]
        pooled = model.features(torch.tensor([doc]), [len(doc)])[0, 2 + 1]
        assert best.score == pytest.approx(float(pooled.detach()), abs=1e-12)


def test_class_filters_rank_by_margin():
    model = hand_made_model()
    assert class_filters(model, 1, n=2) == [(2, 0), (1, 1)]  # margins 4, 0.5
    assert class_filters(model, 0, n=1) == [(1, 0)]  # margin 2


def test_errors():
    model = hand_made_model()
    with pytest.raises(ValueError, match=r"filters: expected a kernel_size in \(1, 2\), got int 3 at position 0"):
        top_ngrams(model, DOCS, TOKENS, [(3, 0)])
    with pytest.raises(ValueError, match=r"filters: expected an integer in \[0, 1\], got 2"):
        top_ngrams(model, DOCS, TOKENS, [(2, 2)])
    with pytest.raises(ValueError, match="tokens: expected a sequence of 6 tokens .*got 5 tokens"):
        top_ngrams(model, DOCS, TOKENS[:5], [(2, 0)])
    with pytest.raises(ValueError, match="docs: expected each text to be a non-empty .*at position 1"):
        top_ngrams(model, [[1], []], TOKENS, [(2, 0)])
    with pytest.raises(IndexError, match=r"docs: expected token ids in \[0, 5\] \(vocab_size=6\), got 9 at position \(1,\) in text 0"):
        top_ngrams(model, [[1, 9]], TOKENS, [(2, 0)])
    with pytest.raises(TypeError, match="docs: expected texts as sequences of token ids, got str"):
        top_ngrams(model, ["not good"], TOKENS, [(2, 0)])
    with pytest.raises(TypeError, match="model: expected a neuralnlp.pipeline.conv.TextCNN"):
        class_filters(torch.nn.Linear(2, 2), 0)
    with pytest.raises(ValueError, match=r"class_index: expected an integer in \[0, 1\], got 2"):
        class_filters(model, 2)
