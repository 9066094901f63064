import matplotlib.pyplot as plt
import numpy as np
import torch

from neuralnlp.plotting import save_themed
from neuralnlp.training import SGD, Adam, ill_conditioned_quadratic, optimisation_path, rosenbrock

# A valley 20 times steeper across (y) than along (x); gradient descent is stable for lr < 2/20 = 0.1.
quadratic_runs = {
    "GD": optimisation_path(ill_conditioned_quadratic, SGD, (-4.0, 1.0), 50, lr=0.09),
    "momentum": optimisation_path(ill_conditioned_quadratic, SGD, (-4.0, 1.0), 50, lr=0.03, momentum=0.8),
    "Adam": optimisation_path(ill_conditioned_quadratic, Adam, (-4.0, 1.0), 50, lr=0.3),
}
print("ill-conditioned quadratic, 50 steps from (-4, 1); minimum at (0, 0)")
for name, path in quadratic_runs.items():
    zigzags = np.sum(np.diff(np.sign(path[:, 1])) != 0)  # times y crossed the valley floor
    overshoot = path[:, 0].max()  # how far x went past the minimum at x = 0
    loss = ill_conditioned_quadratic(torch.tensor(path[-1])).item()
    dx, dy = path[1] - path[0]
    print(f"  {name:8s}  first step ({dx:+.2f}, {dy:+.2f})   y changed sign {zigzags:2d} times"
          f"   largest x {overshoot:+.3f}   final f {loss:.2e}")

rosenbrock_runs = {
    "GD": optimisation_path(rosenbrock, SGD, (0.0, 2.0), 2000, lr=1e-3),
    "momentum": optimisation_path(rosenbrock, SGD, (0.0, 2.0), 2000, lr=1e-3, momentum=0.9),
    "Adam": optimisation_path(rosenbrock, Adam, (0.0, 2.0), 2000, lr=0.05),
}
print("Rosenbrock, 2000 steps from (0, 2); minimum at (1, 1)")
for name, path in rosenbrock_runs.items():
    distance = np.linalg.norm(path - 1.0, axis=1)
    reached = f"within 0.01 of (1, 1) from step {np.argmax(distance < 0.01)}" if (distance < 0.01).any() else "never within 0.01"
    loss = rosenbrock(torch.tensor(path[-1])).item()
    print(f"  {name:8s}  lowest y {path[:, 1].min():+.3f}   final ({path[-1, 0]:.3f}, {path[-1, 1]:.3f})"
          f"   final f {loss:.2e}   {reached}")


NAMES_ZH = {"GD": "梯度下降", "momentum": "动量", "Adam": "Adam"}


def draw(language):
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
    panels = [(left, ill_conditioned_quadratic, quadratic_runs, (-4.5, 1.0), (-1.6, 1.6), np.geomspace(0.05, 60, 12)),
              (right, rosenbrock, rosenbrock_runs, (-1.5, 1.7), (-1.6, 2.3), np.geomspace(0.5, 2000, 12))]
    for ax, function, runs, xs, ys, levels in panels:
        gx, gy = np.meshgrid(np.linspace(*xs, 200), np.linspace(*ys, 200))
        values = function(torch.tensor(np.stack([gx, gy], axis=-1))).numpy()
        ax.contour(gx, gy, values, levels=levels, colors=plt.rcParams["grid.color"], linewidths=0.8)
        for name, path in runs.items():  # a dot every step on the left, every 40 steps on the right
            ax.plot(path[:, 0], path[:, 1], marker="o", markersize=2.5, markevery=1 if len(path) < 100 else 40,
                    linewidth=1.2, label=NAMES_ZH[name] if language == "zh" else name)
        ax.set(xlim=xs, ylim=ys, xlabel="$x$", ylabel="$y$")
    # plain text, not $…$: matplotlib's mathematics cannot draw Chinese
    left.set_title(("病态二次函数" if language == "zh" else "ill-conditioned quadratic") + " f = (x² + 20y²)/2", fontsize=11)
    right.set_title("Rosenbrock 函数" if language == "zh" else "Rosenbrock function", fontsize=11)
    left.plot(0, 0, marker="*", markersize=12, color=plt.rcParams["text.color"])
    right.plot(1, 1, marker="*", markersize=12, color=plt.rcParams["text.color"])
    left.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


save_themed(draw, "optimizers-trajectories", languages=("zh", "en"))
