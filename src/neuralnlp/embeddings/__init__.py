"""Embeddings: token ids, the embedding layer, word2vec, similarity and a brute-force vector index.

Modules: ``vocab``, ``embedding`` (lookup = one-hot × W), ``similarity``, ``vector_search`` and the
``word2vec`` package.
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    "Vocabulary": ".vocab",
    **dict.fromkeys(["Embedding", "one_hot_embedding"], ".embedding"),
    **dict.fromkeys(["cosine_similarity", "nearest_neighbours", "sentence_vector"], ".similarity"),
    "BruteForceIndex": ".vector_search",
    **dict.fromkeys(["SkipGram", "CBOW"], ".word2vec.models"),
    "NegativeSampler": ".word2vec.negative_sampling",
    "build_huffman_tree": ".word2vec.huffman",
    **dict.fromkeys(["skipgram_pairs", "cbow_examples"], ".word2vec.windows"),
    "train_skipgram": ".word2vec.training",
    "evaluate_word_pairs": ".word2vec.evaluation",
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
