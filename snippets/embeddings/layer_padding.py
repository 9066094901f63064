import torch

from neuralnlp.embeddings.embedding import Embedding

PAD = 0
# Two sentences of different lengths, padded to the same length with id 0.
ids = torch.tensor([[4, 2, 5, 1],
                    [3, 2, PAD, PAD]])

for padding_idx in [None, PAD]:
    torch.manual_seed(0)
    embedding = Embedding(6, 3, padding_idx=padding_idx)
    embedding(ids).sum().backward()  # every looked-up entry gets gradient 1
    row = [round(x, 4) for x in embedding.weight[0].tolist()]
    print(f"padding_idx={padding_idx}: row 0 = {row}, its gradient = {embedding.weight.grad[0].tolist()}")

# The padding vectors are zero, so a mean over real tokens divides by their count, not by 4.
vectors = embedding(ids)
mask = (ids != PAD).unsqueeze(-1)
sentence_vectors = (vectors * mask).sum(1) / mask.sum(1)
print("sentence vectors:", tuple(sentence_vectors.shape))
print(torch.round(sentence_vectors.detach(), decimals=4))
