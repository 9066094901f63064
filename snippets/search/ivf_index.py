"""Build an IVF index on synthetic vectors, then look inside: list sizes, the probed lists, the candidates scanned."""

import numpy as np

from neuralnlp.search.ivf import IVFIndex
from neuralnlp.search.synthetic import synthetic_vectors

vectors = synthetic_vectors(20005, 64, clusters=200, seed=0)  # synthetic: clustered unit vectors
x, queries = vectors[:20000], vectors[20000:]  # 20 000 to store, 5 held out as queries
index = IVFIndex(64, nlist=141, seed=0)  # nlist ≈ √N; 20 000 >= 39 · 141 training vectors
index.train(x)
index.add(x)
sizes = np.array([len(ids) for ids, _ in index.lists])
print(f"{len(index)} vectors in {index.nlist} lists: sizes {sizes.min()} to {sizes.max()}, mean {sizes.mean():.0f}")

for nprobe in (1, 4, 16):
    index.nprobe = nprobe
    scanned = len(index.candidates(queries[0]))
    print(f"nprobe = {nprobe:>2}: lists {index.probe(queries[:1])[0][:4].tolist()}{' ...' if nprobe > 4 else ''}, "
          f"{scanned} candidates scanned ({scanned / len(index):.1%} of the vectors)")

index.nprobe = 4
scores, ids = index.search(queries, 3)
print("top 3 ids of query 0:", ids[0].tolist(), "cosines:", " ".join(f"{s:.3f}" for s in scores[0]))
print("all inside its candidates:", set(ids[0].tolist()) <= set(index.candidates(queries[0]).tolist()))
