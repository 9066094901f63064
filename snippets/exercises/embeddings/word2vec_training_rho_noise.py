import numpy as np

from neuralnlp.embeddings.word2vec import spearman

# How large can rho be by chance alone? Score 60 pairs with random numbers, many times.
rng = np.random.default_rng(0)
for n_pairs in (60, 254):  # pairs scored in the small run, and in the full run (353 - 99 OOV)
    human = rng.uniform(0, 10, n_pairs)
    chance = np.array([spearman(human, rng.normal(size=n_pairs)) for _ in range(2000)])
    print(f"{n_pairs:>3} pairs: rho of random scores has standard deviation {chance.std():.3f} "
          f"(1/sqrt(n-1) = {1 / np.sqrt(n_pairs - 1):.3f}); |rho| >= 0.10 in {np.mean(np.abs(chance) >= 0.10):.0%} of runs")
