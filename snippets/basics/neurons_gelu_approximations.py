import matplotlib.pyplot as plt
import numpy as np

from neuralnlp.basics.activations import gelu, gelu_sigmoid, gelu_tanh, max_abs_error
from neuralnlp.plotting import save_themed

approximations = {"tanh": gelu_tanh, "sigmoid (1.702)": gelu_sigmoid}

# Worst case of each approximation against the exact x·Φ(x), on a grid with step 0.001.
print(f"{'approximation':<16}{'max |error|':>12}{'at x':>9}")
for name, approx in approximations.items():
    err, at = max_abs_error(approx, gelu, start=-6.0, stop=6.0, num=12001)
    print(f"{name:<16}{err:>12.2e}{at:>9.3f}")

x = np.linspace(-6.0, 6.0, 1201)


def draw():
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.plot(x, gelu(x), label="exact x·Φ(x)", linewidth=3, alpha=0.5)
    for i, (name, approx) in enumerate(approximations.items(), start=1):
        left.plot(x, approx(x), "--", color=f"C{i}", label=name)
        right.semilogy(x, np.abs(approx(x) - gelu(x)), color=f"C{i}", label=name)
    left.set(title="GELU", xlabel="x", xlim=(-4, 3), ylim=(-0.5, 3))
    # A log scale, or the tanh error (about 40 times smaller) would look like a flat line.
    right.set(title="|approximation − exact|", xlabel="x", ylim=(1e-7, 1))
    left.legend(loc="upper left")
    right.legend(loc="upper center", ncols=2)
    fig.tight_layout()
    return fig


save_themed(draw, "neurons-gelu")
