"""Sentence similarity and a first semantic search over the Lee corpus, with our MiniLM encoder."""

import numpy as np
import torch

from neuralnlp.embeddings.similarity import nearest_neighbours
from neuralnlp.transformer.corpora import lee_sentences
from neuralnlp.transformer.sentence_encoder import SentenceEncoder

torch.set_num_threads(1)
encoder = SentenceEncoder.from_directory()

pairs = [("A man is playing a guitar.", "Someone plays the guitar."),
         ("A man is playing a guitar.", "The stock market fell sharply."),
         ("The dog bit the man.", "The man bit the dog."),
         ("The dog bit the man.", "The man was bitten by the dog.")]
for a, b in pairs:
    u, v = encoder.encode([a, b])
    print(f"{u @ v:.2f}  {a} | {b}")  # unit vectors: the dot product is the cosine

sentences = lee_sentences("test")  # the 50 articles of lee.cor, split into sentences
index = encoder.encode(sentences)  # (n, 384)
print(f"\n{len(sentences)} sentences indexed, {index.shape[1]} numbers each")
queries = ["rivers burst their banks", "a whale trapped near the beach", "people starving in Africa",
           "a bank sacks staff"]
for query, (rows, scores) in zip(queries, zip(*nearest_neighbours(encoder.encode(queries), index, k=2))):
    print(f"\nquery: {query}")
    for row, score in zip(rows, scores):
        print(f"  {score:.2f}  {sentences[row][:110]}")
