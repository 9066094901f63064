# %% [markdown]
# # 动手训练 word2vec：最近邻与二维投影
#
# 这个 notebook 在 gensim 自带的新闻语料 `lee_background.cor`（300 篇新闻）上训练一个跳字模型（负采样），然后查看几个词的最近邻，并用 PCA 把一组词的词向量投影到平面上。训练器和评测函数来自 `neuralnlp.embeddings.word2vec`，原理见 [word2vec](../../embeddings/word2vec/) 和[在真实语料上训练 word2vec](../../embeddings/word2vec-training/) 两页；查最近邻用的 `nearest_neighbours` 来自[相似度与向量检索](../../embeddings/similarity/)一页。需要安装 gensim，只是为了用它附带的语料文件。
#
# **学完这个 notebook，你将能够：**
#
# - 在真实语料上训练跳字模型，并读懂每一轮的平均损失；
# - 用余弦相似度查一个词的最近邻，并说明为什么要先减去平均向量；
# - 用 WordSim353 评测词向量，并判断这个分数有多可信；
# - 用 PCA 把一组词向量投影到平面上，并知道投影丢掉了什么。

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
# 语料很小时，所有词向量共享一个很大的公共方向，先减去平均向量，余弦相似度才能区分不同的词。可以把 `words` 换成别的词试试（词必须在词表里）。

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
# PCA 找出方差最大的方向。对中心化后的矩阵 $X$ 做奇异值分解 $X = U S V^\top$，前两个右奇异向量就是前两个主成分，$X V_{:, :2}$ 就是每个词在平面上的坐标。这里只对挑出来的四组词做 PCA（先把每个向量缩放到单位长度，余弦相似度看的正是方向），这样平面上的两个方向描述的正是这些词之间的差别。四组词来自语料里的四类新闻。

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
# 四组词各自聚在一起：跳字模型把在同一类新闻里出现的词放到一起，所以 cricket 和 wickets 靠近，taliban 和 pakistan 靠近。这里的“相近”是话题上的相关，而不一定是词义相同。两个方向只保留了一部分方差（见上面的输出），所以投影里靠得近的词在原空间里未必最近，最近邻要以余弦相似度为准。
#
# ## 小结
#
# - 几百篇新闻就足以训练出有意义的最近邻：在同一类新闻里出现的词，向量彼此靠近。
# - 跳字模型学到的“相近”多是话题上的相关（police 靠近 israeli），不一定是词义相同。
# - 小语料上的词向量共享一个很大的公共方向；用余弦相似度比较之前，先减去平均向量。
# - 语料小、词表小时，WordSim353 的大多数词对都含未登录词，算出的 $\rho$ 只覆盖一小部分词对，不能当作可靠的质量指标。
# - PCA 投影只保留了一部分方差：平面上靠得近的词，在原空间里未必最近。
#
# ## 练习
#
# 1. 把求 `vectors` 的那一行改成 `vectors = result.input_vectors`（不减平均向量），再运行这个单元。先预测：余弦相似度和 WordSim353 的 $\rho$ 会变成什么样？
#
# <details class="tip"><summary>答案</summary>
#
# 所有余弦相似度都挤到 1 附近，几乎分不出远近；最近邻的名单也许变化不大，但相似度的数值失去了区分能力，WordSim353 的 $\rho$ 也随之变差（我们运行时甚至变成了负数）。小语料上，每个词的输入向量都被同样一批高频的上下文词和噪声词推着走，于是所有向量都带上一个共同的大分量 $\mathbf{m}$。两个向量 $\mathbf{m} + \mathbf{a}$ 和 $\mathbf{m} + \mathbf{b}$ 的夹角主要由 $\mathbf{m}$ 决定，$\mathbf{a}$、$\mathbf{b}$ 的差别被淹没了。减去平均向量（它是 $\mathbf{m}$ 的估计）之后，剩下的部分才体现各个词的差别。Mu 和 Viswanath（2018）把这种后处理推广到去掉最主要的几个方向。
#
# </details>
#
# 2. police 的最近邻是 israeli、palestinians、security，而不是 officers 这样意思相近的词。为什么？
#
# <details class="tip"><summary>答案</summary>
#
# 跳字模型让上下文相似的词得到相近的向量。在这份只有 300 篇新闻的语料里，police 常出现在关于巴以冲突的报道中（例如 palestinian police），它的上下文和 israeli、security 这些词的上下文大量重合，向量因此靠近；officers 意思虽然相近，在这么小的语料里却没有和 police 相似的上下文。可以自己验证：统计语料中 police 左右各 5 个词里最常见的实词。跳字模型捕捉的是“用法相似”，这常常是话题上的相关，不一定是同义；语料越大、越多样，意思相近的词才越有机会通过共同的用法靠到一起。
#
# </details>
#
# 3. WordSim353 一行给出了 $\rho$、参与评测的词对数和未登录的词对数。这个 $\rho$ 能说明这些词向量好不好吗？
#
# <details class="tip"><summary>答案</summary>
#
# 说明不了多少。`min_count=5` 在这么小的语料上只留下一个很小的词表，WordSim353 里的大多数词对至少有一个词不在词表里，只能跳过；剩下的几十对既少，又不是随机抽出来的（只剩下语料里常见的词），在它们上面算出的斯皮尔曼相关系数误差很大，也不能代表整个评测集。[在真实语料上训练 word2vec](../../embeddings/word2vec-training/)一页用更大的语料和更多轮训练，才与 gensim 在同一评测上做有意义的比较。
#
# </details>
#
# 4. 做 PCA 之前，代码先把每个向量除以它的长度。如果不这样做，投影会有什么不同？
#
# <details class="tip"><summary>答案</summary>
#
# 余弦相似度只看方向，不看长度，而词向量的长度和词频有关：训练中被更新得多的词，向量往往更长。不归一化时，PCA 找到的方差最大的方向会在很大程度上反映长度的差别，长向量的词被推到平面的外围，平面上的距离也就不再对应余弦相似度。先归一化，投影展示的才是方向上的差别，和最近邻用的度量一致。
#
# </details>
#
# 5. 输出打印了平面上两个方向各自保留的方差比例。平面上看不到的那部分方差有多少？它对读图意味着什么？
#
# <details class="tip"><summary>答案</summary>
#
# 用 1 减去这两个比例之和，就是投影丢掉的方差比例，这里是相当大的一部分。所以两个词在平面上靠得近，可能只是因为它们在被丢掉的那些方向上的差别看不见了。读投影图时只能看大致的分组，判断两个词是否相近，要回到原空间里的余弦相似度。
#
# </details>
#
# ## 参考文献
#
# - Tomas Mikolov, Kai Chen, Greg Corrado, Jeffrey Dean (2013). Efficient estimation of word representations in vector space. [arXiv:1301.3781](https://arxiv.org/abs/1301.3781)
# - Tomas Mikolov, Ilya Sutskever, Kai Chen, Greg Corrado, Jeffrey Dean (2013). Distributed representations of words and phrases and their compositionality. *NeurIPS 2013*. [arXiv:1310.4546](https://arxiv.org/abs/1310.4546)
# - Lev Finkelstein et al. (2002). Placing search in context: the concept revisited. *ACM Transactions on Information Systems* 20(1): 116–131. [doi:10.1145/503104.503110](https://doi.org/10.1145/503104.503110)（WordSim353）
# - Jiaqi Mu, Pramod Viswanath (2018). All-but-the-top: simple and effective postprocessing for word representations. *ICLR 2018*. [arXiv:1702.01417](https://arxiv.org/abs/1702.01417)（减去平均向量和主要方向）
# - Radim Řehůřek, Petr Sojka (2010). Software framework for topic modelling with large corpora. *LREC 2010 Workshop on New Challenges for NLP Frameworks*.（gensim）
# - 《动手学深度学习》：[词嵌入（word2vec）](https://zh.d2l.ai/chapter_natural-language-processing-pretraining/word2vec.html)
# - 本站的[参考文章](../../#sources)：刘知远团队课程的学习笔记介绍了跳字模型和负采样；《什么是词向量？如何得到词向量？Embedding 快速解读》讨论了相似的词为什么得到相似的向量。
