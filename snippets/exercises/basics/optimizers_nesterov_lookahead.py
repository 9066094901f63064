import torch

from neuralnlp.training import SGD, rosenbrock

lr, mu = 1e-3, 0.9


def gradient(point):
    point = point.clone().requires_grad_(True)
    rosenbrock(point).backward()
    return point.grad


# Sutskever et al. (2013): take the gradient at the look-ahead point θ + μv, then step.
theta, v = torch.tensor([0.0, 2.0], dtype=torch.float64), torch.zeros(2, dtype=torch.float64)
# torch's form (and ours): its parameter is the look-ahead point φ = θ + μv itself.
phi = torch.tensor([0.0, 2.0], dtype=torch.float64, requires_grad=True)
optimizer = SGD([phi], lr=lr, momentum=mu, nesterov=True)
largest = 0.0
for _ in range(500):
    v = mu * v - lr * gradient(theta + mu * v)
    theta = theta + v
    optimizer.zero_grad()
    rosenbrock(phi).backward()
    optimizer.step()
    largest = max(largest, (phi.detach() - (theta + mu * v)).abs().max().item())
print(f"after 500 steps: Sutskever's θ = ({theta[0]:.6f}, {theta[1]:.6f}), look-ahead θ + μv = "
      f"({(theta + mu * v)[0]:.6f}, {(theta + mu * v)[1]:.6f})")
print(f"SGD(nesterov=True) φ = ({phi[0]:.6f}, {phi[1]:.6f}); largest |φ - (θ + μv)| over the 500 steps: {largest:.1e}")
