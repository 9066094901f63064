import torch

from neuralnlp.embeddings.word2vec import SkipGram

torch.manual_seed(0)
target, context, negatives = torch.tensor([0, 1, 2]), torch.tensor([1, 2, 0]), torch.randint(0, 10, (3, 5))
for name, zero_inputs in [("word2vec.c's start (u = 0)", False), ("u = 0 and v = 0", True)]:
    model = SkipGram(10, 4, "negative")
    if zero_inputs:
        with torch.no_grad():
            model.input_vectors.weight.zero_()
    model(target, context, negatives).backward()
    print(f"{name:<27} |dL/dv| = {model.input_vectors.weight.grad.norm():.4f}   "
          f"|dL/du| = {model.output_vectors.weight.grad.norm():.4f}")
