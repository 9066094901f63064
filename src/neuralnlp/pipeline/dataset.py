"""Reviews as tensors: a ``Dataset`` of token ids, a collate function that pads, a seeded ``DataLoader``.

Texts have different lengths, but a batch is one rectangular tensor. ``pad_batch`` pads every
sequence of a batch with ``<pad>`` (id 0) to the longest one and returns the true lengths beside it:

    ids      (B, T)  int64, ids[b, t] = 0 for t >= lengths[b]
    lengths  (B,)    int64, each >= 1
    labels   (B,)    int64

The models use the lengths (masks, or reading the state at position lengths[b] − 1), never the
state at position T − 1, which for a short text is a state after reading padding.
``review_loader`` shuffles with its own seeded ``torch.Generator``, so the order of the batches is
the same on every run, whatever else has drawn random numbers before.
"""

from __future__ import annotations

import torch
from torch.utils.data import DataLoader, Dataset

from neuralnlp._checks import brief, check_bool, check_choice, check_class_indices, check_int, check_positive_int
from neuralnlp.pipeline.tokenise import LEVELS, _check_vocab, tokenise


# --8<-- [start:dataset]
class ReviewDataset(Dataset):
    """Texts encoded once into token ids, with their labels; item i is (ids_i, label_i).

    Args:
        texts: the reviews (str), none empty.
        labels: one class index per text, in [0, n_classes).
        vocab: the vocabulary (``build_text_vocabulary``); unknown tokens become ``<unk>``.
        level: ``"word"`` or ``"char"``, as the vocabulary was built.
        max_len: each text keeps its first ``max_len`` tokens.
        n_classes: the number of classes (2: negative, positive).

    Raises:
        ValueError: a text with no token, or labels and texts of different lengths.
        IndexError: a label outside [0, n_classes).
    """

    def __init__(self, texts, labels, vocab, level: str = "word", max_len: int = 200, n_classes: int = 2):
        vocab = _check_vocab(vocab)
        level = check_choice(level, LEVELS, "level")
        max_len = check_positive_int(max_len, "max_len")
        n_classes = check_positive_int(n_classes, "n_classes", minimum=2)
        if isinstance(texts, str) or not isinstance(texts, (list, tuple)):
            raise TypeError(f"texts: expected a list of str, got {brief(texts)}")
        self.labels = torch.from_numpy(check_class_indices(labels, n_classes, len(texts), "labels"))
        self.ids = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"texts[{i}]: expected a str, got {brief(text)}")
            tokens = tokenise(text, level)[:max_len]
            if not tokens:
                raise ValueError(f"texts[{i}]: expected at least one token, got {brief(text)}")
            self.ids.append(torch.tensor(vocab.encode(tokens), dtype=torch.int64))

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, int]:
        return self.ids[i], int(self.labels[i])
# --8<-- [end:dataset]


# --8<-- [start:collate]
def pad_batch(batch) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Collate [(ids, label), ...] into (ids (B, T) padded with 0, lengths (B,), labels (B,)).

    Args:
        batch: a non-empty list of (1-D int64 tensor of ids, int label) pairs.

    Raises:
        ValueError: an empty batch, or a sequence of length 0 (it has nothing to classify).
        TypeError: an item that is not an (ids, label) pair.
    """
    if not isinstance(batch, (list, tuple)) or not batch:
        raise ValueError(f"batch: expected a non-empty list of (ids, label) pairs, got {brief(batch)}")
    for b, item in enumerate(batch):
        if not (isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], torch.Tensor)):
            raise TypeError(f"batch[{b}]: expected an (ids tensor, label) pair, got {brief(item)}")
        if item[0].ndim != 1 or item[0].dtype != torch.int64:
            raise TypeError(f"batch[{b}]: expected 1-D int64 ids, got {item[0].dtype} of shape {tuple(item[0].shape)}")
        if len(item[0]) == 0:
            raise ValueError(f"batch[{b}]: expected a sequence of at least 1 token, got length 0")
    lengths = torch.tensor([len(ids) for ids, _ in batch], dtype=torch.int64)
    ids = torch.zeros(len(batch), int(lengths.max()), dtype=torch.int64)  # 0 is <pad>
    for b, (seq, _) in enumerate(batch):
        ids[b, : len(seq)] = seq
    labels = torch.tensor([check_int(label, f"batch[{b}] label", minimum=0) for b, (_, label) in enumerate(batch)])
    return ids, lengths, labels
# --8<-- [end:collate]


# --8<-- [start:loader]
def review_loader(dataset: ReviewDataset, batch_size: int = 64, shuffle: bool = True, seed: int = 0,
                  bucket: bool = False) -> DataLoader:
    """A ``DataLoader`` over ``dataset`` with ``pad_batch`` and a ``torch.Generator`` seeded with ``seed``.

    Args:
        dataset: a :class:`ReviewDataset`.
        batch_size: >= 1.
        shuffle: draw a new order each epoch (training) or keep the dataset's order (evaluation).
        seed: seeds the loader's own generator, >= 0.
        bucket: with ``shuffle``, put texts of similar length in the same batch (less padding,
            so a recurrent model runs fewer steps); the batches still come in a random order.
    """
    if not isinstance(dataset, ReviewDataset):
        raise TypeError(f"dataset: expected a ReviewDataset, got {brief(dataset)}")
    batch_size = check_positive_int(batch_size, "batch_size")
    shuffle, bucket = check_bool(shuffle, "shuffle"), check_bool(bucket, "bucket")
    generator = torch.Generator().manual_seed(check_int(seed, "seed", minimum=0))
    if shuffle and bucket:
        sampler = _BucketBatches(dataset, batch_size, generator)
        return DataLoader(dataset, batch_sampler=sampler, collate_fn=pad_batch)
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, collate_fn=pad_batch, generator=generator)
# --8<-- [end:loader]


class _BucketBatches(torch.utils.data.Sampler):
    """Shuffle, sort each pool of 50 batches by length, cut into batches, shuffle the batches."""

    def __init__(self, dataset: ReviewDataset, batch_size: int, generator: torch.Generator):
        self.lengths = torch.tensor([len(ids) for ids in dataset.ids])
        self.batch_size, self.generator = batch_size, generator

    def __iter__(self):
        order = torch.randperm(len(self.lengths), generator=self.generator)
        pool = 50 * self.batch_size
        batches = []
        for start in range(0, len(order), pool):
            chunk = order[start:start + pool]
            chunk = chunk[torch.argsort(self.lengths[chunk], stable=True)]
            batches += [chunk[i:i + self.batch_size].tolist() for i in range(0, len(chunk), self.batch_size)]
        for b in torch.randperm(len(batches), generator=self.generator).tolist():
            yield batches[b]

    def __len__(self) -> int:
        pool = 50 * self.batch_size
        n = len(self.lengths)
        return sum(-(-min(pool, n - s) // self.batch_size) for s in range(0, n, pool))
