import torch

from neuralnlp.pipeline.conv import Conv1d, conv1d_output_length

# L_out = ⌊(20 + 2·1 − 2·(3 − 1) − 1) / 2⌋ + 1 = ⌊17 / 2⌋ + 1 = 9
print("formula:", conv1d_output_length(20, kernel_size=3, stride=2, padding=1, dilation=2))
x = torch.zeros(1, 8, 20)
print("ours:   ", Conv1d(8, 4, 3, stride=2, padding=1, dilation=2)(x).shape[-1])
print("torch:  ", torch.nn.Conv1d(8, 4, 3, stride=2, padding=1, dilation=2)(x).shape[-1])
