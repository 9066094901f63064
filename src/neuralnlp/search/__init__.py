"""Vector search for real: exact and approximate indexes checked against FAISS, an embedded vector
database (Milvus Lite), vector arithmetic, and what each encoder's vectors are worth for retrieval.

Modules, in the order of the pages: ``vectors`` (the one check and normalisation of the vectors every
index is given); ``exact`` (brute-force cosine search, chunked, equal to FAISS's
``IndexFlatIP``); ``kmeans`` (spherical k-means, the coarse quantiser) and ``ivf`` (the inverted-file
index, the same lists and candidates as FAISS's ``IndexIVFFlat``); ``hnsw`` (an HNSW graph index from
scratch, compared with FAISS's ``IndexHNSWFlat``); ``recall`` (recall@k against exact search) and
``synthetic`` (clustered vectors for the scale experiments, labelled synthetic wherever they are
used); ``database`` (a Milvus collection of (id, vector, text, label) rows, checked before every call:
Milvus Lite embedded, or a server); ``analogy`` (word analogies by vector arithmetic: 3CosAdd and
3CosMul on questions-words.txt, scored as gensim scores them); ``retrieval_quality`` (label
agreement@k and its base rate) and ``encoders`` (the sentence vectors of the pipeline chapter's
classifiers: mean word2vec vectors, the GRU's final state).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["ExactIndex", "exact_search", "squared_distance_from_cosine"], ".exact"),
    **dict.fromkeys(["recall_at_k", "recall_per_query"], ".recall"),
    "synthetic_vectors": ".synthetic",
    **dict.fromkeys(["VectorCollection", "filter_fields"], ".database"),
    "HNSWIndex": ".hnsw",
    **dict.fromkeys(["AnalogyScore", "AnalogySection", "SectionScore", "evaluate_analogies", "read_analogy_questions",
                     "section_kind", "solve_analogies"], ".analogy"),
    **dict.fromkeys(["cosine_neighbours", "label_agreement_per_query", "label_agreement_at_k", "label_base_rate"],
                    ".retrieval_quality"),
    **dict.fromkeys(["classifier_sentence_vectors", "mean_word2vec_model"], ".encoders"),
    **dict.fromkeys(["spherical_kmeans", "nearest_centroid"], ".kmeans"),
    "IVFIndex": ".ivf",
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
