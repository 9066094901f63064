"""Attention ignores order: permuting the keys and values together changes nothing, permuting the queries
permutes the outputs."""

import torch

from neuralnlp.transformer.attention import scaled_dot_product_attention

torch.manual_seed(0)
q, k, v = torch.randn(4, 8, dtype=torch.float64), torch.randn(6, 8, dtype=torch.float64), torch.randn(6, 3, dtype=torch.float64)
out = scaled_dot_product_attention(q, k, v)
keys_order, queries_order = torch.randperm(6), torch.randperm(4)
print("keys and values permuted, same output:",
      torch.allclose(scaled_dot_product_attention(q, k[keys_order], v[keys_order]), out))
print("queries permuted, outputs permuted the same way:",
      torch.allclose(scaled_dot_product_attention(q[queries_order], k, v), out[queries_order]))
