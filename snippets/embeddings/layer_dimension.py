import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.plotting import save_themed

# Tiny tensors: one thread is faster here, and sums come out in the same order on every machine.
torch.set_num_threads(1)
torch.manual_seed(0)
V, true_d = 60, 3
meaning, context_meaning = torch.randn(V, true_d), torch.randn(V, true_d)
# Do tokens a and b appear together? A noisy yes/no drawn from a 3-dimensional hidden structure.
pairs = torch.cartesian_prod(torch.arange(V), torch.arange(V))[torch.randperm(V * V)]
labels = torch.bernoulli(torch.sigmoid(5 * (meaning[pairs[:, 0]] * context_meaning[pairs[:, 1]]).sum(1)))
train_pairs, train_y, valid_pairs, valid_y = pairs[:2400], labels[:2400], pairs[2400:], labels[2400:]

dims, train_losses, valid_losses = [1, 2, 3, 4, 8, 16, 32, 64], [], []
print(f"{'d':>3} {'parameters':>11} {'train loss':>11} {'validation loss':>16}")
for d in dims:
    vectors, context_vectors = Embedding(V, d), Embedding(V, d)
    optimizer = torch.optim.Adam([*vectors.parameters(), *context_vectors.parameters()], lr=0.03)

    def loss(p, y):
        logits = (vectors(p[:, 0]) * context_vectors(p[:, 1])).sum(1) / d ** 0.5
        return F.binary_cross_entropy_with_logits(logits, y)

    for _ in range(100):
        optimizer.zero_grad()
        loss(train_pairs, train_y).backward()
        optimizer.step()
    with torch.no_grad():
        train_losses.append(loss(train_pairs, train_y).item())
        valid_losses.append(loss(valid_pairs, valid_y).item())
    print(f"{d:>3} {2 * V * d:>11,} {train_losses[-1]:>11.3f} {valid_losses[-1]:>16.3f}")


LABELS = {"zh": ("训练集", "验证集", "嵌入维度 d", "交叉熵损失"),
          "en": ("train", "validation", "embedding dimension d", "cross-entropy loss")}


def draw(language):
    train, valid, xlabel, ylabel = LABELS[language]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(dims, train_losses, "o-", label=train)
    ax.plot(dims, valid_losses, "s-", label=valid)
    ax.set_xscale("log", base=2)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.legend()
    return fig


save_themed(draw, "layer-embedding-dimension", languages=("zh", "en"))
