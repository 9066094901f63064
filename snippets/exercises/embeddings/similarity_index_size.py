# A brute-force index of n vectors of dimension d: memory, and work per query (n·d multiply-adds).
d = 768
for n in (10_000, 1_000_000, 100_000_000):
    print(f"n = {n:>11,}: float32 {n * d * 4 / 1e9:>8,.2f} GB, float16 {n * d * 2 / 1e9:>7,.2f} GB, "
          f"{n * d:.2e} multiply-adds per query")
