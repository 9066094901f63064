import numpy as np

from neuralnlp.basics.activations import relu_grad

# A ReLU neuron whose bias pushes every weighted sum below 0 on inputs in [-1, 1]².
w, b = np.array([1.0, 1.0]), -5.0
x = np.random.default_rng(0).uniform(-1.0, 1.0, size=(1000, 2))
z = x @ w + b
print(f"largest weighted sum z: {z.max():.4f}")

# ∂y/∂w = relu'(z) · x: with relu'(z) = 0 everywhere, no input moves the weights.
grad_w = relu_grad(z)[:, None] * x
print("inputs that pass a gradient back:", int((relu_grad(z) > 0).sum()), "of", len(x))
print("largest |∂y/∂w| over all inputs:", np.abs(grad_w).max())
