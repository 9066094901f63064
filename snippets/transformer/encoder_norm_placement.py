"""Post-norm or pre-norm: the gradients of the first and last layers of a stack, at initialisation."""

import torch

from neuralnlp.transformer.encoder_layer import TransformerEncoderLayer
from neuralnlp.transformer.layernorm import layer_norm

torch.set_num_threads(1)  # small matrices: a second thread only adds synchronisation
x = torch.randn(8, 16, 64, generator=torch.Generator().manual_seed(1))  # 8 sequences of 16 tokens, d_model 64
target = torch.randn(8, 16, 64, generator=torch.Generator().manual_seed(2))
print("gradient norm of the first and the last layer's parameters")
print(f"{'layers':>6}  {'post-norm: first':>17} {'last':>6}  {'pre-norm: first':>16} {'last':>6}")
for depth in (3, 6, 12, 24):
    row = []
    for norm_first in (False, True):
        torch.manual_seed(0)
        layers = [TransformerEncoderLayer(64, 4, 256, activation="gelu", batch_first=True, norm_first=norm_first)
                  for _ in range(depth)]
        h = x
        for layer in layers:
            h = layer(h)
        if norm_first:
            h = layer_norm(h)  # a pre-norm stack ends with one more LayerNorm
        ((h - target) ** 2).mean().backward()
        norms = [torch.cat([p.grad.flatten() for p in layer.parameters()]).norm().item() for layer in layers]
        row += [norms[0], norms[-1]]
    print(f"{depth:>6}  {row[0]:>17.3f} {row[1]:>6.3f}  {row[2]:>16.3f} {row[3]:>6.3f}")
