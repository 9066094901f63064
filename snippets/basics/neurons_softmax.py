import numpy as np

from neuralnlp.basics.activations import log_softmax, naive_softmax, softmax

np.set_printoptions(precision=4, suppress=True)

small = np.array([0.0, 1.0, 2.0])
large = small + 1000.0  # the same logits, shifted: [1000, 1001, 1002]

print("naive  softmax(small):", naive_softmax(small))
print("stable softmax(small):", softmax(small))
print("naive  softmax(large):", naive_softmax(large))  # e^1000 overflows to inf, and inf/inf = nan
print("stable softmax(large):", softmax(large))        # a shift changes nothing: same as small
print("sums to 1:", np.isclose(softmax(large).sum(), 1.0))

# log_softmax keeps the log finite where log(softmax) underflows to log(0) = -inf.
far = np.array([0.0, 800.0])
with np.errstate(divide="ignore"):
    print("log(softmax(far)):", np.log(softmax(far)))
print("log_softmax(far): ", log_softmax(far))

# A batch of logits, one row per example: normalise each row (axis=-1).
batch = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
print("softmax of a (2, 3) batch, row by row:")
print(softmax(batch, axis=-1))
