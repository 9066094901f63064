"""neuralnlp.embeddings.word2vec.training: vectorised pairs vs a plain loop, closed-form SGD step vs autograd, the trainer."""

from collections import Counter

import numpy as np
import pytest
import torch

from neuralnlp.embeddings.word2vec.training import (
    build_vocabulary,
    chunk_pairs,
    encode_corpus,
    sgns_sgd_step,
    train_skipgram,
)


def _loop_pairs(ids, doc_index, keep_prob, window, rng):
    """Reference: word2vec.c's loop, one centre word at a time, with the same random draws."""
    kept = rng.random(len(ids)) < keep_prob[ids]
    ids, doc_index = ids[kept], doc_index[kept]
    b = rng.integers(1, window + 1, size=len(ids))
    pairs = []
    for i in range(len(ids)):
        for j in range(max(0, i - b[i]), min(len(ids), i + b[i] + 1)):
            if j != i and doc_index[j] == doc_index[i]:
                pairs.append((ids[j], ids[i]))  # (context = input, centre = output)
    return Counter(pairs)


def test_chunk_pairs_by_hand():
    # window 1 draws b = 1 for everyone: neighbours in the same document only
    ids = np.array([10, 11, 12, 13, 14])
    doc = np.array([0, 0, 0, 1, 1])
    inputs, outputs = chunk_pairs(ids, doc, np.ones(15), 1, np.random.default_rng(0))
    assert Counter(zip(inputs.tolist(), outputs.tolist())) == Counter(
        [(10, 11), (11, 10), (11, 12), (12, 11), (13, 14), (14, 13)]
    )


@pytest.mark.parametrize("seed", [0, 1])
def test_chunk_pairs_equals_loop(seed):
    rng = np.random.default_rng(100 + seed)
    ids = rng.integers(0, 30, size=400)
    doc = np.repeat(np.arange(8), 50)
    keep = rng.uniform(0.3, 1.0, size=30)
    inputs, outputs = chunk_pairs(ids, doc, keep, 5, np.random.default_rng(seed))
    expected = _loop_pairs(ids, doc, keep, 5, np.random.default_rng(seed))
    assert Counter(zip(inputs.tolist(), outputs.tolist())) == expected
    assert inputs.dtype == outputs.dtype == np.int64


def test_chunk_pairs_subsampling_rate():
    # word 0 kept with p = 0.25, word 1 always; window 1 in one document of alternating 0 1 0 1 ...
    ids = np.tile([0, 1], 20_000)
    inputs, _ = chunk_pairs(ids, np.zeros_like(ids), np.array([0.25, 1.0]), 1, np.random.default_rng(0))
    kept_zeros = np.count_nonzero(inputs == 0)  # each kept 0 sits between two 1s: 2 pairs, minus rare edges
    assert abs(kept_zeros / 2 / 20_000 - 0.25) < 0.01  # binomial sd of the rate: sqrt(.25*.75/20000) = 0.003


def _autograd_reference(w_in, w_out, inputs, outputs, lr):
    a, b = w_in.clone().requires_grad_(), w_out.clone().requires_grad_()
    v, u = a[inputs], b[outputs]
    s = (u * v[:, None, :]).sum(-1)
    logsig = torch.nn.functional.logsigmoid
    skip = outputs[:, 1:] == outputs[:, :1]  # negatives equal to the true word take no part in the update
    loss_all = -(logsig(s[:, 0]).sum() + logsig(-s[:, 1:]).sum())
    loss_trained = -(logsig(s[:, 0]).sum() + logsig(-s[:, 1:])[~skip].sum())
    loss_trained.backward()
    return loss_all.item(), a.detach() - lr * a.grad, b.detach() - lr * b.grad


def test_sgd_step_equals_autograd_sgd():
    torch.manual_seed(0)
    w_in, w_out = torch.randn(7, 4, dtype=torch.float64), torch.randn(7, 4, dtype=torch.float64)
    inputs = torch.tensor([0, 1, 1, 2, 3])  # word 1 twice: its two updates add up
    outputs = torch.randint(0, 7, (5, 4))
    outputs[0, 2] = outputs[0, 0]  # a negative that is the true word
    loss_ref, w_in_ref, w_out_ref = _autograd_reference(w_in, w_out, inputs, outputs, 0.1)
    loss = sgns_sgd_step(w_in, w_out, inputs, outputs, 0.1, damping=False)
    assert loss == pytest.approx(loss_ref, abs=1e-12)
    torch.testing.assert_close(w_in, w_in_ref, rtol=0, atol=1e-12)
    torch.testing.assert_close(w_out, w_out_ref, rtol=0, atol=1e-12)


def test_sgd_step_by_hand():
    # d = 1, one pair: v = 1, u_true = 0, u_neg = 0 -> scores 0, sigma = 1/2, loss = 2 log 2
    # g_true = 1 - 1/2 = 1/2, g_neg = -1/2; lr = 1: u_true += 1/2 * v, u_neg -= 1/2 * v, v += 0 (u were 0)
    w_in, w_out = torch.tensor([[1.0], [0.0], [0.0]], dtype=torch.float64), torch.zeros(3, 1, dtype=torch.float64)
    loss = sgns_sgd_step(w_in, w_out, torch.tensor([0]), torch.tensor([[1, 2]]), 1.0, damping=False)
    assert loss == pytest.approx(2 * np.log(2), abs=1e-15)
    torch.testing.assert_close(w_out, torch.tensor([[0.0], [0.5], [-0.5]], dtype=torch.float64), rtol=0, atol=0)
    torch.testing.assert_close(w_in[0], torch.tensor([1.0], dtype=torch.float64), rtol=0, atol=0)


def test_damping_by_hand():
    # the pair (v = 1 -> true word 1, negative 2) four times, lr = 1, d = 1, output vectors 0:
    # every score is 0, sigma' = 1/4, so x = lr * sum sigma' |v|^2 = 4 * 1/4 = 1 for rows 1 and 2;
    # factor (1 - e^-1) / 1 = 0.632...; undamped sums: u_1 += 4 * 1/2 = 2, u_2 -= 2.
    # Row 0 of w_in: x = sum over its 8 scores of sigma' |u|^2 = 0 -> factor 1, but its update is 0 (u = 0).
    w_in, w_out = torch.tensor([[1.0], [0.0], [0.0]], dtype=torch.float64), torch.zeros(3, 1, dtype=torch.float64)
    sgns_sgd_step(w_in, w_out, torch.tensor([0] * 4), torch.tensor([[1, 2]] * 4), 1.0, damping=True)
    factor = 1 - np.exp(-1.0)
    torch.testing.assert_close(w_out, torch.tensor([[0.0], [2 * factor], [-2 * factor]], dtype=torch.float64),
                               rtol=0, atol=1e-15)
    torch.testing.assert_close(w_in[0], torch.tensor([1.0], dtype=torch.float64), rtol=0, atol=0)


def test_damping_leaves_small_updates_almost_unchanged():
    torch.manual_seed(1)
    w_in, w_out = torch.randn(50, 8, dtype=torch.float64) * 0.1, torch.randn(50, 8, dtype=torch.float64) * 0.1
    inputs, outputs = torch.arange(10), torch.arange(10, 40).view(10, 3)  # no row repeated
    plain_in, plain_out = w_in.clone(), w_out.clone()
    sgns_sgd_step(plain_in, plain_out, inputs, outputs, 1e-3, damping=False)
    sgns_sgd_step(w_in, w_out, inputs, outputs, 1e-3, damping=True)
    # x = lr * sigma' |v|^2 ~ 1e-3 * 0.25 * 0.08 = 2e-5, factor ~ 1 - x/2: relative change of the step ~ 1e-5
    assert not torch.equal(plain_out, w_out)
    torch.testing.assert_close(w_out, plain_out, rtol=0, atol=1e-7)
    torch.testing.assert_close(w_in, plain_in, rtol=0, atol=1e-7)


def _topic_corpus(n_docs=300, seed=0):
    """Documents drawn from one of two topics: words of a topic co-occur, words of different topics never."""
    rng = np.random.default_rng(seed)
    topics = [[f"a{i}" for i in range(10)], [f"b{i}" for i in range(10)]]
    return [list(rng.choice(topics[d % 2], size=40)) for d in range(n_docs)]


def test_vocabulary_and_encoding():
    docs = [["x", "y", "x", "rare"], ["y", "x"]]
    vocab = build_vocabulary(docs, min_count=2)
    assert list(vocab) == ["x", "y"]  # most frequent first; "rare" dropped
    ids, doc = encode_corpus(docs, vocab)
    np.testing.assert_array_equal(ids, [0, 1, 0, 1, 0])
    np.testing.assert_array_equal(doc, [0, 0, 0, 1, 1])


def test_train_learns_topics_and_is_reproducible():
    docs = _topic_corpus()
    kwargs = dict(vector_size=16, window=3, min_count=1, sample=0, epochs=3, chunk_words=1000, damping=True, workers=1, seed=3)
    result = train_skipgram(docs, **kwargs)
    again = train_skipgram(docs, **kwargs)
    np.testing.assert_array_equal(result.input_vectors, again.input_vectors)  # one thread: bit-identical
    assert result.epoch_losses[-1] < result.epoch_losses[0] < 6 * np.log(2)  # below the loss at zero scores
    v = result.input_vectors / np.linalg.norm(result.input_vectors, axis=1, keepdims=True)
    topic = np.array([w.startswith("a") for w in result.vocab])
    cos = v @ v.T
    within = cos[np.ix_(topic, topic)][~np.eye(topic.sum(), dtype=bool)].mean()
    between = cos[np.ix_(topic, ~topic)].mean()
    assert within > between + 0.5
    assert result.input_vectors.shape == (20, 16) and result.input_vectors.dtype == np.float32
    assert result.pairs > 0 and result.words_per_second > 0 and set(result.timings) == {"pairs", "negatives", "step"}


@pytest.mark.parametrize("workers", [1, 2])
def test_learning_rate_falls_linearly_from_alpha_to_min_alpha_chunk_by_chunk(monkeypatch, workers):
    """The schedule by hand: the chunk starting at word `begin` of epoch `e` is trained at
    alpha - (alpha - min_alpha) * (e * N + begin) / (epochs * N), N the number of words kept in the corpus.
    1000 words in chunks of 300 over 2 epochs: 8 chunks, one batch each, the rate falling from alpha towards
    min_alpha; with two workers the chunks are shared out, the rates are the same."""
    import neuralnlp.embeddings.word2vec.training as training

    rates = []

    def recording_step(w_in, w_out, inputs, outputs, lr, damping=True):
        rates.append(lr)
        return sgns_sgd_step(w_in, w_out, inputs, outputs, lr, damping)

    monkeypatch.setattr(training, "sgns_sgd_step", recording_step)
    alpha, min_alpha, epochs, n = 0.05, 0.001, 2, 1000
    train_skipgram(_topic_corpus(25), vector_size=4, window=2, min_count=1, sample=0, epochs=epochs, alpha=alpha,
                   min_alpha=min_alpha, chunk_words=300, batch_pairs=100_000, workers=workers, seed=0)
    expected = [alpha - (alpha - min_alpha) * (e * n + begin) / (epochs * n) for e in range(epochs)
                for begin in (0, 300, 600, 900)]
    assert expected[0] == alpha and expected[-1] == pytest.approx(alpha - (alpha - min_alpha) * 1900 / 2000)
    if workers == 1:
        assert rates == pytest.approx(expected, rel=1e-12)
    else:
        assert sorted(rates, reverse=True) == pytest.approx(expected, rel=1e-12)


def test_train_restores_thread_count():
    before = torch.get_num_threads()
    train_skipgram(_topic_corpus(20), vector_size=4, min_count=1, epochs=1, workers=2)
    assert torch.get_num_threads() == before


def test_train_errors():
    docs = _topic_corpus(10)
    with pytest.raises(ValueError, match="^window: expected an integer >= 1, got 0$"):
        train_skipgram(docs, window=0)
    with pytest.raises(TypeError, match="^vector_size: expected an integer >= 1, got float 2.5$"):
        train_skipgram(docs, vector_size=2.5)
    with pytest.raises(ValueError, match="^alpha: expected a learning rate > 0, got -0.025$"):
        train_skipgram(docs, alpha=-0.025)
    with pytest.raises(TypeError, match=r"^docs: expected a list of token lists, got a list of str"):
        train_skipgram([" ".join(doc) for doc in docs])
    with pytest.raises(ValueError, match="expected words seen at least min_count=1000 times, got none"):
        train_skipgram(docs, min_count=1000)


def test_summed_updates_diverge_on_a_tiny_vocabulary_without_damping():
    # 20 words, 2,048 pairs per batch: each output row is summed over hundreds of stale updates
    kwargs = dict(vector_size=16, window=3, min_count=1, sample=0, epochs=3, chunk_words=1000, workers=1, seed=3)
    plain = train_skipgram(_topic_corpus(), damping=False, **kwargs)
    damped = train_skipgram(_topic_corpus(), damping=True, **kwargs)
    assert not plain.epoch_losses[-1] < 10  # inf or nan: the vectors overflowed
    assert damped.epoch_losses[-1] < 2.5  # log 2 * 6 = 4.16 at the start
