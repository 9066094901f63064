"""Exercise: a stored vector used as a query always finds itself at nprobe = 1, because add and search
file a vector by the same rule (the centroid with the largest inner product)."""

import numpy as np

from neuralnlp.search.ivf import IVFIndex
from neuralnlp.search.synthetic import synthetic_vectors

x = synthetic_vectors(5000, 32, clusters=50, seed=0)  # synthetic
index = IVFIndex(32, nlist=70, nprobe=1, seed=0)
index.train(x)
index.add(x)
_, ids = index.search(x[:1000], 1)
print(f"stored vectors that found themselves at nprobe = 1: {np.mean(ids[:, 0] == np.arange(1000)):.3f}")
