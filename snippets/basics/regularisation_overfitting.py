import matplotlib.pyplot as plt
import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.plotting import save_themed
from neuralnlp.training import Adam, train_classifier, train_validation_test_split

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
# Noisy spirals (the arms overlap), and only 60 of the 600 points to train on.
x, y = spiral(n_per_class=200, n_classes=3, noise=0.5, seed=0)
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
train, validation, test = train_validation_test_split(len(x), validation_fraction=0.45, test_fraction=0.45, seed=0)
print(f"training {len(train)}, validation {len(validation)}, test {len(test)} samples")

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 3))  # 67 k weights
history = train_classifier(model, Adam(model.parameters(), lr=1e-2), x[train], y[train], epochs=200, batch_size=32,
                           x_val=x[validation], y_val=y[validation])

best = min(range(200), key=lambda epoch: history["val_loss"][epoch])
for label, epoch in (("epoch 1", 0), (f"epoch {best + 1} (lowest validation loss)", best), ("epoch 200", 199)):
    print(f"{label:36s} training loss {history['train_loss'][epoch]:.4f}   validation loss {history['val_loss'][epoch]:.3f}"
          f"   validation accuracy {history['val_accuracy'][epoch]:.3f}")


def draw(language):
    fig, ax = plt.subplots(figsize=(7, 3.8))
    epochs = range(1, 201)
    ax.plot(epochs, history["train_loss"], label="训练集" if language == "zh" else "training set")
    ax.plot(epochs, history["val_loss"], label="验证集" if language == "zh" else "validation set")
    ax.axvline(best + 1, color=plt.rcParams["text.color"], linestyle=":", linewidth=1)
    ax.set(xlabel="轮" if language == "zh" else "epoch", ylabel="交叉熵损失" if language == "zh" else "cross-entropy loss",
           yscale="log")
    ax.legend()
    fig.tight_layout()
    return fig


save_themed(draw, "regularisation-overfitting", languages=("zh", "en"))
