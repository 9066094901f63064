"""A query that scores every key the same gets the plain mean of the values."""

import torch

from neuralnlp.transformer.attention import attention_weights, scaled_dot_product_attention

k = torch.randn(5, 4, generator=torch.Generator().manual_seed(0))
v = torch.arange(10.0).reshape(5, 2)
q = torch.zeros(1, 4)  # q · k_j = 0 for every key
print("weights:", [round(w, 4) for w in attention_weights(q, k)[0].tolist()])
print("output:", scaled_dot_product_attention(q, k, v)[0].tolist(), " mean of the values:", v.mean(0).tolist())
