"""Semantic search over the Lee corpus: MiniLM sentence vectors in an ExactIndex, checked against FAISS."""

import faiss
import numpy as np
import torch

from neuralnlp.search.exact import ExactIndex
from neuralnlp.transformer.corpora import lee_sentences
from neuralnlp.transformer.sentence_encoder import SentenceEncoder

torch.set_num_threads(1)
encoder = SentenceEncoder.from_directory()
sentences = lee_sentences("test")  # the 50 articles of lee.cor, split into sentences
vectors = encoder.encode(sentences)  # (n, 384), already unit length
index = ExactIndex(384)
index.add(vectors)
print(f"{len(index)} sentences indexed")

queries = ["flood water in the streets", "a woman sentenced under Islamic law", "tracking migrating birds",
           "a tennis match"]  # the last one: no article is about sport
scores, ids = index.search(encoder.encode(queries), 2)
for query, row_scores, row_ids in zip(queries, scores, ids):
    print(f"\nquery: {query}")
    for score, i in zip(row_scores, row_ids):
        print(f"  {score:.2f}  [{i:>3}] {sentences[i][:100]}")

# every sentence as a query, k = 10: FAISS's IndexFlatIP on faiss-normalised copies
flat = faiss.IndexFlatIP(384)
unit = vectors.copy()
faiss.normalize_L2(unit)
flat.add(unit)
faiss_scores, faiss_ids = flat.search(unit, 10)
ours_scores, ours_ids = index.search(vectors, 10)
print(f"\nagainst faiss.IndexFlatIP, {len(vectors)} queries, k = 10: same ids at "
      f"{(ours_ids == faiss_ids).mean():.1%} of positions, largest score difference "
      f"{np.abs(ours_scores - faiss_scores).max():.1e}")
