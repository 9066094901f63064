"""Exercise: the majority baseline's accuracy and macro-F1, by hand and by the library."""

import numpy as np

from neuralnlp.pipeline.baselines import majority_baseline
from neuralnlp.pipeline.metrics import accuracy, macro_f1
from neuralnlp.pipeline.reviews import load_reviews

splits = load_reviews()
neg, pos = np.bincount(splits.test_labels)
y_pred = majority_baseline(splits.train_labels, len(splits.test_labels))
print(f"training split: {np.bincount(splits.train_labels).tolist()} (negative, positive) -> always predict {y_pred[0]}")
print(f"by hand: accuracy = {neg}/{neg + pos} = {neg / (neg + pos):.3f}; "
      f"F1_neg = 2·{neg}/(2·{neg} + {pos}) = {2 * neg / (2 * neg + pos):.3f}, F1_pos = 0, "
      f"macro-F1 = {2 * neg / (2 * neg + pos) / 2:.3f}")
print(f"library: accuracy {accuracy(splits.test_labels, y_pred):.3f}, macro-F1 {macro_f1(splits.test_labels, y_pred):.3f}")
