import math

# Multiply-adds and output vectors touched to score one (input, word) example, d = 300.
d, K = 300, 5
print(f"{'V':>9} {'full softmax':>14} {'negative (K=5)':>15} {'hierarchical':>13}")
for V in (10_000, 100_000, 1_000_000):
    full = V * d  # one dot product per vocabulary word, and every u_w gets a gradient
    negative = (K + 1) * d  # the true word and K noise words
    hierarchical = math.ceil(math.log2(V)) * d  # about log2 V inner nodes on a path
    print(f"{V:>9,} {full:>14,} {negative:>15,} {hierarchical:>13,}")
print(f"full / negative at V = 1,000,000: {1_000_000 * d / ((K + 1) * d):,.0f}x")
