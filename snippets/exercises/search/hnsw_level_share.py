"""Exercise: with M = 32, what share of the nodes reaches layer 1, and how many layers does a million-node
graph have? Predicted from P(level >= l) = M^-l, then counted on a built index (synthetic vectors)."""

import math

import numpy as np

from neuralnlp.search.hnsw import HNSWIndex
from neuralnlp.search.synthetic import synthetic_vectors

M, N = 32, 3000
print(f"predicted share on layer >= 1: 1/M = {1 / M:.4f}; m_L = 1/ln M = {1 / math.log(M):.4f}")
print(f"a million nodes: about 10^6 / 32^l nodes on layer l, so the top layer is near "
      f"log_32(10^6) = {math.log(1e6, M):.2f}")
index = HNSWIndex(8, M=M, ef_construction=16, seed=0)
index.add(synthetic_vectors(N, 8, clusters=10, seed=0))
levels = np.array(index.levels)
print(f"counted on {N} nodes: {np.mean(levels >= 1):.4f} on layer >= 1, top level {levels.max()}")
