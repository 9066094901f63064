import itertools
import warnings

import torch

from neuralnlp.pipeline.conv import Conv1d, conv1d_output_length

torch.set_num_threads(1)
torch.manual_seed(0)
warnings.filterwarnings("ignore", "Using padding='same'")  # torch notes that it copies the input

# Combinations of kernel size, stride, padding and dilation that fit an input of 11 positions
# (tests/unit/pipeline/test_conv.py checks a larger grid).
grid = [(k, s, p, d) for k, s, p, d in itertools.product([1, 2, 3, 5], [1, 3], [0, 2, "same"], [1, 2])
        if not (p == "same" and s != 1) and conv1d_output_length(11, k, s, p, d) >= 1]
print("settings compared:", len(grid))
for dtype, bound in ((torch.float32, 1e-6), (torch.float64, 1e-12)):
    worst_out = worst_grad = 0.0
    for k, s, p, d in grid:
        reference = torch.nn.Conv1d(6, 4, k, stride=s, padding=p, dilation=d, dtype=dtype)
        ours = Conv1d.from_torch(reference)  # same settings, copied weight (4, 6, k) and bias (4,)
        grads = []
        for layer in (ours, reference):
            x = torch.randn(3, 6, 11, dtype=dtype, generator=torch.Generator().manual_seed(1), requires_grad=True)
            y = layer(x)  # (batch, out_channels, L_out)
            y.square().mean().backward()
            grads.append((y, x.grad, layer.weight.grad, layer.bias.grad))
        worst_out = max(worst_out, (grads[0][0] - grads[1][0]).abs().max().item())
        worst_grad = max(worst_grad, *((a - b).abs().max().item() for a, b in zip(grads[0][1:], grads[1][1:])))
    name = str(dtype).removeprefix("torch.")
    print(f"{name}: outputs within {bound:g}: {worst_out <= bound}; gradients (x, weight, bias) within {bound:g}: "
          f"{worst_grad <= bound}")
