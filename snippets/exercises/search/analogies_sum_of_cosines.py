import numpy as np

from neuralnlp.search.analogy import solve_analogies

rng = np.random.default_rng(0)
vectors = rng.normal(size=(1000, 50)).astype(np.float32)
a, a_star, b = (rng.integers(0, 1000, 200) for _ in range(3))

_, ids = solve_analogies(vectors, a, a_star, b, topn=10)
# The same ranking from three separate cosines, added: cos(x, b) − cos(x, a) + cos(x, a*).
unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
summed = unit[b] @ unit.T - unit[a] @ unit.T + unit[a_star] @ unit.T
for rows in (a, a_star, b):
    summed[np.arange(200), rows] = -np.inf  # the query words are excluded in both
by_sum = np.argsort(-summed, axis=1)[:, :10]
print(f"same top 10 for {np.mean((by_sum == ids).all(axis=1)):.0%} of 200 random questions")
