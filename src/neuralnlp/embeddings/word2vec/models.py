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

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.word2vec.hierarchical_softmax import padded_paths
from neuralnlp.embeddings.word2vec.huffman import build_huffman_tree

LOSSES = ("softmax", "negative", "hierarchical")


class _Word2Vec(torch.nn.Module):
    def __init__(self, vocab_size: int, embedding_dim: int, loss: str = "negative", counts=None, *, dtype=None):
        super().__init__()
        if loss not in LOSSES:
            raise ValueError(f"loss: expected one of {LOSSES}, got {loss!r}")
        if loss == "hierarchical" and (counts is None or len(counts) != vocab_size):
            got = None if counts is None else f"{len(counts)} counts"
            raise ValueError(f"counts: expected {vocab_size} word counts to build the Huffman tree, got {got}")
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

        ``negatives`` (batch, k) noise word ids are required for ``loss="negative"``.
        """
        if self.loss_name == "softmax":
            logits = hidden @ self.output_vectors.weight.T  # (batch, V): every output vector
            return F.cross_entropy(logits, target, reduction="none")
        if self.loss_name == "negative":
            if negatives is None:
                raise ValueError("negatives: expected a (batch, k) tensor of noise word ids for loss='negative', got None")
            positive = (self.output_vectors(target) * hidden).sum(-1)  # (batch,)
            negative = (self.output_vectors(negatives) @ hidden.unsqueeze(-1)).squeeze(-1)  # (batch, k)
            return -F.logsigmoid(positive) - F.logsigmoid(-negative).sum(-1)
        points, codes, mask = self.hs_points[target], self.hs_codes[target], self.hs_mask[target]  # (batch, L)
        scores = (self.output_vectors(points) @ hidden.unsqueeze(-1)).squeeze(-1)  # (batch, L)
        signs = 1.0 - 2.0 * codes.to(scores.dtype)
        return -(F.logsigmoid(signs * scores) * mask).sum(-1)
    # --8<-- [end:losses]

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
        ValueError: unknown loss, missing counts or missing negatives.
        IndexError: an id out of range (raised by ``neuralnlp.embeddings.embedding.Embedding``).
        TypeError: ids that are not integers (likewise).
    """

    # --8<-- [start:skipgram]
    def forward(self, target, context, negatives=None) -> torch.Tensor:
        """Mean loss of predicting each ``context`` (batch,) from its ``target`` (batch,)."""
        hidden = self.input_vectors(target)  # (batch, d)
        return self.loss_from_hidden(hidden, torch.as_tensor(context), negatives).mean()
    # --8<-- [end:skipgram]


class CBOW(_Word2Vec):
    """CBOW: the mean of the context words' input vectors predicts the target word.

    Takes the same arguments as :class:`SkipGram`.

    Shapes:
        forward(contexts (batch, C), target (batch,), negatives (batch, k) or None) -> scalar mean loss.
        Windows with fewer than C context words are padded with -1; padded slots are left out of the mean.

    Raises:
        ValueError: unknown loss, missing counts or negatives, or a row of ``contexts`` with no word.
    """

    # --8<-- [start:cbow]
    def forward(self, contexts, target, negatives=None) -> torch.Tensor:
        """Mean loss of predicting each ``target`` (batch,) from its ``contexts`` (batch, C), -1 = padding."""
        contexts = torch.as_tensor(contexts)
        present = contexts >= 0  # (batch, C); -1 marks padding
        vectors = self.input_vectors(contexts.clamp(min=0)) * present.unsqueeze(-1)
        n_words = present.sum(-1, keepdim=True)
        if (n_words == 0).any():
            raise ValueError("contexts: expected at least one context word (id >= 0) per row, got an all-padding row")
        hidden = vectors.sum(1) / n_words  # (batch, d): the mean context vector
        return self.loss_from_hidden(hidden, torch.as_tensor(target), negatives).mean()
    # --8<-- [end:cbow]
