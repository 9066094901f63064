"""Negative sampling: replace the softmax over the whole vocabulary by a few binary decisions.

For a target (centre) word with input vector v_c, its true context word o (output vector u_o) and K
"negative" words k drawn from a noise distribution P_n (output vectors u_k), the skip-gram
negative-sampling (SGNS) loss is

    L = -log σ(u_o · v_c) - Σ_k log σ(-u_k · v_c)

so one example touches K + 1 output vectors instead of all V. The noise distribution is the unigram
distribution raised to the power 3/4 and renormalised, P_n(w) = c_w^0.75 / Σ_v c_v^0.75, which
flattens the frequencies: rare words are drawn more often than their share of the text.

NumPy here, so the gradients can be written out; ``neuralnlp.embeddings.word2vec.models`` computes the same loss
with torch for training.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_count_array, as_float_array, as_numpy_generator, brief, check_choice, check_int, check_real, reduce_losses


# --8<-- [start:noise-distribution]
def noise_distribution(counts, power: float = 0.75) -> np.ndarray:
    """The noise distribution of negative sampling, P_n(w) = c_w^power / Σ_v c_v^power.

    Args:
        counts: (V,) non-negative word counts, indexed by word id.
        power: the exponent (0.75 in word2vec; 1 is the unigram distribution, 0 the uniform one).

    Returns:
        float64 array (V,) summing to 1.

    Raises:
        TypeError: counts or power not numbers.
        ValueError: counts not 1-D, NaN or inf, negative, or all zero; power negative or not finite.
    """
    counts = as_count_array(counts, "counts")
    power = check_real(power, "power", 0)
    weights = counts ** power
    return weights / weights.sum()
# --8<-- [end:noise-distribution]


def _alias_tables(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vose's alias method: split n·p into n columns of height 1, each shared by at most two words."""
    n = len(p)
    scaled = p * n
    accept = np.ones(n)
    alias = np.arange(n)
    small = [i for i in range(n) if scaled[i] < 1.0]
    large = [i for i in range(n) if scaled[i] >= 1.0]
    while small and large:
        s, big = small.pop(), large.pop()
        accept[s], alias[s] = scaled[s], big
        # The big word gives up the part of its column that tops up column s.
        scaled[big] -= 1.0 - scaled[s]
        (small if scaled[big] < 1.0 else large).append(big)
    return accept, alias  # leftovers keep accept = 1 (they are 1 up to rounding)


class NegativeSampler:
    """Draw negative word ids from the noise distribution P_n(w) ∝ c_w^power.

    ``method="alias"`` uses Vose's alias method: O(V) set-up, then each draw costs one uniform
    integer and one uniform float, whatever V. ``method="cumulative"`` searches the cumulative
    distribution with a uniform float (O(log V) per draw), as gensim does with its ``cum_table``;
    word2vec.c instead fills a table of 10^8 slots, each word in proportion to P_n, and picks a slot.

    Args:
        counts: (V,) word counts, indexed by word id.
        power: exponent of the noise distribution (0.75).
        method: ``"alias"`` or ``"cumulative"``.
        rng: a ``numpy.random.Generator`` or an integer seed.

    Attributes:
        probabilities: (V,) the noise distribution the sampler draws from.

    Raises:
        ValueError: bad counts (see :func:`noise_distribution`) or an unknown method.
    """

    def __init__(self, counts, power: float = 0.75, method: str = "alias", rng=0):
        self.method = check_choice(method, ("alias", "cumulative"), "method")
        self.probabilities = noise_distribution(counts, power)
        self.rng = as_numpy_generator(rng)
        if method == "alias":
            self._accept, self._alias = _alias_tables(self.probabilities)
        else:
            self._cumulative = np.cumsum(self.probabilities)

    def __len__(self) -> int:
        return len(self.probabilities)

    # --8<-- [start:sample]
    def sample(self, size) -> np.ndarray:
        """Draw word ids i.i.d. from P_n. ``size``: an int or a shape tuple; returns int64 ids of that shape."""
        size = _check_size(size)
        if self.method == "alias":
            column = self.rng.integers(0, len(self), size=size)
            keep = self.rng.random(size=size) < self._accept[column]
            return np.where(keep, column, self._alias[column]).astype(np.int64)
        u = self.rng.random(size=size)
        ids = np.searchsorted(self._cumulative, u, side="right")
        return np.minimum(ids, len(self) - 1).astype(np.int64)  # guards u ≥ cumsum[-1] from rounding
    # --8<-- [end:sample]


def _check_size(size):
    """An int >= 0 or a tuple of them, as NumPy's ``size``."""
    if isinstance(size, tuple):
        return tuple(check_int(n, f"size[{i}]", 0) for i, n in enumerate(size))
    if isinstance(size, (list, np.ndarray)):
        raise TypeError(f"size: expected an integer >= 0 or a tuple of them, got {brief(size)}")
    return check_int(size, "size", 0)


def _check_sgns_inputs(center, context, negatives):
    center = as_float_array(center, "center")
    context = as_float_array(context, "context")
    negatives = as_float_array(negatives, "negatives")
    if center.ndim != 2:
        raise ValueError(f"center: expected shape (batch, dim), got shape {center.shape}")
    if context.shape != center.shape:
        raise ValueError(f"context: expected shape {center.shape} like center, got shape {context.shape}")
    if negatives.ndim != 3 or negatives.shape[0] != center.shape[0] or negatives.shape[2] != center.shape[1]:
        raise ValueError(
            f"negatives: expected shape ({center.shape[0]}, k, {center.shape[1]}), got shape {negatives.shape}"
        )
    return center, context, negatives


def _log_sigmoid(x: np.ndarray) -> np.ndarray:
    # log σ(x) = -log(1 + e^{-x}); logaddexp never overflows, even for x = -1000.
    return -np.logaddexp(0.0, -x)


# --8<-- [start:sgns-loss]
def sgns_loss(center, context, negatives, reduction: str = "mean"):
    """Skip-gram negative-sampling loss, L = -log σ(u_o·v_c) - Σ_k log σ(-u_k·v_c), per example.

    Args:
        center: (batch, dim) input vectors v_c of the target words.
        context: (batch, dim) output vectors u_o of the true context words.
        negatives: (batch, k, dim) output vectors u_k of the k sampled noise words.
        reduction: ``"mean"`` (over the batch), ``"sum"`` or ``"none"`` (shape (batch,)).

    Raises:
        TypeError: non-float input.
        ValueError: mismatched shapes or an unknown reduction.
    """
    center, context, negatives = _check_sgns_inputs(center, context, negatives)
    positive_score = np.sum(context * center, axis=-1)  # (batch,)
    negative_scores = np.einsum("bkd,bd->bk", negatives, center)  # (batch, k)
    losses = -_log_sigmoid(positive_score) - _log_sigmoid(-negative_scores).sum(axis=-1)
    # --8<-- [end:sgns-loss]
    return reduce_losses(losses, reduction, "center")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.exp(_log_sigmoid(x))


# --8<-- [start:sgns-grad]
def sgns_grad(center, context, negatives):
    """Gradients of the summed SGNS loss (``reduction="sum"``) with respect to all three inputs.

    With s_o = u_o·v_c and s_k = u_k·v_c, dL/ds_o = σ(s_o) - 1 and dL/ds_k = σ(s_k), so

        dL/dv_c = (σ(s_o) - 1) u_o + Σ_k σ(s_k) u_k,   dL/du_o = (σ(s_o) - 1) v_c,   dL/du_k = σ(s_k) v_c

    (word2vec.c writes g = (label - σ(s)) · learning rate and adds g times the other vector.)

    Args and errors as :func:`sgns_loss`. Returns (grad_center, grad_context, grad_negatives) with
    the shapes of the inputs.
    """
    center, context, negatives = _check_sgns_inputs(center, context, negatives)
    g_pos = _sigmoid(np.sum(context * center, axis=-1)) - 1.0  # (batch,)
    g_neg = _sigmoid(np.einsum("bkd,bd->bk", negatives, center))  # (batch, k)
    grad_center = g_pos[:, None] * context + np.einsum("bk,bkd->bd", g_neg, negatives)
    grad_context = g_pos[:, None] * center
    grad_negatives = g_neg[:, :, None] * center[:, None, :]
    return grad_center, grad_context, grad_negatives
# --8<-- [end:sgns-grad]
