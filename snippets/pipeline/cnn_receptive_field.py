"""Receptive fields: by the formula 1 + Σ (K − 1)·d, and measured as the inputs that get a non-zero gradient."""

import torch

from neuralnlp.pipeline.conv import Conv1d
from neuralnlp.recurrent.gru import GRU

torch.manual_seed(0)
T = 64  # positions in the input


def measured_conv(kernel_size, dilations):
    """How many input positions reach the output at the middle position of a stack of convolutions."""
    x = torch.randn(1, 4, T, requires_grad=True)
    h = x
    for d in dilations:
        h = torch.tanh(Conv1d(4, 4, kernel_size, padding="same", dilation=d)(h))
    h[0, :, T // 2].sum().backward()
    return int((x.grad.abs().sum(dim=1) > 0).sum())


def measured_gru(t):
    """How many input positions reach the GRU's state after reading t tokens."""
    x = torch.randn(T, 4, requires_grad=True)
    output, _ = GRU(4, 4)(x)
    output[t - 1].sum().backward()
    return int((x.grad.abs().sum(dim=1) > 0).sum())


print(f"{'model':<34}{'formula':>8}{'measured':>10}{'sequential steps':>18}")
for name, k, dilations in [("conv K=2 (one TextCNN filter)", 2, [1]), ("conv K=4 (one TextCNN filter)", 4, [1]),
                           ("2 conv layers, K=3", 3, [1, 1]), ("4 conv layers, K=3", 3, [1, 1, 1, 1]),
                           ("4 conv layers, K=3, d=1,2,4,8", 3, [1, 2, 4, 8])]:
    formula = 1 + sum((k - 1) * d for d in dilations)
    print(f"{name:<34}{formula:>8}{measured_conv(k, dilations):>10}{len(dilations):>18}")
for t in (10, T):
    print(f"{f'GRU, state after {t} tokens':<34}{t:>8}{measured_gru(t):>10}{t:>18}")
