"""Label agreement@k worked by hand: five labelled reviews as the collection, two queries, made-up 2-D vectors."""

import numpy as np

from neuralnlp.search.retrieval_quality import (cosine_neighbours, label_agreement_at_k, label_agreement_per_query,
                                                label_base_rate)

texts = ["质量很好", "非常满意", "物流太慢", "完全不能用", "还不错"]
labels = np.array([1, 1, 0, 0, 1])  # 1 positive, 0 negative
collection = np.array([[0.9, 0.1], [0.8, 0.3], [0.2, 0.9], [0.1, 1.0], [0.6, 0.5]])  # invented, to be drawn on paper
query_texts, query_labels = ["很满意", "一般般，有点慢"], np.array([1, 0])
queries = np.array([[1.0, 0.2], [0.5, 0.6]])

# --8<-- [start:agreement]
scores, ids = cosine_neighbours(queries, collection, k=3)
for text, label, row, score in zip(query_texts, query_labels, ids, scores):
    found = ", ".join(f"{texts[j]}({labels[j]}) {s:.3f}" for j, s in zip(row, score))
    print(f"{text}({label}) -> {found}")
for k in (1, 2, 3):
    print(f"k={k}: per query {label_agreement_per_query(ids, query_labels, labels, k).round(3)}, "
          f"agreement@{k} = {label_agreement_at_k(ids, query_labels, labels, k):.3f}")
print(f"base rate: {label_base_rate(query_labels, labels):.3f}")
# --8<-- [end:agreement]
