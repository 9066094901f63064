"""The causal mask when there are fewer queries than keys (L = 2, S = 4): aligned at the top left, as torch does."""

import torch
from torch.nn import functional as F

from neuralnlp.transformer.attention import attention_weights, causal_mask

torch.manual_seed(0)
print(causal_mask(2, 4).int())
q, k = torch.randn(2, 8), torch.randn(4, 8)
print("weights of query 0:", attention_weights(q, k, is_causal=True)[0].tolist())
v = torch.randn(4, 3)
print("same as torch:", torch.allclose(F.scaled_dot_product_attention(q, k, v, is_causal=True),
                                       attention_weights(q, k, is_causal=True) @ v, atol=1e-6))
