"""Exercise: an "encoder" that knows only the label scores a perfect label agreement, and finds nothing relevant."""

import numpy as np

from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.search.retrieval_quality import cosine_neighbours, label_agreement_at_k

splits = load_reviews()
queries = splits.test_labels[:300]  # 300 queries are enough: every score is a tie, and ties cost time
one_hot = np.eye(2)  # row c: the vector of every review with label c
_, ids = cosine_neighbours(one_hot[queries], one_hot[splits.train_labels], k=50)
print("label agreement@1, @10, @50:",
      [round(label_agreement_at_k(ids, queries, splits.train_labels, k), 3) for k in (1, 10, 50)])
query = 0
print(f"query ({splits.test_labels[query]}): {splits.test_texts[query][:40]}")
for j in ids[query, :3]:  # every review of the same label ties; the lowest ids come first
    print(f"  id {j} ({splits.train_labels[j]}): {splits.train_texts[j][:40]}")
