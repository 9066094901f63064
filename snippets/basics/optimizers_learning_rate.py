import math

import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.plotting import save_themed
from neuralnlp.training import SGD, train_classifier

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation

# One weight, f(w) = w²: gradient descent multiplies w by (1 − 2η) each step, so it needs η < 1.
parabola_paths = {}
for lr in (0.1, 0.9, 1.05):
    w = [1.0]
    for _ in range(8):
        w.append(w[-1] - lr * 2 * w[-1])
    parabola_paths[lr] = w
    print(f"f(w) = w², lr {lr:<4}: w = " + ", ".join(f"{v:+.2f}" for v in w[:6]) + ", ...")

# The spiral network of the previous section, with plain SGD and three learning rates.
x, y = spiral(n_per_class=100, n_classes=3, noise=0.2, seed=0)
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
spiral_losses = {}
for lr in (0.01, 0.3, 3.0):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 3))
    spiral_losses[lr] = train_classifier(model, SGD(model.parameters(), lr=lr), x, y, epochs=40, batch_size=32)["train_loss"]
print(f"spiral, random guessing: loss ln 3 = {math.log(3):.3f}")
for lr, losses in spiral_losses.items():
    print(f"spiral, lr {lr:<4}: loss at epoch 1 {losses[0]:7.3f}, epoch 10 {losses[9]:7.3f}, epoch 40 {losses[39]:7.3f}")

WORDS = {"zh": {"slow": "太小", "good": "合适", "bad": "太大", "zigzag": "来回振荡", "diverges": "发散",
                "epoch": "轮", "loss": "训练损失", "guess": "随机猜测"},
         "en": {"slow": "too small", "good": "about right", "bad": "too large", "zigzag": "zig-zags", "diverges": "diverges",
                "epoch": "epoch", "loss": "training loss", "guess": "random guessing"}}


def draw(language):
    words = WORDS[language]
    note = "lr = {}（{}）" if language == "zh" else "lr = {} ({})"  # full-width brackets around Chinese
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4))
    grid = np.linspace(-1.4, 1.4, 200)
    left.plot(grid, grid**2, color=plt.rcParams["grid.color"], linewidth=2)
    for (lr, w), label in zip(parabola_paths.items(), ("slow", "zigzag", "diverges")):
        w = np.array(w)
        left.plot(w, w**2, marker="o", markersize=4, linewidth=1, label=note.format(lr, words[label]))
    left.set(xlabel="w", ylabel="f(w) = w²", xlim=(-1.5, 1.5), ylim=(-0.05, 2.0))
    left.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3)
    for lr, label in zip(spiral_losses, ("slow", "good", "bad")):
        right.plot(range(1, 41), spiral_losses[lr], label=note.format(lr, words[label]))
    right.axhline(math.log(3), color=plt.rcParams["text.color"], linestyle=":", linewidth=1)
    right.text(40, math.log(3) * 1.1, words["guess"], ha="right", va="bottom", fontsize=9)
    right.set(xlabel=words["epoch"], ylabel=words["loss"], yscale="log")
    right.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3)
    fig.tight_layout()
    return fig


save_themed(draw, "optimizers-learning-rate", languages=("zh", "en"))
