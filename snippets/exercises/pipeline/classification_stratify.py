"""Exercise: how far does the positive share of a test split drift without stratification?"""

import numpy as np

from neuralnlp.pipeline.reviews import clean_reviews, stratified_split
from neuralnlp.training.data_splits import train_validation_test_split
from neuralnlp.transformer.corpora import chinese_reviews

_, labels, _ = clean_reviews(chinese_reviews("neg"), chinese_reviews("pos"))
print(f"positive share of all {len(labels):,} texts: {labels.mean():.4f}")
for size, name in ((len(labels), "all texts"), (200, "a 200-text sample")):
    sample = labels[np.random.default_rng(0).permutation(len(labels))[:size]]
    plain = [sample[train_validation_test_split(size, 0.1, 0.1, seed)[2]].mean() for seed in range(50)]
    strat = [sample[stratified_split(sample, 0.1, 0.1, seed)[2]].mean() for seed in range(50)]
    print(f"{name} (positive share {sample.mean():.3f}): test-split share over 50 seeds: random {min(plain):.3f}-{max(plain):.3f}, "
          f"stratified {min(strat):.3f}-{max(strat):.3f}")
