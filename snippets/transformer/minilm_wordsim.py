"""Word similarity on WordSim353: all-MiniLM-L6-v2 beside our word2vec and gensim's (from the committed benchmark)."""

import json
from collections import Counter
from pathlib import Path

import numpy as np
import torch

import neuralnlp
from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir, load_real_corpus
from neuralnlp.embeddings.word2vec.evaluation import read_word_pairs, spearman
from neuralnlp.transformer.sentence_encoder import SentenceEncoder

torch.set_num_threads(1)
pairs = read_word_pairs(gensim_test_data_dir() / "wordsim353.tsv")
encoder = SentenceEncoder.from_directory()
words = sorted({w for a, b, _ in pairs for w in (a, b)})
vectors = dict(zip(words, encoder.encode(words)))  # each word alone: [CLS] word [SEP], pooled, normalised


def rho(subset):
    human = np.array([score for _, _, score in subset])
    model = np.array([float(vectors[a] @ vectors[b]) for a, b, _ in subset])  # unit vectors: dot = cosine
    return spearman(human, model)


# the pairs whose two words are in word2vec's vocabulary (min_count 5 on its corpus), as in the benchmark
counts = Counter(w for doc in load_real_corpus() for w in doc)
known = [p for p in pairs if counts[p[0].lower()] >= 5 and counts[p[1].lower()] >= 5]
# the checkout that neuralnlp is installed from holds the committed benchmark results
results = json.loads((Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" /
                      "word2vec_gensim.json").read_text())
print(f"{'model':<36}{'pairs':>6}{'rho':>8}")
for epochs in results["epochs"]:
    for trainer in ("ours", "gensim"):
        run = results["runs"][str(epochs)][trainer][0]
        name = f"word2vec, {'ours' if trainer == 'ours' else 'gensim'}, {epochs} epochs"
        print(f"{name:<36}{run['pairs_wordsim353']:>6}{run['rho_wordsim353']:>8.3f}")
print(f"{'all-MiniLM-L6-v2, the same pairs':<36}{len(known):>6}{rho(known):>8.3f}")
print(f"{'all-MiniLM-L6-v2, all pairs':<36}{len(pairs):>6}{rho(pairs):>8.3f}")
