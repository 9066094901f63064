import matplotlib.pyplot as plt
import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.plotting import save_themed
from neuralnlp.training import SGD, Adam, AdamW, RMSprop, train_classifier

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
x, y = spiral(n_per_class=100, n_classes=3, noise=0.2, seed=0)
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)

# Each family is tried over its usual range of learning rates.
sgd_rates, adaptive_rates = [3.0, 1.0, 0.3, 0.1], [0.1, 0.03, 0.01, 0.003]
optimizers = {
    "SGD": (SGD, {}, sgd_rates),
    "momentum": (SGD, {"momentum": 0.9}, sgd_rates),
    "Nesterov": (SGD, {"momentum": 0.9, "nesterov": True}, sgd_rates),
    "RMSprop": (RMSprop, {}, adaptive_rates),
    "Adam": (Adam, {}, adaptive_rates),
    "AdamW": (AdamW, {"weight_decay": 1e-2}, adaptive_rates),
}
epochs = 30
histories = {}
for name, (optimizer_class, options, learning_rates) in optimizers.items():
    for lr in learning_rates:
        torch.manual_seed(0)  # the same initial weights for every run
        model = nn.Sequential(nn.Linear(2, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 3))
        optimizer = optimizer_class(model.parameters(), lr=lr, **options)
        histories[name, lr] = train_classifier(model, optimizer, x, y, epochs=epochs, batch_size=64, seed=0)["train_loss"]


def final_loss(name, lr):
    return sum(histories[name, lr][-5:]) / 5  # the last 5 epochs: one lucky epoch does not count


print(f"training loss over epochs {epochs - 4}-{epochs} (batches of 64), for each learning rate tried")
best = {}
for name, (_, _, learning_rates) in optimizers.items():
    best[name] = min(learning_rates, key=lambda lr: final_loss(name, lr))
    tried = "".join(f"{lr:>7g}: {final_loss(name, lr):7.3f}" for lr in learning_rates)
    print(f"{name:9s}{tried}    best lr={best[name]:g}")


NAMES_ZH = {"momentum": "动量", "Nesterov": "Nesterov 动量"}


def draw(language):
    fig, ax = plt.subplots(figsize=(7, 4))
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    styles = {"SGD": (0, "-"), "momentum": (1, "-"), "Nesterov": (1, "--"), "RMSprop": (3, "-"), "Adam": (2, "-"), "AdamW": (2, "--")}
    for name, lr in best.items():
        colour, style = styles[name]
        label = f"{NAMES_ZH.get(name, name) if language == 'zh' else name} (lr={lr:g})"
        ax.plot(range(1, epochs + 1), histories[name, lr], color=colours[colour], linestyle=style, label=label)
    ax.set(xlabel="轮" if language == "zh" else "epoch", ylabel="训练损失" if language == "zh" else "training loss", yscale="log")
    ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


save_themed(draw, "optimizers-spiral", languages=("zh", "en"))
