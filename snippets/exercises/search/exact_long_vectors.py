"""Exercise: without normalising, the inner product prefers long vectors to close ones."""

import numpy as np

from neuralnlp.search.exact import exact_search

query = np.array([[1.0, 0.0]])
stored = np.array([[0.9, 0.1],    # almost the query's direction, length 0.91
                   [3.0, 3.0]])   # 45 degrees away, length 4.24
print("inner products:", (query @ stored.T).round(2).tolist()[0])
scores, ids = exact_search(query, stored, 2)
print("cosines, best first:", [(int(i), round(float(s), 2)) for i, s in zip(ids[0], scores[0])])
