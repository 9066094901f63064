# %% [markdown]
# # Notebook：训练 RNN 与 GRU 语言模型
#
# 这个 notebook 把 [RNN 语言模型](../../recurrent/language-model/) 一页的内容从头到尾跑一遍，并且同时训练 RNN 和 GRU 两个模型：生成训练文本，搭模型，训练，在留出文本上比较困惑度，检查模型有没有学会主语和动词的一致，把剩下的差距按词的类别拆开，最后让模型生成句子。所有随机性都由种子决定，每次运行结果相同；整个 notebook 在普通笔记本电脑上 20 秒以内就能跑完。

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
# ## 动手试试
#
# - 把 `hidden_size` 改成 4 或 8：模型还能学会动词的一致吗？困惑度离 $e^{H}$ 有多远？
# - 把训练步数减到 100，或者把 `linear_decay=False` 传给 `train_language_model`，看训练曲线和留出文本上的困惑度怎么变。
# - 把训练文本从 2000 个句子减到 100 个：训练损失和留出文本上的困惑度还会一起下降吗？
