"""Vector search for real: exact and approximate indexes checked against FAISS, an embedded vector
database (Milvus Lite), vector arithmetic, and what each encoder's vectors are worth for retrieval.

Modules: ``exact`` (brute-force cosine search, chunked, equal to FAISS's IndexFlatIP), ``recall``
(recall@k against exact search), ``synthetic`` (clustered vectors for the scale experiments,
labelled synthetic wherever they are used).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["ExactIndex", "exact_search", "squared_distance_from_cosine"], ".exact"),
    **dict.fromkeys(["recall_at_k", "recall_per_query"], ".recall"),
    "synthetic_vectors": ".synthetic",
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
