"""An inverted-file index (IVF): cut the sphere into nlist cells, then scan only the nprobe nearest cells.

Train: spherical k-means gives nlist unit centroids c_1..c_nlist (``neuralnlp.search.kmeans``).
Add: every unit vector x̂ goes into the inverted list of its cell, a(x) = argmax_j x̂ · c_j; a list
holds the ids and the vectors of its cell, stored as arrays. Search for a unit query q̂:

    probe:      P(q) = the nprobe cells j with the largest q̂ · c_j          (nlist · d operations)
    candidates: C(q) = ∪_{j ∈ P(q)} list_j                                 (about nprobe · N / nlist vectors)
    result:     the k candidates with the largest q̂ · x̂                    (nprobe · (N / nlist) · d operations)

A true neighbour is missed exactly when it was filed in a cell the query does not probe, which
happens to queries near a cell border. With nprobe = nlist every list is scanned: exact search.

This is ``faiss.IndexIVFFlat(IndexFlatIP(d), d, nlist, METRIC_INNER_PRODUCT)`` on vectors passed
through ``faiss.normalize_L2``: given the same centroids, the same lists, the same probed cells and
the same results (ties aside; tested).

Shapes: vectors (n, d); queries (q, d); search returns float32 scores (q, k) and int64 ids (q, k),
best first, padded with -inf / -1 where fewer than k candidates were scanned (as FAISS pads).
"""

from __future__ import annotations

import warnings

import numpy as np

from neuralnlp._checks import as_float_array, check_finite, check_int, check_last_dim, check_positive_int
from neuralnlp.search.kmeans import nearest_centroid, spherical_kmeans
from neuralnlp.search.vectors import unit_rows

MIN_POINTS_PER_CENTROID = 39  # FAISS's ClusteringParameters.min_points_per_centroid: below it, it warns
MAX_POINTS_PER_CENTROID = 256  # FAISS's max_points_per_centroid: above it, it trains on a random sample


# --8<-- [start:index]
class IVFIndex:
    """Inverted-file index for cosine search: k-means cells, one inverted list per cell, nprobe cells scanned.

    Args:
        dim: length d of every vector.
        nlist: number of cells (inverted lists).
        nprobe: cells scanned per query (a plain attribute, checked at each search: 1 <= nprobe <= nlist).
        seed: seed of the k-means initialisation in ``train``.

    Attributes:
        centroids: (nlist, d) float32 unit centroids, None until ``train`` or ``set_centroids``.
        lists: one (ids, vectors) pair per cell: (m,) int64 and (m, d) float32 unit rows, in the
            order added.

    Raises:
        TypeError: a size that is not an integer, or non-float vectors.
        ValueError: a wrong shape, NaN or inf, a zero vector, fewer training vectors than nlist,
            nprobe or k out of range, or a search in an empty index.
    """

    def __init__(self, dim: int, nlist: int, nprobe: int = 1, seed: int = 0):
        self.dim = check_positive_int(dim, "dim")
        self.nlist = check_positive_int(nlist, "nlist")
        self.nprobe = check_int(nprobe, "nprobe", 1, self.nlist)
        self.seed = check_int(seed, "seed", 0)
        self.centroids = None
        self.lists = [(np.empty(0, np.int64), np.empty((0, self.dim), np.float32)) for _ in range(self.nlist)]
        self._count = 0

    def train(self, vectors, iterations: int = 20) -> list:
        """Find the cells with our spherical k-means on ``vectors`` (n, d); returns its objective history.

        Warns, as FAISS does, when there are fewer than 39 training vectors per cell; trains on a
        random sample of 256 vectors per cell when there are more (FAISS's limits).
        """
        x = unit_rows(vectors, "vectors", self.dim)
        if len(x) < self.nlist:
            raise ValueError(f"vectors: expected at least nlist = {self.nlist} training vectors, got {len(x)}")
        if len(x) < MIN_POINTS_PER_CENTROID * self.nlist:
            warnings.warn(f"clustering {len(x)} points to {self.nlist} centroids: FAISS asks for at least "
                          f"{MIN_POINTS_PER_CENTROID * self.nlist} training points", stacklevel=2)
        if len(x) > MAX_POINTS_PER_CENTROID * self.nlist:
            rows = np.random.default_rng(self.seed).choice(len(x), MAX_POINTS_PER_CENTROID * self.nlist, replace=False)
            x = x[np.sort(rows)]
        centroids, _, objectives = spherical_kmeans(x, self.nlist, iterations, seed=self.seed)
        self.set_centroids(centroids)
        return objectives

    def set_centroids(self, centroids) -> None:
        """Use given centroids (nlist, d) instead of training (they are scaled to unit length).

        Only before anything is added: the stored vectors were filed by the old centroids.
        """
        if self._count:
            raise ValueError(f"centroids: expected an empty index (the {self._count} stored vectors were filed "
                             f"by the old cells; build a new index), got {self._count} stored vectors")
        centroids = unit_rows(centroids, "centroids", self.dim)
        if len(centroids) != self.nlist:
            raise ValueError(f"centroids: expected shape ({self.nlist}, {self.dim}), one per list, "
                             f"got shape {centroids.shape}")
        self.centroids = centroids

    def add(self, vectors) -> None:
        """File ``vectors`` (n, d) into the lists of their cells, as unit vectors; ids continue from len(index)."""
        self._check_trained("vectors")
        x = unit_rows(vectors, "vectors", self.dim)
        cells, _ = nearest_centroid(x, self.centroids)
        ids = np.arange(self._count, self._count + len(x), dtype=np.int64)
        order = np.argsort(cells, kind="stable")  # grouped by cell, in the order added within a cell
        bounds = np.searchsorted(cells[order], np.arange(self.nlist + 1))
        for cell in np.flatnonzero(np.diff(bounds)):
            mine = order[bounds[cell]:bounds[cell + 1]]
            old_ids, old_vectors = self.lists[cell]
            self.lists[cell] = (np.concatenate([old_ids, ids[mine]]), np.concatenate([old_vectors, x[mine]]))
        self._count += len(x)

    def probe(self, queries) -> np.ndarray:
        """The ``nprobe`` cells each query (q, d) scans, best first: (q, nprobe) int64 list numbers."""
        return self._probe_checked(queries, "queries")

    def candidates(self, query) -> np.ndarray:
        """The stored ids one query (d,) scans: the contents of its probed lists, in probe order."""
        query = as_float_array(query, "query")
        if query.ndim != 1:
            raise ValueError(f"query: expected shape ({self.dim},), one vector, got shape {query.shape}")
        check_last_dim(query, self.dim, "query")
        check_finite(query, "query")
        cells = self._probe_checked(query[None, :], "query")[0]
        return np.concatenate([self.lists[cell][0] for cell in cells])

    def search(self, queries, k: int):
        """The ``k`` most similar stored vectors among the candidates of each query (q, d).

        Returns:
            (scores, ids): (q, k) float32 cosines and int64 ids, best first; -inf and -1 where a
            query's probed lists hold fewer than k vectors.
        """
        self._check_trained("queries")
        nprobe = check_int(self.nprobe, "nprobe", 1, self.nlist)
        q = unit_rows(queries, "queries", self.dim)
        if not self._count:
            raise ValueError("index: expected at least one stored vector to search, got an empty index (call add first)")
        k = check_int(k, "k", 1, self._count)
        scores = np.full((len(q), k), -np.inf, dtype=np.float32)
        ids = np.full((len(q), k), -1, dtype=np.int64)
        for row, cells in enumerate(self._probe(q, nprobe)):
            found = [(self.lists[c][1] @ q[row], self.lists[c][0]) for c in cells if len(self.lists[c][0])]
            if not found:
                continue
            sims = np.concatenate([s for s, _ in found])
            cand = np.concatenate([i for _, i in found])
            top = np.lexsort((cand, -sims))[:k]  # best score first, ties by smaller id
            scores[row, :len(top)], ids[row, :len(top)] = sims[top], cand[top]
        return scores, ids

    def _probe(self, q: np.ndarray, nprobe: int) -> np.ndarray:
        sims = q @ self.centroids.T  # (q, nlist): the coarse quantiser, an exact search over the centroids
        order = np.lexsort((np.broadcast_to(np.arange(self.nlist), sims.shape), -sims), axis=1)
        return order[:, :nprobe].astype(np.int64)
# --8<-- [end:index]

    def _probe_checked(self, queries, name: str) -> np.ndarray:
        self._check_trained(name)
        nprobe = check_int(self.nprobe, "nprobe", 1, self.nlist)
        return self._probe(unit_rows(queries, name, self.dim), nprobe)

    def _check_trained(self, name: str) -> None:
        if self.centroids is None:
            raise ValueError(f"{name}: expected a trained index (call train(vectors) or set_centroids(c) first), "
                             f"got an untrained IVFIndex")

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return f"IVFIndex(dim={self.dim}, nlist={self.nlist}, nprobe={self.nprobe}, size={len(self)})"
