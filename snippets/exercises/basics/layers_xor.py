import numpy as np

from neuralnlp.basics.activations import relu
from neuralnlp.basics.datasets import xor
from neuralnlp.basics.dense import Dense

x, y = xor()  # the four corners of the unit square, labelled x1 XOR x2

# The best affine map a·x + c, fitted by least squares: it predicts 0.5 everywhere.
X1 = np.hstack([x, np.ones((4, 1))])
coef, *_ = np.linalg.lstsq(X1, y.astype(float), rcond=None)
print("best affine fit:", np.round(X1 @ coef, 4))

# Two ReLU neurons, then a linear output: h1 = relu(x1 + x2), h2 = relu(x1 + x2 - 1), y = h1 - 2·h2.
hidden = Dense.from_weights(np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0]), activation=relu)
output = Dense.from_weights(np.array([[1.0, -2.0]]), np.array([0.0]))
h = hidden(x)
for xi, hi, yi, target in zip(x, h, output(h)[:, 0], y):
    print(f"x = {xi}  h = {hi}  y = {yi:.0f}  XOR = {target}")
