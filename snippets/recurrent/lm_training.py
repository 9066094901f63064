import math

import matplotlib.pyplot as plt
import numpy as np
import torch

from neuralnlp.recurrent.language_model import RNNLanguageModel, perplexity, train_language_model
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.text_corpus import VOCABULARY, encode, entropy_rate, generate, source_cross_entropy

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)
train_ids = torch.tensor(encode(generate(2000, seed=0)))
test_tokens = generate(300, seed=1)
test_ids = torch.tensor(encode(test_tokens))

model = RNNLanguageModel(len(VOCABULARY), embedding_dim=16, hidden_size=32, cell="rnn")
losses = train_language_model(model, train_ids, steps=500, batch_size=32, seq_len=24, lr=0.02,
                              generator=torch.Generator().manual_seed(0))
for end in range(100, 501, 100):
    loss = np.mean(losses[end - 100 : end])  # mean over the last 100 steps: single batches are noisy
    print(f"steps {end - 99:3d}-{end}: loss {loss:.4f}, perplexity {math.exp(loss):.4f}")

model_ppl, source_ppl = perplexity(model, test_ids), math.exp(source_cross_entropy(test_tokens))
print(f"held-out perplexity, trained RNN:     {model_ppl:.4f}")
print(f"held-out perplexity, the true source: {source_ppl:.4f}  (ratio {model_ppl / source_ppl:.3f})")
print(f"exp(entropy rate):                    {math.exp(entropy_rate()):.4f}")


def draw(language):
    words = {"zh": ("训练损失（单个批量）", "熵率（最好的可能）", "训练步数", "交叉熵（奈特/词元）"),
             "en": ("training loss (one batch)", "entropy rate (best possible)", "training step",
                    "cross-entropy (nats per token)")}[language]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(np.arange(1, len(losses) + 1), losses, linewidth=0.8, label=words[0])
    ax.axhline(entropy_rate(), linestyle="--", label=words[1])
    ax.set(xlabel=words[2], ylabel=words[3])
    ax.legend()
    return fig


save_themed(draw, "language-model-training", languages=("zh", "en"))
