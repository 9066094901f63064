"""Vector search for real: exact and approximate indexes checked against FAISS, an embedded vector
database (Milvus Lite), vector arithmetic, and what each encoder's vectors are worth for retrieval.

Modules: ``recall`` (recall@k against exact search), ``synthetic`` (clustered vectors for the
scale experiments, labelled synthetic wherever they are used), ``kmeans`` (spherical k-means, the
coarse quantiser) and ``ivf`` (the inverted-file index, checked against faiss.IndexIVFFlat).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["recall_at_k", "recall_per_query"], ".recall"),
    "synthetic_vectors": ".synthetic",
    **dict.fromkeys(["spherical_kmeans", "nearest_centroid"], ".kmeans"),
    "IVFIndex": ".ivf",
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
