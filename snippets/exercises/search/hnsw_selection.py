"""Exercise: the simple rule (the M most similar candidates) against the heuristic of Algorithm 4,
same vectors (our word2vec vectors of the Lee corpus), same M and efConstruction."""

import numpy as np

from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
from neuralnlp.embeddings.word2vec.training import train_skipgram
from neuralnlp.search.hnsw import HNSWIndex
from neuralnlp.search.recall import recall_at_k

docs = read_line_corpus(gensim_test_data_dir() / LEE_FILE)
result = train_skipgram(docs, vector_size=50, epochs=5, min_count=5, workers=1, seed=0)
vectors = result.input_vectors - result.input_vectors.mean(axis=0)
vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
order = np.random.default_rng(0).permutation(len(vectors))
base, queries = vectors[order[200:]], vectors[order[:200]]
true_ids = np.argsort(-(queries @ base.T), axis=1)[:, :10]

indexes = {}
for selection in ("heuristic", "simple"):
    indexes[selection] = HNSWIndex(base.shape[1], M=16, ef_construction=40, seed=0, selection=selection)
    indexes[selection].add(base)
print("efSearch  heuristic  simple")
for ef in (16, 64):
    row = []
    for index in indexes.values():
        index.ef_search = ef
        row.append(recall_at_k(index.search(queries, 10)[1], true_ids))
    print(f"{ef:>8}  {row[0]:>9.3f}  {row[1]:.3f}")
for selection, index in indexes.items():
    lonely = sum(len(links) <= 2 for links in index.layers[0].values())
    print(f"{selection:>9}: mean layer-0 degree {np.mean([len(v) for v in index.layers[0].values()]):.1f}, "
          f"nodes with at most 2 links {lonely}")
