"""Exercise: with nprobe = nlist, IVF compares the query with every vector: the same ids as exact search."""

import numpy as np

from neuralnlp.search.exact import ExactIndex
from neuralnlp.search.ivf import IVFIndex
from neuralnlp.search.synthetic import synthetic_vectors

vectors = synthetic_vectors(5_200, 64, clusters=200, spread=1.0, seed=0)  # the measuring snippet's vectors
collection, queries = vectors[:5_000], vectors[5_000:]
exact = ExactIndex(64)
exact.add(collection)
true_scores, true_ids = exact.search(queries, 10)

ivf = IVFIndex(64, nlist=71, nprobe=71, seed=0)  # every list probed
ivf.train(collection)
ivf.add(collection)
scores, ids = ivf.search(queries, 10)
print("queries whose 10 ids equal exact search's, in the same order:", int((ids == true_ids).all(axis=1).sum()),
      "of", len(queries))
print(f"largest score difference: {np.abs(scores - true_scores).max():.1e}")
