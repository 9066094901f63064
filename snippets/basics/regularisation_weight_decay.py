import matplotlib.pyplot as plt
import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.plotting import save_themed
from neuralnlp.training import AdamW, parameter_norm, train_classifier, train_validation_test_split

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
x, y = spiral(n_per_class=200, n_classes=3, noise=0.5, seed=0)  # the overfitting set-up of the previous section
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
train, validation, _ = train_validation_test_split(len(x), validation_fraction=0.45, test_fraction=0.45, seed=0)

runs = {}
print("   λ    weight norm   training loss   validation loss (lowest, at epoch 200)")
for lam in (0.0, 0.1, 1.0, 3.0):
    torch.manual_seed(0)  # the same initial weights for every λ
    model = nn.Sequential(nn.Linear(2, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 3))
    optimizer = AdamW(model.parameters(), lr=1e-2, weight_decay=lam)  # λ = 0 is plain Adam
    history = train_classifier(model, optimizer, x[train], y[train], epochs=200, batch_size=32,
                               x_val=x[validation], y_val=y[validation])
    runs[lam] = history["val_loss"], parameter_norm(model.parameters())
    print(f"{lam:5.1f}  {runs[lam][1]:12.1f}   {history['train_loss'][-1]:13.4f}   "
          f"{min(history['val_loss']):.3f}, {history['val_loss'][-1]:.3f}")


def draw(language):
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8), gridspec_kw={"width_ratios": [2, 1]})
    for lam, (val_loss, _) in runs.items():
        left.plot(range(1, 201), val_loss, label=f"λ = {lam:g}")
    left.set(xlabel="轮" if language == "zh" else "epoch", ylabel="验证损失" if language == "zh" else "validation loss",
             yscale="log")
    left.legend(fontsize=9)
    right.bar([f"{lam:g}" for lam in runs], [norm for _, norm in runs.values()],
              color=plt.rcParams["axes.prop_cycle"].by_key()["color"][: len(runs)])
    right.set(xlabel="λ", ylabel="权重的范数 ‖θ‖" if language == "zh" else "weight norm ‖θ‖")
    right.set_axisbelow(True)  # grid lines behind the bars
    fig.tight_layout()
    return fig


save_themed(draw, "regularisation-weight-decay", languages=("zh", "en"))
