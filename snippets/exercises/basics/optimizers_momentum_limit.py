import torch

from neuralnlp.training import SGD

# A constant gradient g = 1 (the loss is θ itself): how long is each step, after t steps?
lr = 0.1
for mu in (0.0, 0.5, 0.9, 0.99):
    theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = SGD([theta], lr=lr, momentum=mu)
    steps = {}
    for t in range(1, 1001):
        before = theta.item()
        optimizer.zero_grad()
        theta.sum().backward()
        optimizer.step()
        steps[t] = before - theta.item()
    print(f"momentum {mu:4}: step at t=1 {steps[1]:.4f}, t=10 {steps[10]:.4f}, t=100 {steps[100]:.4f},"
          f" t=1000 {steps[1000]:.4f}   lr/(1 - momentum) = {lr / (1 - mu):.4f}")
