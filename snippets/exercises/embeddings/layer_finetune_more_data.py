import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding

torch.set_num_threads(1)
torch.manual_seed(0)
V, d, length = 200, 8, 6
hidden_meaning = torch.randn(V, d)


def make_task(n, directions):
    ids = torch.randint(0, V, (n, length))
    return ids, (hidden_meaning[ids].mean(1) @ directions > 0).float()


def train(embedding, ids, labels, steps=200, lr=0.05, embedding_lr=None):
    head = torch.nn.Linear(d, labels.shape[1])
    groups = [{"params": head.parameters(), "lr": lr}]
    if embedding.weight.requires_grad:
        groups.append({"params": embedding.parameters(), "lr": lr if embedding_lr is None else embedding_lr})
    optimizer = torch.optim.Adam(groups)
    for _ in range(steps):
        optimizer.zero_grad()
        F.binary_cross_entropy_with_logits(head(embedding(ids).mean(1)), labels).backward()
        optimizer.step()
    return lambda x, y: ((head(embedding(x).mean(1)) > 0).float() == y).float().mean().item()


# The change: task A's 8 directions only span 4 of the 8 dimensions of the meaning,
# so pre-training cannot learn what task B needs from the other 4.
directions_a = torch.randn(d, 8)
directions_a[4:] = 0
pretrained = Embedding(V, d)
train(pretrained, *make_task(4000, directions_a), steps=300)
start = pretrained.weight.detach()

direction_b = torch.randn(d, 1)
valid_b = make_task(2000, direction_b)
print(f"{'validation accuracy':<27}{'60 sentences':>14}{'2,000 sentences':>17}")
results = {}
for n in (60, 2000):
    train_b = make_task(n, direction_b)
    for name, embedding, embedding_lr in [
        ("random init, trained on B", Embedding(V, d), 0.05),
        ("pretrained, frozen", Embedding.from_pretrained(start, freeze=True), None),
        ("fine-tuned, lr 0.05", Embedding.from_pretrained(start, freeze=False), 0.05),
        ("fine-tuned, lr 0.005", Embedding.from_pretrained(start, freeze=False), 0.005),
    ]:
        accuracy = train(embedding, *train_b, embedding_lr=embedding_lr)
        with torch.no_grad():
            results.setdefault(name, []).append(accuracy(*valid_b))
for name, (small, large) in results.items():
    print(f"{name:<27}{small:>14.3f}{large:>17.3f}")
