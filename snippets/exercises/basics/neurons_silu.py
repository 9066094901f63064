import numpy as np

from neuralnlp.basics.activations import gelu, gelu_sigmoid, max_abs_error, sigmoid


def silu(x):
    """SiLU (also called Swish): x·σ(x), the sigmoid form of GELU with 1 instead of 1.702."""
    return x * sigmoid(x)


for name, f in [("x·σ(1.702x)", gelu_sigmoid), ("SiLU x·σ(x)", silu)]:
    err, at = max_abs_error(f, gelu, start=-6.0, stop=6.0, num=12001)
    print(f"{name:<12} max |f - GELU| = {err:.4f} at x = {at:.3f}")

# Both dip below 0 on the negative side, SiLU deeper and further out.
x = np.linspace(-4.0, 0.0, 4001)
for name, f in [("GELU", gelu), ("SiLU", silu)]:
    i = f(x).argmin()
    print(f"{name} minimum: {f(x)[i]:.4f} at x = {x[i]:.3f}")
