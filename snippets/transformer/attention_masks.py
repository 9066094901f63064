"""Masks decide which keys a query may see: padding and causal masks, and torch's two opposite conventions."""

import torch
from torch import nn

from neuralnlp.transformer.attention import attention_weights

torch.manual_seed(0)
q = k = torch.randn(1, 4, 8)  # one sequence of 4 positions; the last one is padding
torch.set_printoptions(precision=2, sci_mode=False)

padding = torch.tensor([[[True, True, True, False]]])  # (1, 1, 4): True = may attend (the functional convention)
print("padding mask: no query attends to position 3\n", attention_weights(q, k, attn_mask=padding)[0])
print("causal mask: query i sees keys 0 … i\n", attention_weights(q, k, is_causal=True)[0])

# torch.nn.MultiheadAttention's key_padding_mask means the opposite: True = this key is padding
mha = nn.MultiheadAttention(8, 1, batch_first=True)
_, weights = mha(q, k, k, key_padding_mask=torch.tensor([[False, False, False, True]]))
print("nn.MultiheadAttention, key_padding_mask True at position 3: weight on it", weights[0, :, 3].tolist())
