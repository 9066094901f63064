"""word2vec from scratch: context windows, sub-sampling, negative sampling, hierarchical softmax,
the CBOW and skip-gram models, a fast trainer on real text, and evaluation.

One module per idea:

- ``windows``: (target, context) examples from a sliding window, fixed or dynamic;
- ``subsampling``: keep probabilities of frequent words (word2vec.c / gensim formula);
- ``negative_sampling``: the noise distribution c^0.75, a sampler, and the SGNS loss with its gradients;
- ``huffman`` and ``hierarchical_softmax``: the Huffman tree of word2vec.c and p(w | c) as a product of sigmoids;
- ``models``: ``SkipGram`` and ``CBOW`` as torch modules (full softmax, negative sampling or hierarchical softmax);
- ``corpus``, ``training`` and ``evaluation``: real text, the fast skip-gram trainer, and word-similarity scores.
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["hs_grad", "hs_log_probability", "hs_probabilities", "padded_paths"], ".hierarchical_softmax"),
    "build_huffman_tree": ".huffman",
    **dict.fromkeys(["CBOW", "SkipGram"], ".models"),
    **dict.fromkeys(["NegativeSampler", "noise_distribution", "sgns_grad", "sgns_loss"], ".negative_sampling"),
    **dict.fromkeys(["keep_probability", "paper_discard_probability", "subsample"], ".subsampling"),
    **dict.fromkeys(["cbow_examples", "context_windows", "expected_context_weight", "skipgram_pairs"], ".windows"),
    "train_skipgram": ".training",
    **dict.fromkeys(["evaluate_word_pairs", "spearman"], ".evaluation"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
