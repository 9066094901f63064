"""Where a miss comes from: a word whose true nearest neighbour HNSW does not reach at a small ef, and
the larger ef that recovers it (our word2vec vectors of the Lee corpus, as in hnsw_recall.py)."""

import numpy as np

from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
from neuralnlp.embeddings.word2vec.training import train_skipgram
from neuralnlp.search.hnsw import HNSWIndex

docs = read_line_corpus(gensim_test_data_dir() / LEE_FILE)
result = train_skipgram(docs, vector_size=50, epochs=5, min_count=5, workers=1, seed=0)
vectors = result.input_vectors - result.input_vectors.mean(axis=0)
vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
words = list(result.vocab)
order = np.random.default_rng(0).permutation(len(vectors))
base_rows, query_rows = order[200:], order[:200]
index = HNSWIndex(vectors.shape[1], M=16, ef_construction=40, ef_search=10, seed=0)
index.add(vectors[base_rows])

# the first held-out word whose exact nearest neighbour is missing from its top 10 at ef = 10
exact = (vectors[query_rows] @ vectors[base_rows].T).argsort(axis=1)[:, ::-1]
found = index.search(vectors[query_rows], 10)[1]
q = next(i for i in range(len(query_rows)) if exact[i, 0] not in found[i])
query, target = vectors[query_rows[q]], exact[q, 0]
route, ids = index.search_trace(query, 10)
print(f"query {words[query_rows[q]]!r}: true nearest neighbour {words[base_rows[target]]!r}, "
      f"cosine {query @ vectors[base_rows[target]]:.3f}")

for layer, expanded in route:
    print(f"layer {layer}: expanded {len(expanded)} nodes" + (f", ends at {words[base_rows[expanded[-1]]]!r}" if layer else ""))
scored = set(route[-1][1]).union(*(index.neighbours(n).tolist() for n in route[-1][1]))
print(f"layer 0 scored {len(scored)} of {len(index)} nodes; the true neighbour among them: {target in scored}")
worst = query @ vectors[base_rows[ids[-1]]]
print(f"the 10th result has cosine {worst:.3f}: no unexpanded candidate was better, so the search stopped")
print("found:", ", ".join(words[base_rows[i]] for i in ids))
# how far the true neighbour lies from the nodes expanded, in layer-0 hops
frontier, hops, seen = set(route[-1][1]), 0, set(route[-1][1])
while target not in frontier:
    frontier = {n for f in frontier for n in index.neighbours(f).tolist()} - seen
    seen |= frontier
    hops += 1
in_links = sum(target in links for links in index.layers[0].values())
print(f"the true neighbour is {hops} hop(s) away from the expanded nodes; on layer 0 it links to "
      f"{len(index.neighbours(target))} node(s) and {in_links} node(s) link to it")

for ef in (10, 20, 40, 80, 160):
    index.ef_search = ef
    route, ids = index.search_trace(query, 10)
    print(f"ef = {ef:>3}: expanded {len(route[-1][1]):>3} nodes on layer 0, true neighbour found: {target in ids}")
