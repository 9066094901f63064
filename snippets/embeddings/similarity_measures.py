import numpy as np

from neuralnlp.embeddings.similarity import cosine_similarity, normalize

rng = np.random.default_rng(2)
query = rng.normal(size=4)
# Five candidates of very different lengths (row 2 is the longest), as raw embedding rows often are.
candidates = rng.normal(size=(5, 4)) * np.array([[0.2], [1.0], [5.0], [0.5], [3.0]])

cos = cosine_similarity(query, candidates)
dot = candidates @ query
dist = np.linalg.norm(candidates - query, axis=1)
print("ranking by cosine:    ", np.argsort(-cos))
print("ranking by dot:       ", np.argsort(-dot))
print("ranking by distance:  ", np.argsort(dist))

# After normalising every vector, all three give the same ranking.
q, c = normalize(query), normalize(candidates)
print("normalised, dot:      ", np.argsort(-(c @ q)))
print("normalised, distance: ", np.argsort(np.linalg.norm(c - q, axis=1)))
# ‖q̂ - ĉ‖² = 2 - 2·cos: distance is a decreasing function of the cosine.
print("‖q̂ - ĉ‖² == 2 - 2·cos:", np.allclose(np.sum((c - q) ** 2, axis=1), 2 - 2 * cos, rtol=0, atol=1e-12))
