import matplotlib.pyplot as plt
import numpy as np

from neuralnlp.basics.activations import gelu, relu
from neuralnlp.basics.dense import Dense
from neuralnlp.plotting import save_themed

rng = np.random.default_rng(0)
# One input, 6 hidden neurons, one output; the same weights for every curve.
W1, b1 = rng.normal(size=(6, 1)), rng.normal(size=6)
W2, b2 = rng.normal(size=(1, 6)), rng.normal(size=1)
x = np.linspace(-3, 3, 301).reshape(-1, 1)  # a batch of 301 one-feature inputs

curves = {}
for name, f in [("no activation", None), ("ReLU", relu), ("GELU", gelu)]:
    hidden = Dense.from_weights(W1, b1, activation=f)
    curves[name] = Dense.from_weights(W2, b2)(hidden(x))[:, 0]

# A straight line has the same slope everywhere: compare the slope at both ends.
for name, y in curves.items():
    left, right = y[1] - y[0], y[-1] - y[-2]
    print(f"{name:>13}: slope at x=-3 {left / 0.02:+.4f}, at x=+3 {right / 0.02:+.4f}")


def draw():
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for name, y in curves.items():
        ax.plot(x[:, 0], y, label=name)
    ax.set_xlabel("x")
    ax.set_ylabel("network output y")
    ax.legend()
    fig.tight_layout()
    return fig


save_themed(draw, "layers-nonlinearity")
