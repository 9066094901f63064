"""A brute-force vector index: store normalised vectors with ids, answer top-k queries with one matrix product.

    add:     V̂ = rows of V / their norms                     V: (n, d)
    search:  scores = V̂ q̂   (one cosine per stored vector)    q: (d,)  ->  top-k ids and scores

This is exact search, the same computation as FAISS's ``IndexFlatIP`` on normalised vectors. It
costs O(n·d) per query, which is what approximate indexes (HNSW graphs, IVF clustering) avoid on
millions of vectors, at the price of sometimes missing a true neighbour. Tested against a
per-vector loop with ``torch.nn.functional.cosine_similarity``.
"""

from __future__ import annotations

from typing import Hashable, Sequence

import numpy as np

from neuralnlp._checks import as_float_array, check_finite, check_int, check_last_dim, check_positive_int, check_tokens
from neuralnlp.embeddings.similarity import normalize


# --8<-- [start:index]
class BruteForceIndex:
    """Exact cosine-similarity search over every stored vector.

    Args:
        dim: length d of every vector.

    Shapes:
        add: ids (n,) distinct hashable labels, vectors (n, d)
        search: query (d,) -> (k ids, scores (k,));  (q, d) -> (q lists of k ids, scores (q, k));
        1 <= k <= len(index); ties keep the order in which vectors were added.

    Raises:
        TypeError: non-float vectors or query, ids that are not labels (a str, tensors), a size that
            is not an integer.
        ValueError: a wrong shape, NaN or inf, a zero vector, a repeated id, ids and vectors of
            different lengths, a search in an empty index, or k out of range.
    """

    def __init__(self, dim: int):
        self.dim = check_positive_int(dim, "dim")
        self.ids: list[Hashable] = []
        self.vectors = np.empty((0, self.dim))  # unit rows, one per id

    def add(self, ids: Sequence[Hashable], vectors) -> None:
        """Store ``vectors`` (n, d) under ``ids`` (n distinct labels not yet in the index), as unit vectors."""
        vectors = as_float_array(vectors, "vectors")
        if vectors.ndim != 2:
            raise ValueError(f"vectors: expected shape (n, {self.dim}), got shape {vectors.shape}")
        check_last_dim(vectors, self.dim, "vectors")
        check_finite(vectors, "vectors")
        ids = check_tokens(ids, "ids")  # labels: str or int, as tokens are
        if len(ids) != len(vectors):
            raise ValueError(f"ids: expected {len(vectors)} ids, one per vector, got {len(ids)}")
        seen, clash = set(self.ids), []
        for i in ids:
            if i in seen:
                clash.append(i)
            seen.add(i)
        if clash:
            raise ValueError(f"ids: expected distinct ids not already in the index, got duplicates {clash}")
        # Normalise once at insertion, so a query is one matrix product of cosines.
        self.vectors = np.vstack([self.vectors, normalize(vectors.astype(np.float64), name="vectors")])
        self.ids.extend(ids)

    def search(self, query, k: int):
        """The ``k`` stored ids most similar to ``query`` (d,) or (q, d), best first, with their cosines."""
        query = self._check_query(query, k)
        scores = normalize(query.astype(np.float64), name="query") @ self.vectors.T  # (q, n): all cosines at once
        top = np.argsort(-scores, axis=-1, kind="stable")[..., :k]
        found = [self.ids[i] for i in top] if top.ndim == 1 else [[self.ids[i] for i in row] for row in top]
        return found, np.take_along_axis(scores, top, axis=-1)
# --8<-- [end:index]

    def _check_query(self, query, k) -> np.ndarray:
        query = as_float_array(query, "query")
        if query.ndim not in (1, 2):
            raise ValueError(f"query: expected shape ({self.dim},) or (q, {self.dim}), got shape {query.shape}")
        check_last_dim(query, self.dim, "query")
        check_finite(query, "query")
        if not len(self):
            raise ValueError("index: expected at least one stored vector to search, got an empty index (call add first)")
        check_int(k, "k", 1, len(self))
        return query

    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        return f"BruteForceIndex(dim={self.dim}, size={len(self)})"
