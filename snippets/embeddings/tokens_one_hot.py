import torch

from neuralnlp.embeddings.embedding import Embedding, one_hot

torch.manual_seed(0)
embedding = Embedding(5, 3)            # the 北京欢迎你 vocabulary: V = 5, d = 3
W = embedding.weight
ids = torch.tensor([1, 4, 1])          # 京 你 京

by_lookup = embedding(ids)
by_matmul = one_hot(ids, 5) @ W        # (3, 5) @ (5, 3)
linear = torch.nn.Linear(5, 3, bias=False)
with torch.no_grad():
    linear.weight.copy_(W.T)           # Linear stores (out, in) = (d, V): the transpose of W
by_linear = linear(one_hot(ids, 5))

print("one-hot of ids [1, 4, 1]:")
print(one_hot(ids, 5))
print("lookup == one-hot @ W:", torch.allclose(by_lookup, by_matmul, rtol=0, atol=1e-6))
print("lookup == Linear(one-hot):", torch.allclose(by_lookup, by_linear, rtol=0, atol=1e-6))

# Same gradient too: for a loss L, dL/dW is the same whichever route computed the vectors.
upstream = torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5], [2.0, 0.0, 0.0]])
grad_lookup = torch.autograd.grad((by_lookup * upstream).sum(), W, retain_graph=True)[0]
grad_matmul = torch.autograd.grad((by_matmul * upstream).sum(), W)[0]
grad_linear = torch.autograd.grad((by_linear * upstream).sum(), linear.weight)[0]
print("dL/dW (lookup):")
print(grad_lookup)
print("same via one-hot @ W:", torch.allclose(grad_lookup, grad_matmul, rtol=0, atol=1e-6))
print("same via Linear (transposed):", torch.allclose(grad_lookup, grad_linear.T, rtol=0, atol=1e-6))
