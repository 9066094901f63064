import numpy as np

from neuralnlp.basics.backprop import sgd_step
from neuralnlp.basics.datasets import minibatches
from neuralnlp.basics.losses import mse, mse_grad

rng = np.random.default_rng(0)
x = rng.uniform(-1.0, 1.0, size=200)
y = 2.0 * x - 1.0 + 0.1 * rng.standard_normal(200)  # the page's data: w = 2, b = -1

# The MSE is a bowl whose steepest curvature is the largest eigenvalue of its Hessian 2·E[(x, 1)(x, 1)ᵀ].
X1 = np.column_stack([x, np.ones_like(x)])
curvature = np.linalg.eigvalsh(2 * X1.T @ X1 / len(x)).max()
print(f"largest curvature {curvature:.4f}; full-batch gradient descent diverges for lr > 2 / {curvature:.4f} = {2 / curvature:.4f}")

for lr in (0.01, 0.1, 0.5, 0.9, 1.2):
    params = {"w": np.array(0.0), "b": np.array(0.0)}
    batches = np.random.default_rng(1)  # the same batches for every learning rate
    for epoch in range(30):
        for idx in minibatches(len(x), batch_size=20, rng=batches):
            g = mse_grad(params["w"] * x[idx] + params["b"], y[idx])
            sgd_step(params, {"w": np.sum(g * x[idx]), "b": np.sum(g)}, lr=lr)
    print(f"lr {lr:<4}  loss after 30 epochs {mse(params['w'] * x + params['b'], y):.4g}")
