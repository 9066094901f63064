"""CBOW and skip-gram as torch modules, with three output layers: full softmax, negative sampling
and hierarchical softmax.

Both models keep two tables: ``input_vectors`` v_w (V, d), the word vectors one keeps after
training, and ``output_vectors`` u (V, d) for the full softmax and negative sampling, or (V - 1, d),
one per inner node of the Huffman tree, for hierarchical softmax.

- Skip-gram: h = v_target; the target predicts each of its context words o, one example per pair.
- CBOW: h = (1/C) Σ_j v_{context_j}, the mean of the C context input vectors; it predicts the target.

Given h and the word to predict, o, the three losses are

- ``"softmax"``: L = -log softmax(U h)_o = -u_o·h + log Σ_w exp(u_w·h)   (touches all V output vectors);
- ``"negative"``: L = -log σ(u_o·h) - Σ_k log σ(-u_k·h)   with k noise words from ``NegativeSampler``;
- ``"hierarchical"``: L = -Σ_j log σ((1 - 2·code_j) u_{point_j}·h)   along the Huffman path of o.

Initialisation follows word2vec.c: input vectors uniform in [-0.5/d, 0.5/d], output vectors zero.
word2vec.c's skip-gram feeds the context word's vector and predicts the target; over all pairs of a
symmetric window this is the same set of pairs turned around, and we keep the textbook direction.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from neuralnlp._checks import (
    as_count_array,
    as_id_tensor,
    brief,
    check_choice,
    check_float_dtype,
    check_positive_int,
    check_shape,
)
from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.word2vec.hierarchical_softmax import padded_paths
from neuralnlp.embeddings.word2vec.huffman import build_huffman_tree

LOSSES = ("softmax", "negative", "hierarchical")


class _Word2Vec(torch.nn.Module):
    def __init__(self, vocab_size: int, embedding_dim: int, loss: str = "negative", counts=None, *, dtype=None):
        super().__init__()
        check_choice(loss, LOSSES, "loss")
        vocab_size = check_positive_int(vocab_size, "vocab_size", minimum=2 if loss == "hierarchical" else 1)
        embedding_dim = check_positive_int(embedding_dim, "embedding_dim")
        check_float_dtype(dtype)
        if loss == "hierarchical":
            if counts is None or isinstance(counts, (str, bytes)) or not hasattr(counts, "__len__") \
                    or len(counts) != vocab_size:
                got = None if counts is None else f"{len(counts)} counts" if hasattr(counts, "__len__") else brief(counts)
                raise ValueError(f"counts: expected {vocab_size} word counts to build the Huffman tree, got {got}")
            counts = as_count_array(counts, "counts", min_length=2, positive_total=False)
        self.vocab_size = vocab_size
        self.loss_name = loss
        self.input_vectors = Embedding(vocab_size, embedding_dim, dtype=dtype)
        n_out = vocab_size - 1 if loss == "hierarchical" else vocab_size
        self.output_vectors = Embedding(n_out, embedding_dim, dtype=dtype)
        with torch.no_grad():
            self.input_vectors.weight.uniform_(-0.5 / embedding_dim, 0.5 / embedding_dim)
            self.output_vectors.weight.zero_()
        if loss == "hierarchical":
            codes, points, mask = padded_paths(*build_huffman_tree(counts))
            self.register_buffer("hs_codes", torch.as_tensor(codes))
            self.register_buffer("hs_points", torch.as_tensor(points))
            self.register_buffer("hs_mask", torch.as_tensor(mask))

    # --8<-- [start:losses]
    def loss_from_hidden(self, hidden: torch.Tensor, target: torch.Tensor, negatives=None) -> torch.Tensor:
        """Per-example loss (batch,) for predicting ``target`` (batch,) from ``hidden`` (batch, d).

        ``negatives`` (batch, k) noise word ids are required for ``loss="negative"``. Every id is
        checked (integer dtype, in [0, V - 1]) on every path, as an embedding layer checks it.
        """
        target, negatives = self._check_targets(hidden, target, negatives)
        if self.loss_name == "softmax":
            logits = hidden @ self.output_vectors.weight.T  # (batch, V): every output vector
            return F.cross_entropy(logits, target, reduction="none")
        if self.loss_name == "negative":
            positive = (self.output_vectors(target) * hidden).sum(-1)  # (batch,)
            negative = (self.output_vectors(negatives) @ hidden.unsqueeze(-1)).squeeze(-1)  # (batch, k)
            return -F.logsigmoid(positive) - F.logsigmoid(-negative).sum(-1)
        points, codes, mask = self.hs_points[target], self.hs_codes[target], self.hs_mask[target]  # (batch, L)
        scores = (self.output_vectors(points) @ hidden.unsqueeze(-1)).squeeze(-1)  # (batch, L)
        signs = 1.0 - 2.0 * codes.to(scores.dtype)
        return -(F.logsigmoid(signs * scores) * mask).sum(-1)
    # --8<-- [end:losses]

    def _check_targets(self, hidden: torch.Tensor, target, negatives):
        """The words to predict (batch,) and the negatives (batch, k), as checked long tensors."""
        batch = hidden.shape[0]
        target = as_id_tensor(target, self.vocab_size, self._target_name, what="word ids", size_name="vocab_size")
        check_shape(target, (batch,), self._target_name)
        if self.loss_name != "negative":
            return target, negatives
        if negatives is None:
            raise ValueError("negatives: expected a (batch, k) tensor of noise word ids for loss='negative', got None")
        negatives = as_id_tensor(negatives, self.vocab_size, "negatives", what="word ids", size_name="vocab_size")
        check_shape(negatives, (batch, "k"), "negatives")
        return target, negatives

    @property
    def word_vectors(self) -> torch.Tensor:
        """The trained word vectors: a detached copy of ``input_vectors.weight``, (V, d)."""
        return self.input_vectors.weight.detach().clone()


class SkipGram(_Word2Vec):
    """Skip-gram: the target word's input vector predicts one context word.

    Args:
        vocab_size: V, the number of words.
        embedding_dim: d, the length of each word vector.
        loss: ``"softmax"``, ``"negative"`` or ``"hierarchical"``.
        counts: (V,) word counts, needed for ``"hierarchical"`` (the Huffman tree).
        dtype: parameter dtype.

    Shapes:
        forward(target (batch,), context (batch,), negatives (batch, k) or None) -> scalar mean loss.

    Raises:
        ValueError: unknown loss, missing counts or missing negatives; target, context or
            negatives of the wrong shape; an empty batch.
        IndexError: an id out of range, on every path (softmax, negative, hierarchical).
        TypeError: ids that are not integers, a size that is not an integer.
    """

    _target_name = "context"

    # --8<-- [start:skipgram]
    def forward(self, target, context, negatives=None) -> torch.Tensor:
        """Mean loss of predicting each ``context`` (batch,) from its ``target`` (batch,)."""
        hidden = self.input_vectors(_batch_of_ids(target, self.vocab_size, "target"))  # (batch, d)
        return self.loss_from_hidden(hidden, context, negatives).mean()
    # --8<-- [end:skipgram]


class CBOW(_Word2Vec):
    """CBOW: the mean of the context words' input vectors predicts the target word.

    Takes the same arguments as :class:`SkipGram`.

    Shapes:
        forward(contexts (batch, C), target (batch,), negatives (batch, k) or None) -> scalar mean loss.
        Windows with fewer than C context words are padded with -1; padded slots are left out of the mean.

    Raises:
        ValueError: unknown loss, missing counts or negatives, shapes that do not match, an empty
            batch, or a row of ``contexts`` with no word.
        IndexError: an id out of range (only -1 marks padding).
        TypeError: ids that are not integers.
    """

    _target_name = "target"

    # --8<-- [start:cbow]
    def forward(self, contexts, target, negatives=None) -> torch.Tensor:
        """Mean loss of predicting each ``target`` (batch,) from its ``contexts`` (batch, C), -1 = padding."""
        contexts = _contexts(contexts, self.vocab_size)
        present = contexts >= 0  # (batch, C); -1 marks padding
        vectors = self.input_vectors(contexts.clamp(min=0)) * present.unsqueeze(-1)
        n_words = present.sum(-1, keepdim=True)
        if (n_words == 0).any():
            raise ValueError("contexts: expected at least one context word (id >= 0) per row, got an all-padding row")
        hidden = vectors.sum(1) / n_words  # (batch, d): the mean context vector
        return self.loss_from_hidden(hidden, target, negatives).mean()
    # --8<-- [end:cbow]


def _batch_of_ids(ids, vocab_size: int, name: str) -> torch.Tensor:
    """A (batch,) tensor of word ids in [0, V - 1], batch >= 1."""
    ids = as_id_tensor(ids, vocab_size, name, what="word ids", size_name="vocab_size")
    if ids.dim() != 1 or len(ids) == 0:
        raise ValueError(f"{name}: expected a non-empty batch of word ids, shape (batch,), got shape {tuple(ids.shape)}")
    return ids


def _contexts(contexts, vocab_size: int) -> torch.Tensor:
    """(batch, C) context ids in [0, V - 1], or -1 for padding; batch >= 1."""
    contexts = as_id_tensor(contexts, vocab_size, "contexts", what="word ids", size_name="vocab_size", padding=-1)
    if contexts.dim() != 2 or 0 in contexts.shape:
        raise ValueError(f"contexts: expected a non-empty batch of shape (batch, C), got shape {tuple(contexts.shape)}")
    return contexts
