"""word2vec from scratch: context windows, sub-sampling, negative sampling, hierarchical softmax,
and the CBOW and skip-gram models.

One module per idea:

- ``windows``: (target, context) examples from a sliding window, fixed or dynamic;
- ``subsampling``: keep probabilities of frequent words (word2vec.c / gensim formula);
- ``negative_sampling``: the noise distribution c^0.75, a sampler, and the SGNS loss with its gradients;
- ``huffman`` and ``hierarchical_softmax``: the Huffman tree of word2vec.c and p(w | c) as a product of sigmoids;
- ``models``: ``SkipGram`` and ``CBOW`` as torch modules (full softmax, negative sampling or hierarchical softmax).

``corpus``, ``evaluation`` and ``training`` (real text and the fast trainer) are imported from their
own modules, e.g. ``from neuralnlp.word2vec.training import ...``.
"""

from neuralnlp.word2vec.hierarchical_softmax import hs_grad, hs_log_probability, hs_probabilities, padded_paths
from neuralnlp.word2vec.huffman import build_huffman_tree
from neuralnlp.word2vec.models import CBOW, SkipGram
from neuralnlp.word2vec.negative_sampling import NegativeSampler, noise_distribution, sgns_grad, sgns_loss
from neuralnlp.word2vec.subsampling import keep_probability, paper_discard_probability, subsample
from neuralnlp.word2vec.windows import cbow_examples, context_windows, expected_context_weight, skipgram_pairs

__all__ = [
    "CBOW",
    "NegativeSampler",
    "SkipGram",
    "build_huffman_tree",
    "hs_grad",
    "hs_log_probability",
    "hs_probabilities",
    "padded_paths",
    "cbow_examples",
    "context_windows",
    "expected_context_weight",
    "keep_probability",
    "noise_distribution",
    "paper_discard_probability",
    "sgns_grad",
    "sgns_loss",
    "skipgram_pairs",
    "subsample",
]
