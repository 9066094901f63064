import matplotlib.pyplot as plt
import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.plotting import save_themed
from neuralnlp.training import Adam, Dropout, train_classifier, train_validation_test_split

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
x, y = spiral(n_per_class=200, n_classes=3, noise=0.5, seed=0)  # the overfitting set-up again
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
train, validation, _ = train_validation_test_split(len(x), validation_fraction=0.45, test_fraction=0.45, seed=0)

runs = {}
print("  p    training loss   validation loss (lowest, at epoch 200)   validation accuracy at epoch 200")
for p in (0.0, 0.2, 0.5):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 256), nn.ReLU(), Dropout(p),  # dropout after each hidden layer
                          nn.Linear(256, 256), nn.ReLU(), Dropout(p), nn.Linear(256, 3))
    runs[p] = train_classifier(model, Adam(model.parameters(), lr=1e-2), x[train], y[train], epochs=200, batch_size=32,
                               x_val=x[validation], y_val=y[validation])
    print(f"{p:4.1f}   {runs[p]['train_loss'][-1]:13.4f}   {min(runs[p]['val_loss']):.3f}, {runs[p]['val_loss'][-1]:.3f}"
          f"                          {runs[p]['val_accuracy'][-1]:.3f}")


def draw(language):
    fig, ax = plt.subplots(figsize=(7, 3.8))
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for colour, (p, history) in zip(colours, runs.items()):
        ax.plot(range(1, 201), history["val_loss"], color=colour,
                label=f"验证集，p = {p:g}" if language == "zh" else f"validation, p = {p:g}")
        ax.plot(range(1, 201), history["train_loss"], color=colour, linestyle=":", linewidth=1,
                label=f"训练集，p = {p:g}" if language == "zh" else f"training, p = {p:g}")
    ax.set(xlabel="轮" if language == "zh" else "epoch", ylabel="交叉熵损失" if language == "zh" else "cross-entropy loss",
           yscale="log")
    ax.legend(fontsize=8, ncol=3, loc="lower left")
    fig.tight_layout()
    return fig


save_themed(draw, "regularisation-dropout", languages=("zh", "en"))
