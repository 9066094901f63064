"""Our MultiheadAttention against torch.nn.MultiheadAttention with copied weights."""

import torch
from torch import nn

from neuralnlp.transformer.multihead import MultiheadAttention

torch.manual_seed(0)
theirs = nn.MultiheadAttention(embed_dim=384, num_heads=12, batch_first=True)
ours = MultiheadAttention.from_torch(theirs)  # in_proj_weight (1152, 384), in_proj_bias, out_proj
print(ours)
print("parameters:", sum(p.numel() for p in ours.parameters()), "= 4 · (384² + 384)")

x = torch.randn(2, 10, 384)  # 2 sequences of 10 positions
padding = torch.zeros(2, 10, dtype=torch.bool)
padding[1, 7:] = True  # torch.nn's convention: True = padding
(out, w), (ref_out, ref_w) = (m(x, x, x, key_padding_mask=padding) for m in (ours, theirs))
print("output", tuple(out.shape), f"max |ours - torch| = {(out - ref_out).abs().max().item():.1e};",
      "weights", tuple(w.shape), f"(averaged over heads) {(w - ref_w).abs().max().item():.1e}")
