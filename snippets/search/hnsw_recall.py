"""Recall@10 of our HNSW and FAISS's IndexHNSWFlat at the same M, efConstruction and efSearch, on our
word2vec vectors of the Lee corpus (the word2vec page's run). Build times are in benchmarks/hnsw_faiss.py."""

import faiss
import numpy as np

from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
from neuralnlp.embeddings.word2vec.training import train_skipgram
from neuralnlp.search.hnsw import HNSWIndex
from neuralnlp.search.recall import recall_at_k

faiss.omp_set_num_threads(1)  # one thread: FAISS builds the same graph on every run
docs = read_line_corpus(gensim_test_data_dir() / LEE_FILE)
result = train_skipgram(docs, vector_size=50, epochs=5, min_count=5, workers=1, seed=0)
vectors = result.input_vectors - result.input_vectors.mean(axis=0)  # remove the common direction
vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
order = np.random.default_rng(0).permutation(len(vectors))
base, queries = vectors[order[200:]], vectors[order[:200]]  # 200 words held out as queries
print(f"{len(base)} word vectors indexed (d = {base.shape[1]}), {len(queries)} queries")

exact = faiss.IndexFlatIP(base.shape[1])
exact.add(base)
true_ids = exact.search(queries, 10)[1]

M, EF_CONSTRUCTION = 16, 40
ours = HNSWIndex(base.shape[1], M=M, ef_construction=EF_CONSTRUCTION, seed=0)
ours.add(base)
theirs = faiss.IndexHNSWFlat(base.shape[1], M, faiss.METRIC_INNER_PRODUCT)
theirs.hnsw.efConstruction = EF_CONSTRUCTION
theirs.add(base)
print(f"FAISS: {theirs.hnsw.nb_neighbors(1)} links per upper layer, {theirs.hnsw.nb_neighbors(0)} on layer 0")

print("efSearch  recall@10 ours  FAISS")
for ef in (10, 16, 32, 64, 128):
    ours.ef_search = theirs.hnsw.efSearch = ef
    mine, reference = recall_at_k(ours.search(queries, 10)[1], true_ids), recall_at_k(theirs.search(queries, 10)[1], true_ids)
    print(f"{ef:>8}  {mine:>14.3f}  {reference:.3f}")
