import numpy as np

from neuralnlp.embeddings.word2vec import keep_probability

t, total = 1e-3, 10_000_000
golden = (3 + np.sqrt(5)) / 2  # where sqrt(t/f) + t/f = 1, i.e. f = t * (3 + sqrt 5) / 2
print(f"f / t where gensim's keep probability reaches 1: {golden:.4f}")
ratios = np.array([2.5, golden, 2.7, 3.0])
counts = np.round(ratios * t * total).astype(int)  # words with f = ratio * t
p = keep_probability(np.append(counts, total - counts.sum()), sample=t)[:-1]
for r, keep in zip(ratios, p):
    print(f"f = {r:.3f} t  ->  keep {keep:.4f}")
