"""Exact search: the true k nearest neighbours by cosine, by brute force done well.

Every stored vector x_j is normalised once, when it is added; a query u is normalised when it is
searched. The cosine is then one inner product, and the k nearest neighbours are

    top-k_j  û · x̂_j,     û = u / ‖u‖,  x̂_j = x_j / ‖x_j‖

For unit vectors the three usual measures rank neighbours identically:

    ‖û − x̂‖² = ‖û‖² + ‖x̂‖² − 2 û·x̂ = 2 − 2 cos(u, x)

so the largest cosine, the largest inner product of the normalised vectors and the smallest
Euclidean distance pick the same ids (:func:`squared_distance_from_cosine`).

Chunked search. Queries Q̂ (q, d) against the stored X̂ (N, d), taken ``chunk_rows`` rows at a
time: S_c = Q̂ X̂_cᵀ (q, c) with ``torch.mm`` into one preallocated buffer, its top k per query
with ``torch.topk``, merged with the running top k (q, k). At most q × chunk_rows scores exist at
once (plus q × 2k for the merge), never q × N. The answer does not depend on the chunking: an id
in the overall top k has fewer than k better scores anywhere, hence fewer than k in its own chunk,
so it survives its chunk's top k and every merge (ties aside: equal scores may come back in
either order, as in FAISS).

Everything is float32, as in FAISS's ``IndexFlatIP``, which this equals on vectors that went
through ``faiss.normalize_L2`` (the same ids apart from ties, scores within 1e-5; tests/unit/search).

Shapes: queries (q, d), stored vectors (N, d); results: scores float32 (q, k) and ids int64 (q, k),
best first, padded with -inf and -1 where k > N (as FAISS pads).
"""

from __future__ import annotations

import numpy as np
import torch

from neuralnlp._checks import as_float_array, check_finite, check_positive_int
from neuralnlp.search.recall import MISSING  # the id returned where fewer than k results exist
from neuralnlp.search.vectors import as_vector_rows, unit_rows

DEFAULT_CHUNK_ROWS = 16_384  # q × 16,384 float32 scores at a time: 6.3 MiB for 100 queries


def _unit_tensor(x, name: str, dim: int | None = None) -> torch.Tensor:
    """``x`` checked and normalised once (``unit_rows``), as a float32 tensor sharing its memory."""
    return torch.from_numpy(unit_rows(x, name, dim))


# --8<-- [start:chunked]
def _top_k_chunked(queries: torch.Tensor, stored: torch.Tensor, k: int, chunk_rows: int):
    """Top-k inner products of unit ``queries`` (q, d) against unit ``stored`` (N, d), chunk by chunk."""
    q, n = len(queries), len(stored)
    keep = min(k, n)
    best_scores = torch.empty(q, 0)
    best_ids = torch.empty(q, 0, dtype=torch.int64)
    buffer = torch.empty(q * min(chunk_rows, n))  # the only q × chunk allocation
    for start in range(0, n, chunk_rows):
        block = stored[start:start + chunk_rows]
        scores = buffer[: q * len(block)].view(q, len(block))
        torch.mm(queries, block.T, out=scores)  # (q, c) cosines of this chunk
        top = torch.topk(scores, min(keep, len(block)), dim=1)
        # merge: the best of (running top k) ∪ (this chunk's top k) is the top k so far
        scores = torch.cat([best_scores, top.values], dim=1)
        ids = torch.cat([best_ids, top.indices + start], dim=1)
        merged = torch.topk(scores, min(keep, scores.shape[1]), dim=1)
        best_scores, best_ids = merged.values, ids.gather(1, merged.indices)
    scores = np.full((q, k), -np.inf, dtype=np.float32)
    ids = np.full((q, k), MISSING, dtype=np.int64)
    scores[:, :keep], ids[:, :keep] = best_scores.numpy(), best_ids.numpy()
    return scores, ids
# --8<-- [end:chunked]


def exact_search(queries, vectors, k: int, chunk_rows: int = DEFAULT_CHUNK_ROWS):
    """The ``k`` rows of ``vectors`` with the largest cosine to each query, best first.

    The function form of :class:`ExactIndex`: it normalises ``vectors`` on every call, so an index
    is the better choice for more than one batch of queries.

    Args:
        queries: (q, d) floats, no zero row.
        vectors: (N, d) floats, no zero row.
        k: how many neighbours per query (>= 1; beyond N the results are padded with -1 / -inf).
        chunk_rows: stored rows scored at a time; memory holds q × chunk_rows scores.

    Returns:
        ``(scores, ids)``: float32 (q, k) cosines and int64 (q, k) row numbers, best first.

    Raises:
        TypeError: integer or boolean arrays.
        ValueError: wrong shapes, NaN or inf, a zero vector, or k / chunk_rows < 1.
    """
    vectors = as_vector_rows(vectors, "vectors")
    queries = as_vector_rows(queries, "queries", vectors.shape[1])
    k, chunk_rows = check_positive_int(k, "k"), check_positive_int(chunk_rows, "chunk_rows")
    return _top_k_chunked(_unit_tensor(queries, "queries"), _unit_tensor(vectors, "vectors"), k, chunk_rows)


# --8<-- [start:index]
class ExactIndex:
    """Brute-force cosine search over normalised float32 vectors: the ground truth for every other index.

    Args:
        dim: the length d of every vector.
        chunk_rows: stored rows scored at a time (a plain attribute, validated on search); a
            search holds q × chunk_rows float32 scores at once.

    ``add`` stores (n, d) vectors, normalised once, under ids 0, 1, ... in the order added;
    ``search`` returns float32 scores and int64 ids (q, k), best first, like ``faiss.IndexFlatIP``
    on normalised vectors; ``len(index)`` is the number of stored vectors.
    """

    def __init__(self, dim: int, chunk_rows: int = DEFAULT_CHUNK_ROWS):
        self.dim = check_positive_int(dim, "dim")
        self.chunk_rows = check_positive_int(chunk_rows, "chunk_rows")
        self._parts: list[torch.Tensor] = []  # unit float32 rows, one tensor per add

    def add(self, vectors) -> None:
        """Normalise ``vectors`` (n, d) once and store them; they get the next n ids."""
        unit = _unit_tensor(vectors, "vectors", self.dim)
        self._parts.append(unit)

    def search(self, queries, k: int):
        """The ``k`` stored vectors with the largest cosine to each of ``queries`` (q, d), best first.

        Returns:
            ``(scores, ids)``: float32 (q, k) and int64 (q, k); -inf and -1 beyond ``len(self)``.
        """
        queries = as_vector_rows(queries, "queries", self.dim)
        k = check_positive_int(k, "k")
        chunk_rows = check_positive_int(self.chunk_rows, "chunk_rows")
        if not len(self):
            raise ValueError("index: expected at least one stored vector to search, got an empty index (call add first)")
        return _top_k_chunked(_unit_tensor(queries, "queries"), self._vectors(), k, chunk_rows)

    def _vectors(self) -> torch.Tensor:
        if len(self._parts) > 1:  # join the adds once, at the first search after them
            self._parts = [torch.cat(self._parts)]
        return self._parts[0]

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

    def __repr__(self) -> str:
        return f"ExactIndex(dim={self.dim}, chunk_rows={self.chunk_rows}, stored={len(self)})"
# --8<-- [end:index]


# --8<-- [start:distance]
def squared_distance_from_cosine(cosine):
    """Squared Euclidean distance between two unit vectors whose cosine is given: 2 − 2 cos.

    Args:
        cosine: a float NumPy array or tensor of cosines (any shape).

    Returns:
        The same kind and shape: ‖â − b̂‖² = 2 − 2 cos(a, b), in [0, 4] for cosines in [−1, 1].

    Raises:
        TypeError: not floating point.
        ValueError: NaN or inf.
    """
    if isinstance(cosine, torch.Tensor):
        if not cosine.is_floating_point():
            raise TypeError(f"cosine: expected a floating-point array (float32 or float64), got dtype {cosine.dtype}")
    else:
        cosine = as_float_array(cosine, "cosine")
    check_finite(cosine, "cosine")
    return 2 - 2 * cosine
# --8<-- [end:distance]
