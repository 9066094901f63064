"""Sentence vectors of the pipeline's classifiers: the input of the output layer, checked by hand and against the logits."""

import numpy as np
import pytest
import torch

from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.pipeline.dataset import ReviewDataset, pad_batch
from neuralnlp.pipeline.models import build_classifier
from neuralnlp.pipeline.tokenise import build_text_vocabulary
from neuralnlp.search.encoders import classifier_sentence_vectors, mean_word2vec_model

TEXTS = ["好看", "差", "很喜欢好看", "不好", "好看不好差很喜欢"]  # lengths 2 to 8: every batch is padded
VOCAB = build_text_vocabulary([list("好看不好差很喜欢")], min_count=1)


def _data(texts=TEXTS):
    return ReviewDataset(texts, [i % 2 for i in range(len(texts))], VOCAB, "char", 20)


def _model(kind, dropout=0.5):
    torch.manual_seed(0)
    return build_classifier(dict(model=kind, vocab_size=len(VOCAB), embedding_dim=4, hidden_size=3, n_classes=2,
                                 dropout=dropout))


def test_mean_model_vectors_are_the_masked_means_by_hand():
    model = _model("mean")
    h = classifier_sentence_vectors(model, _data(), batch_size=2)
    table = model.embedding.weight.detach().numpy()
    for text, row in zip(TEXTS, h):
        np.testing.assert_allclose(row, table[[VOCAB.token_to_id(c) for c in text]].mean(0), atol=1e-6)


@pytest.mark.parametrize("kind", ["mean", "gru", "lstm", "bigru"])
def test_the_output_layer_of_the_vectors_gives_the_models_logits(kind):
    model = _model(kind)
    h = classifier_sentence_vectors(model, _data(), batch_size=3)
    ids, lengths, _ = pad_batch([_data()[i] for i in range(len(TEXTS))])
    with torch.no_grad():
        logits = model.eval()(ids, lengths)
        np.testing.assert_allclose(model.output(torch.from_numpy(h)).numpy(), logits.numpy(), atol=1e-5)


def test_gru_vector_is_the_state_at_the_texts_own_last_token_whatever_the_padding():
    model = _model("gru")
    together = classifier_sentence_vectors(model, _data(), batch_size=5)  # padded to 8 tokens
    alone = np.concatenate([classifier_sentence_vectors(model, _data([t])) for t in TEXTS])  # no padding
    np.testing.assert_allclose(together, alone, atol=1e-6)
    gru = model.layers[0][0]
    ids = torch.tensor([VOCAB.token_to_id(c) for c in TEXTS[2]])[None]
    with torch.no_grad():
        states = gru(model.embedding(ids))[0]  # (1, T, H): the state after each token
    np.testing.assert_allclose(together[2], states[0, -1].numpy(), atol=1e-6)


def test_dropout_is_off_the_training_mode_is_restored_and_the_hook_removed():
    model = _model("gru", dropout=0.9).train()
    first = classifier_sentence_vectors(model, _data())
    np.testing.assert_array_equal(first, classifier_sentence_vectors(model, _data()))  # no dropout noise
    assert model.training and not model.output._forward_pre_hooks
    assert first.dtype == np.float32 and first.shape == (len(TEXTS), 3)


def test_mean_word2vec_model_averages_the_word2vec_rows():
    word_vocab = Vocabulary.build(list("好看不差很喜"), min_count=1)  # 欢 has no word2vec vector
    vectors = np.arange(len(word_vocab) * 3, dtype=np.float32).reshape(-1, 3)
    model = mean_word2vec_model(VOCAB, vectors, word_vocab)
    h = classifier_sentence_vectors(model, _data(["好看", "不好差"]))
    row = lambda c: vectors[word_vocab.token_to_id(c)]  # noqa: E731
    np.testing.assert_allclose(h[0], (row("好") + row("看")) / 2, atol=1e-6)
    np.testing.assert_allclose(h[1], (row("不") + row("好") + row("差")) / 3, atol=1e-6)
    assert not model.embedding.weight.requires_grad
    assert model.embedding.weight[0].abs().sum() == 0  # <pad> stays zero
