"""Why divide by √d_k: dot products of random vectors grow like √d_k, and softmax saturates without the scaling."""

import torch

from neuralnlp.transformer.attention import attention_weights

torch.manual_seed(0)
S = 16  # keys per query
print(f"{'d_k':>5} {'std of q·k':>11}   {'largest weight':^29}   {'gradient size':^25}")
print(f"{'':>5} {'':>11}   {'unscaled':>14} {'÷ √d_k':>14}   {'unscaled':>12} {'÷ √d_k':>12}")
for d_k in (4, 16, 64, 256, 1024):
    q, k = torch.randn(2000, 1, d_k), torch.randn(2000, S, d_k)  # entries with mean 0 and variance 1
    scores = (q @ k.transpose(-2, -1)).squeeze(1)  # (2000, S)
    row = [f"{d_k:>5} {scores.std().item():>11.2f}  "]
    grads = []
    for scale in (1.0, d_k ** -0.5):
        weights = attention_weights(q, k, scale=scale).squeeze(1)
        row.append(f"{weights.max(-1).values.mean().item():>14.3f}")
        # the Jacobian of softmax is diag(w) - w wᵀ: its size says how much gradient reaches the scores
        jacobian = torch.diag_embed(weights) - weights[:, :, None] * weights[:, None, :]
        grads.append(f"{torch.linalg.matrix_norm(jacobian).mean().item():>12.3f}")
    print(" ".join(row), "  ", " ".join(grads))
