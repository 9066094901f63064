"""A long-memory task: read a sequence and, at its end, name the token it started with.

Each sequence holds ``n_steps + 1`` tokens drawn uniformly from ``n_symbols`` symbols. The label is
the first token; the ``n_steps`` tokens after it are distractors from the same symbols, so the
network has to carry the first token through ``n_steps`` updates of its hidden state. Guessing
scores 1 / n_symbols. The gradient that teaches the network to keep the first token has to flow
back through all ``n_steps`` steps, which is where a plain RNN's vanishing gradient shows.

``recall_first_token`` makes a batch, ``LastStateClassifier`` puts a linear readout on the final
hidden state of any recurrent module with the ``torch.nn.RNN``/``GRU``/``LSTM`` interface, and
``train_recall`` / ``recall_accuracy`` train it with Adam and measure it on fresh sequences.
"""

from __future__ import annotations

import torch

from neuralnlp._checks import (
    brief,
    check_float_tensor,
    check_int,
    check_positive_int,
    check_real,
    check_torch_generator,
)


# --8<-- [start:data]
def recall_first_token(
    n_steps: int, batch_size: int, n_symbols: int = 8, generator: torch.Generator | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """A batch of "recall the first token after ``n_steps`` more tokens" sequences.

    Args:
        n_steps: number of distractor tokens after the one to remember, >= 1.
        batch_size: number of sequences, >= 1.
        n_symbols: size of the alphabet, >= 2; chance accuracy is 1 / n_symbols.
        generator: a seeded ``torch.Generator`` for reproducible batches.

    Returns:
        x: (n_steps + 1, batch_size, n_symbols) float32 one-hot vectors, time first like torch.nn.RNN.
        y: (batch_size,) int64, the first token of each sequence.

    Raises:
        TypeError: a count is not an integer.
        ValueError: a count is below its minimum.
    """
    check_positive_int(n_steps, "n_steps")
    check_positive_int(batch_size, "batch_size")
    check_positive_int(n_symbols, "n_symbols", minimum=2)
    check_torch_generator(generator)
    tokens = torch.randint(n_symbols, (n_steps + 1, batch_size), generator=generator)
    x = torch.nn.functional.one_hot(tokens, n_symbols).float()
    return x, tokens[0]
# --8<-- [end:data]


class LastStateClassifier(torch.nn.Module):
    """Class scores from the last hidden state of a recurrent module: logits = W h_T + b.

    Args:
        recurrent: a single-layer, unidirectional, time-major module called as
            ``recurrent(x) -> (output, h_n)`` with h_n of shape (1, batch, hidden), e.g.
            ``neuralnlp.recurrent.rnn.RNN``, ``neuralnlp.recurrent.gru.GRU``, ``torch.nn.RNN`` or ``torch.nn.GRU``;
            or an LSTM (ours or torch's), whose ``(h_n, c_n)`` is read as its hidden state h_n.
        hidden_size: its hidden size.
        n_classes: number of classes.

    Shapes:
        x: (seq, batch, input)  ->  logits: (batch, n_classes)

    Raises:
        TypeError: ``recurrent`` is not a module, or is one of torch's cells (``torch.nn.LSTMCell`` …) rather than a layer.
        ValueError: a module with several layers, both directions or ``batch_first=True``; a
            ``hidden_size`` other than the module's; h_n of another shape than (1, batch, hidden_size).
    """

    def __init__(self, recurrent: torch.nn.Module, hidden_size: int, n_classes: int):
        super().__init__()
        hidden_size = check_positive_int(hidden_size, "hidden_size")
        _check_recurrent(recurrent, hidden_size)
        self.recurrent = recurrent
        self.readout = torch.nn.Linear(hidden_size, check_positive_int(n_classes, "n_classes"))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits (batch, n_classes) from the last hidden state of ``recurrent(x)``; x: (seq, batch, input)."""
        _, h_n = self.recurrent(x)
        if isinstance(h_n, tuple) and len(h_n) == 2:  # an LSTM returns (h_n, c_n): read the hidden state
            h_n = h_n[0]
        batch = x.shape[1] if x.dim() == 3 else None
        expected = (1, batch, self.readout.in_features) if batch is not None else (1, self.readout.in_features)
        check_float_tensor(h_n, "recurrent(x)[1] (h_n)")
        if tuple(h_n.shape) != expected:
            raise ValueError(f"recurrent(x)[1] (h_n): expected shape {expected}, got shape {tuple(h_n.shape)}")
        return self.readout(h_n[0])


def _check_recurrent(module, hidden_size: int) -> None:
    """A module whose h_n is (1, batch, hidden): one layer, one direction, time first."""
    if not isinstance(module, torch.nn.Module):
        raise TypeError(f"recurrent: expected a recurrent torch.nn.Module such as GRU, got {brief(module)}")
    if isinstance(module, torch.nn.RNNCellBase):  # torch's RNNCell, GRUCell, LSTMCell: one step, not a sequence
        raise TypeError(f"recurrent: expected a layer returning (output, h_n) like RNN, GRU or LSTM, "
                        f"got the one-step cell {type(module).__name__}")
    layers, bidirectional = getattr(module, "num_layers", 1), getattr(module, "bidirectional", False)
    if layers != 1 or bidirectional:
        raise ValueError(f"recurrent: expected a single-layer unidirectional module (its h_n[0] is the last state), "
                         f"got num_layers={layers}, bidirectional={bidirectional}")
    if getattr(module, "batch_first", False):
        raise ValueError("recurrent: expected a time-major module (batch_first=False), as x is (seq, batch, input), "
                         "got batch_first=True")
    size = getattr(module, "hidden_size", hidden_size)
    if size != hidden_size:
        raise ValueError(f"hidden_size: expected {size}, the hidden_size of recurrent, got {hidden_size}")


def _check_logits(logits, batch_size: int, n_symbols: int) -> None:
    check_float_tensor(logits, "model(x)")
    if tuple(logits.shape) != (batch_size, n_symbols):
        raise ValueError(f"model(x): expected logits of shape ({batch_size}, {n_symbols}), one score per symbol, "
                         f"got shape {tuple(logits.shape)}")


def _check_model(model) -> None:
    if not isinstance(model, torch.nn.Module):
        raise TypeError(f"model: expected a torch.nn.Module, got {brief(model)}")


# --8<-- [start:train]
def train_recall(
    model: torch.nn.Module, n_steps: int, *, steps: int = 300, batch_size: int = 64, n_symbols: int = 8,
    lr: float = 1e-2, seed: int = 0,
) -> list[float]:
    """Train ``model`` on fresh batches of ``recall_first_token`` with Adam and cross-entropy.

    Args:
        model: maps x (n_steps + 1, batch_size, n_symbols) to logits (batch_size, n_symbols).
        n_steps: distractor tokens after the token to recall.
        steps: number of Adam updates, each on a new batch.
        batch_size: as in ``recall_first_token``.
        n_symbols: as in ``recall_first_token``.
        lr: Adam's learning rate.
        seed: seeds the batches (not the model's initial weights: seed torch before building it).

    Returns:
        The training loss of every step.

    Raises:
        TypeError, ValueError: a size that is not a positive integer, lr not > 0, a model without
            parameters, or logits of another shape than (batch_size, n_symbols).
    """
    _check_training(model, n_steps, steps, batch_size, n_symbols, lr, seed)
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        x, y = recall_first_token(n_steps, batch_size, n_symbols, generator)
        loss = torch.nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
# --8<-- [end:train]


def recall_accuracy(
    model: torch.nn.Module, n_steps: int, *, n_sequences: int = 1000, n_symbols: int = 8, seed: int = 1
) -> float:
    """Fraction of ``n_sequences`` fresh sequences whose first token ``model`` names correctly.

    Args:
        model: maps x (n_steps + 1, n_sequences, n_symbols) to logits (n_sequences, n_symbols).
        n_steps: as in ``recall_first_token``.
        n_symbols: as in ``recall_first_token``.
        n_sequences: how many sequences to test on.
        seed: seeds the test sequences; keep it different from the training seed so they are new.

    Returns:
        Accuracy in [0, 1]: the share of sequences where the largest logit is the first token.
    """
    _check_model(model)
    check_positive_int(n_sequences, "n_sequences")
    x, y = recall_first_token(n_steps, n_sequences, n_symbols, torch.Generator().manual_seed(check_int(seed, "seed", 0)))
    with torch.no_grad():
        logits = model(x)
    _check_logits(logits, n_sequences, n_symbols)
    predicted = logits.argmax(dim=-1)
    return (predicted == y).float().mean().item()


def _check_training(model, n_steps, steps, batch_size, n_symbols, lr, seed) -> None:
    _check_model(model)
    if not any(p.requires_grad for p in model.parameters()):
        raise ValueError("model: expected a module with parameters to train, got none that requires grad")
    check_positive_int(n_steps, "n_steps")
    check_positive_int(steps, "steps")
    check_positive_int(batch_size, "batch_size")
    check_positive_int(n_symbols, "n_symbols", minimum=2)
    check_real(lr, "lr", 0, min_open=True, what="a learning rate")
    check_int(seed, "seed", 0)
