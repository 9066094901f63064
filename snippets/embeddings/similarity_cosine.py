import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.similarity import cosine_similarity

# By hand: a·b = 1·2 + 2·1 + 2·2 = 8 and ‖a‖ = ‖b‖ = 3, so cos = 8/9.
a = np.array([1.0, 2.0, 2.0])
b = np.array([2.0, 1.0, 2.0])
print(f"cos(a, b) = {cosine_similarity(a, b):.4f}   8/9 = {8 / 9:.4f}")

# Length does not matter, direction does.
print(f"cos(10a, b) = {cosine_similarity(10 * a, b):.4f}   cos(-a, b) = {cosine_similarity(-a, b):.4f}")

# A batch of pairs against PyTorch's reference, along the last axis.
rng = np.random.default_rng(0)
x, y = rng.normal(size=(5, 8)), rng.normal(size=(5, 8))
ours = cosine_similarity(x, y)
ref = F.cosine_similarity(torch.from_numpy(x), torch.from_numpy(y), dim=-1).numpy()
print("ours: ", np.array2string(ours, precision=4))
print("max |ours - torch| < 1e-12:", np.abs(ours - ref).max() < 1e-12)

# A zero vector has no direction: we refuse instead of returning 0 like torch.
try:
    cosine_similarity(a, np.zeros(3))
except ValueError as err:
    print("ValueError:", err)
