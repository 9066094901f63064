"""Measure an approximate index the way the sweep does: recall@10 against exact search, for several nprobe."""

from neuralnlp.search.exact import ExactIndex
from neuralnlp.search.ivf import IVFIndex
from neuralnlp.search.recall import recall_at_k
from neuralnlp.search.synthetic import synthetic_vectors

# Synthetic, clustered unit vectors: 5,000 to search and 200 held-out queries from the same clusters.
vectors = synthetic_vectors(5_200, 64, clusters=200, spread=1.0, seed=0)
collection, queries = vectors[:5_000], vectors[5_000:]

exact = ExactIndex(64)
exact.add(collection)
_, truth = exact.search(queries, 10)  # the true 10 nearest neighbours: the yardstick

ivf = IVFIndex(64, nlist=71, seed=0)  # nlist ≈ √N
ivf.train(collection)
ivf.add(collection)
for nprobe in (1, 2, 4, 8, 16, 71):
    ivf.nprobe = nprobe
    _, found = ivf.search(queries, 10)
    print(f"nprobe = {nprobe:2}: scans about {nprobe / 71:6.1%} of the lists, recall@10 = {recall_at_k(found, truth):.3f}")
