"""How many parameters has multi-head attention, and does the number of heads change it?"""

from neuralnlp.transformer.multihead import MultiheadAttention

for heads in (1, 6, 12):
    mha = MultiheadAttention(384, heads)
    print(f"{heads:>2} heads: {sum(p.numel() for p in mha.parameters()):,} parameters, head size {mha.head_dim}")
