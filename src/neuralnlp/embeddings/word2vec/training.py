"""A fast skip-gram trainer with negative sampling (SGNS), in plain NumPy and PyTorch on the CPU.

It trains what word2vec.c and gensim's ``Word2Vec(sg=1, negative=5)`` train, with their settings:
dynamic window, sub-sampling of frequent words (gensim's keep probability), negatives from the
unigram^0.75 distribution, plain SGD with a learning rate falling linearly from ``alpha`` to
``min_alpha`` over all the words of all epochs. Like word2vec.c, the *input* vector of the context
word predicts the *output* vector of the centre word; both matrices are updated.

What makes it fast is doing everything for a chunk of text at once instead of word by word:

1. ``chunk_pairs``: sub-sampling and the dynamic window on whole arrays, one NumPy pass per
   window offset, giving every (input, output) pair of the chunk (tens of thousands of pairs);
2. negatives for all those pairs in one draw;
3. ``sgns_sgd_step``: one batched forward (gather rows, batched dot products) and the gradient
   in closed form, applied with ``index_add_``; no autograd, no optimizer state.

Step 3 differs from word2vec.c in one way: all pairs of a batch read the vectors as they were
before the batch, and the updates to a row that occurs many times (a frequent word) are summed
(the "Hogwild" view of SGD). word2vec.c's threads do the same, without locks, on a smaller scale.
With much larger batches than the default 2,048 pairs, or a tiny vocabulary, the sums overshoot;
``damping`` (on by default) scales them down (see ``sgns_sgd_step``).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from neuralnlp._checks import (
    as_id_array,
    as_id_tensor,
    as_probability_array,
    brief,
    check_bool,
    check_documents,
    check_float_tensor,
    check_int,
    check_numpy_generator,
    check_positive_int,
    check_real,
)
from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.embeddings.word2vec.negative_sampling import NegativeSampler
from neuralnlp.embeddings.word2vec.subsampling import keep_probability


def build_vocabulary(docs: Sequence[Sequence[str]], min_count: int = 5) -> Vocabulary:
    """Words seen at least ``min_count`` times in ``docs``, most frequent first (word2vec's order).

    Raises ``TypeError`` when ``docs`` is not a list of token lists (a str, or a list of str, would
    give a vocabulary of characters).
    """
    docs = check_documents(docs)
    check_positive_int(min_count, "min_count")
    return Vocabulary.build((w for doc in docs for w in doc), min_count=min_count, by_frequency=True)


def encode_corpus(docs: Sequence[Sequence[str]], vocab: Vocabulary) -> tuple[np.ndarray, np.ndarray]:
    """The corpus as two aligned int64 arrays (n,): word ids, and the index of the document of each word.

    Words outside ``vocab`` are dropped first, as gensim does, so a window spans known words only.
    """
    docs = check_documents(docs)
    if not isinstance(vocab, Vocabulary):
        raise TypeError(f"vocab: expected a Vocabulary (from build_vocabulary), got {brief(vocab)}")
    ids, doc_index = [], []
    for d, doc in enumerate(docs):
        known = [vocab.token_to_id(w) for w in doc if w in vocab]
        ids.extend(known)
        doc_index.extend([d] * len(known))
    return np.asarray(ids, dtype=np.int64), np.asarray(doc_index, dtype=np.int64)


# --8<-- [start:chunk-pairs]
def chunk_pairs(ids, doc_index, keep_prob, window: int, rng: np.random.Generator):
    """All skip-gram pairs of a chunk of text, after sub-sampling, with word2vec's dynamic window.

    Each word survives with probability ``keep_prob[word]``; each surviving centre word then draws
    its window b uniformly from 1 … ``window`` and pairs with the b surviving words on each side
    that lie in the same document.

    Args:
        ids: (n,) int64 word ids of the chunk.
        doc_index: (n,) int64 document index of each word.
        keep_prob: (V,) float keep probabilities.

    Returns:
        (inputs, outputs), two int64 arrays (m,): the context word (whose input vector is used)
        and the centre word (whose output vector is scored) of each pair.

    Raises:
        TypeError: ids or doc_index not integers, keep_prob not floats, window not an integer,
            rng not a Generator.
        ValueError: shapes that differ, keep probabilities outside [0, 1], window < 1.
        IndexError: a word id outside [0, len(keep_prob) - 1].
    """
    ids, doc_index, keep_prob = _check_chunk(ids, doc_index, keep_prob, window, rng)
    kept = rng.random(len(ids)) < keep_prob[ids]
    ids, doc_index = ids[kept], doc_index[kept]
    b = rng.integers(1, window + 1, size=len(ids))  # each centre word's window
    inputs, outputs = [], []
    for offset in range(1, window + 1):
        same_doc = doc_index[:-offset] == doc_index[offset:]  # position i and i + offset
        left, right = ids[:-offset], ids[offset:]
        right_sees_left = same_doc & (b[offset:] >= offset)  # centre i + offset, context i
        left_sees_right = same_doc & (b[:-offset] >= offset)  # centre i, context i + offset
        inputs += [left[right_sees_left], right[left_sees_right]]
        outputs += [right[right_sees_left], left[left_sees_right]]
    return np.concatenate(inputs), np.concatenate(outputs)
# --8<-- [end:chunk-pairs]


def _check_chunk(ids, doc_index, keep_prob, window, rng):
    keep_prob = as_probability_array(keep_prob, "keep_prob", ndim=1)
    ids = as_id_array(ids, len(keep_prob), "ids", what="word ids", size_name="len(keep_prob)")
    doc_index = as_id_array(doc_index, np.iinfo(np.int64).max, "doc_index", what="document indices")
    if ids.ndim != 1 or doc_index.shape != ids.shape:
        raise ValueError(f"ids, doc_index: expected two 1-D arrays of the same length, got shapes {ids.shape} "
                         f"and {doc_index.shape}")
    check_positive_int(window, "window")
    check_numpy_generator(rng)
    return ids, doc_index, keep_prob


# --8<-- [start:sgd-step]
def sgns_sgd_step(w_in: torch.Tensor, w_out: torch.Tensor, inputs, outputs, lr: float, damping: bool = True) -> float:
    """One SGD step of SGNS on a batch of pairs, in place; returns the summed loss before the step.

    For a pair with input vector v = w_in[i], output vectors u_j = w_out[o_j] (j = 0: the true
    word, label 1; j = 1 … K: negatives, label 0), the loss and its gradients are

        L = −log σ(u_0·v) − Σ_k log σ(−u_k·v),   ∂L/∂v = −Σ_j g_j u_j,   ∂L/∂u_j = −g_j v,

    with g_j = label_j − σ(u_j·v). The step adds lr·g_j·v to u_j and lr·Σ_j g_j u_j to v, all
    pairs at once: a row repeated in the batch receives the sum of its updates (``index_add_``).
    A negative equal to the true word is skipped (word2vec.c does the same).

    With ``damping``, the summed update of each row r is multiplied by (1 − e^(−x_r)) / x_r, where
    x_r = lr · Σ σ'(u·v) |other vector|² over the row's occurrences in the batch: the fraction of
    the way that x_r small sequential steps would go, over the x_r a single summed step would take.
    Rows seen once with small vectors are left almost unchanged; a frequent word's row cannot
    overshoot.

    Args:
        w_in: (V, d) float input matrix, updated in place.
        w_out: (V, d) float output matrix, updated in place.
        inputs: (B,) int64 input word ids.
        outputs: (B, 1 + K) int64, true word first.
        lr: the learning rate.
        damping: scale the updates of repeated rows as above (False: plain summed SGD).

    Raises:
        TypeError: matrices that are not float tensors of one dtype, ids that are not integers.
        ValueError: shapes that do not match, lr not > 0.
        IndexError: an id outside its matrix.
    """
    inputs, outputs = _check_step(w_in, w_out, inputs, outputs, lr, damping)
    if len(inputs) == 0:
        return 0.0  # an empty batch: nothing to learn
    batch, n_out = outputs.shape
    v = w_in.index_select(0, inputs)  # (B, d)
    u = w_out.index_select(0, outputs.reshape(-1)).view(batch, n_out, -1)  # (B, 1+K, d)
    z = torch.bmm(v.unsqueeze(1), u.transpose(1, 2)).squeeze(1)  # (B, 1+K): u_j · v (this layout is fastest)
    z[:, 1:].neg_()  # label 0 flips the sign: the loss is −Σ_j log σ(z_j) for every column
    loss = -torch.nn.functional.logsigmoid(z).sum().item()
    sig = torch.sigmoid(z)
    g = (1.0 - sig).mul_(lr)  # lr·(1 − σ(z_j)) = lr·|g_j|
    g[:, 1:].neg_()  # g_k = −σ(u_k·v) < 0 for the negatives
    g[:, 1:].masked_fill_(outputs[:, 1:] == outputs[:, :1], 0.0)
    grad_v = torch.bmm(g.unsqueeze(1), u).squeeze(1)  # (B, d): Σ_j lr·g_j u_j, with u before the step
    if damping:
        curvature = sig * (1.0 - sig)  # σ'(z), the same for z and −z
        x_out = torch.zeros(len(w_out), dtype=w_out.dtype).index_add_(
            0, outputs.reshape(-1), (curvature * (v * v).sum(1, keepdim=True)).reshape(-1))
        x_in = torch.zeros(len(w_in), dtype=w_in.dtype).index_add_(0, inputs, (curvature * (u * u).sum(2)).sum(1))
        g *= _damping_factor(lr * x_out)[outputs]
        grad_v *= _damping_factor(lr * x_in)[inputs].unsqueeze(1)
    w_out.index_add_(0, outputs.reshape(-1), (g.unsqueeze(2) * v.unsqueeze(1)).view(batch * n_out, -1))
    w_in.index_add_(0, inputs, grad_v)
    return loss
# --8<-- [end:sgd-step]


def _check_step(w_in, w_out, inputs, outputs, lr, damping):
    check_float_tensor(w_in, "w_in")
    check_float_tensor(w_out, "w_out", w_in.dtype)
    if w_in.dim() != 2 or w_out.dim() != 2 or w_out.shape[1] != w_in.shape[1]:
        raise ValueError(f"w_out: expected a 2-D matrix (V, {w_in.shape[-1]}) like w_in, got shapes "
                         f"{tuple(w_in.shape)} (w_in) and {tuple(w_out.shape)} (w_out)")
    inputs = as_id_tensor(inputs, len(w_in), "inputs", what="word ids", size_name="len(w_in)")
    outputs = as_id_tensor(outputs, len(w_out), "outputs", what="word ids", size_name="len(w_out)")
    if inputs.dim() != 1 or outputs.dim() != 2 or outputs.shape[0] != len(inputs) or outputs.shape[1] == 0:
        raise ValueError(f"outputs: expected shape ({len(inputs)}, 1 + K), one row per input, and inputs of shape "
                         f"(B,), got shapes {tuple(inputs.shape)} (inputs) and {tuple(outputs.shape)} (outputs)")
    check_real(lr, "lr", 0, min_open=True, what="a learning rate")
    check_bool(damping, "damping")
    return inputs, outputs


def _damping_factor(x: torch.Tensor) -> torch.Tensor:
    """(1 − e^(−x)) / x, which is 1 at x = 0 and about 1/x for large x."""
    x = x.clamp(min=1e-12)
    return -torch.expm1(-x) / x


@dataclass
class Word2VecResult:
    """What :func:`train_skipgram` returns.

    Attributes:
        vocab: the V words, most frequent first.
        input_vectors: (V, d) float32, the word vectors (word2vec's ``syn0``, gensim's ``wv``).
        output_vectors: (V, d) float32, the vectors the centre words are scored with (``syn1neg``).
        epoch_losses: mean SGNS loss per pair (1 true word + K negatives), one per epoch.
        pairs: number of (input, output) pairs trained on, all epochs.
        seconds: wall time of the training loop (vocabulary and encoding excluded).
        words_per_second: corpus words (all tokens, before sub-sampling) × epochs / seconds.
        timings: seconds per section of the loop, summed over workers: "pairs", "negatives", "step".
    """

    vocab: Vocabulary
    input_vectors: np.ndarray
    output_vectors: np.ndarray
    epoch_losses: list[float]
    pairs: int
    seconds: float
    words_per_second: float
    timings: dict[str, float] = field(default_factory=dict)


def _check_settings(alpha, min_alpha, damping, seed, **sizes) -> None:
    for name, value in sizes.items():
        check_positive_int(value, name)
    alpha = check_real(alpha, "alpha", 0, min_open=True, what="a learning rate")
    check_real(min_alpha, "min_alpha", 0, alpha, what="a final learning rate")
    check_bool(damping, "damping")
    check_int(seed, "seed", 0)


# --8<-- [start:train]
def train_skipgram(
    docs: Sequence[Sequence[str]],
    vector_size: int = 100,
    window: int = 5,
    negative: int = 5,
    min_count: int = 5,
    sample: float = 1e-3,
    epochs: int = 5,
    alpha: float = 0.025,
    min_alpha: float = 1e-4,
    chunk_words: int = 10_000,
    batch_pairs: int = 2048,
    damping: bool = True,
    workers: int = 2,
    seed: int = 0,
) -> Word2VecResult:
    """Train skip-gram with negative sampling on ``docs`` (lists of tokens); settings as gensim's.

    The corpus is cut into chunks of ``chunk_words`` words; a chunk's pairs are trained in batches
    of ``batch_pairs``. The learning rate of a chunk is alpha − (alpha − min_alpha) · progress,
    progress being the fraction of all epochs' words before the chunk. Input vectors start uniform
    in ±0.5/d, output vectors at zero (word2vec.c, gensim).

    ``damping`` scales down the summed updates of rows repeated within a batch (see
    :func:`sgns_sgd_step`); on real text with the default batch size it changes little, but it
    keeps small vocabularies and large batches from diverging.

    ``workers`` threads take turns at the chunks and update the shared matrices without locks
    (Hogwild, as word2vec.c and gensim do); torch runs one intra-op thread during the call, so
    ``workers=1`` gives bit-reproducible runs.

    Raises:
        TypeError: ``docs`` is not a list of token lists (a list of str would train on characters),
            or a setting of the wrong type.
        ValueError: a size that is not a positive integer, alpha not > 0, min_alpha outside
            [0, alpha], sample outside [0, 1), or no word seen ``min_count`` times.
    """
    _check_settings(alpha, min_alpha, damping, seed, vector_size=vector_size, window=window, negative=negative,
                    min_count=min_count, epochs=epochs, chunk_words=chunk_words, batch_pairs=batch_pairs,
                    workers=workers)
    docs = check_documents(docs)
    vocab = build_vocabulary(docs, min_count)
    if len(vocab) == 0:
        raise ValueError(f"docs: expected words seen at least min_count={min_count} times, got none")
    ids, doc_index = encode_corpus(docs, vocab)
    counts = np.asarray(vocab.counts, dtype=np.int64)
    keep_prob = keep_probability(counts, sample)
    gen = torch.Generator().manual_seed(seed)
    w_in = (torch.rand(len(vocab), vector_size, generator=gen) - 0.5) / vector_size
    w_out = torch.zeros(len(vocab), vector_size)
    chunks = [(epoch, begin) for epoch in range(epochs) for begin in range(0, len(ids), chunk_words)]
    losses = np.zeros((workers, epochs))
    pair_counts = np.zeros((workers, epochs), dtype=np.int64)
    timings = np.zeros((workers, 3))

    def work(worker: int) -> None:
        rng = np.random.default_rng([seed, worker])
        sampler = NegativeSampler(counts, power=0.75, method="alias", rng=rng)
        for epoch, begin in chunks[worker::workers]:
            lr = alpha - (alpha - min_alpha) * (epoch * len(ids) + begin) / (epochs * len(ids))
            t0 = time.perf_counter()
            end = begin + chunk_words
            inputs, outputs = chunk_pairs(ids[begin:end], doc_index[begin:end], keep_prob, window, rng)
            t1 = time.perf_counter()
            targets = np.empty((len(outputs), 1 + negative), dtype=np.int64)
            targets[:, 0] = outputs
            targets[:, 1:] = sampler.sample((len(outputs), negative))
            t2 = time.perf_counter()
            inputs_t, targets_t = torch.from_numpy(inputs), torch.from_numpy(targets)
            for b in range(0, len(inputs), batch_pairs):
                losses[worker, epoch] += sgns_sgd_step(w_in, w_out, inputs_t[b : b + batch_pairs],
                                                       targets_t[b : b + batch_pairs], lr, damping)
            timings[worker] += (t1 - t0, t2 - t1, time.perf_counter() - t2)
            pair_counts[worker, epoch] += len(inputs)

    previous_threads = torch.get_num_threads()
    torch.set_num_threads(1)  # parallelism comes from the workers, like word2vec.c's threads
    start = time.perf_counter()
    try:
        threads = [threading.Thread(target=work, args=(w,)) for w in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        torch.set_num_threads(previous_threads)
    seconds = time.perf_counter() - start
    total_words = sum(map(len, docs))  # all tokens, before min_count and sub-sampling
    return Word2VecResult(
        vocab, w_in.numpy(), w_out.numpy(),
        epoch_losses=(losses.sum(0) / np.maximum(pair_counts.sum(0), 1)).tolist(),
        pairs=int(pair_counts.sum()), seconds=seconds, words_per_second=total_words * epochs / seconds,
        timings=dict(zip(("pairs", "negatives", "step"), timings.sum(0).tolist())),
    )
# --8<-- [end:train]
