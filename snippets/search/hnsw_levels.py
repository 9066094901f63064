"""The level distribution of a built HNSW graph against P(level >= l) = M^-l, and the links it stores."""

import faiss
import numpy as np

from neuralnlp.search.hnsw import HNSWIndex
from neuralnlp.search.synthetic import synthetic_vectors

M, N = 16, 3000
index = HNSWIndex(dim=8, M=M, ef_construction=40, seed=0)
index.add(synthetic_vectors(N, 8, clusters=40, seed=0))  # synthetic vectors: only the graph's shape matters here

levels = np.array(index.levels)
print(f"m_L = 1/ln M = {index.mL:.4f};  entry point: node {index.entry_point}, level {levels.max()}")
print("level  nodes  expected N·M^-l·(1 - 1/M)")
for level in range(levels.max() + 1):
    expected = N * M ** -level * (1 - 1 / M)
    print(f"{level:>5}  {(levels == level).sum():>5}  {expected:>9.1f}")
print(f"mean level {levels.mean():.4f}, predicted 1/(M - 1) = {1 / (M - 1):.4f}")

# FAISS draws its levels from the same law: its table of P(level = l) starts 1 - 1/M, (1/M)(1 - 1/M), ...
reference = faiss.IndexHNSWFlat(16, M, faiss.METRIC_INNER_PRODUCT)  # kept alive while its table is read
probas = faiss.vector_to_array(reference.hnsw.assign_probas)
print("FAISS P(level = l):", np.round(probas[:3], 5).tolist())

# memory: the links are ids; at most 2M on layer 0 plus M on each upper layer a node reaches
links = [sum(len(v) for v in layer.values()) for layer in index.layers]
print(f"links per node: layer 0 {links[0] / N:.2f} (limit {2 * M}), upper layers {sum(links[1:]) / N:.2f} "
      f"(limit M/(M - 1) = {M / (M - 1):.2f} on average)")
print(f"ids stored per node {sum(links) / N:.2f}, at most 2M + M/(M - 1) = {2 * M + M / (M - 1):.2f}")
