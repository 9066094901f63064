import numpy as np

from neuralnlp.embeddings.word2vec import context_windows, expected_context_weight

W, n = 5, 20_000
tokens = list(range(n))
rng = np.random.default_rng(0)
fixed = np.mean([len(c) for _, c in context_windows(tokens, W)])
dynamic = np.mean([len(c) for _, c in context_windows(tokens, W, dynamic=True, rng=rng)])
# Two sides, each distance r used with probability (W - r + 1) / W.
expected = 2 * expected_context_weight(np.arange(1, W + 1), W).sum()
print(f"context words per target, W = {W}: fixed {fixed:.3f}, dynamic {dynamic:.3f}, "
      f"expected 2 * sum (W - r + 1)/W = {expected:.3f} = W + 1")
