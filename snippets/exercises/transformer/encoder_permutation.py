"""Without positions an encoder layer cannot see word order; with sinusoidal positions added, it can."""

import torch

from neuralnlp.transformer.encoder_layer import TransformerEncoderLayer
from neuralnlp.transformer.positional import sinusoidal_positional_encoding

torch.manual_seed(0)
layer = TransformerEncoderLayer(16, 4, 64, batch_first=True, dtype=torch.float64)
words = torch.randn(1, 3, 16, dtype=torch.float64)  # "dog bites man"
swapped = words[:, [2, 1, 0]]  # "man bites dog"
pe = sinusoidal_positional_encoding(3, 16, dtype=torch.float64)
with torch.no_grad():
    print("no positions: the outputs are the same, reordered:", torch.allclose(layer(swapped), layer(words)[:, [2, 1, 0]]))
    print("with positions: the same?", torch.allclose(layer(swapped + pe), layer(words + pe)[:, [2, 1, 0]]))
