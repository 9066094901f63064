"""Vector search for real: exact and approximate indexes checked against FAISS, an embedded vector
database (Milvus Lite), vector arithmetic, and what each encoder's vectors are worth for retrieval.

Modules: ``recall`` (recall@k against exact search), ``synthetic`` (clustered vectors for the
scale experiments, labelled synthetic wherever they are used), ``database`` (a Milvus collection of
(id, vector, text, label) rows, checked before every call: Milvus Lite embedded, or a server).
scale experiments, labelled synthetic wherever they are used), ``hnsw`` (an HNSW graph index from
scratch, compared with FAISS's ``IndexHNSWFlat``).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["recall_at_k", "recall_per_query"], ".recall"),
    "synthetic_vectors": ".synthetic",
    **dict.fromkeys(["VectorCollection", "filter_fields"], ".database"),
    "HNSWIndex": ".hnsw",
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
