"""From texts to padded batches: a Dataset of ids, a collate function that pads and returns lengths, a seeded loader."""

import torch

from neuralnlp.pipeline.dataset import ReviewDataset, pad_batch, review_loader
from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise_text

torch.set_num_threads(1)  # many small operations: on a busy machine a second thread only waits

splits = load_reviews()
vocab = build_text_vocabulary([tokenise_text(t, "char") for t in splits.train_texts], min_count=2)  # training only
print(f"vocabulary of {len(vocab):,} characters from {len(splits.train_texts):,} training texts: {vocab.tokens[:6]}")
train = ReviewDataset(splits.train_texts[::5], splits.train_labels[::5], vocab, level="char", max_len=150)

ids, lengths, labels = pad_batch([train[i] for i in (5, 6, 7)])
print("ids:\n", ids[:, :12], "\nlengths:", lengths.tolist(), " labels:", labels.tolist())

order = lambda seed: [b[2][:4].tolist() for _, b in zip(range(2), review_loader(train, 64, seed=seed))]  # noqa: E731
torch.manual_seed(123)  # other random draws do not change the loader's order: it has its own generator
print("first labels of the first two batches, seed 0:", order(0), "again:", order(0))


def padding_share(loader):
    real = total = 0
    for ids, lengths, _ in loader:
        real, total = real + int(lengths.sum()), total + ids.numel()
    return 1 - real / total


print(f"share of padding in the batches of {len(train):,} texts: random {padding_share(review_loader(train, 64)):.0%}, "
      f"bucketed by length {padding_share(review_loader(train, 64, bucket=True)):.0%}")
