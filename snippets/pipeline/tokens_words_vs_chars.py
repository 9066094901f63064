"""Words or characters? Vocabulary size, unknown tokens on validation, and sequence lengths."""

import numpy as np

from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise, unknown_rate

splits = load_reviews()
print("example:", splits.train_texts[3][:30])
print("  words:", " / ".join(tokenise(splits.train_texts[3][:30], "word")))
print("  chars:", " / ".join(tokenise(splits.train_texts[3][:30], "char")))
print(f"\n{'tokens':<8}{'min_count':>10}{'vocabulary':>12}{'unknown (val.)':>16}{'median len':>12}{'95th pct':>10}")
for level in ("word", "char"):
    train = [tokenise(t, level) for t in splits.train_texts]
    validation = [tokenise(t, level) for t in splits.validation_texts]
    lengths = np.array([len(doc) for doc in train])
    for min_count in (1, 2, 5):
        vocab = build_text_vocabulary(train, min_count=min_count)  # built on training texts only
        print(f"{level:<8}{min_count:>10}{len(vocab):>12,}{unknown_rate(validation, vocab):>16.2%}"
              f"{np.median(lengths):>12.0f}{np.percentile(lengths, 95):>10.0f}")
