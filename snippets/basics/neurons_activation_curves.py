import matplotlib.pyplot as plt
import numpy as np

from neuralnlp.basics.activations import gelu, gelu_grad, relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad
from neuralnlp.plotting import save_themed

x = np.linspace(-4.0, 4.0, 401)
curves = {  # name: (f, f')
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "ReLU": (relu, relu_grad),
    "GELU": (gelu, gelu_grad),
}


def draw():
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6), sharex=True)
    for name, (f, df) in curves.items():
        left.plot(x, f(x), label=name)
        right.plot(x, df(x), label=name)
    left.set(title="f(x)", xlabel="x", ylim=(-1.5, 3))
    right.set(title="f'(x)", xlabel="x", ylim=(-0.3, 1.3))
    left.legend(loc="upper left")
    fig.tight_layout()
    return fig


save_themed(draw, "neurons-activations")

# What the two panels show, in numbers: the range of each f on [-4, 4], and of its slope f'.
print("{:<8}{:>8}{:>8}{:>8}{:>8}".format("", "f(-4)", "f(4)", "min f'", "max f'"))
for name, (f, df) in curves.items():
    print(f"{name:<8}{f(x[0]):>8.4f}{f(x[-1]):>8.4f}{df(x).min():>8.4f}{df(x).max():>8.4f}")

# GELU's dip below 0 on the negative side, on a finer grid (step 0.001).
fine = np.linspace(-4.0, 0.0, 4001)
lowest = gelu(fine).argmin()
print(f"GELU's minimum: {gelu(fine)[lowest]:.4f} at x = {fine[lowest]:.3f}")
