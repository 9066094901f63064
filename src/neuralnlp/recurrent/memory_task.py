"""A long-memory task: read a sequence and, at its end, name the token it started with.

Each sequence holds ``n_steps + 1`` tokens drawn uniformly from ``n_symbols`` symbols. The label is
the first token; the ``n_steps`` tokens after it are distractors from the same symbols, so the
network has to carry the first token through ``n_steps`` updates of its hidden state. Guessing
scores 1 / n_symbols. The gradient that teaches the network to keep the first token has to flow
back through all ``n_steps`` steps, which is where a plain RNN's vanishing gradient shows.

``recall_first_token`` makes a batch, ``LastStateClassifier`` puts a linear readout on the final
hidden state of any recurrent module with the ``torch.nn.RNN``/``GRU`` interface, and
``train_recall`` / ``recall_accuracy`` train it with Adam and measure it on fresh sequences.
"""

from __future__ import annotations

import torch

from neuralnlp._checks import check_positive_int


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
    tokens = torch.randint(n_symbols, (n_steps + 1, batch_size), generator=generator)
    x = torch.nn.functional.one_hot(tokens, n_symbols).float()
    return x, tokens[0]
# --8<-- [end:data]


class LastStateClassifier(torch.nn.Module):
    """Class scores from the last hidden state of a recurrent module: logits = W h_T + b.

    Args:
        recurrent: a single-layer module called as ``recurrent(x) -> (output, h_n)`` with
            h_n of shape (1, batch, hidden), e.g. ``neuralnlp.recurrent.rnn.RNN`` or ``neuralnlp.recurrent.gru.GRU``.
        hidden_size: its hidden size.
        n_classes: number of classes.

    Shapes:
        x: (seq, batch, input)  ->  logits: (batch, n_classes)
    """

    def __init__(self, recurrent: torch.nn.Module, hidden_size: int, n_classes: int):
        super().__init__()
        self.recurrent = recurrent
        self.readout = torch.nn.Linear(hidden_size, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits (batch, n_classes) from the last hidden state of ``recurrent(x)``; x: (seq, batch, input)."""
        _, h_n = self.recurrent(x)
        return self.readout(h_n[0])


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
        TypeError, ValueError: steps (or a size passed on to ``recall_first_token``) is not a positive integer.
    """
    check_positive_int(steps, "steps")
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
    x, y = recall_first_token(n_steps, n_sequences, n_symbols, torch.Generator().manual_seed(seed))
    with torch.no_grad():
        predicted = model(x).argmax(dim=-1)
    return (predicted == y).float().mean().item()
