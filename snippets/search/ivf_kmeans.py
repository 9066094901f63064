"""Our spherical k-means on synthetic clustered vectors: the objective after every round, and against faiss.Kmeans."""

import faiss
import numpy as np

from neuralnlp.search.kmeans import spherical_kmeans
from neuralnlp.search.synthetic import synthetic_vectors

x = synthetic_vectors(3000, 64, clusters=80, spread=1.0, seed=0)  # synthetic, unit rows
centroids, cells, objectives = spherical_kmeans(x, 50, iterations=20, seed=0)
print("J after each round:", " ".join(f"{j:.1f}" for j in objectives[:8]), "...", f"{objectives[-1]:.1f}")
print(f"rounds run: {len(objectives) - 1}, never rose: {all(b <= a for a, b in zip(objectives, objectives[1:]))}")
print(f"vectors per cell: smallest {np.bincount(cells).min()}, largest {np.bincount(cells).max()}")


def objective(c):  # J = Σ (2 − 2 x̂·c) with each vector in its best cell
    return float(np.sum(2 - 2 * (x @ c.T).max(axis=1).astype(np.float64)))


for seed in range(2):
    km = faiss.Kmeans(64, 50, niter=20, spherical=True, seed=seed + 1)
    km.train(x)
    ours_pp = objective(spherical_kmeans(x, 50, 20, seed=seed)[0])
    ours_random = objective(spherical_kmeans(x, 50, 20, seed=seed, init="random")[0])
    print(f"seed {seed}: ours k-means++ {ours_pp:.1f}, ours random {ours_random:.1f}, faiss.Kmeans "
          f"{objective(km.centroids):.1f}, ratio ours/faiss {ours_pp / objective(km.centroids):.4f}")
