# %% [markdown]
# # Notebook：训练 RNN 与 GRU 语言模型
#
# 这个 notebook 把 [RNN 语言模型](../../recurrent/language-model/)一页的内容从头到尾跑一遍，并且同时训练 RNN 和 [GRU](../../recurrent/gru/) 两个模型：生成训练文本，搭模型，训练，在留出文本上比较困惑度，检查模型有没有学会主语和动词的一致，把剩下的差距按词的类别拆开，最后让模型生成句子。所有随机性都由种子决定，每次运行结果相同；整个 notebook 在普通笔记本电脑上 20 秒以内就能跑完。
#
# **学完这个 notebook，你将能够：**
#
# - 用同样的设置训练 RNN 和 GRU 语言模型，并用留出文本上的困惑度比较它们；
# - 拿模型的困惑度和真实信源在同一段文本上的困惑度对照，判断模型离完美还有多远；
# - 用主谓一致检验模型有没有记住主语的单复数；
# - 把模型与真实信源之间的差距按词的类别拆开，找出差在哪里。

# %%
import math

import matplotlib.pyplot as plt
import torch

from neuralnlp.recurrent import text_corpus as tc
from neuralnlp.recurrent.language_model import RNNLanguageModel, perplexity, sample, train_language_model

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation

# %% [markdown]
# ## 数据
#
# 训练文本是 2000 个句子（种子 0），留出文本是另外 300 个句子（种子 1），模型训练时从没见过它。`entropy_rate()` 给出这门语言的熵率 $H$，$e^{H}$ 是任何模型在长文本上都无法低于的困惑度；`source_cross_entropy` 用语法本身的概率给留出文本打分，得到完美模型在这段文本上的困惑度。

# %%
train_tokens = tc.generate(2000, seed=0)
test_tokens = tc.generate(300, seed=1)
train_ids = torch.tensor(tc.encode(train_tokens))
test_ids = torch.tensor(tc.encode(test_tokens))
V = len(tc.VOCABULARY)
print(f"training text: {len(train_ids)} tokens, held-out text: {len(test_ids)} tokens, vocabulary: {V} words")
print(" ".join(test_tokens[:20]))
best_ppl = math.exp(tc.entropy_rate())
source_ppl = math.exp(tc.source_cross_entropy(test_tokens))
print(f"exp(entropy rate): {best_ppl:.4f}   true source on the held-out text: {source_ppl:.4f}")

# %% [markdown]
# ## 两个模型
#
# 两个模型的嵌入维度和隐藏状态维度相同，只有循环层不同。GRU 有重置门、更新门和候选状态三组权重，循环层的参数量是 RNN 的三倍。未训练时，两者的困惑度都在词表大小 $V$ 附近。

# %%
models = {}
for cell in ("rnn", "gru"):
    torch.manual_seed(0)
    models[cell] = RNNLanguageModel(V, embedding_dim=16, hidden_size=32, cell=cell)
    n_params = sum(p.numel() for p in models[cell].parameters())
    print(f"{cell}: {n_params} parameters, untrained perplexity {perplexity(models[cell], test_ids):.4f}")

# %% [markdown]
# ## 训练
#
# 两个模型用完全相同的设置训练：500 步 Adam，每步 32 个长度为 24 的窗口，学习率从 0.02 线性降到 0，梯度范数裁剪到 1。

# %%
losses = {}
for cell, model in models.items():
    losses[cell] = train_language_model(model, train_ids, steps=500, batch_size=32, seq_len=24, lr=0.02,
                                        generator=torch.Generator().manual_seed(0))
    print(f"{cell}: held-out perplexity {perplexity(model, test_ids):.4f}  (true source {source_ppl:.4f})")

# %% [markdown]
# 下图是训练损失的 20 步滑动平均，虚线是熵率。两条曲线都很快降下来，最后都贴近虚线。

# %%
window = 20
fig, ax = plt.subplots(figsize=(7, 3.5))
for cell, curve in losses.items():
    smooth = torch.tensor(curve).unfold(0, window, 1).mean(dim=1)  # mean of each run of 20 steps
    ax.plot(range(window, len(curve) + 1), smooth, label=cell.upper())
ax.axhline(tc.entropy_rate(), linestyle="--", color="gray", label="entropy rate")
ax.set(xlabel="training step", ylabel="cross-entropy (nats per token)", ylim=(1.2, 2.0))
ax.legend()
plt.show()

# %% [markdown]
# ## 学会一致了吗
#
# 动词必须和主语的单复数一致。句子里有 near 短语时，主语和动词之间隔着好几个词，紧挨动词的名词还可能单复数相反，这是这门语言里最需要“记性”的地方。下面在留出文本的每个动词处，计算模型分给“单复数正确的动词”的概率占分给所有动词的概率的比例，分有无 near 短语两种情况取平均。真实信源在这里总是 1。

# %%
def verb_agreement(model, tokens):
    """Mean share of the verb probability that goes to verbs of the right number, with and without "near"."""
    with torch.no_grad():
        probs = torch.softmax(model(torch.tensor(tc.encode(tokens)))[0], dim=-1)
    singular, plural = tc.encode(tc.VERBS["sg"]), tc.encode(tc.VERBS["pl"])
    shares = {"with near": [], "without near": []}
    has_near = False
    for t in range(1, len(tokens)):
        has_near = has_near or tokens[t] == "near"
        if tokens[t] in tc.VERBS["sg"] or tokens[t] in tc.VERBS["pl"]:
            p = probs[t - 1]  # the prediction made after reading tokens[t - 1]
            right = singular if tokens[t] in tc.VERBS["sg"] else plural
            share = p[right].sum() / (p[singular].sum() + p[plural].sum())
            shares["with near" if has_near else "without near"].append(share.item())
        if tokens[t] == ".":
            has_near = False
    return {case: (sum(v) / len(v), len(v)) for case, v in shares.items()}


for cell, model in models.items():
    for case, (mean, n) in verb_agreement(model, test_tokens).items():
        print(f"{cell}, {case:12s} ({n:3d} verbs): {mean:.4f}")

# %% [markdown]
# 两个模型都几乎总把概率放在单复数正确的动词上，有没有 near 短语差别不大：在这么短的距离上，普通 RNN 也记得住。那么模型和完美模型之间剩下的那点差距在哪里？把每个位置上“模型的交叉熵减去真实信源的交叉熵”按下一个词的类别加起来（再除以位置总数），各类别之和正好是 $\log(\text{模型困惑度}) - \log(\text{真实信源困惑度})$。

# %%
word_class = {".": ".", "near": "near"}
word_class.update({w: "determiner" for w in tc.DETERMINERS})
word_class.update({w: "adjective" for w in tc.ADJECTIVES})
word_class.update({w: "noun" for w in tc.NOUNS["sg"] + tc.NOUNS["pl"]})
word_class.update({w: "verb" for w in tc.VERBS["sg"] + tc.VERBS["pl"]})


def gap_by_word_class(model, tokens):
    """Σ over positions of (model's −log p − true source's −log p) / positions, grouped by the class of the word."""
    with torch.no_grad():
        log_p = torch.log_softmax(model(torch.tensor(tc.encode(tokens)))[0], dim=-1)
    gap = dict.fromkeys(["determiner", "adjective", "noun", "near", "verb", "."], 0.0)
    sentence_start = 0
    for t in range(1, len(tokens)):
        if tokens[t - 1] == ".":
            sentence_start = t
        # sentences are independent, so the current sentence is all the context the true source needs
        p_true = tc.next_token_probabilities(tokens[sentence_start:t])[tokens[t]]
        excess = -log_p[t - 1, tc.TOKEN_TO_ID[tokens[t]]].item() + math.log(p_true)
        gap[word_class[tokens[t]]] += excess / (len(tokens) - 1)
    return gap


for cell, model in models.items():
    gap = gap_by_word_class(model, test_tokens)
    print(f"{cell}: " + ", ".join(f"{k} {v:+.4f}" for k, v in gap.items()) + f"; total {sum(gap.values()):+.4f}")
    print(f"     log(model ppl / source ppl) = {math.log(perplexity(model, test_ids) / source_ppl):+.4f}")

# %% [markdown]
# 差距分散在各类词上，而不是集中在动词：模型给限定词、形容词、名词的概率都和真实概率略有出入。这是有限的训练带来的小偏差，多训练一些、多给一些数据就会继续缩小。
#
# ## 生成句子
#
# 最后让 GRU 模型从句号开始写，在两个温度下各生成 40 个词元。

# %%
for temperature in (1.0, 0.5):
    ids = sample(models["gru"], tc.encode(["."]), 40, temperature, generator=torch.Generator().manual_seed(0))
    print(f"temperature {temperature}: " + " ".join(tc.decode(ids)))

# %% [markdown]
# ## 小结
#
# - 同样的数据、同样的训练设置下，RNN 和 GRU 在留出文本上的困惑度都很接近真实信源：这门小语言对两者都不难。
# - 评价一个模型离完美还有多远，要和真实信源在**同一段**留出文本上的困惑度比；熵率 $e^{H}$ 是长文本上的极限，有限的一段文本会在它附近上下波动。
# - 两个模型都几乎总把概率放在单复数正确的动词上，有没有 near 短语差别不大：在这门语言的距离上，普通 RNN 也记得住。GRU 的优势要在更长的距离上才显现，见 [GRU](../../recurrent/gru/) 一页的记忆任务。
# - 把每个位置多出的交叉熵按词的类别相加，各类之和正好是两个困惑度之比的对数；这里的差距分散在各类词上，是有限训练带来的小偏差。
#
# ## 练习
#
# 1. 两个模型的参数量分别是 2580 和 5780。根据 `embedding_dim=16`、`hidden_size=32` 和词表大小 $V = 20$，把这两个数推出来。
#
# <details class="tip"><summary>答案</summary>
#
# 嵌入矩阵有 $V \times 16 = 320$ 个参数。RNN 的循环层有 $W_{ih}$（$32 \times 16 = 512$）、$W_{hh}$（$32 \times 32 = 1024$）和两个偏置（$2 \times 32 = 64$），共 1600 个。输出层把 32 维的隐藏状态映射到 20 个 logits：$20 \times 32 + 20 = 660$。合计 $320 + 1600 + 660 = 2580$。GRU 的重置门、更新门和候选状态各有一套同样形状的权重，循环层的参数是 RNN 的三倍，即 4800 个，所以总数是 $320 + 4800 + 660 = 5780$。
#
# </details>
#
# 2. 未训练时两个模型的困惑度都在 20 附近。为什么是 20？为什么又不恰好是 20？
#
# <details class="tip"><summary>答案</summary>
#
# 如果模型给 20 个词元的概率都是 $1/20$，每个位置的交叉熵都是 $\log 20$，困惑度恰好是 $V = 20$。未训练时输出层的权重很小，各个 logits 相差不大，softmax 之后接近均匀分布，所以困惑度接近 20。但 logits 并不完全相等：模型碰巧给真实出现的词元分的概率略高于 $1/20$ 时，困惑度就低于 20，略低时就高于 20。
#
# </details>
#
# 3. 真实信源在留出文本上的困惑度比 $e^{H}$ 还低一点。熵率不是“任何模型都无法低于的下限”吗？这矛盾吗？
#
# <details class="tip"><summary>答案</summary>
#
# 不矛盾。熵率说的是文本无限长时平均交叉熵的极限，也就是对所有可能的文本取期望。一段有限的留出文本只是一个样本，它碰巧比平均情况容易一点或难一点都有可能，所以在它上面算出的困惑度会在 $e^{H}$ 附近上下波动。正因为如此，这个 notebook 拿模型和真实信源在**同一段**文本上的困惑度比较，而不是直接和 $e^{H}$ 比较。
#
# </details>
#
# 4. 按词的类别拆开的差距，加起来正好等于 $\log(\text{模型困惑度}) - \log(\text{真实信源困惑度})$。证明这一点。
#
# <details class="tip"><summary>答案</summary>
#
# 设留出文本有 $N$ 个要预测的位置，模型和真实信源在第 $t$ 个位置给正确词元的概率分别是 $p_t$ 和 $q_t$。困惑度是平均交叉熵的指数，所以 $\log(\text{模型困惑度}) = \frac{1}{N}\sum_t (-\log p_t)$，真实信源同理。两者相减得 $\frac{1}{N}\sum_t (-\log p_t + \log q_t)$。`gap_by_word_class` 累加的正是每个位置的 $(-\log p_t + \log q_t)/N$，只是按下一个词的类别分成几组；分组不改变总和，所以各组之和就等于两个对数困惑度之差。输出里的 total 和下一行的 log 比值相同，验证了这一点。
#
# </details>
#
# 5. 把 `hidden_size` 从 32 改成 4，再改成 8，重新运行。先预测：留出文本上的困惑度会怎样变化？RNN 和 GRU 谁受的影响更大？
#
# <details class="tip"><summary>答案</summary>
#
# 隐藏状态要同时记住主语的单复数、句子进行到哪一步（刚读完限定词、形容词还是名词）等信息。只有 4 个数时，两个模型都装不下这些信息，困惑度明显高于真实信源。我们用这里的种子运行时，8 维的 GRU 已经比较接近真实信源，RNN 却仍然差得较远。原因有两个：同样的隐藏状态维度下，GRU 的循环层参数是 RNN 的三倍；它的门又能把某几个分量原样保留下来，小小的状态用得更有效。换一个种子，数字会变，但这个趋势可以自己验证。
#
# </details>
#
# 6. 把训练文本从 2000 个句子减到 100 个（`tc.generate(100, seed=0)`），其他不变。训练损失的曲线会降到熵率的虚线以下吗？留出文本上的困惑度呢？
#
# <details class="tip"><summary>答案</summary>
#
# 训练损失会降到虚线以下（图的纵轴范围是固定的，曲线会掉到图外，把 `ylim` 去掉就能看到），而留出文本上的困惑度会明显变差。熵率是模型在**没见过的**长文本上无法低于的下限；100 个句子只有几百个词元，500 步训练要把它们反复看很多遍，模型就把这些具体的句子记了下来，在训练文本上的交叉熵因此可以低于熵率。这就是过拟合：记住了训练文本，却没有学到这门语言的规律。这也说明为什么评价语言模型必须用留出文本。
#
# </details>
#
# ## 参考文献
#
# - Jeffrey L. Elman (1990). Finding structure in time. *Cognitive Science* 14(2): 179–211. [doi:10.1207/s15516709cog1402_1](https://doi.org/10.1207/s15516709cog1402_1)
# - Tomáš Mikolov, Martin Karafiát, Lukáš Burget, Jan Černocký, Sanjeev Khudanpur (2010). Recurrent neural network based language model. *Interspeech 2010*.
# - Kyunghyun Cho et al. (2014). Learning phrase representations using RNN encoder–decoder for statistical machine translation. *EMNLP 2014*. [arXiv:1406.1078](https://arxiv.org/abs/1406.1078)
# - Tal Linzen, Emmanuel Dupoux, Yoav Goldberg (2016). Assessing the ability of LSTMs to learn syntax-sensitive dependencies. *TACL* 4. [arXiv:1611.01368](https://arxiv.org/abs/1611.01368)（用主谓一致检验语言模型的做法）
# - Razvan Pascanu, Tomáš Mikolov, Yoshua Bengio (2013). On the difficulty of training recurrent neural networks. *ICML 2013*. [arXiv:1211.5063](https://arxiv.org/abs/1211.5063)（梯度裁剪）
# - Diederik P. Kingma, Jimmy Ba (2015). Adam: a method for stochastic optimization. *ICLR 2015*. [arXiv:1412.6980](https://arxiv.org/abs/1412.6980)
# - 《动手学深度学习》：[循环神经网络](https://zh.d2l.ai/chapter_recurrent-neural-networks/rnn.html)、[门控循环单元](https://zh.d2l.ai/chapter_recurrent-modern/gru.html)
# - 本站的[参考文章](../../#sources)：刘知远团队课程的学习笔记讲了 RNN 语言模型和 GRU。
