"""Exercise: with nprobe = nlist every inverted list is scanned, so IVF returns exactly what exact search returns."""

import numpy as np

from neuralnlp.search.ivf import IVFIndex
from neuralnlp.search.synthetic import synthetic_vectors

vectors = synthetic_vectors(3050, 48, clusters=30, spread=1.5, seed=0)  # synthetic
x, queries = vectors[:3000], vectors[3000:]
index = IVFIndex(48, nlist=40, seed=0)
index.train(x)
index.add(x)
exact = np.argsort(-(queries @ x.T), axis=1, kind="stable")[:, :10]
for nprobe in (1, 10, 40):
    index.nprobe = nprobe
    _, ids = index.search(queries, 10)
    print(f"nprobe {nprobe:>2}: candidates for query 0: {len(index.candidates(queries[0])):>4}, "
          f"top 10 equal to exact search for {np.mean((ids == exact).all(axis=1)):.0%} of the queries")
