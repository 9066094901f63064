import matplotlib.pyplot as plt
import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.plotting import save_themed
from neuralnlp.training import Adam, EarlyStopping, evaluate_classifier, train_classifier, train_validation_test_split

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
x, y = spiral(n_per_class=200, n_classes=3, noise=0.5, seed=0)  # the overfitting set-up, without regularisation
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
train, validation, test = train_validation_test_split(len(x), validation_fraction=0.45, test_fraction=0.45, seed=0)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 3))
stopper = EarlyStopping(patience=20)
history = train_classifier(model, Adam(model.parameters(), lr=1e-2), x[train], y[train], epochs=200, batch_size=32,
                           x_val=x[validation], y_val=y[validation], early_stopping=stopper)
print(f"stopped after epoch {stopper.epoch}: no improvement since epoch {stopper.best_epoch}")
print(f"validation loss: last epoch {history['val_loss'][-1]:.3f}, best epoch {stopper.best_loss:.3f}")
stopper.restore_best(model)
print(f"after restore_best: validation loss {evaluate_classifier(model, x[validation], y[validation])[0]:.3f}")
# Every choice is made; the test set is used once, now.
test_loss, test_accuracy = evaluate_classifier(model, x[test], y[test])
print(f"test set (used once): loss {test_loss:.3f}, accuracy {test_accuracy:.3f}")


def draw(language):
    fig, ax = plt.subplots(figsize=(7, 3.6))
    epochs = range(1, stopper.epoch + 1)
    ax.plot(epochs, history["train_loss"], label="训练集" if language == "zh" else "training set")
    ax.plot(epochs, history["val_loss"], label="验证集" if language == "zh" else "validation set")
    ink = plt.rcParams["text.color"]
    ax.axvline(stopper.best_epoch, color=ink, linestyle=":", linewidth=1)
    ax.axvline(stopper.epoch, color=ink, linestyle="--", linewidth=1)
    top = ax.get_ylim()[1]
    ax.text(stopper.best_epoch, top, " 最好的一轮（保存）" if language == "zh" else " best epoch (kept)", va="top", fontsize=9)
    ax.text(stopper.epoch, top, "停止 " if language == "zh" else "stop ", va="top", ha="right", fontsize=9)
    ax.set(xlabel="轮" if language == "zh" else "epoch", ylabel="交叉熵损失" if language == "zh" else "cross-entropy loss",
           yscale="log")
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig


save_themed(draw, "regularisation-early-stopping", languages=("zh", "en"))
