"""Spherical k-means: the coarse quantiser that cuts the unit sphere into the cells of an IVF index.

We search by the cosine, so every vector is a unit vector x̂ and so is every centroid c_j. Lloyd's
algorithm (Lloyd 1982) alternates two steps that each lower the same objective:

    assign:    a(x) = argmax_j  x̂ · c_j                       (the cell: FAISS's IndexFlatIP quantiser)
    update:    c_j  = Σ_{a(x)=j} x̂ / ‖Σ_{a(x)=j} x̂‖            (the unit mean direction of the cell)
    objective: J    = Σ_x ‖x̂ − c_{a(x)}‖² = Σ_x (2 − 2 x̂ · c_{a(x)})

On unit vectors the nearest centroid in Euclidean distance is the one with the largest inner
product, so the assignment step is exactly how ``faiss.IndexIVFFlat`` with
``METRIC_INNER_PRODUCT`` files a vector (its quantiser is an ``IndexFlatIP``), and the update
step is FAISS's ``spherical`` clustering, which ``IndexIVF`` switches on for the inner product.

Choices, and why:

- initialisation: k-means++ (Arthur & Vassilvitskii 2007): the first centroid is a random vector,
  each next one a vector drawn with probability ∝ D(x)² = 2 − 2 max_j x̂ · c_j, so the centroids
  start spread over the data; it costs one pass of n·k·d, like one Lloyd iteration. FAISS instead
  starts from k random training vectors (``init="random"`` here does the same).
- bounded memory: the assignment runs over ``chunk`` rows at a time, so the scores never take more
  than chunk × k floats.
- empty cells: a cell left with no vector is re-seeded at the vector worst served by its own
  centroid (the largest x̂ · c gap), taken from a cell that keeps at least one vector. That vector's
  cost drops to 0 and nothing else changes, so J still never rises. FAISS instead splits a cell
  drawn with probability growing with its size (its centroid copied and the two copies nudged
  apart), a step that need not lower J.

Shapes: vectors (n, d) float; centroids (k, d) float32 unit rows; assignments (n,) int64.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_numpy_generator, check_choice, check_int, check_positive_int
from neuralnlp.search.vectors import as_vector_rows, unit_rows

INITS = ("k-means++", "random")


# --8<-- [start:assign]
def nearest_centroid(vectors, centroids, chunk: int = 4096):
    """The cell of every vector: the centroid with the largest inner product, ``chunk`` rows at a time.

    Args:
        vectors: (n, d) float array (unit rows for the cosine).
        centroids: (k, d) float array.
        chunk: rows scored at once; memory is about chunk × k floats.

    Returns:
        (cells, similarities): (n,) int64 centroid index of each vector, and (n,) float32 inner
        product with that centroid. Ties go to the lower index.
    """
    centroids = as_vector_rows(centroids, "centroids").astype(np.float32)
    vectors = as_vector_rows(vectors, "vectors", centroids.shape[1]).astype(np.float32, copy=False)
    chunk = check_positive_int(chunk, "chunk")
    cells = np.empty(len(vectors), dtype=np.int64)
    best = np.empty(len(vectors), dtype=np.float32)
    for start in range(0, len(vectors), chunk):
        scores = vectors[start:start + chunk] @ centroids.T  # (chunk, k): the only large temporary
        cells[start:start + chunk] = scores.argmax(axis=1)
        best[start:start + chunk] = scores[np.arange(len(scores)), cells[start:start + chunk]]
    return cells, best
# --8<-- [end:assign]


def _kmeans_plus_plus(x: np.ndarray, k: int, rng: np.random.Generator, chunk: int) -> np.ndarray:
    centroids = np.empty((k, x.shape[1]), dtype=np.float32)
    centroids[0] = x[rng.integers(len(x))]
    best = np.full(len(x), -np.inf, dtype=np.float32)  # max_j x̂·c_j over the centroids chosen so far
    for j in range(1, k):
        for start in range(0, len(x), chunk):
            np.maximum(best[start:start + chunk], x[start:start + chunk] @ centroids[j - 1], out=best[start:start + chunk])
        d2 = np.maximum(2.0 - 2.0 * best.astype(np.float64), 0.0)  # squared distance to the nearest centroid
        total = d2.sum()
        row = rng.choice(len(x), p=d2 / total) if total > 0 else rng.integers(len(x))
        centroids[j] = x[row]
    return centroids


def _cell_sums(x: np.ndarray, cells: np.ndarray, k: int, chunk: int) -> np.ndarray:
    sums = np.zeros((k, x.shape[1]), dtype=np.float64)
    for start in range(0, len(x), chunk):
        part, rows = cells[start:start + chunk], x[start:start + chunk]
        order = np.argsort(part, kind="stable")
        labels, first = np.unique(part[order], return_index=True)
        sums[labels] += np.add.reduceat(rows[order].astype(np.float64), first, axis=0)
    return sums


# --8<-- [start:kmeans]
def spherical_kmeans(vectors, k: int, iterations: int = 20, seed=0, init: str = "k-means++", chunk: int = 4096):
    """Spherical k-means (Lloyd iterations on unit vectors) with k-means++ or random initialisation.

    Args:
        vectors: (n, d) float array; rows are scaled to unit length first (a zero row is an error).
        k: number of cells, 1 <= k <= n.
        iterations: at most this many update + assign rounds (it stops early once no vector moves).
        seed: an int or a numpy Generator, for the initialisation.
        init: ``"k-means++"`` (D² sampling) or ``"random"`` (k distinct random vectors, as FAISS).
        chunk: rows scored at once in every assignment (bounded memory).

    Returns:
        (centroids, cells, objectives): (k, d) float32 unit centroids, (n,) int64 cell of each
        vector, and the objective J = Σ (2 − 2 x̂·c) after the initial assignment and after every
        round (a list of floats that never rises).
    """
    x = unit_rows(vectors, "vectors")
    k = check_int(k, "k", 1, len(x))
    iterations = check_int(iterations, "iterations", 0)
    rng = as_numpy_generator(seed, "seed")
    check_choice(init, INITS, "init")
    chunk = check_positive_int(chunk, "chunk")
    if init == "k-means++":
        centroids = _kmeans_plus_plus(x, k, rng, chunk)
    else:
        centroids = x[rng.choice(len(x), size=k, replace=False)].copy()
    cells, sims = nearest_centroid(x, centroids, chunk)
    objectives = [float(np.sum(2.0 - 2.0 * sims.astype(np.float64)))]
    for _ in range(iterations):
        counts = np.bincount(cells, minlength=k)
        for empty in np.flatnonzero(counts == 0):  # re-seed at the worst-served vector of a cell that keeps one
            for row in np.argsort(sims, kind="stable"):
                if counts[cells[row]] > 1:
                    counts[cells[row]] -= 1
                    cells[row], sims[row], counts[empty] = empty, 1.0, 1
                    break
        sums = _cell_sums(x, cells, k, chunk)
        norms = np.linalg.norm(sums, axis=1)
        moved = norms > 0  # a cell whose vectors cancel out keeps its centroid
        centroids[moved] = (sums[moved] / norms[moved, None]).astype(np.float32)
        new_cells, sims = nearest_centroid(x, centroids, chunk)
        objectives.append(float(np.sum(2.0 - 2.0 * sims.astype(np.float64))))
        if np.array_equal(new_cells, cells):
            break
        cells = new_cells
    return centroids, cells, objectives
# --8<-- [end:kmeans]
