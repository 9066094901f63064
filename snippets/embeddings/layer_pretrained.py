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


def train(embedding, ids, labels, steps=200):
    head = torch.nn.Linear(d, labels.shape[1])
    params = [p for p in [*embedding.parameters(), *head.parameters()] if p.requires_grad]
    optimizer = torch.optim.Adam(params, lr=0.05)
    for _ in range(steps):
        optimizer.zero_grad()
        F.binary_cross_entropy_with_logits(head(embedding(ids).mean(1)), labels).backward()
        optimizer.step()
    return lambda x, y: ((head(embedding(x).mean(1)) > 0).float() == y).float().mean().item()


# Task A (plenty of data, 8 labels per sentence): pre-training.
task_a = make_task(4000, torch.randn(d, 8))
pretrained = Embedding(V, d)
train(pretrained, *task_a, steps=300)

# Task B: a new label, only 60 training sentences.
direction_b = torch.randn(d, 1)
train_b, valid_b = make_task(60, direction_b), make_task(2000, direction_b)
seen = torch.zeros(V, dtype=torch.bool)
seen[train_b[0].flatten()] = True
print(f"task B's training set uses {int(seen.sum())} of the {V} tokens")
for name, embedding in [
    ("random init, trained on B", Embedding(V, d)),
    ("pretrained, frozen", Embedding.from_pretrained(pretrained.weight.detach(), freeze=True)),
    ("pretrained, fine-tuned", Embedding.from_pretrained(pretrained.weight.detach(), freeze=False)),
]:
    accuracy = train(embedding, *train_b)
    with torch.no_grad():
        print(f"{name:<27} train accuracy {accuracy(*train_b):.3f}   validation accuracy {accuracy(*valid_b):.3f}")
