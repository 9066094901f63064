import numpy as np

from neuralnlp.basics.backprop import sgd_step
from neuralnlp.basics.datasets import minibatches
from neuralnlp.basics.losses import mse, mse_grad

rng = np.random.default_rng(0)
x = rng.uniform(-1.0, 1.0, size=200)
y = 2.0 * x - 1.0 + 0.1 * rng.standard_normal(200)  # the line to recover: w = 2, b = -1

params = {"w": np.array(0.0), "b": np.array(0.0)}
print(f"epoch  0  loss {mse(params['w'] * x + params['b'], y):.4f}")
for epoch in range(1, 31):
    for idx in minibatches(len(x), batch_size=20, rng=rng):
        prediction = params["w"] * x[idx] + params["b"]
        g = mse_grad(prediction, y[idx])  # ∂L/∂ŷ for each sample of the batch
        # ŷ = w·x + b, so ∂ŷ/∂w = x and ∂ŷ/∂b = 1
        grads = {"w": np.sum(g * x[idx]), "b": np.sum(g)}
        sgd_step(params, grads, lr=0.1)
    if epoch in (1, 3, 10, 30):
        loss = mse(params["w"] * x + params["b"], y)
        print(f"epoch {epoch:2d}  loss {loss:.4f}  w {params['w']:.4f}  b {params['b']:.4f}")
