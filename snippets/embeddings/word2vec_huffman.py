import numpy as np

from neuralnlp.embeddings.word2vec import build_huffman_tree, hs_probabilities

words = ["the", "cat", "sat", "on", "mat", "purred"]
counts = np.array([40, 12, 8, 7, 3, 2])
codes, points = build_huffman_tree(counts)

print(f"{'word':<7} {'count':>5}  {'code':<9} inner nodes (root first)")
for w, c, code, path in zip(words, counts, codes, points):
    print(f"{w:<7} {c:5d}  {''.join(map(str, code)):<9} {path.tolist()}")
average = np.sum(counts * [len(c) for c in codes]) / counts.sum()
print(f"average code length {average:.2f} bits vs log2 V = {np.log2(len(words)):.2f}")

# Any context vector: the leaf probabilities sum to 1 with no normalising sum over V.
rng = np.random.default_rng(0)
p = hs_probabilities(rng.normal(size=4), rng.normal(size=(len(words) - 1, 4)), codes, points)
print("p(w | c):", np.round(p, 4), " sum = 1:", abs(p.sum() - 1) < 1e-12)
