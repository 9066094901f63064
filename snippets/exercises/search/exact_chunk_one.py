"""Exercise: chunks of a single row give the same neighbours as one chunk of all rows."""

import numpy as np

from neuralnlp.search.exact import exact_search
from neuralnlp.search.synthetic import synthetic_vectors

rows = synthetic_vectors(2_050, 32, clusters=20, seed=0)  # synthetic clustered unit vectors
vectors, queries = rows[:2_000], rows[2_000:]  # queries from the same clusters
one_scores, one_ids = exact_search(queries, vectors, 10, chunk_rows=1)  # k = 10 > one row per chunk
all_scores, all_ids = exact_search(queries, vectors, 10, chunk_rows=2_000)
print(f"same ids: {(one_ids == all_ids).mean():.1%} of positions; "
      f"largest score difference: {np.abs(one_scores - all_scores).max():.1e}")
