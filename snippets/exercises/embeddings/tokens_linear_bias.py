import torch

from neuralnlp.embeddings.embedding import Embedding, one_hot

torch.manual_seed(0)
V, d = 5, 3
linear = torch.nn.Linear(V, d, bias=True)  # a bias this time
ids = torch.tensor([1, 4, 1, 0])

# Every one-hot vector sums to 1, so e_i^T W + b = e_i^T (W + 1 b^T): add b to every row of the table.
table = linear.weight.detach().T + linear.bias.detach()
lookup = Embedding.from_pretrained(table)
print("Linear with bias == lookup in W + b:",
      torch.allclose(linear(one_hot(ids, V)), lookup(ids), rtol=0, atol=1e-6))
