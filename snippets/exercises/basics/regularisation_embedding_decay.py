import torch
from torch import nn

from neuralnlp.training import SGD, AdamW

# A vocabulary of 6 tokens; every batch uses only tokens 0 and 1, which learn to move towards a target vector.
target = torch.ones(2, 4)
for name, make_optimizer in (("SGD, no decay", lambda p: SGD(p, lr=0.1)),
                             ("SGD, weight_decay=0.1", lambda p: SGD(p, lr=0.1, weight_decay=0.1)),
                             ("AdamW, weight_decay=0.1", lambda p: AdamW(p, lr=0.1, weight_decay=0.1))):
    torch.manual_seed(0)
    embedding = nn.Embedding(6, 4)
    before = embedding.weight.detach().norm(dim=1)
    optimizer = make_optimizer(embedding.parameters())
    for _ in range(100):
        optimizer.zero_grad()
        ((embedding(torch.tensor([0, 1])) - target) ** 2).sum().backward()  # rows 2-5: gradient exactly 0
        optimizer.step()
    distance = (embedding.weight.detach()[:2] - target).norm(dim=1)
    ratio = embedding.weight.detach().norm(dim=1) / before
    print(f"{name:24s} rows 0-1: distance to the target {distance.numpy().round(3)};"
          f"  rows 2-5: norm after / before {ratio[2:].numpy().round(3)}")
print(f"(1 - lr × weight_decay)^100 = (1 - 0.1 × 0.1)^100 = {(1 - 0.01) ** 100:.3f}")
