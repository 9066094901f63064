r"""Label agreement@k: how often a text's nearest neighbours share its label, the retrieval quality of an encoder.

An encoder turns each text into a vector; exact cosine search then finds, for every query, the k
most similar texts of a collection. With labelled texts (here the reviews' sentiment) we can ask
how many of those k neighbours have the query's label:

$$\mathrm{agreement@}k = \frac{1}{q} \sum_{i=1}^{q} \frac{1}{k} \sum_{j=1}^{k} [\, y_{n_{ij}} = y_i \,]$$

where y_i is the label of query i and n_{i1}, …, n_{ik} are its k nearest neighbours in the
collection, best first (the query itself left out when queries and collection are the same set).

A number alone means little: an encoder that returns random vectors still agrees by chance. Its
expected agreement, the **base rate**, is the chance that a random text of the collection has the
query's label, averaged over the queries:

$$B = \sum_{c} q_c \, p_c$$

with q_c and p_c the shares of label c among the queries and in the collection (Σ_c p_c² when both
have the same shares, as a stratified split makes them). An encoder is worth something for this
task only by how far it lies above B.

Search: ``cosine_neighbours`` normalises both sets once and compares a chunk of queries at a time
with the whole collection, (chunk, n) scores in memory at once, in float64. **Ties** (equal
scores) are broken by the lower collection id, so the result does not depend on the chunk size or
on how ``torch.topk`` orders equal values (it does not promise an order).

Shapes: queries (q, d), collection (n, d), labels (q,) and (n,), neighbour ids (q, k) int64.
"""

from __future__ import annotations

import numpy as np
import torch

from neuralnlp._checks import as_id_array, brief, check_bool, check_class_indices, check_int, check_positive_int
from neuralnlp.search.vectors import unit_rows


# --8<-- [start:search]
def cosine_neighbours(queries, collection, k: int, exclude_self: bool = False,
                      chunk: int = 1024) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` rows of ``collection`` most cosine-similar to each query, best first (exact search).

    Args:
        queries: (q, d) float vectors, no zero row.
        collection: (n, d) float vectors, no zero row.
        k: neighbours per query, in [1, n] (in [1, n − 1] with ``exclude_self``).
        exclude_self: queries and collection are the same set: row i never returns itself.
        chunk: queries compared with the collection at once, >= 1 (memory: chunk × n scores).

    Returns:
        (scores, ids): (q, k) float32 cosines and (q, k) int64 collection ids; equal scores in
        increasing id order.

    Raises:
        TypeError: vectors that are not floats.
        ValueError: wrong shapes, NaN or inf, a zero row, k out of range, or ``exclude_self`` with
            queries and collection of different sizes.
    """
    base = torch.from_numpy(unit_rows(collection, "collection", dtype=np.float64))
    found = torch.from_numpy(unit_rows(queries, "queries", base.shape[1], dtype=np.float64))
    exclude_self = check_bool(exclude_self, "exclude_self")
    if exclude_self and len(found) != len(base):
        raise ValueError(f"queries: expected {len(base)} rows, the collection itself (exclude_self=True), "
                         f"got {len(found)}")
    k = check_int(k, "k", 1, len(base) - exclude_self)
    chunk = check_positive_int(chunk, "chunk")
    scores, ids = [], []
    for start in range(0, len(found), chunk):
        sims = found[start:start + chunk] @ base.T                        # (c, n) cosines
        if exclude_self:
            rows = torch.arange(len(sims))
            sims[rows, start + rows] = -torch.inf                          # never the query itself
        top, order = _top_k_lower_id_first(sims, k)
        scores.append(top)
        ids.append(order)
    return torch.cat(scores).float().numpy(), torch.cat(ids).numpy().astype(np.int64)


def _top_k_lower_id_first(sims: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Each row's k largest values and their columns, equal values in increasing column order.

    ``torch.topk`` finds the k-th largest value of each row; every entry at least that large is a
    candidate (k of them, more where values tie at the boundary), and only the candidates are
    sorted: by row, then value (descending), then column. A full sort of each row would give the
    same result, several times slower.
    """
    kth = torch.topk(sims, k, dim=1).values[:, -1:]                       # (c, 1)
    rows, cols = torch.nonzero(sims >= kth, as_tuple=True)                # row-major: columns ascending
    values = sims[rows, cols]
    order = np.lexsort((cols.numpy(), -values.numpy(), rows.numpy()))     # last key sorts first
    counts = torch.bincount(rows, minlength=len(sims))
    first = (torch.cumsum(counts, 0) - counts)[:, None] + torch.arange(k)  # (c, k) positions in order
    picked = torch.from_numpy(order)[first]
    return values[picked], cols[picked]
# --8<-- [end:search]


# --8<-- [start:agreement]
def label_agreement_per_query(neighbour_ids, query_labels, collection_labels, k: int | None = None) -> np.ndarray:
    """For each query, the share of its first ``k`` neighbours whose label is the query's.

    Args:
        neighbour_ids: (q, k_found) collection ids, best first (``cosine_neighbours``).
        query_labels: (q,) integer labels of the queries.
        collection_labels: (n,) integer labels of the collection.
        k: how many neighbours count, in [1, k_found] (default: all columns).

    Returns:
        (q,) floats in [0, 1].

    Raises:
        ValueError: shapes that do not fit, or k out of range.
        TypeError: ids or labels that are not integers.
        IndexError: an id outside [0, n).
    """
    collection_labels = check_class_indices(collection_labels, 2**31, name="collection_labels")
    ids = as_id_array(neighbour_ids, len(collection_labels), "neighbour_ids", size_name="len(collection_labels)")
    if ids.ndim != 2 or 0 in ids.shape:
        raise ValueError(f"neighbour_ids: expected a non-empty (queries, k) matrix of ids, got shape {ids.shape}")
    query_labels = check_class_indices(query_labels, 2**31, len(ids), "query_labels")
    k = ids.shape[1] if k is None else check_int(k, "k", 1, ids.shape[1])
    return (collection_labels[ids[:, :k]] == query_labels[:, None]).mean(axis=1)


def label_agreement_at_k(neighbour_ids, query_labels, collection_labels, k: int | None = None) -> float:
    """Mean label agreement@k over the queries (see :func:`label_agreement_per_query`)."""
    return float(label_agreement_per_query(neighbour_ids, query_labels, collection_labels, k).mean())
# --8<-- [end:agreement]


# --8<-- [start:base-rate]
def label_base_rate(query_labels, collection_labels, exclude_self: bool = False) -> float:
    """The label agreement a random encoder gets on average: Σ_c q_c p_c (Σ_c p_c² for equal shares).

    For each query, the share of the collection that has its label (leaving the query itself out
    when ``exclude_self``: (n_c − 1) / (n − 1)), averaged over the queries. It does not depend on k.

    Args:
        query_labels: (q,) integer labels of the queries.
        collection_labels: (n,) integer labels of the collection.
        exclude_self: queries and collection are the same set (the labels must then be equal).

    Raises:
        ValueError: empty labels, or ``exclude_self`` with different label arrays or one text only.
        TypeError: labels that are not integers.
    """
    collection = check_class_indices(collection_labels, 2**31, name="collection_labels")
    queries = check_class_indices(query_labels, 2**31, name="query_labels")
    for name, labels in (("query_labels", queries), ("collection_labels", collection)):
        if len(labels) == 0:
            raise ValueError(f"{name}: expected at least one label, got shape {labels.shape}")
    if check_bool(exclude_self, "exclude_self") and (len(collection) < 2 or not np.array_equal(queries, collection)):
        raise ValueError(f"query_labels: expected the collection's own {len(collection)} labels "
                         f"(exclude_self=True, at least 2), got {brief(query_labels)}")
    counts = np.bincount(collection, minlength=queries.max() + 1)[queries]  # collection texts with each query's label
    if exclude_self:
        return float(((counts - 1) / (len(collection) - 1)).mean())
    return float((counts / len(collection)).mean())
# --8<-- [end:base-rate]
