import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp.basics.datasets import spiral
from neuralnlp.training import SGD, Adam, AdamW, l2_penalty, parameter_norm

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation


def unused_weight(optimizer_class, lam, decoupled, steps=100, lr=0.01):
    """A weight the loss does not use, so only the weight decay moves it: its value after `steps` steps."""
    theta = torch.ones(1, dtype=torch.float64, requires_grad=True)
    optimizer = optimizer_class([theta], lr=lr, weight_decay=lam if decoupled else 0.0)
    for _ in range(steps):
        optimizer.zero_grad()
        if decoupled:
            theta.grad = torch.zeros_like(theta)  # the loss's gradient: 0
        else:
            l2_penalty([theta], lam).backward()  # L2 in the loss: the gradient is λθ
        optimizer.step()
    return theta.item()


print("a weight that the loss does not use, θ = 1, lr 0.01, after 100 steps:")
for lam in (0.01, 0.1):
    print(f"  λ = {lam:<4}  SGD + L2 {unused_weight(SGD, lam, False):.4f}   SGD weight decay {unused_weight(SGD, lam, True):.4f}"
          f"   Adam + L2 {unused_weight(Adam, lam, False):+.4f}   AdamW {unused_weight(AdamW, lam, True):.4f}"
          f"   (1 - lr λ)^100 = {(1 - 0.01 * lam) ** 100:.4f}")

x, y = spiral(n_per_class=100, n_classes=3, noise=0.2, seed=0)
x, y = torch.tensor(x), torch.tensor(y)


def train(optimizer_class, lr, weight_decay=0.0, l2=0.0, steps=300):
    """The spiral network, from the same initial weights; the L2 penalty (if any) is added to the loss."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 3)).double()
    optimizer = optimizer_class(model.parameters(), lr=lr, weight_decay=weight_decay)
    batches = torch.Generator().manual_seed(0)
    for _ in range(steps):
        idx = torch.randperm(len(x), generator=batches)[:32]
        loss = F.cross_entropy(model(x[idx]), y[idx]) + l2_penalty(model.parameters(), l2)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


def largest_difference(a, b):
    return max((p - q).abs().max().item() for p, q in zip(a.parameters(), b.parameters()))


sgd_l2, sgd_decay = train(SGD, 0.1, l2=0.01), train(SGD, 0.1, weight_decay=0.01)
adam_l2, adam_decay, adamw = train(Adam, 0.01, l2=0.01), train(Adam, 0.01, weight_decay=0.01), train(AdamW, 0.01, weight_decay=0.01)
print("the spiral network after 300 steps, λ = 0.01:")
print(f"  SGD:  L2 in the loss vs SGD(weight_decay)   largest weight difference {largest_difference(sgd_l2, sgd_decay):.1e}")
print(f"  Adam: L2 in the loss vs Adam(weight_decay)  largest weight difference {largest_difference(adam_l2, adam_decay):.1e}")
print(f"  Adam: L2 in the loss vs AdamW               largest weight difference {largest_difference(adam_l2, adamw):.1e}")
print(f"  weight norm: Adam + L2 {parameter_norm(adam_l2.parameters()):.3f}, AdamW {parameter_norm(adamw.parameters()):.3f}, "
      f"Adam without decay {parameter_norm(train(Adam, 0.01).parameters()):.3f}")
