# %% [markdown]
# # Training word2vec yourself: nearest neighbours and a 2-D projection
#
# This notebook trains skip-gram with negative sampling on the news corpus that ships with gensim,
# `lee_background.cor` (300 news articles), then looks at the nearest neighbours of a few words and
# projects the vectors of a set of words onto a plane with PCA. The trainer and the evaluation come from
# `neuralnlp.embeddings.word2vec`; how they work is explained in [Training word2vec on real text](../../embeddings/word2vec-training/).
# gensim needs to be installed, only for its corpus file.

# %%
import matplotlib.pyplot as plt
import numpy as np

from neuralnlp.embeddings.similarity import nearest_neighbours
from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
from neuralnlp.embeddings.word2vec.evaluation import evaluate_word_pairs
from neuralnlp.embeddings.word2vec.training import train_skipgram

data = gensim_test_data_dir()
docs = read_line_corpus(data / LEE_FILE)
result = train_skipgram(docs, vector_size=50, epochs=5, min_count=5, workers=1, seed=0)
print(f"{sum(map(len, docs)):,} tokens, vocabulary {len(result.vocab):,} words")
print("mean loss per pair, by epoch:", [round(loss, 3) for loss in result.epoch_losses])

# %% [markdown]
# ## Nearest neighbours
#
# On a corpus this small all word vectors share one large common direction; after subtracting the
# mean vector, cosine similarity can tell the words apart. Try other words in `words` (they must be
# in the vocabulary).

# %%
vectors = result.input_vectors - result.input_vectors.mean(axis=0)
vocab_words = list(result.vocab)


def neighbours(word, k=6):
    row = result.vocab.token_to_id(word)
    idx, cos = nearest_neighbours(vectors[row], vectors, k=k, exclude=[row])
    return ", ".join(f"{vocab_words[i]} {c:.2f}" for i, c in zip(idx, cos))


words = ["afghanistan", "minister", "police", "fire", "australia", "israeli"]
for word in words:
    print(f"{word:>12}: {neighbours(word)}")

score = evaluate_word_pairs(vectors, result.vocab, data / "wordsim353.tsv")
print(f"WordSim353: rho = {score.spearman:.2f} over {score.pairs} pairs ({score.oov} pairs OOV)")

# %% [markdown]
# ## A 2-D projection with PCA
#
# PCA finds the directions of largest variance. With the singular value decomposition $X = U S V^\top$
# of the centred matrix $X$, the first two right singular vectors are the first two principal components,
# and $X V_{:, :2}$ gives each word's coordinates in the plane. We run PCA on four chosen groups of words
# only (each vector scaled to unit length first, since cosine similarity looks at directions), so that the
# two axes describe the differences between these words. The groups come from four kinds of news in the corpus.

# %%
groups = {
    "Middle East": ["israel", "israeli", "palestinian", "arafat", "sharon", "gaza", "hamas"],
    "Afghanistan": ["afghanistan", "taliban", "laden", "pakistan", "kandahar", "qaeda", "bora"],
    "bushfires": ["fire", "fires", "firefighters", "blaze", "homes", "wind"],
    "cricket": ["cricket", "test", "wickets", "match", "innings", "runs", "captain"],
}
selected = [w for ws in groups.values() for w in ws]
x = vectors[[result.vocab.token_to_id(w) for w in selected]]
x = x / np.linalg.norm(x, axis=1, keepdims=True)
x = x - x.mean(axis=0)
_, s, vt = np.linalg.svd(x, full_matrices=False)
xy = x @ vt[:2].T
print("share of variance along the two axes:", np.round(s[:2] ** 2 / (s**2).sum(), 2))

fig, ax = plt.subplots(figsize=(7, 5))
for name, ws in groups.items():
    pts = xy[[selected.index(w) for w in ws]]
    ax.scatter(pts[:, 0], pts[:, 1], label=name)
for w, (px, py) in zip(selected, xy):
    ax.annotate(w, (px, py), textcoords="offset points", xytext=(3, 3), fontsize=8)
ax.set_xlabel("PC 1")
ax.set_ylabel("PC 2")
ax.legend()
plt.show()

# %% [markdown]
# Each group forms its own cluster: skip-gram puts together the words that occur in the same kind of
# news, so cricket lies near wickets and taliban near pakistan. "Near" here means related by topic, not
# necessarily alike in meaning. The two axes keep only part of the variance (see the output above), so
# words close in the projection need not be nearest in the full space; nearest neighbours are decided
# by cosine similarity.
#
# Things to try: set `epochs` to 1 or 10 and watch the neighbours and the projection change; or train
# on the full corpus, `neuralnlp.embeddings.word2vec.corpus.load_real_corpus()` (about half a million tokens, much slower).
