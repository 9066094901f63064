import torch

from neuralnlp.embeddings.embedding import Embedding, one_hot

torch.manual_seed(0)
token_id = torch.tensor(1)
print(f"{'V':>8} {'d':>4} | {'non-zeros: one-hot':>21} {'embedding':>10} | {'bytes: one-hot':>15} {'embedding':>10}")
for V, d in [(5, 3), (21_128, 128), (100_000, 128)]:
    sparse = one_hot(token_id, V)               # V numbers, exactly one of them non-zero
    dense = Embedding(V, d)(token_id).detach()  # d numbers, almost surely none of them 0
    print(f"{V:>8,} {d:>4} | {int((sparse != 0).sum()):>10} of {V:>7,} {int((dense != 0).sum()):>3} of {d:>3} |"
          f" {sparse.numel() * 4:>15,} {dense.numel() * 4:>10,}")
