import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding

# Tiny tensors: one thread is faster here, and sums come out in the same order on every machine.
torch.set_num_threads(1)
torch.manual_seed(0)
n_phones, n_categories, n = 12, 4, 20_000
# Hidden truth the model never sees: phones 0-3, 4-7 and 8-11 form three groups whose owners
# like the same kinds of ads (categories: games, photo, shopping, news).
group = torch.arange(n_phones) // 4
taste = torch.tensor([[2.0, -1.0, 0.0, -1.0], [-1.0, 2.0, -1.0, 0.0], [-1.0, -1.0, 1.5, 1.0]])
phone = torch.randint(0, n_phones, (n,))
category = torch.randint(0, n_categories, (n,))
user = torch.randn(n, 2)  # e.g. standardised age and activity
clicked = torch.bernoulli(torch.sigmoid(taste[group[phone], category] + user @ torch.tensor([0.5, -0.8]) - 0.5))


class ClickModel(torch.nn.Module):
    def __init__(self, d=4):
        super().__init__()
        self.phone = Embedding(n_phones, d)        # a categorical feature, embedded like a token
        self.category = Embedding(n_categories, d)
        self.user = torch.nn.Linear(2, 1)

    def forward(self, phone, category, user):
        return (self.phone(phone) * self.category(category)).sum(-1) + self.user(user).squeeze(-1)


model = ClickModel()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
for _ in range(200):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(phone, category, user), clicked)
    loss.backward()
    optimizer.step()
print(f"training loss {loss.item():.3f}")

vectors = F.normalize(model.phone.weight.detach(), dim=1)
cosine = vectors @ vectors.T
same_group = group[:, None] == group[None, :]
off_diagonal = ~torch.eye(n_phones, dtype=torch.bool)
print(f"mean cosine similarity, same group:      {cosine[same_group & off_diagonal].mean():.3f}")
print(f"mean cosine similarity, different group: {cosine[~same_group].mean():.3f}")
nearest = (cosine - 2 * torch.eye(n_phones)).argmax(1)  # - 2·I: a phone is not its own neighbour
print("nearest phone model:", {i: int(j) for i, j in enumerate(nearest)})
print("nearest is in the same group for", int((group[nearest] == group).sum()), "of", n_phones)
