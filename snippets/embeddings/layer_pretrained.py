import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding

# Tiny tensors: one thread is faster here, and sums come out in the same order on every machine.
torch.set_num_threads(1)
torch.manual_seed(0)
V, d, length = 200, 8, 6
hidden_meaning = torch.randn(V, d)  # each token's true (unknown) meaning


def make_task(n, directions):
    """Sentences of random tokens; label k: is the mean meaning on the side of direction k?"""
    ids = torch.randint(0, V, (n, length))
    return ids, (hidden_meaning[ids].mean(1) @ directions > 0).float()


def train(embedding, ids, labels, steps=200, lr=0.05, embedding_lr=None):
    """Adam on "look up, average, linear layer"; the embedding may have a learning rate of its own."""
    head = torch.nn.Linear(d, labels.shape[1])
    groups = [{"params": head.parameters(), "lr": lr}]
    if embedding.weight.requires_grad:  # a frozen embedding has nothing to update
        groups.append({"params": embedding.parameters(), "lr": lr if embedding_lr is None else embedding_lr})
    optimizer = torch.optim.Adam(groups)
    for _ in range(steps):
        optimizer.zero_grad()
        F.binary_cross_entropy_with_logits(head(embedding(ids).mean(1)), labels).backward()
        optimizer.step()
    return lambda x, y: ((head(embedding(x).mean(1)) > 0).float() == y).float().mean().item()


# Task A (plenty of data, 8 labels per sentence): pre-training.
task_a = make_task(4000, torch.randn(d, 8))
pretrained = Embedding(V, d)
train(pretrained, *task_a, steps=300)
start = pretrained.weight.detach()

# Task B: a new label, only 60 training sentences.
direction_b = torch.randn(d, 1)
train_b, valid_b = make_task(60, direction_b), make_task(2000, direction_b)
seen = torch.zeros(V, dtype=torch.bool)
seen[train_b[0].flatten()] = True
print(f"task B's training set uses {int(seen.sum())} of the {V} tokens; "
      f"a pretrained vector is {start.norm(dim=1).mean():.2f} long on average")
print(f"{'':<27}{'embedding lr':>13}{'train acc':>10}{'valid acc':>10}   distance moved: seen / unseen tokens")
for name, embedding, embedding_lr in [
    ("random init, trained on B", Embedding(V, d), 0.05),
    ("pretrained, frozen", Embedding.from_pretrained(start, freeze=True), None),
    ("pretrained, fine-tuned", Embedding.from_pretrained(start, freeze=False), 0.05),
    ("pretrained, fine-tuned", Embedding.from_pretrained(start, freeze=False), 0.005),
    ("pretrained, fine-tuned", Embedding.from_pretrained(start, freeze=False), 0.001),
]:
    accuracy = train(embedding, *train_b, embedding_lr=embedding_lr)  # the linear layer: lr 0.05 always
    with torch.no_grad():
        moved = (embedding.weight - start).norm(dim=1)  # how far each row is from its pretrained value
        shift = f"{moved[seen].mean():.2f} / {moved[~seen].mean():.2f}" if name.startswith("pretrained") else "-"
        print(f"{name:<27}{embedding_lr or '-':>13}{accuracy(*train_b):>10.3f}{accuracy(*valid_b):>10.3f}   {shift}")
