import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.word2vec import sgns_grad, sgns_loss

rng = np.random.default_rng(0)
batch, K, d = 4, 5, 8  # K noise words per example
center, context = rng.normal(size=(batch, d)), rng.normal(size=(batch, d))
negatives = rng.normal(size=(batch, K, d))

# Reference: the same loss written with torch ops, gradients from autograd.
c, o, n = (torch.tensor(a, requires_grad=True) for a in (center, context, negatives))
positive = F.logsigmoid((o * c).sum(-1))
negative = F.logsigmoid(-(n @ c.unsqueeze(-1)).squeeze(-1)).sum(-1)
reference = -(positive + negative)
reference.sum().backward()

print("loss per example:", np.round(sgns_loss(center, context, negatives, reduction="none"), 4))
print("same as torch:", np.allclose(sgns_loss(center, context, negatives, "none"), reference.detach(), rtol=1e-12))
errors = [np.abs(ours - t.grad.numpy()).max() for ours, t in zip(sgns_grad(center, context, negatives), (c, o, n))]
print("max |ours - autograd| < 1e-12 for v_c, u_o, u_k:", max(errors) < 1e-12)
