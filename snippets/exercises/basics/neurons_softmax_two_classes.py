import numpy as np

from neuralnlp.basics.activations import sigmoid, softmax

# Two logits per row: softmax's first probability should be σ(z1 − z2).
z = np.random.default_rng(0).normal(scale=5.0, size=(1000, 2))
p_first = softmax(z)[:, 0]
print("max |softmax(z)[0] - sigmoid(z1 - z2)|:", f"{np.abs(p_first - sigmoid(z[:, 0] - z[:, 1])).max():.1e}")

# Only the difference matters: adding the same number to both logits changes nothing.
print("softmax([2, 0]):     ", softmax(np.array([2.0, 0.0])).round(4))
print("softmax([102, 100]): ", softmax(np.array([102.0, 100.0])).round(4))
print("sigmoid(2):          ", f"{sigmoid(2.0):.4f}")
