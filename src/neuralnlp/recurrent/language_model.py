"""A recurrent language model: embedding → RNN or GRU → linear head, trained to predict the next token.

For token ids w_0 … w_T the model reads one token per time step and, at every step, scores every
word of the vocabulary as the next one:

    x_t = E[w_t]                              embedding lookup          (embedding_dim,)
    h_t = cell(x_t, h_{t−1}),   h_{−1} = 0    RNN or GRU step            (hidden_size,)
    z_t = W_hy h_t + b_y                      logits of w_{t+1}          (vocab_size,)

The same E, cell weights, W_hy and b_y serve every time step (parameter sharing), so the number of
parameters does not depend on the length of the text. Training uses teacher forcing: the inputs are
the true tokens w_0 … w_{T−1}, the targets the same text shifted by one, w_1 … w_T, and the loss is
the mean cross-entropy over all positions. Perplexity is exp of that mean.

- ``RNNLanguageModel``: the torch module (``torch.nn.Embedding``, ``neuralnlp.recurrent.rnn.RNN`` or
  ``neuralnlp.recurrent.gru.GRU``, ``torch.nn.Linear``).
- ``next_token_cross_entropy``, ``language_model_loss``, ``perplexity``: the loss and its exponential.
- ``train_language_model``: Adam with gradient clipping on random windows of a token stream.
- ``sample``: generate text one token at a time, with a temperature and a seeded ``torch.Generator``.

Token ids are integer tensors (torch.long); batches are batch-first: (batch, seq).
"""

from __future__ import annotations

import math

import torch
from torch import nn

from neuralnlp._checks import (
    as_id_tensor,
    brief,
    check_bool,
    check_choice,
    check_float_dtype,
    check_float_tensor,
    check_int,
    check_positive_int,
    check_real,
    check_torch_generator,
)
from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.rnn import RNN

_CELLS = {"rnn": RNN, "gru": GRU}


def check_token_ids(ids, vocab_size: int, name: str = "ids", min_length: int = 1) -> torch.Tensor:
    """Return ``ids`` as a torch.long tensor of shape (seq,) or (batch, seq), or raise.

    TypeError for a non-integer dtype (token strings included); ValueError for another number of
    dimensions or fewer than ``min_length`` tokens per sequence; IndexError for an id outside
    [0, vocab_size − 1] (naming the id and its position). The same check as an embedding layer's.
    """
    ids = as_id_tensor(ids, vocab_size, name, what="token ids", size_name="vocab_size")
    if ids.dim() not in (1, 2):
        raise ValueError(f"{name}: expected shape (seq,) or (batch, seq), got shape {tuple(ids.shape)}")
    if ids.shape[-1] < min_length:
        raise ValueError(f"{name}: expected at least {min_length} tokens per sequence, got shape {tuple(ids.shape)}")
    if ids.dim() == 2 and ids.shape[0] == 0:
        raise ValueError(f"{name}: expected at least one sequence, got shape {tuple(ids.shape)}")
    return ids


# --8<-- [start:model]
class RNNLanguageModel(nn.Module):
    """Embedding → single-layer RNN or GRU → linear head; predicts the next token at every time step.

    Args:
        vocab_size: number of token ids V.
        embedding_dim: length of each embedding vector.
        hidden_size: length H of the hidden state.
        cell: "rnn" (``neuralnlp.recurrent.rnn.RNN``, tanh) or "gru" (``neuralnlp.recurrent.gru.GRU``).
        dtype: parameter dtype (default torch's, float32).

    Submodules: ``embedding`` (weight (V, embedding_dim)), ``recurrent`` (batch-first), ``head``
    (weight W_hy (V, H), bias b_y (V,)).

    forward(ids, h0=None) -> (logits, h_n):
        ids: (batch, seq) or (seq,) token ids; h0: (1, batch, H) or (1, H), zeros if None.
        logits: (batch, seq, V) or (seq, V); logits[..., t, :] scores the token after ids[..., t].
        h_n: (1, batch, H) or (1, H), the last hidden state, to continue the same text later.

    Raises ValueError for a bad ``cell`` or size, IndexError for an out-of-range id, TypeError for
    non-integer ids or sizes.
    """

    def __init__(self, vocab_size: int, embedding_dim: int, hidden_size: int, cell: str = "rnn", *, dtype=None):
        super().__init__()
        check_choice(cell, _CELLS, "cell")
        for name, size in (("vocab_size", vocab_size), ("embedding_dim", embedding_dim), ("hidden_size", hidden_size)):
            check_positive_int(size, name)
        check_float_dtype(dtype)
        self.vocab_size, self.cell = int(vocab_size), cell
        self.embedding = nn.Embedding(vocab_size, embedding_dim, dtype=dtype)
        self.recurrent = _CELLS[cell](embedding_dim, hidden_size, batch_first=True, dtype=dtype)
        self.head = nn.Linear(hidden_size, vocab_size, dtype=dtype)

    def forward(self, ids, h0=None):
        """Logits for the next token at every position: ids (batch, seq) → (logits (batch, seq, V), h_n)."""
        ids = check_token_ids(ids, self.vocab_size)
        hidden_states, h_n = self.recurrent(self.embedding(ids), h0)  # (batch, seq, H): one h_t per step
        return self.head(hidden_states), h_n
# --8<-- [end:model]


# --8<-- [start:loss]
def next_token_cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy of next-token predictions over every position of every sequence.

        L = −1/(B·T) · Σ_b Σ_t log softmax(z_{b,t})[y_{b,t}]

    logits: (batch, seq, V) or (seq, V), float; targets: token ids of the same leading shape.
    Equals ``torch.nn.functional.cross_entropy(logits.reshape(-1, V), targets.reshape(-1))``.
    """
    targets = _check_logits_and_targets(logits, targets)
    log_p = torch.log_softmax(logits, dim=-1)
    return -log_p.gather(-1, targets.unsqueeze(-1)).mean()


def language_model_loss(model: RNNLanguageModel, ids) -> torch.Tensor:
    """Teacher forcing: read ids[..., :-1], predict ids[..., 1:]; the mean cross-entropy L (a 0-d tensor).

    ids: (batch, seq + 1) or (seq + 1,) token ids, at least 2 per sequence.
    """
    ids = check_token_ids(ids, _checked(model).vocab_size, min_length=2)
    logits, _ = model(ids[..., :-1])
    return next_token_cross_entropy(logits, ids[..., 1:])
# --8<-- [end:loss]


# --8<-- [start:perplexity]
def perplexity(model: RNNLanguageModel, ids) -> float:
    """exp(L), L the mean next-token cross-entropy on ``ids`` (read from the first token, h_0 = 0).

    ids: (seq,) or (batch, seq) token ids, at least 2 per sequence. A model that gives every one of
    V tokens the same probability has perplexity exactly V; lower is better.
    """
    with torch.no_grad():
        return math.exp(language_model_loss(model, ids).item())
# --8<-- [end:perplexity]


# --8<-- [start:train]
def train_language_model(
    model: RNNLanguageModel,
    ids,
    *,
    steps: int,
    batch_size: int = 32,
    seq_len: int = 32,
    lr: float = 1e-2,
    max_grad_norm: float = 1.0,
    linear_decay: bool = True,
    generator: torch.Generator | None = None,
) -> list[float]:
    """Train ``model`` in place on random windows of the token stream ``ids``; return the loss of each step.

    Each step takes ``batch_size`` windows of seq_len + 1 consecutive tokens (start positions drawn
    with ``generator``), computes ``language_model_loss``, backpropagates through time, rescales the
    gradient to norm ≤ ``max_grad_norm`` (gradient clipping) and takes one Adam step. The learning
    rate starts at ``lr`` and, if ``linear_decay``, falls linearly to 0 at the last step, which lets
    the loss settle instead of jittering at the level set by a constant rate.

    ids: (N,) token ids with N > seq_len. Returns a list of ``steps`` floats (the training losses).
    """
    ids = _check_training(model, ids, steps, batch_size, seq_len, lr, max_grad_norm, linear_decay, generator)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda k: 1 - k / steps if linear_decay else 1.0)
    offsets = torch.arange(seq_len + 1)
    losses = []
    for _ in range(steps):
        starts = torch.randint(0, len(ids) - seq_len, (batch_size, 1), generator=generator)
        loss = language_model_loss(model, ids[starts + offsets])  # (batch_size, seq_len + 1) windows
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
    return losses
# --8<-- [end:train]


# --8<-- [start:sample]
def sample(model: RNNLanguageModel, prompt_ids, length: int, temperature: float = 1.0, generator=None) -> torch.Tensor:
    """Continue ``prompt_ids`` by ``length`` tokens, each drawn from softmax(z / temperature).

    The prompt is read first; then each drawn token is fed back in, carrying the hidden state.
    temperature > 0: lower sharpens the distribution, higher flattens it; temperature = 0 takes the
    most likely token (argmax), the limit of temperature → 0. ``generator`` (a seeded
    ``torch.Generator``) makes the draws repeatable.

    prompt_ids: (P,) token ids, P ≥ 1. Returns the new tokens only, a (length,) torch.long tensor.
    Raises ValueError for a bad prompt, a negative temperature or length; TypeError for non-integer ids.
    """
    prompt_ids = _check_sampling(model, prompt_ids, length, temperature, generator)
    new_tokens = []
    with torch.no_grad():
        logits, h = model(prompt_ids)
        for _ in range(length):
            z = logits[-1]  # scores for the token after the last one read
            if temperature == 0:
                token = z.argmax().view(1)
            else:
                token = torch.multinomial(torch.softmax(_divide(z, temperature), dim=-1), 1, generator=generator)
            new_tokens.append(token)
            logits, h = model(token, h)
    return torch.cat(new_tokens) if new_tokens else torch.zeros(0, dtype=torch.long)
# --8<-- [end:sample]


def _checked(model) -> RNNLanguageModel:
    if not isinstance(model, RNNLanguageModel):
        raise TypeError(f"model: expected an RNNLanguageModel, got {brief(model)}")
    return model


def _check_logits_and_targets(logits, targets) -> torch.Tensor:
    check_float_tensor(logits, "logits")
    if logits.dim() < 2 or logits.shape[-1] == 0 or logits[..., 0].numel() == 0:
        raise ValueError(f"logits: expected shape (seq, V) or (batch, seq, V) with at least one position and one "
                         f"token, got shape {tuple(logits.shape)}")
    targets = as_id_tensor(targets, logits.shape[-1], "targets", what="token ids", size_name="V")
    if logits.shape[:-1] != targets.shape:
        raise ValueError(
            f"targets: expected shape {tuple(logits.shape[:-1])} (logits without the vocabulary axis), "
            f"got shape {tuple(targets.shape)}"
        )
    return targets


def _check_training(model, ids, steps, batch_size, seq_len, lr, max_grad_norm, linear_decay, generator):
    """Every setting of ``train_language_model``, checked before the model changes; returns ids as a tensor."""
    _checked(model)
    check_positive_int(steps, "steps")
    check_positive_int(batch_size, "batch_size")
    seq_len = check_positive_int(seq_len, "seq_len")
    check_real(lr, "lr", 0, min_open=True, what="a learning rate")
    check_real(max_grad_norm, "max_grad_norm", 0, min_open=True, finite=False)
    check_bool(linear_decay, "linear_decay")
    check_torch_generator(generator)
    ids = check_token_ids(ids, model.vocab_size, min_length=seq_len + 1)
    if ids.dim() != 1:
        raise ValueError(f"ids: expected one token stream of shape (N,), got shape {tuple(ids.shape)}")
    return ids


def _check_sampling(model, prompt_ids, length, temperature, generator) -> torch.Tensor:
    prompt_ids = check_token_ids(prompt_ids, _checked(model).vocab_size, "prompt_ids")
    if prompt_ids.dim() != 1:
        raise ValueError(f"prompt_ids: expected shape (P,), got shape {tuple(prompt_ids.shape)}")
    check_real(temperature, "temperature", 0)
    check_int(length, "length", 0)
    check_torch_generator(generator)
    return prompt_ids


def _divide(z: torch.Tensor, temperature: float) -> torch.Tensor:
    """z / temperature; when a tiny temperature overflows that, (z − max z) / temperature in float64: the same
    softmax, with the largest logit at 0 and the others at −inf."""
    scaled = z / temperature
    if bool(torch.isfinite(scaled).all()):
        return scaled
    z = z.double()
    return (z - z.max()) / temperature
