from collections import Counter

import numpy as np

from neuralnlp.embeddings.word2vec import noise_distribution
from neuralnlp.embeddings.word2vec.corpus import load_real_corpus

counts = Counter(word for doc in load_real_corpus() for word in doc)
vocab = [w for w, c in counts.most_common() if c >= 5]  # min_count = 5, as in the trainer
p_noise = noise_distribution(np.array([counts[w] for w in vocab]))
batch, K = 2048, 5
for word in vocab[:3]:
    share = p_noise[vocab.index(word)]
    print(f"{word:>4}: P_n = {share:.4f}, about {batch * K * share:.0f} of the {batch * K:,} negatives of a batch")
