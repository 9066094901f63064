import numpy as np

from neuralnlp.embeddings.word2vec import NegativeSampler, noise_distribution

words = ["the", "of", "cat", "violin", "axolotl"]
counts = np.array([50_000, 20_000, 500, 40, 2])

unigram = noise_distribution(counts, power=1.0)
noise = noise_distribution(counts, power=0.75)
sampler = NegativeSampler(counts, power=0.75, rng=np.random.default_rng(0))
drawn = sampler.sample((100_000, 5))  # 5 negatives for each of 100,000 examples
empirical = np.bincount(drawn.ravel(), minlength=len(words)) / drawn.size

print(f"{'word':<8} {'unigram':>8} {'^0.75':>8} {'drawn':>8} {'ratio':>6}")
for w, p1, p, e in zip(words, unigram, noise, empirical):
    print(f"{w:<8} {p1:8.5f} {p:8.5f} {e:8.5f} {p / p1:6.2f}")
print("max |drawn - p^0.75/Z| < 0.001:", np.abs(empirical - noise).max() < 0.001)
