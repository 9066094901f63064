# %% [markdown]
# # Notebook: training RNN and GRU language models
#
# This notebook runs the [RNN language model](../../recurrent/language-model/) page from start to finish, training an RNN and a
# [GRU](../../recurrent/gru/) side by side: generate the training text, build the models, train them, compare perplexities on held-out
# text, check whether the models learned subject–verb agreement, split the remaining gap by word class, and finally let the models
# write sentences. Seeds fix all randomness, so every run gives the same results; the whole notebook runs in well under 20 seconds on
# an ordinary laptop.
#
# **After this notebook you will be able to:**
#
# - train an RNN and a GRU language model with the same settings and compare them by their perplexity on held-out text;
# - compare a model's perplexity with the true source's on the same text, to see how far the model is from perfect;
# - test with subject–verb agreement whether a model remembers the number of the subject;
# - split the gap between a model and the true source by word class, to see where it falls short.

# %%
import math

import matplotlib.pyplot as plt
import torch

from neuralnlp.recurrent import text_corpus as tc
from neuralnlp.recurrent.language_model import RNNLanguageModel, perplexity, sample, train_language_model

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation

# %% [markdown]
# ## Data
#
# The training text is 2000 sentences (seed 0); the held-out text is another 300 sentences (seed 1) that the models never see in training.
# `entropy_rate()` gives the entropy rate $H$ of the language: $e^{H}$ is the perplexity no model can go below on long text.
# `source_cross_entropy` scores the held-out text with the grammar's own probabilities: the perplexity of a perfect model on this text.

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
# ## Two models
#
# Both models have the same embedding dimension and hidden size; only the recurrent layer differs. The GRU has three sets of weights
# (reset gate, update gate, candidate state), so its recurrent layer has three times the RNN's parameters.
# Untrained, both have a perplexity close to the vocabulary size $V$.

# %%
models = {}
for cell in ("rnn", "gru"):
    torch.manual_seed(0)
    models[cell] = RNNLanguageModel(V, embedding_dim=16, hidden_size=32, cell=cell)
    n_params = sum(p.numel() for p in models[cell].parameters())
    print(f"{cell}: {n_params} parameters, untrained perplexity {perplexity(models[cell], test_ids):.4f}")

# %% [markdown]
# ## Training
#
# Both models are trained with exactly the same settings: 500 Adam steps, 32 windows of 24 tokens per step, a learning rate falling
# linearly from 0.02 to 0, gradient norm clipped to 1.

# %%
losses = {}
for cell, model in models.items():
    losses[cell] = train_language_model(model, train_ids, steps=500, batch_size=32, seq_len=24, lr=0.02,
                                        generator=torch.Generator().manual_seed(0))
    print(f"{cell}: held-out perplexity {perplexity(model, test_ids):.4f}  (true source {source_ppl:.4f})")

# %% [markdown]
# The plot shows the training loss as a moving average over 20 steps, with the entropy rate dashed. Both curves drop quickly and end
# up close to the dashed line.

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
# ## Did they learn agreement?
#
# The verb must agree in number with the subject. With a "near" phrase the subject is several words away from the verb, and the noun
# right before the verb may have the opposite number: this is where the language needs memory most.
# At every verb of the held-out text we compute the share of the verb probability that the model gives to verbs of the right number,
# averaged separately over sentences with and without a "near" phrase. For the true source this share is always 1.

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
# Both models put almost all of the verb probability on the right number, with or without a "near" phrase: over such short distances
# a plain RNN remembers well enough. So where is the small gap between the models and a perfect one? Adding up, at each position,
# "the model's cross-entropy minus the true source's", grouped by the class of the next word (and divided by the number of positions),
# the classes sum exactly to $\log(\text{model perplexity}) - \log(\text{true-source perplexity})$.

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
# The gap is spread over all word classes rather than concentrated at the verbs: the models' probabilities for determiners,
# adjectives and nouns are all slightly off the true ones. That is the small bias of finite training, and more steps or more data
# keep shrinking it.
#
# ## Generating sentences
#
# Finally the GRU model writes, starting from a full stop, 40 tokens at each of two temperatures.

# %%
for temperature in (1.0, 0.5):
    ids = sample(models["gru"], tc.encode(["."]), 40, temperature, generator=torch.Generator().manual_seed(0))
    print(f"temperature {temperature}: " + " ".join(tc.decode(ids)))

# %% [markdown]
# ## Summary
#
# - With the same data and the same training settings, the RNN and the GRU both come very close to the true source's perplexity on
#   held-out text: this small language is easy for both.
# - To see how far a model is from perfect, compare it with the true source's perplexity on the **same** held-out text; the entropy
#   rate $e^{H}$ is a limit for long text, and a finite text scatters around it.
# - Both models put almost all of the verb probability on the right number, with or without a "near" phrase: over the distances of
#   this language a plain RNN remembers well enough. The GRU's advantage shows over longer distances, as in the memory task of the
#   [GRU](../../recurrent/gru/) page.
# - The excess cross-entropy at each position, summed by word class, adds up exactly to the log of the ratio of the two
#   perplexities; here the gap is spread over all word classes, the small bias of finite training.
#
# ## Exercises
#
# 1. The two models have 2580 and 5780 parameters. Derive both numbers from `embedding_dim=16`, `hidden_size=32` and the vocabulary
#    size $V = 20$.
#
# <details class="tip"><summary>Answer</summary>
#
# The embedding matrix has $V \times 16 = 320$ parameters. The RNN's recurrent layer has $W_{ih}$ ($32 \times 16 = 512$), $W_{hh}$
# ($32 \times 32 = 1024$) and two biases ($2 \times 32 = 64$): 1600 in all. The output layer maps the 32-dimensional hidden state to
# 20 logits: $20 \times 32 + 20 = 660$. In total $320 + 1600 + 660 = 2580$. The GRU has a set of weights of the same shapes for each
# of the reset gate, the update gate and the candidate state, so its recurrent layer has three times the RNN's parameters, 4800,
# and the total is $320 + 4800 + 660 = 5780$.
#
# </details>
#
# 2. Untrained, both models have a perplexity near 20. Why 20? And why not exactly 20?
#
# <details class="tip"><summary>Answer</summary>
#
# A model that gives each of the 20 tokens probability $1/20$ has cross-entropy $\log 20$ at every position, so its perplexity is
# exactly $V = 20$. Untrained, the output layer's weights are small and the logits differ little, so the softmax is close to
# uniform and the perplexity close to 20. The logits are not exactly equal, though: where the model happens to give the tokens that
# actually occur a little more than $1/20$, the perplexity drops below 20; a little less, and it rises above.
#
# </details>
#
# 3. The true source's perplexity on the held-out text is slightly below $e^{H}$. Is the entropy rate not the floor that no model
#    can go below? Is this a contradiction?
#
# <details class="tip"><summary>Answer</summary>
#
# No. The entropy rate is the limit of the mean cross-entropy as the text grows without end, an expectation over all possible texts.
# A finite held-out text is one sample: it may happen to be a little easier or a little harder than average, so the perplexity
# measured on it scatters around $e^{H}$. That is why this notebook compares the models with the true source on the **same** text
# rather than with $e^{H}$ directly.
#
# </details>
#
# 4. The gaps by word class add up exactly to $\log(\text{model perplexity}) - \log(\text{true-source perplexity})$. Prove it.
#
# <details class="tip"><summary>Answer</summary>
#
# Let the held-out text have $N$ positions to predict, and let the model and the true source give the right token probabilities
# $p_t$ and $q_t$ at position $t$. A perplexity is the exponential of a mean cross-entropy, so
# $\log(\text{model perplexity}) = \frac{1}{N}\sum_t (-\log p_t)$, and likewise for the true source. The difference is
# $\frac{1}{N}\sum_t (-\log p_t + \log q_t)$. `gap_by_word_class` adds up exactly these terms $(-\log p_t + \log q_t)/N$, only
# grouped by the class of the next word; grouping does not change a sum, so the groups add up to the difference of the two log
# perplexities. In the output, the total equals the log ratio on the next line.
#
# </details>
#
# 5. Change `hidden_size` from 32 to 4, then to 8, and run again. Predict first: how does the held-out perplexity change? Which
#    model suffers more, the RNN or the GRU?
#
# <details class="tip"><summary>Answer</summary>
#
# The hidden state has to hold the number of the subject and where the sentence has got to (just after a determiner, an adjective
# or a noun), among other things. With only 4 numbers neither model can hold all that, and both stay clearly above the true
# source's perplexity. With the seeds used here, the GRU with 8 numbers gets fairly close to the true source while the RNN is still
# well behind. There are two reasons: at the same hidden size the GRU's recurrent layer has three times the RNN's parameters, and
# its gates can keep some components unchanged, making better use of a small state. Another seed changes the numbers, but you can
# check the trend yourself.
#
# </details>
#
# 6. Shrink the training text from 2000 sentences to 100 (`tc.generate(100, seed=0)`) and keep everything else. Does the training
#    loss fall below the dashed entropy-rate line? What happens to the held-out perplexity?
#
# <details class="tip"><summary>Answer</summary>
#
# The training loss falls below the line (the plot's vertical range is fixed, so the curve drops out of the plot; remove `ylim` to
# see it), while the held-out perplexity gets clearly worse. The entropy rate is the floor on long text the model has **not** seen;
# 100 sentences are only a few hundred tokens, and 500 steps go over them many times, so the model memorises those very sentences
# and its cross-entropy on them can go below the entropy rate. That is overfitting: the model remembers the training text instead
# of learning the rules of the language, which is why language models are evaluated on held-out text.
#
# </details>
#
# ## References
#
# - Jeffrey L. Elman (1990). Finding structure in time. *Cognitive Science* 14(2): 179–211. [doi:10.1207/s15516709cog1402_1](https://doi.org/10.1207/s15516709cog1402_1)
# - Tomáš Mikolov, Martin Karafiát, Lukáš Burget, Jan Černocký, Sanjeev Khudanpur (2010). Recurrent neural network based language model. *Interspeech 2010*.
# - Kyunghyun Cho et al. (2014). Learning phrase representations using RNN encoder–decoder for statistical machine translation. *EMNLP 2014*. [arXiv:1406.1078](https://arxiv.org/abs/1406.1078)
# - Tal Linzen, Emmanuel Dupoux, Yoav Goldberg (2016). Assessing the ability of LSTMs to learn syntax-sensitive dependencies. *TACL* 4. [arXiv:1611.01368](https://arxiv.org/abs/1611.01368) (testing language models with subject–verb agreement)
# - Razvan Pascanu, Tomáš Mikolov, Yoshua Bengio (2013). On the difficulty of training recurrent neural networks. *ICML 2013*. [arXiv:1211.5063](https://arxiv.org/abs/1211.5063) (gradient clipping)
# - Diederik P. Kingma, Jimmy Ba (2015). Adam: a method for stochastic optimization. *ICLR 2015*. [arXiv:1412.6980](https://arxiv.org/abs/1412.6980)
# - *Dive into Deep Learning*: [Recurrent neural networks](https://d2l.ai/chapter_recurrent-neural-networks/rnn.html), [Gated recurrent units](https://d2l.ai/chapter_recurrent-modern/gru.html)
# - The site's [source articles](../../#sources): the study notes on Liu Zhiyuan's team's course cover the RNN language model and the GRU.
