# %% [markdown]
# # 动手训练 word2vec：最近邻与二维投影
#
# 这个 notebook 在 gensim 自带的新闻语料 `lee_background.cor`（300 篇新闻）上训练一个跳字模型（负采样），
# 然后查看几个词的最近邻，并用 PCA 把一组词的词向量投影到平面上。训练器和评测函数来自 `neuralnlp.embeddings.word2vec`，
# 原理见[在真实语料上训练 word2vec](../../embeddings/word2vec-training/)。需要安装 gensim，只是为了用它附带的语料文件。

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
# ## 最近邻
#
# 语料很小时，所有词向量共享一个很大的公共方向，先减去平均向量，余弦相似度才能区分不同的词。
# 可以把 `words` 换成别的词试试（词必须在词表里）。

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
# ## 用 PCA 投影到二维
#
# PCA 找出方差最大的方向。对中心化后的矩阵 $X$ 做奇异值分解 $X = U S V^\top$，
# 前两个右奇异向量就是前两个主成分，$X V_{:, :2}$ 就是每个词在平面上的坐标。
# 这里只对挑出来的四组词做 PCA（先把每个向量缩放到单位长度，余弦相似度看的正是方向），
# 这样平面上的两个方向描述的正是这些词之间的差别。四组词来自语料里的四类新闻。

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
# 四组词各自聚在一起：跳字模型把在同一类新闻里出现的词放到一起，所以 cricket 和 wickets 靠近，
# taliban 和 pakistan 靠近。这里的“相近”是话题上的相关，而不一定是词义相同。两个方向只保留了一部分方差
# （见上面的输出），所以投影里靠得近的词在原空间里未必最近，最近邻要以余弦相似度为准。
#
# 可以试试：把 `epochs` 改成 1 或 10，看最近邻和投影怎么变；或者改用完整语料
# `neuralnlp.embeddings.word2vec.corpus.load_real_corpus()`（约 50 万词元，训练要慢得多）。
