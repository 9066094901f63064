import torch

from neuralnlp.embeddings.embedding import Embedding

PAD = 0
ids = torch.tensor([[4, 2, 5, 1],
                    [3, 2, PAD, PAD]])
torch.manual_seed(0)
embedding = Embedding(6, 3, padding_idx=PAD)  # the same table as in layer_padding.py
vectors = embedding(ids)
mask = (ids != PAD).unsqueeze(-1)

right = (vectors * mask).sum(1) / mask.sum(1)  # divide by the real tokens: 4 and 2
wrong = vectors.mean(1)                        # divide by the padded length: 4 and 4
print("mean over real tokens:  ", [round(x, 4) for x in right[1].tolist()])
print("mean over padded length:", [round(x, 4) for x in wrong[1].tolist()])
print("ratio:", [round(x, 4) for x in (wrong[1] / right[1]).tolist()])
