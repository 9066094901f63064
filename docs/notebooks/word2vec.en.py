# %% [markdown]
# # Training word2vec yourself: nearest neighbours and a 2-D projection
#
# This notebook trains skip-gram with negative sampling on the news corpus that ships with gensim,
# `lee_background.cor` (300 news articles), then looks at the nearest neighbours of a few words and
# projects the vectors of a set of words onto a plane with PCA. The trainer and the evaluation come from
# `neuralnlp.embeddings.word2vec`; how they work is explained on the pages [word2vec](../../embeddings/word2vec/) and
# [Training word2vec on real text](../../embeddings/word2vec-training/), and `nearest_neighbours` comes from
# [Similarity and vector search](../../embeddings/similarity/). gensim needs to be installed, only for its corpus file.
#
# **After this notebook you will be able to:**
#
# - train skip-gram on real text and read the mean loss of each epoch;
# - find a word's nearest neighbours by cosine similarity, and explain why the mean vector is subtracted first;
# - evaluate word vectors on WordSim353 and judge how far to trust the score;
# - project a set of word vectors onto a plane with PCA, knowing what the projection leaves out.

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
# ## Summary
#
# - A few hundred news articles are enough to train meaningful nearest neighbours: words that occur in the same kind of news get
#   nearby vectors.
# - What skip-gram learns as "near" is mostly relatedness by topic (police near israeli), not necessarily sameness of meaning.
# - On a small corpus the word vectors share one large common direction; subtract the mean vector before comparing them by cosine.
# - With a small corpus and vocabulary most WordSim353 pairs contain an out-of-vocabulary word, so $\rho$ covers only a few pairs
#   and is no reliable measure of quality.
# - A PCA projection keeps only part of the variance: words close in the plane need not be close in the full space.
#
# ## Exercises
#
# 1. Change the line that computes `vectors` to `vectors = result.input_vectors` (no mean subtracted) and run the cell again.
#    Predict first: what happens to the cosine similarities and to WordSim353's $\rho$?
#
# <details class="tip"><summary>Answer</summary>
#
# All cosine similarities crowd near 1 and barely tell near from far; the lists of neighbours may change little, but the
# similarity values lose their power to discriminate, and WordSim353's $\rho$ gets worse with them (in our run it even turned
# negative). On a small corpus every word's input vector is pushed by the same frequent context words and noise words, so all
# vectors acquire one large common component $\mathbf{m}$. The angle between $\mathbf{m} + \mathbf{a}$ and $\mathbf{m} + \mathbf{b}$
# is then decided mostly by $\mathbf{m}$, and the difference between $\mathbf{a}$ and $\mathbf{b}$ is drowned out. Subtracting the
# mean vector (an estimate of $\mathbf{m}$) leaves the parts in which the words differ. Mu and Viswanath (2018) extend this
# post-processing to removing the few dominant directions.
#
# </details>
#
# 2. The nearest neighbours of police are israeli, palestinians and security, not a word of similar meaning such as officers. Why?
#
# <details class="tip"><summary>Answer</summary>
#
# Skip-gram gives similar vectors to words that occur in similar contexts. In this corpus of only 300 news articles, police often
# occurs in reports on the Israeli–Palestinian conflict (as in "palestinian police"), so its contexts overlap heavily with those of
# israeli and security, and the vectors end up close; officers is close in meaning, but in a corpus this small its contexts are not
# much like those of police. Check it yourself: count the most common content words within 5 words of police in the corpus.
# Skip-gram captures "used in similar ways", which is often relatedness by topic rather than synonymy; only on a larger and more
# varied corpus do words of similar meaning get the chance to come together through shared usage.
#
# </details>
#
# 3. The WordSim353 line gives $\rho$, the number of pairs evaluated and the number of out-of-vocabulary pairs. Does this $\rho$
#    tell whether the vectors are good?
#
# <details class="tip"><summary>Answer</summary>
#
# Not much. On a corpus this small, `min_count=5` leaves a small vocabulary, and most WordSim353 pairs have at least one word outside
# it and are skipped. The few dozen pairs left are few, and not a random sample either (only words common in the corpus remain), so
# a Spearman correlation computed on them has a large error and does not stand for the whole benchmark. The page
# [Training word2vec on real text](../../embeddings/word2vec-training/) trains on more text for more epochs before comparing with
# gensim on the same benchmark.
#
# </details>
#
# 4. Before PCA, the code divides each vector by its length. What would the projection look like without that?
#
# <details class="tip"><summary>Answer</summary>
#
# Cosine similarity looks at directions and ignores lengths, while the length of a word vector depends on the word's frequency:
# words updated more often in training tend to have longer vectors. Without normalising, the directions of largest variance that
# PCA finds would largely reflect differences in length, words with long vectors would be pushed to the edge of the plane, and
# distances in the plane would no longer match cosine similarity. Normalised first, the projection shows differences in direction,
# the same measure the nearest neighbours use.
#
# </details>
#
# 5. The output prints the share of the variance kept along each of the two axes. How much variance does the plane not show, and
#    what does that mean for reading the plot?
#
# <details class="tip"><summary>Answer</summary>
#
# One minus the sum of the two shares is the share of the variance the projection drops, here a sizeable part. Two words can look
# close in the plane only because they differ along the dropped directions, which the plane cannot show. Read a projection for
# rough groups only; to decide whether two words are close, go back to cosine similarity in the full space.
#
# </details>
#
# ## References
#
# - Tomas Mikolov, Kai Chen, Greg Corrado, Jeffrey Dean (2013). Efficient estimation of word representations in vector space. [arXiv:1301.3781](https://arxiv.org/abs/1301.3781)
# - Tomas Mikolov, Ilya Sutskever, Kai Chen, Greg Corrado, Jeffrey Dean (2013). Distributed representations of words and phrases and their compositionality. *NeurIPS 2013*. [arXiv:1310.4546](https://arxiv.org/abs/1310.4546)
# - Lev Finkelstein et al. (2002). Placing search in context: the concept revisited. *ACM Transactions on Information Systems* 20(1): 116–131. [doi:10.1145/503104.503110](https://doi.org/10.1145/503104.503110) (WordSim353)
# - Jiaqi Mu, Pramod Viswanath (2018). All-but-the-top: simple and effective postprocessing for word representations. *ICLR 2018*. [arXiv:1702.01417](https://arxiv.org/abs/1702.01417) (removing the mean vector and the dominant directions)
# - Radim Řehůřek, Petr Sojka (2010). Software framework for topic modelling with large corpora. *LREC 2010 Workshop on New Challenges for NLP Frameworks*. (gensim)
# - *Dive into Deep Learning*: [Word embedding (word2vec)](https://d2l.ai/chapter_natural-language-processing-pretraining/word2vec.html)
# - The site's [source articles](../../#sources): the study notes on Liu Zhiyuan's team's course introduce skip-gram and negative sampling; the quick guide to word vectors discusses why similar words get similar vectors.
