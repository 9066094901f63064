"""Recall@k: the share of the exact top k that an approximate search found.

    recall@k = (1/q) Σ_i |A_i ∩ E_i| / k        A_i: the k ids the index returned for query i
                                                 E_i: the k ids exact search returns for query i

Order inside the top k does not matter, and neither does a tie broken differently: what counts is
whether each true neighbour was found. Because both lists have k entries, precision@k equals
recall@k here. An index that returns fewer than k ids (FAISS pads with -1) is charged for the gap.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import check_int

MISSING = -1  # the id FAISS (and our indexes) return where fewer than k results exist


def _as_id_matrix(ids, name: str) -> np.ndarray:
    arr = np.asarray(ids)
    if arr.ndim != 2 or 0 in arr.shape:
        raise ValueError(f"{name}: expected a non-empty (queries, k) matrix of ids, got shape {arr.shape}")
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name}: expected integer ids, got dtype {arr.dtype}")
    if arr.min() < MISSING:
        raise ValueError(f"{name}: expected ids >= 0, or {MISSING} for a missing result, got {arr.min()}")
    return arr.astype(np.int64)


# --8<-- [start:recall]
def recall_per_query(found, exact, k: int | None = None) -> np.ndarray:
    """For each query, the fraction of its ``k`` exact neighbours that ``found`` contains.

    Args:
        found: (q, k_found) ids an index returned, best first; -1 marks a missing result.
        exact: (q, k_exact) ids from exact search, best first.
        k: how many exact neighbours count (default: all columns of ``exact``); at most both widths.

    Returns:
        (q,) floats in [0, 1].

    Raises:
        ValueError: shapes that are not (q, k) matrices with the same q, or k out of range.
        TypeError: ids that are not integers.
    """
    found, exact = _as_id_matrix(found, "found"), _as_id_matrix(exact, "exact")
    if len(found) != len(exact):
        raise ValueError(f"found: expected {len(exact)} rows, one per query of exact, got {len(found)}")
    width = min(found.shape[1], exact.shape[1])  # k can count no more columns than either list has
    k = exact.shape[1] if k is None else check_int(k, "k", 1, width)
    if k > width:
        raise ValueError(f"found: expected at least k = {k} columns, as exact has, got {found.shape[1]}")
    hits = [len(set(f[:k].tolist()) & set(e[:k].tolist()) - {MISSING}) for f, e in zip(found, exact)]
    return np.asarray(hits, dtype=np.float64) / k


def recall_at_k(found, exact, k: int | None = None) -> float:
    """Mean recall@k over the queries (see :func:`recall_per_query`)."""
    return float(recall_per_query(found, exact, k).mean())
# --8<-- [end:recall]
