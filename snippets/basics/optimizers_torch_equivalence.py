import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp.basics.datasets import spiral
from neuralnlp.training import SGD, Adam, AdamW, RMSprop

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
x_all, y_all = spiral(n_per_class=100, n_classes=3, noise=0.2, seed=0)


def largest_difference(ours_class, torch_class, dtype, steps=100, **hyperparameters):
    """Train two copies of one network side by side, ours and torch's optimiser; the largest weight difference."""
    torch.manual_seed(0)
    ours = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 3)).to(dtype)
    theirs = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 3)).to(dtype)
    theirs.load_state_dict(ours.state_dict())  # the same initial weights
    pairs = [(ours, ours_class(ours.parameters(), **hyperparameters)),
             (theirs, torch_class(theirs.parameters(), **hyperparameters))]
    x, y = torch.tensor(x_all, dtype=dtype), torch.tensor(y_all)
    batches, worst = torch.Generator().manual_seed(0), 0.0
    for _ in range(steps):
        idx = torch.randperm(len(x), generator=batches)[:32]  # the same mini-batch for both
        for model, optimizer in pairs:
            optimizer.zero_grad()
            F.cross_entropy(model(x[idx]), y[idx]).backward()
            optimizer.step()
        worst = max(worst, max((p - q).abs().max().item() for p, q in zip(ours.parameters(), theirs.parameters())))
    return worst


cases = [
    (SGD, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 1e-2}),
    (RMSprop, torch.optim.RMSprop, {"lr": 1e-3, "alpha": 0.9, "momentum": 0.5, "weight_decay": 1e-2}),
    (Adam, torch.optim.Adam, {"lr": 3e-3, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 1e-2}),
    (AdamW, torch.optim.AdamW, {"lr": 3e-3, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.1}),
]
print("largest |our weight - torch's weight| over 100 steps")
for ours_class, torch_class, hyperparameters in cases:
    float32 = largest_difference(ours_class, torch_class, torch.float32, **hyperparameters)
    float64 = largest_difference(ours_class, torch_class, torch.float64, **hyperparameters)
    options = ", ".join(f"{k}={v}" for k, v in hyperparameters.items())
    print(f"{ours_class.__name__:8s} float32 {float32:.1e}  float64 {float64:.1e}   ({options})")
