"""Exercise: search the test split against itself with random vectors, with and without leaving the query out."""

import numpy as np

from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.search.retrieval_quality import cosine_neighbours, label_agreement_at_k, label_base_rate

labels = load_reviews().test_labels
vectors = np.random.default_rng(0).standard_normal((len(labels), 64))
for exclude_self in (False, True):
    _, ids = cosine_neighbours(vectors, vectors, k=10, exclude_self=exclude_self)
    print(f"exclude_self={exclude_self}: agreement@1 {label_agreement_at_k(ids, labels, labels, 1):.3f}, "
          f"@10 {label_agreement_at_k(ids, labels, labels, 10):.3f}")
print(f"base rate, the query left out: {label_base_rate(labels, labels, exclude_self=True):.3f}")
