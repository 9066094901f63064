import numpy as np

from neuralnlp.basics.activations import log_softmax, naive_softmax, softmax
from neuralnlp.basics.losses import cross_entropy, nll_loss

logits = np.array([[1000.0, 0.0, -1000.0]])  # confident scores on a large scale
target = np.array([1])

with np.errstate(divide="ignore", invalid="ignore"):  # we want to see the inf and nan
    print("log(naive_softmax):", np.log(naive_softmax(logits)))  # e^1000 overflows
    print("log(softmax):      ", np.log(softmax(logits)))  # e^-2000 underflows to 0
print("log_softmax:       ", log_softmax(logits))

# The loss for class 1 is -log p_1 = 1000: only log_softmax + NLL gets it.
with np.errstate(divide="ignore", invalid="ignore"):
    print("NLL on log(naive_softmax):", nll_loss(np.log(naive_softmax(logits)), target))
print("NLL on log_softmax:       ", nll_loss(log_softmax(logits), target))
print("cross_entropy(logits):    ", cross_entropy(logits, target))
