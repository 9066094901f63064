"""Cosine, inner product and Euclidean distance on real vectors: normalise once and the three agree."""

import faiss
import numpy as np
import torch

from neuralnlp.search.exact import exact_search, squared_distance_from_cosine
from neuralnlp.transformer.corpora import lee_sentences
from neuralnlp.transformer.sentence_encoder import SentenceEncoder, mean_pooling

torch.set_num_threads(1)  # one small batch: a second thread only adds synchronisation
encoder = SentenceEncoder.from_directory()
sentences = lee_sentences("test")[:40]
batch = encoder.tokenizer.batch_encode(sentences, truncation=True, max_length=encoder.max_seq_length)
with torch.inference_mode():  # MiniLM's mean-pooled vectors *before* encode() normalises them
    tokens = encoder.model(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
    raw = mean_pooling(tokens, batch["attention_mask"]).numpy()
norms = np.linalg.norm(raw, axis=1)
print(f"{len(raw)} Lee sentences, MiniLM vectors before normalising: norms from {norms.min():.2f} to {norms.max():.2f}")

k = 5
cos_scores, cos_ids = exact_search(raw, raw, k)  # cosine: exact_search normalises both sides


def faiss_ids(index, vectors):
    index.add(vectors)
    return index.search(vectors, k)


_, ip_raw = faiss_ids(faiss.IndexFlatIP(384), raw)  # inner product of the raw vectors
unit = raw.copy()
faiss.normalize_L2(unit)  # normalise once ...
_, ip_unit = faiss_ids(faiss.IndexFlatIP(384), unit)  # ... then inner product = cosine
d2, l2_unit = faiss_ids(faiss.IndexFlatL2(384), unit)  # ... and the smallest distance = the largest cosine

print(f"queries whose {k} neighbours equal the cosine's, in the same order:")
for name, ids in (("inner product, raw vectors", ip_raw), ("inner product, unit vectors", ip_unit),
                  ("L2 distance, unit vectors", l2_unit)):
    print(f"  {name:<28} {(ids == cos_ids).all(axis=1).sum():>3} of {len(raw)}")
print(f"largest |‖a − b‖² − (2 − 2 cos)|: {np.abs(d2 - squared_distance_from_cosine(cos_scores)).max():.1e}")
