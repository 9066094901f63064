"""The best tag at each position need not be a segmentation; Viterbi finds the best one that is."""

import torch

from neuralnlp.pipeline import constrained_decode
from neuralnlp.pipeline.segmentation import TAGS

# Probabilities of B, M, E, S for the three characters of 中国人 (made up for the example).
probabilities = torch.tensor([[0.55, 0.05, 0.10, 0.30],
                              [0.40, 0.10, 0.35, 0.15],
                              [0.10, 0.20, 0.30, 0.40]])
scores = probabilities.log()
greedy = [TAGS[i] for i in scores.argmax(dim=1)]
best = constrained_decode(scores)


def path_probability(tags):
    return float(torch.prod(torch.stack([probabilities[t, TAGS.index(y)] for t, y in enumerate(tags)])))


print("best tag at each position:", greedy, f"p = {path_probability(greedy):.4f}")
print("best allowed sequence:    ", best, f"p = {path_probability(best):.4f}")
