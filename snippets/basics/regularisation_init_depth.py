import math

import matplotlib.pyplot as plt
import torch
from torch import nn

from neuralnlp.plotting import save_themed
from neuralnlp.training import kaiming_normal_, xavier_normal_

torch.set_num_threads(1)  # one thread is fast enough, and the build runs two snippets at once
torch.manual_seed(0)
width, depth = 256, 20
x = torch.randn(500, width, dtype=torch.float64)  # 500 inputs with standard deviation 1

initialisations = {  # each fills a (width, width) weight; no biases, so only the weights' scale matters
    "N(0, 0.01²)": lambda w: nn.init.normal_(w, std=0.01),
    "N(0, 0.2²)": lambda w: nn.init.normal_(w, std=0.2),
    "Xavier": xavier_normal_,
    "nn.Linear default": lambda w: nn.init.kaiming_uniform_(w, a=math.sqrt(5)),  # U(±1/√n): variance 1/(3n)
    "He (Kaiming)": kaiming_normal_,
}
stds = {}
for name, fill in initialisations.items():
    h, stds[name] = x, [x.std().item()]
    for _ in range(depth):
        h = torch.relu(h @ fill(torch.empty(width, width, dtype=torch.float64)).T)
        stds[name].append(h.std().item())
    print(f"{name:18s} std after layer 1: {stds[name][1]:.3g}   layer 5: {stds[name][5]:.3g}"
          f"   layer 10: {stds[name][10]:.3g}   layer 20: {stds[name][20]:.3g}")


def draw(language):
    fig, ax = plt.subplots(figsize=(7, 4))
    for name, values in stds.items():
        label = "nn.Linear 默认" if language == "zh" and name == "nn.Linear default" else name
        ax.plot(range(depth + 1), values, marker="o", markersize=3, label=label)
    ax.set(xlabel="层" if language == "zh" else "layer", ylabel="激活值的标准差" if language == "zh" else "std of the activations",
           yscale="log", xticks=range(0, depth + 1, 5))
    ax.legend(fontsize=9, loc="lower left")
    fig.tight_layout()
    return fig


save_themed(draw, "regularisation-init-depth", languages=("zh", "en"))
