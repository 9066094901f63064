import torch

from neuralnlp.embeddings.embedding import Embedding

embedding = Embedding(5, 2)

for ids in [torch.tensor([[0, 1, 2], [3, 4, 5]]),   # 5 is not a row of a 5-row table
            torch.tensor([2, -1]),                  # negative ids are not counted from the end
            torch.tensor([0.0, 1.0])]:              # ids must be integers
    try:
        embedding(ids)
    except (IndexError, TypeError) as error:
        print(f"{type(error).__name__}: {error}")
