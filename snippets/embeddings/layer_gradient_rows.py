import torch

from neuralnlp.embeddings.embedding import Embedding

torch.manual_seed(0)
embedding = Embedding(8, 3)
ids = torch.tensor([5, 1, 5])          # token 5 twice, token 1 once
embedding(ids).sum().backward()        # dL/d(vector) = 1 for every entry

grad = embedding.weight.grad
print("gradient of W (8 × 3):")
print(grad)
print("rows with a non-zero gradient:", grad.abs().sum(1).nonzero().flatten().tolist())

# With sparse=True the gradient keeps only the looked-up rows: useful when V is large.
torch.manual_seed(0)
sparse_embedding = Embedding(100_000, 3, sparse=True)
sparse_embedding(ids).sum().backward()
sparse_grad = sparse_embedding.weight.grad.coalesce()  # coalesce adds up the two entries for row 5
print("sparse gradient rows:", sparse_grad.indices().flatten().tolist())
print("their values:", sparse_grad.values().tolist())
print(f"stored numbers: {sparse_grad.values().numel()} instead of {100_000 * 3:,}")
