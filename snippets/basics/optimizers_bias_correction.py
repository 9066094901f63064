import torch

from neuralnlp.training import Adam

# One parameter whose gradient is always g = 0.5: the moving averages should be m = g and v = g² = 0.25.
theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
lr, (beta1, beta2), eps = 0.01, (0.9, 0.999), 1e-8
optimizer = Adam([theta], lr=lr, betas=(beta1, beta2), eps=eps)

print("   t       m    m_hat         v    v_hat   step without correction   step taken")
for t in range(1, 1001):
    before = theta.item()
    theta.grad = torch.full_like(theta, 0.5)
    optimizer.step()
    state = optimizer.state[theta]
    m, v = state["exp_avg"].item(), state["exp_avg_sq"].item()
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    uncorrected = lr * m / (v**0.5 + eps)  # what the step would be with m and v as they are
    if t in (1, 2, 3, 10, 100, 1000):
        print(f"{t:4d}  {m:.4f}   {m_hat:.4f}   {v:.5f}   {v_hat:.4f}   {uncorrected:23.5f}   {before - theta.item():.5f}")
