r"""Text classifiers over padded batches: masked mean of embeddings, and recurrent encoders.

Every model reads ``ids`` (B, T), padded with ``<pad>`` = 0, and the true ``lengths`` (B,), and
returns logits (B, C). None of them reads the state at position T − 1 of a padded batch: for a
text shorter than T that state has read padding.

- ``MeanEmbeddingClassifier``: the average of the embeddings of the real tokens,

    $$\bar e = \frac{1}{L} \sum_{t=1}^{L} E[x_t], \qquad \text{logits} = W \,\mathrm{dropout}(\bar e) + b$$

    (a mask m_t = [t ≤ L] zeroes the padding before the sum).
- ``RecurrentClassifier``: our GRU (``neuralnlp.recurrent.GRU``) or LSTM, one or more layers, one
  or two directions, read **many-to-one**: the forward direction's state at t = L (position
  lengths − 1), and for a bidirectional model the backward direction's state after it has read
  the text from x_L back to x_1. The backward direction reads each text reversed *within its own
  length*, so that it starts at the last real token and not in the padding:

    $$h = [\overrightarrow{h}_L ; \overleftarrow{h}_1], \qquad \text{logits} = W \,\mathrm{dropout}(h) + b$$

    A second layer reads the first layer's outputs at every position (both directions concatenated).

Shapes: ids (B, T) int64, lengths (B,) int64 with 1 ≤ lengths ≤ T, logits (B, C).
``build_classifier(config)`` makes any of them from a plain dict, the form a checkpoint stores.
"""

from __future__ import annotations

import torch
from torch import nn

from neuralnlp._checks import (as_id_tensor, as_lengths_tensor, brief, check_bool, check_choice, check_fraction,
                               check_positive_int)
from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.training.dropout import Dropout

PAD_ID = 0
CELLS = ("gru", "lstm")


def _check_batch(ids, lengths, vocab_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Check a padded batch: ids (B, T) of ids < vocab_size, lengths (B,) in [1, T]; return both.

    Args:
        ids: (B, T) int64 token ids.
        lengths: (B,) int64 true lengths.
        vocab_size: the size of the embedding table.

    Raises:
        TypeError: ids or lengths not integer tensors.
        ValueError: wrong shapes, or a length outside [1, T] (a length 0 has nothing to classify).
        IndexError: an id outside [0, vocab_size).
    """
    ids = as_id_tensor(ids, vocab_size, "ids", size_name="vocab_size")
    if ids.ndim != 2 or ids.shape[1] == 0:
        raise ValueError(f"ids: expected a padded batch of shape (batch, seq) with seq >= 1, got shape {tuple(ids.shape)}")
    return ids, as_lengths_tensor(lengths, ids.shape[0], ids.shape[1], "lengths")


def _mask(lengths: torch.Tensor, seq: int) -> torch.Tensor:
    """(B, T) float mask: 1 for real tokens, 0 for padding."""
    return (torch.arange(seq)[None, :] < lengths[:, None]).float()


class MeanEmbeddingClassifier(nn.Module):
    """Logits from the mean of the real tokens' embeddings (padding masked out), then dropout and a linear layer.

    Args:
        vocab_size: V, the rows of the embedding table (``<pad>`` = 0 stays zero).
        embedding_dim: d.
        n_classes: C.
        dropout: dropout probability on the mean vector, in [0, 1).
    """

    def __init__(self, vocab_size: int, embedding_dim: int = 64, n_classes: int = 2, dropout: float = 0.3):
        super().__init__()
        self.embedding = Embedding(check_positive_int(vocab_size, "vocab_size"),
                                   check_positive_int(embedding_dim, "embedding_dim"), padding_idx=PAD_ID)
        self.dropout = Dropout(check_fraction(dropout, "dropout", "a dropout probability"))
        self.output = nn.Linear(embedding_dim, check_positive_int(n_classes, "n_classes", minimum=2))

    # --8<-- [start:mean]
    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """ids (B, T), lengths (B,) -> logits (B, C)."""
        ids, lengths = _check_batch(ids, lengths, self.embedding.num_embeddings)
        mask = _mask(lengths, ids.shape[1]).unsqueeze(-1)                 # (B, T, 1)
        mean = (self.embedding(ids) * mask).sum(1) / lengths[:, None]      # (B, d): padding adds nothing
        return self.output(self.dropout(mean))
    # --8<-- [end:mean]


# --8<-- [start:reverse]
def reverse_padded(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Reverse each sequence of a padded batch within its own length; the padding stays at the end.

    x (B, T, ...) with lengths (B,): out[b, t] = x[b, L_b − 1 − t] for t < L_b, x[b, t] otherwise.
    Applying it twice gives x back.

    Args:
        x: (B, T, ...) a padded batch, batch first.
        lengths: (B,) int64 lengths in [1, T].
    """
    if not isinstance(x, torch.Tensor) or x.ndim < 2:
        raise ValueError(f"x: expected a tensor of shape (batch, seq, ...), got {brief(x)}")
    _, lengths = _check_batch(torch.zeros(x.shape[:2], dtype=torch.int64), lengths, 1)
    t = torch.arange(x.shape[1])[None, :]                                 # (1, T)
    index = torch.where(t < lengths[:, None], lengths[:, None] - 1 - t, t)  # (B, T)
    return x.gather(1, index.view(*index.shape, *[1] * (x.ndim - 2)).expand_as(x))
# --8<-- [end:reverse]


def _make_rnn(cell: str, input_size: int, hidden_size: int) -> nn.Module:
    if cell == "gru":
        from neuralnlp.recurrent.gru import GRU

        return GRU(input_size, hidden_size, batch_first=True)
    from neuralnlp.recurrent.lstm import LSTM  # noqa: PLC0415 (helper L's LSTM)

    return LSTM(input_size, hidden_size, batch_first=True)


class RecurrentClassifier(nn.Module):
    """Embeddings, a (stacked, optionally bidirectional) GRU or LSTM of ours, read many-to-one; dropout; linear.

    Args:
        vocab_size: V (``<pad>`` = 0 stays zero).
        embedding_dim: d.
        hidden_size: H per direction.
        n_classes: C.
        cell: ``"gru"`` or ``"lstm"``.
        num_layers: stacked layers, >= 1.
        bidirectional: add a direction that reads each text backwards (within its length).
        dropout: dropout probability on the embeddings, between layers and before the output.
    """

    def __init__(self, vocab_size: int, embedding_dim: int = 64, hidden_size: int = 64, n_classes: int = 2,
                 cell: str = "gru", num_layers: int = 1, bidirectional: bool = False, dropout: float = 0.3):
        super().__init__()
        self.embedding = Embedding(check_positive_int(vocab_size, "vocab_size"),
                                   check_positive_int(embedding_dim, "embedding_dim"), padding_idx=PAD_ID)
        self.cell = check_choice(cell, CELLS, "cell")
        self.bidirectional = check_bool(bidirectional, "bidirectional")
        directions = 2 if bidirectional else 1
        hidden_size = check_positive_int(hidden_size, "hidden_size")
        self.layers = nn.ModuleList(
            nn.ModuleList(_make_rnn(cell, embedding_dim if i == 0 else directions * hidden_size, hidden_size)
                          for _ in range(directions))
            for i in range(check_positive_int(num_layers, "num_layers")))
        self.dropout = Dropout(check_fraction(dropout, "dropout", "a dropout probability"))
        self.output = nn.Linear(directions * hidden_size, check_positive_int(n_classes, "n_classes", minimum=2))

    # --8<-- [start:recurrent]
    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """ids (B, T), lengths (B,) -> logits (B, C), from the states at each text's own end."""
        ids, lengths = _check_batch(ids, lengths, self.embedding.num_embeddings)
        last = (lengths - 1).view(-1, 1, 1)                               # position L − 1 of each text
        x = self.dropout(self.embedding(ids))                              # (B, T, d)
        for i, directions in enumerate(self.layers):
            outputs, finals = [], []
            for k, rnn in enumerate(directions):
                backward = k == 1
                out = rnn(reverse_padded(x, lengths) if backward else x)[0]  # (B, T, H)
                finals.append(out.gather(1, last.expand(-1, 1, out.shape[-1])).squeeze(1))  # state at t = L
                outputs.append(reverse_padded(out, lengths) if backward else out)  # back to text order
            x = torch.cat(outputs, dim=-1)
            if i < len(self.layers) - 1:
                x = self.dropout(x)
        return self.output(self.dropout(torch.cat(finals, dim=-1)))
    # --8<-- [end:recurrent]


def build_classifier(config: dict) -> nn.Module:
    """A classifier from a config dict (what a checkpoint stores).

    ``config["model"]`` is ``"mean"``, ``"gru"``, ``"lstm"``, ``"bigru"`` (2 layers, bidirectional) or
    ``"cnn"`` (TextCNN); the other keys are ``vocab_size``, ``embedding_dim``, ``hidden_size``,
    ``n_classes`` and ``dropout`` (and ``num_layers`` for ``"bigru"``, 2 by default).

    Args:
        config: the settings, as above.

    Raises:
        TypeError: config is not a dict.
        KeyError: a setting is missing.
        ValueError: an unknown model.
    """
    if not isinstance(config, dict):
        raise TypeError(f"config: expected a dict of settings, got {brief(config)}")
    kind = check_choice(config.get("model"), MODELS, "config['model']")
    missing = [k for k in ("vocab_size", "embedding_dim", "n_classes", "dropout") if k not in config]
    if missing:
        raise KeyError(f"config: expected the settings {missing}, got keys {sorted(config)}")
    common = dict(vocab_size=config["vocab_size"], embedding_dim=config["embedding_dim"],
                  n_classes=config["n_classes"], dropout=config["dropout"])
    if kind == "mean":
        return MeanEmbeddingClassifier(**common)
    if kind == "cnn":
        return _text_cnn(config, common)
    return RecurrentClassifier(**common, hidden_size=config.get("hidden_size", 64), cell="lstm" if kind == "lstm" else "gru",
                               num_layers=config.get("num_layers", 2 if kind == "bigru" else 1),
                               bidirectional=kind == "bigru")


MODELS = ("mean", "gru", "lstm", "bigru", "cnn")


def _text_cnn(config: dict, common: dict) -> nn.Module:
    from neuralnlp.pipeline.conv import TextCNN  # helper C's TextCNN: (ids, lengths) -> logits, padding ignored

    return TextCNN(**common, kernel_sizes=tuple(config.get("kernel_sizes", (2, 3, 4))),
                   n_filters=config.get("n_filters", 64), padding_idx=PAD_ID)


# --8<-- [start:word2vec]
def embedding_from_word2vec(vocab, word_vectors, word_vocab, freeze: bool = False, seed: int = 0) -> Embedding:
    """An embedding layer for ``vocab`` whose rows start from word2vec vectors where they exist.

    Row i gets the vector of token i from ``word_vectors`` if ``word_vocab`` has it; other tokens
    (``<unk>``, rare words) get N(0, s²) with s the vectors' standard deviation; ``<pad>`` (id 0)
    is zero and never trained.

    Args:
        vocab: the classifier's vocabulary (``build_text_vocabulary``).
        word_vectors: (V_w2v, d) word2vec input vectors (``train_skipgram(...).input_vectors``).
        word_vocab: their vocabulary (``train_skipgram(...).vocab``).
        freeze: keep the vectors fixed during training (True) or fine-tune them (False).
        seed: for the rows without a vector.
    """
    from neuralnlp._checks import as_float_array, check_int
    from neuralnlp.embeddings.vocab import Vocabulary
    from neuralnlp.pipeline.tokenise import _check_vocab

    vocab = _check_vocab(vocab)
    vectors = as_float_array(word_vectors, "word_vectors")
    if not isinstance(word_vocab, Vocabulary):
        raise TypeError(f"word_vocab: expected a neuralnlp Vocabulary, got {brief(word_vocab)}")
    if vectors.ndim != 2 or len(vectors) != len(word_vocab):
        raise ValueError(f"word_vectors: expected shape ({len(word_vocab)}, d), one row per word of word_vocab, "
                         f"got shape {vectors.shape}")
    check_bool(freeze, "freeze")
    gen = torch.Generator().manual_seed(check_int(seed, "seed", minimum=0))
    weight = torch.randn(len(vocab), vectors.shape[1], generator=gen) * float(vectors.std())
    found = [(i, word_vocab.token_to_id(t)) for i, t in enumerate(vocab.tokens) if t in word_vocab]
    if found:
        rows, source = map(list, zip(*found))
        weight[rows] = torch.as_tensor(vectors[source], dtype=weight.dtype)
    weight[PAD_ID] = 0
    return Embedding.from_pretrained(weight, freeze=freeze, padding_idx=PAD_ID)
# --8<-- [end:word2vec]
