import numpy as np

from neuralnlp.embeddings.word2vec import keep_probability, paper_discard_probability

# A corpus of 1,000,000 tokens; word frequencies f = count / total.
counts = np.array([60_000, 10_000, 3_000, 1_000, 100])
total = 1_000_000
counts_with_rest = np.append(counts, total - counts.sum())  # all other words together
t = 1e-3

keep_gensim = keep_probability(counts_with_rest, sample=t)[:-1]
keep_paper = 1 - paper_discard_probability(counts_with_rest, sample=t)[:-1]
print(f"{'frequency':>10} {'keep (gensim)':>14} {'keep (paper)':>13}")
for c, g, p in zip(counts, keep_gensim, keep_paper):
    print(f"{c / total:10.5f} {g:14.4f} {p:13.4f}")
