import torch

from neuralnlp.embeddings.embedding import Embedding

torch.manual_seed(0)
embedding = Embedding(100_000, 3, sparse=True)
embedding(torch.tensor([5, 1, 5])).sum().backward()

grad = embedding.weight.grad
print("as backward returns it (one entry per looked-up position):")
print(grad)
print("coalesced (entries of the same row added up):")
print(grad.coalesce())
