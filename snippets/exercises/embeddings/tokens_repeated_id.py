import torch

from neuralnlp.embeddings.embedding import Embedding

torch.manual_seed(0)
embedding = Embedding(5, 3)
ids = torch.tensor([4, 4, 4])  # 你 three times, instead of [1, 4, 1]
upstream = torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5], [2.0, 0.0, 0.0]])  # as in tokens_one_hot.py

(embedding(ids) * upstream).sum().backward()
print("dL/dW:")
print(embedding.weight.grad)
print("row 4 == sum of the upstream rows:", torch.equal(embedding.weight.grad[4], upstream.sum(0)))
