"""Exercise: how many bytes of scores exact search holds at once, chunked and not."""

q, n, k, chunk_rows = 1_000, 1_000_000, 10, 16_384
float32, int64 = 4, 8
whole = q * n * float32  # every score of the batch at once
chunked = q * chunk_rows * float32 + q * 2 * k * (float32 + int64)  # one chunk's scores + the merge of two top-k
print(f"all q × N scores: {whole / 2**30:.2f} GiB")
print(f"one chunk of q × {chunk_rows:,} scores and the running top {k}: {chunked / 2**20:.1f} MiB")
print(f"the stored vectors themselves (N × 384 float32): {n * 384 * float32 / 2**30:.2f} GiB")
