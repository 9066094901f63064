import torch

from neuralnlp.pipeline.conv import Conv1d

torch.manual_seed(0)


def receptive_field(dilations, T=64):
    """Input positions with a non-zero gradient for the middle output of stacked width-3 convolutions."""
    x = torch.randn(1, 2, T, requires_grad=True)
    h = x
    for d in dilations:
        h = torch.tanh(Conv1d(2, 2, 3, padding="same", dilation=d)(h))
    h[0, :, T // 2].sum().backward()
    return int((x.grad.abs().sum(dim=1) > 0).sum())


print("dilations 1, 2, 4:", receptive_field([1, 2, 4]), "positions; formula 1 + 2·(1 + 2 + 4) =", 1 + 2 * 7)
print("7 layers, dilation 1:", receptive_field([1] * 7), "positions")
