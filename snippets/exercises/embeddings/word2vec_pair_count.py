from neuralnlp.embeddings.word2vec import skipgram_pairs

# Distance r contributes the n - r pairs (w_i, w_{i+r}) and as many reversed: 2 * sum_{r=1}^{W} (n - r).
print(f"{'n':>3} {'W':>2} {'counted':>8} {'W(2n - W - 1)':>14}")
for n, W in [(5, 1), (5, 2), (10, 3), (20, 5)]:
    counted = len(skipgram_pairs(list(range(n)), window=W))
    print(f"{n:>3} {W:>2} {counted:>8} {W * (2 * n - W - 1):>14}")
