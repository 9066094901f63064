import matplotlib.pyplot as plt
import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.plotting import save_themed
from neuralnlp.training import SGD, Adam, AdamW, RMSprop, train_classifier

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
x, y = spiral(n_per_class=100, n_classes=3, noise=0.2, seed=0)
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)

optimizers = {
    "SGD": (SGD, {}),
    "momentum": (SGD, {"momentum": 0.9}),
    "Nesterov": (SGD, {"momentum": 0.9, "nesterov": True}),
    "RMSprop": (RMSprop, {}),
    "Adam": (Adam, {}),
    "AdamW": (AdamW, {"weight_decay": 1e-2}),
}
learning_rates = [3.0, 1.0, 0.3, 0.1, 0.03, 0.01]
epochs = 40
histories = {}
for name, (optimizer_class, options) in optimizers.items():
    for lr in learning_rates:
        torch.manual_seed(0)  # the same initial weights for every run
        model = nn.Sequential(nn.Linear(2, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 3))
        optimizer = optimizer_class(model.parameters(), lr=lr, **options)
        histories[name, lr] = train_classifier(model, optimizer, x, y, epochs=epochs, batch_size=64, seed=0)["train_loss"]


def final_loss(name, lr):
    return sum(histories[name, lr][-5:]) / 5  # the last 5 epochs: one lucky epoch does not count


print(f"training loss over epochs {epochs - 4}-{epochs} (batches of 64), by learning rate")
print(f"{'':9s}" + "".join(f"{lr:>8g}" for lr in learning_rates) + "     best")
best = {}
for name in optimizers:
    best[name] = min(learning_rates, key=lambda lr: final_loss(name, lr))
    print(f"{name:9s}" + "".join(f"{final_loss(name, lr):8.3f}" for lr in learning_rates) + f"   lr={best[name]:g}")


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
