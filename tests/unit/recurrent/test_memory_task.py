"""neuralnlp.recurrent.memory_task: the data it generates, the classifier, accuracy counted by hand, errors."""

import pytest
import torch

from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.memory_task import LastStateClassifier, recall_accuracy, recall_first_token, train_recall


def test_batch_shapes_dtypes_and_one_hot():
    x, y = recall_first_token(n_steps=5, batch_size=16, n_symbols=4, generator=torch.Generator().manual_seed(0))
    assert x.shape == (6, 16, 4) and x.dtype == torch.float32
    assert y.shape == (16,) and y.dtype == torch.int64
    assert torch.equal(x.sum(dim=-1), torch.ones(6, 16))  # exactly one symbol per position
    assert set(x.unique().tolist()) == {0.0, 1.0}


def test_label_is_the_first_token():
    x, y = recall_first_token(n_steps=3, batch_size=50, n_symbols=5, generator=torch.Generator().manual_seed(1))
    assert torch.equal(x[0].argmax(dim=-1), y)
    # the label is not simply the last token: distractors are independent of it
    assert not torch.equal(x[-1].argmax(dim=-1), y)


def test_seeded_batches_repeat_and_differ_between_seeds():
    a = recall_first_token(4, 8, 6, torch.Generator().manual_seed(3))
    b = recall_first_token(4, 8, 6, torch.Generator().manual_seed(3))
    c = recall_first_token(4, 8, 6, torch.Generator().manual_seed(4))
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
    assert not torch.equal(a[0], c[0])


def test_all_symbols_appear_with_roughly_equal_frequency():
    _, y = recall_first_token(1, 8000, 4, torch.Generator().manual_seed(0))
    counts = torch.bincount(y, minlength=4).float() / 8000
    assert torch.all((counts - 0.25).abs() < 0.03)


class _Oracle(torch.nn.Module):
    """Logits = the first one-hot vector: always right."""

    def forward(self, x):
        return x[0]


class _AlwaysZero(torch.nn.Module):
    """Always predicts symbol 0: right exactly when the first token is 0."""

    def forward(self, x):
        logits = torch.zeros(x.shape[1], x.shape[2])
        logits[:, 0] = 1.0
        return logits


def test_recall_accuracy_counts_correct_answers():
    assert recall_accuracy(_Oracle(), 7, n_sequences=200, n_symbols=5) == 1.0
    # by hand: the fraction of sequences (same seed) whose first token is 0
    _, y = recall_first_token(7, 200, 5, torch.Generator().manual_seed(1))
    expected = (y == 0).float().mean().item()
    assert 0 < expected < 1
    assert recall_accuracy(_AlwaysZero(), 7, n_sequences=200, n_symbols=5, seed=1) == expected


def test_classifier_reads_the_last_hidden_state():
    torch.manual_seed(0)
    gru = GRU(4, 6)
    model = LastStateClassifier(gru, hidden_size=6, n_classes=4)
    x = torch.randn(5, 3, 4)
    output, _ = gru(x)
    expected = output[-1] @ model.readout.weight.T + model.readout.bias
    logits = model(x)
    assert logits.shape == (3, 4)
    torch.testing.assert_close(logits, expected, rtol=1e-6, atol=1e-6)


@pytest.fixture
def one_thread():
    """Tiny matrices train faster on one thread; restore the setting afterwards."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_training_a_gru_on_a_short_delay_beats_chance(one_thread):
    torch.manual_seed(0)
    model = LastStateClassifier(GRU(4, 16), hidden_size=16, n_classes=4)
    losses = train_recall(model, n_steps=2, steps=60, batch_size=32, n_symbols=4, lr=2e-2, seed=0)
    assert len(losses) == 60 and losses[-1] < losses[0]
    assert recall_accuracy(model, 2, n_sequences=500, n_symbols=4) > 0.9  # chance is 0.25


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(n_steps=0, batch_size=4), ValueError, r"n_steps: expected an integer >= 1, got 0"),
        (dict(n_steps=2.0, batch_size=4), TypeError, r"n_steps: expected an integer >= 1, got float 2.0"),
        (dict(n_steps=2, batch_size=0), ValueError, r"batch_size: expected an integer >= 1, got 0"),
        (dict(n_steps=2, batch_size=4, n_symbols=1), ValueError, r"n_symbols: expected an integer >= 2, got 1"),
    ],
)
def test_bad_sizes_are_rejected(kwargs, error, message):
    with pytest.raises(error, match=message):
        recall_first_token(**kwargs)


def test_train_recall_rejects_bad_steps():
    model = LastStateClassifier(GRU(2, 3), hidden_size=3, n_classes=2)
    with pytest.raises(ValueError, match=r"steps: expected an integer >= 1, got 0"):
        train_recall(model, 1, steps=0, n_symbols=2)
