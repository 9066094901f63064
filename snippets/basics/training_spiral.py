import matplotlib.pyplot as plt
import numpy as np

from neuralnlp.basics.backprop import TwoLayerNet, train_step
from neuralnlp.basics.datasets import minibatches, spiral
from neuralnlp.plotting import save_themed

x, y = spiral(n_per_class=100, n_classes=3, noise=0.2, seed=0)
net = TwoLayerNet(2, 64, 3, activation="tanh", seed=0)
rng = np.random.default_rng(0)

losses = []
for epoch in range(1, 201):
    batch_losses = [train_step(net, x[idx], y[idx], lr=0.5) for idx in minibatches(len(x), 32, rng)]
    losses.append(np.mean(batch_losses))
    if epoch in (1, 10, 50, 100, 200):
        print(f"epoch {epoch:3d}  loss {losses[-1]:.4f}")
print(f"train accuracy: {np.mean(net.predict(x) == y):.4f}")


def draw():
    fig, (ax_loss, ax_data) = plt.subplots(1, 2, figsize=(9, 3.8))
    ax_loss.plot(np.arange(1, len(losses) + 1), losses)
    ax_loss.set(xlabel="epoch", ylabel="cross-entropy loss", yscale="log")
    grid = np.linspace(-1.1, 1.1, 150)
    gx, gy = np.meshgrid(grid, grid)
    regions = net.predict(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"][:3]  # the theme's palette
    ax_data.contourf(gx, gy, regions, levels=[-0.5, 0.5, 1.5, 2.5], colors=colors, alpha=0.25)
    for k in range(3):
        ax_data.scatter(*x[y == k].T, s=8, color=colors[k], label=f"class {k}")
    ax_data.set(xlabel="$x_1$", ylabel="$x_2$", aspect="equal")
    ax_data.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=9)
    return fig


save_themed(draw, "training-spiral")
