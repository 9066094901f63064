"""The embeddings have length 1, so their dot product is their cosine similarity."""

import numpy as np
import torch

from neuralnlp.embeddings.similarity import cosine_similarity
from neuralnlp.transformer.sentence_encoder import SentenceEncoder

torch.set_num_threads(1)
u, v = SentenceEncoder.from_directory().encode(["It is raining.", "The weather is wet."])
print("norms:", round(float(np.linalg.norm(u)), 6), round(float(np.linalg.norm(v)), 6))
print("dot:", round(float(u @ v), 6), " cosine:", round(float(cosine_similarity(u, v)), 6))
