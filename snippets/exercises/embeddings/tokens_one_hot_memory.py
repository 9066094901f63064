# Sizes only: nothing this big is allocated here.
n, V, d = 4096, 50_257, 768  # 4,096 ids; GPT-2's vocabulary and embedding dimension

sizes = {
    "float32 one-hot matrix": n * V * 4,
    "F.one_hot: int64, then float32": n * V * (8 + 4),
    "the looked-up vectors (n, d)": n * d * 4,  # the output, whichever route computes it
}
for what, n_bytes in sizes.items():
    print(f"{what:<32}{n_bytes / 1e6:>10,.1f} MB")
print(f"one-hot matrix / output: {V / d:.0f}x  (= V / d)")
