"""The classifiers read only real tokens: masked mean, many-to-one recurrent reading, equal to torch's packing."""

import pytest
import torch
from torch.nn.utils.rnn import pack_padded_sequence

from neuralnlp.pipeline.models import (MeanEmbeddingClassifier, RecurrentClassifier, build_classifier,
                                       embedding_from_word2vec, reverse_padded)
from neuralnlp.pipeline.tokenise import build_text_vocabulary

CONFIG = dict(vocab_size=30, embedding_dim=8, hidden_size=6, n_classes=2, dropout=0.0)


def batch(seed=0):
    g = torch.Generator().manual_seed(seed)
    lengths = torch.tensor([5, 2, 7, 1])
    ids = torch.randint(1, 30, (4, 7), generator=g)
    ids[torch.arange(7)[None, :] >= lengths[:, None]] = 0
    return ids, lengths


def test_reverse_padded_reverses_within_each_length_and_is_its_own_inverse():
    x = torch.arange(10).view(2, 5)
    assert reverse_padded(x, torch.tensor([3, 5])).tolist() == [[2, 1, 0, 3, 4], [9, 8, 7, 6, 5]]
    y = torch.randn(3, 4, 2)
    lengths = torch.tensor([4, 1, 3])
    assert torch.equal(reverse_padded(reverse_padded(y, lengths), lengths), y)


def test_masked_mean_is_the_mean_of_the_real_tokens_only():
    torch.manual_seed(0)
    model = MeanEmbeddingClassifier(**{k: v for k, v in CONFIG.items() if k != "hidden_size"}).eval()
    ids, lengths = batch()
    logits = model(ids, lengths)
    for b in range(4):
        mean = model.embedding.weight[ids[b, : lengths[b]]].mean(0)
        torch.testing.assert_close(logits[b], model.output(mean), rtol=0, atol=1e-6)


@pytest.mark.parametrize("layers", [1, 2])
def test_bidirectional_gru_equals_torch_with_packed_sequences(layers):
    """Our masked reading gives torch's h_n of pack_padded_sequence(enforce_sorted=False), to 1e-6."""
    torch.manual_seed(0)
    ours = RecurrentClassifier(**CONFIG, num_layers=layers, bidirectional=True).eval()
    theirs = torch.nn.GRU(8, 6, num_layers=layers, bidirectional=True, batch_first=True)
    with torch.no_grad():
        for i, directions in enumerate(ours.layers):
            for k, rnn in enumerate(directions):
                suffix = f"_l{i}" + ("_reverse" if k else "")
                for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                    getattr(theirs, name + suffix).copy_(getattr(rnn, name + "_l0"))
    ids, lengths = batch()
    embedded = ours.embedding(ids)
    packed = pack_padded_sequence(embedded, lengths, batch_first=True, enforce_sorted=False)
    _, h_n = theirs(packed)
    expected = ours.output(torch.cat([h_n[-2], h_n[-1]], dim=-1))
    torch.testing.assert_close(ours(ids, lengths), expected, rtol=0, atol=1e-6)


@pytest.mark.parametrize("kind", ["mean", "gru", "lstm", "bigru", "cnn"])
def test_a_text_alone_and_padded_beside_longer_ones_gets_the_same_probability(kind):
    torch.manual_seed(0)
    model = build_classifier({**CONFIG, "model": kind}).eval()
    ids, lengths = batch()
    with torch.no_grad():
        together = model(ids, lengths).softmax(-1)
        for b in range(4):
            alone = model(ids[b : b + 1, : lengths[b]], lengths[b : b + 1]).softmax(-1)
            assert (alone - together[b]).abs().max() <= 1e-6


def test_the_last_padded_position_would_give_another_answer():
    """The bug the masks avoid: reading h at T − 1 for a short text reads states after padding."""
    torch.manual_seed(0)
    model = build_classifier({**CONFIG, "model": "gru"}).eval()
    ids, lengths = batch()
    right = model(ids, lengths)
    wrong = model(ids, torch.full_like(lengths, ids.shape[1]))  # as if every text were T long
    assert (right[1] - wrong[1]).abs().max() > 1e-3 and torch.allclose(right[2], wrong[2], atol=1e-6)


def test_word2vec_rows_are_copied_padding_is_zero_and_freeze_works():
    vocab = build_text_vocabulary([["好", "好", "差", "差", "书"]], min_count=2)  # <pad> <unk> 好 差
    w2v_vocab = build_text_vocabulary([["差", "差", "书", "书"]], min_count=1)  # <pad> <unk> 差 书
    vectors = torch.arange(8.0).view(4, 2).numpy()
    layer = embedding_from_word2vec(vocab, vectors, w2v_vocab, freeze=True)
    assert layer.weight[0].tolist() == [0, 0]
    assert layer.weight[3].tolist() == [4.0, 5.0]  # 差 has w2v id 2
    assert not layer.weight.requires_grad
    assert embedding_from_word2vec(vocab, vectors, w2v_vocab, freeze=False).weight.requires_grad
