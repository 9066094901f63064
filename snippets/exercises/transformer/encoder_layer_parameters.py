"""The parameters of one encoder layer of the base Transformer: d_model 512, 8 heads, feed-forward 2048."""

from torch import nn

from neuralnlp.transformer.encoder_layer import TransformerEncoderLayer

d, f = 512, 2048
ours = TransformerEncoderLayer(d, 8, f)
by_hand = 4 * (d * d + d) + (2 * f * d + f + d) + 2 * 2 * d  # attention, feed-forward, two LayerNorms
print(sum(p.numel() for p in ours.parameters()), by_hand, sum(p.numel() for p in nn.TransformerEncoderLayer(d, 8, f).parameters()))
