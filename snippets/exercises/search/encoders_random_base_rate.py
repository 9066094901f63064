"""Exercise: measure the base rate with random vectors, and compare it with the formula Σ_c q_c p_c."""

import numpy as np

from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.search.retrieval_quality import cosine_neighbours, label_agreement_at_k, label_base_rate

splits = load_reviews()
print(f"formula: {label_base_rate(splits.test_labels, splits.train_labels):.4f}")
for seed in (0, 1):
    rng = np.random.default_rng(seed)
    queries = rng.standard_normal((len(splits.test_texts), 64))
    collection = rng.standard_normal((len(splits.train_texts), 64))
    _, ids = cosine_neighbours(queries, collection, k=50)
    print(f"random vectors, seed {seed}: " + ", ".join(
        f"@{k} {label_agreement_at_k(ids, splits.test_labels, splits.train_labels, k):.4f}" for k in (1, 10, 50)))
