"""Exercise: efSearch smaller than k. Ours searches with ef = max(efSearch, k); does FAISS 1.15?"""

import faiss
import numpy as np

from neuralnlp.search.hnsw import HNSWIndex
from neuralnlp.search.recall import recall_at_k
from neuralnlp.search.synthetic import synthetic_vectors

faiss.omp_set_num_threads(1)
x = synthetic_vectors(2100, 16, clusters=30, spread=2.0, seed=0)  # synthetic vectors
base, queries = x[:2000], x[2000:]
exact = faiss.IndexFlatIP(16)
exact.add(base)
true_ids = exact.search(queries, 10)[1]
ours = HNSWIndex(16, M=8, ef_construction=40, seed=0)
ours.add(base)
theirs = faiss.IndexHNSWFlat(16, 8, faiss.METRIC_INNER_PRODUCT)
theirs.hnsw.efConstruction = 40
theirs.add(base)
print(f"faiss {faiss.__version__}; k = 10")
print("efSearch  recall@10 ours  FAISS")
for ef in (1, 5, 10, 20):
    ours.ef_search = theirs.hnsw.efSearch = ef
    mine, reference = recall_at_k(ours.search(queries, 10)[1], true_ids), recall_at_k(theirs.search(queries, 10)[1], true_ids)
    print(f"{ef:>8}  {mine:>14.3f}  {reference:.3f}")
