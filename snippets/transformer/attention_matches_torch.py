"""Our scaled dot-product attention against torch's, with each kind of mask: outputs and gradients."""

import torch
from torch.nn import functional as F

from neuralnlp.transformer.attention import scaled_dot_product_attention

torch.manual_seed(0)
padding = torch.ones(2, 1, 1, 7, dtype=torch.bool)
padding[1, ..., 5:] = False  # the second sequence: 5 tokens, then 2 padding positions (False = masked)
masks = {"no mask": {}, "padding mask": {"attn_mask": padding}, "causal mask": {"is_causal": True}}

for dtype in (torch.float32, torch.float64):
    # batch 2, 3 heads, 7 positions, 8 features per position
    q, k, v = (torch.randn(2, 3, 7, 8, dtype=dtype, requires_grad=True) for _ in range(3))
    for name, mask in masks.items():
        ours, theirs = scaled_dot_product_attention(q, k, v, **mask), F.scaled_dot_product_attention(q, k, v, **mask)
        upstream = torch.randn_like(ours)
        ours_grads = torch.autograd.grad(ours, (q, k, v), upstream)
        theirs_grads = torch.autograd.grad(theirs, (q, k, v), upstream)
        grad_difference = max((a - b).abs().max().item() for a, b in zip(ours_grads, theirs_grads))
        print(f"{str(dtype):<14} {name:<13} output {tuple(ours.shape)}: max |ours - torch| = "
              f"{(ours - theirs).abs().max().item():.1e}, gradients {grad_difference:.1e}")
