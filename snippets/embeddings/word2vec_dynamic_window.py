import numpy as np

from neuralnlp.embeddings.word2vec import context_windows, expected_context_weight

window, n = 5, 20_000
tokens = np.arange(n)  # distinct ids, so a context's distance is |context - target|

# Count how often each distance r is used when every target draws its own window from 1..5.
used = np.zeros(window + 1)
for target, contexts in context_windows(tokens, window, dynamic=True, rng=np.random.default_rng(0)):
    np.add.at(used, np.abs(np.array(contexts) - target), 1)
measured = used[1:] / (2 * n)  # two slots (left, right) per distance per target

distance = np.arange(1, window + 1)
print("distance:         ", distance)
print("expected (W-r+1)/W:", np.round(expected_context_weight(distance, window), 3))
print("measured:          ", np.round(measured, 3))
