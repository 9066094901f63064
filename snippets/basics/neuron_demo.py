import numpy as np

from neuralnlp.activations import relu, sigmoid
from neuralnlp.plotting import save_themed
import matplotlib.pyplot as plt

x = np.array([-2.0, 0.0, 3.0])
print("relu:", relu(x))
print("sigmoid:", np.round(sigmoid(x), 4))


def draw():
    fig, ax = plt.subplots(figsize=(5, 3))
    t = np.linspace(-5, 5, 201)
    ax.plot(t, sigmoid(t), label="sigmoid")
    ax.legend()
    return fig


save_themed(draw, "demo")
