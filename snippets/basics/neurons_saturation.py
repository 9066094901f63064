import numpy as np

from neuralnlp.basics.activations import gelu_grad, relu_grad, sigmoid_grad, tanh_grad

# The slope f'(z) is the factor by which a neuron passes a gradient back to its weighted sum z.
z = np.array([-10.0, -5.0, -2.0, 0.0, 2.0, 5.0, 10.0])
print("z         " + "".join(f"{v:>10.1f}" for v in z))
for name, grad in [("sigmoid'", sigmoid_grad), ("tanh'", tanh_grad), ("ReLU'", relu_grad), ("GELU'", gelu_grad)]:
    print(f"{name:<10}" + "".join(f"{v:>10.2e}" for v in grad(z)))

# Even at its steepest a sigmoid passes back only a quarter; through ten of them in a row:
print(f"0.25 ** 10 = {0.25**10:.2e}")
