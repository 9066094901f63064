"""Our TransformerEncoderLayer against torch.nn.TransformerEncoderLayer, post-norm and pre-norm."""

import torch
from torch import nn

from neuralnlp.transformer.encoder_layer import TransformerEncoderLayer

x = torch.randn(4, 12, 384, generator=torch.Generator().manual_seed(1))
padding = torch.zeros(4, 12, dtype=torch.bool)
padding[2, 9:] = True  # torch.nn's convention: True = padding
upstream = torch.randn(4, 12, 384, generator=torch.Generator().manual_seed(2))

for norm_first in (False, True):
    torch.manual_seed(0)
    theirs = nn.TransformerEncoderLayer(384, 12, 1536, dropout=0.0, activation="gelu", batch_first=True,
                                        norm_first=norm_first)  # MiniLM's sizes
    ours = TransformerEncoderLayer.from_torch(theirs)
    results = []
    for module in (ours, theirs):
        xi = x.clone().requires_grad_()
        y = module(xi, src_key_padding_mask=padding)
        y.backward(upstream)
        results.append([y.detach(), xi.grad, *(p.grad for p in module.parameters())])
    # relative to each tensor's largest value: float32 keeps about 7 significant digits whatever the scale
    relative = [(a - b).abs().max().item() / b.abs().max().item() for a, b in zip(*results)]
    print(f"{'pre-norm' if norm_first else 'post-norm'}: output {relative[0]:.1e}, input gradient {relative[1]:.1e}, "
          f"largest over the {len(relative) - 2} parameter gradients {max(relative[2:]):.1e}")
print(ours)
