"""Training, validation and test sets: three disjoint parts of one shuffled data set.

- the **training set** is what the optimiser sees: the weights are fitted to it;
- the **validation set** chooses among models: hyper-parameters, the epoch to stop at;
- the **test set** is used once, at the very end, to report how well the chosen model does on data
  that played no part in any choice. Any decision taken by looking at it makes it a second
  validation set, and its score an optimistic one.

The split is random (seeded) so that the three parts follow the same distribution.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_numpy_generator, check_fraction, check_positive_int


# --8<-- [start:split]
def train_validation_test_split(n_samples: int, validation_fraction: float = 0.2, test_fraction: float = 0.2,
                                seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle range(n_samples) and cut it into training, validation and test indices.

    The validation and test sets get round(n · fraction) samples each, the training set the rest.

    Args:
        n_samples: the size of the data set, >= 3.
        validation_fraction: in [0, 1).
        test_fraction: in [0, 1); the two fractions add up to less than 1.
        seed: for the shuffle: an integer >= 0 (or a numpy.random.Generator).

    Returns:
        (train, validation, test): three disjoint int64 arrays of indices that together cover range(n_samples).

    Raises:
        ValueError: fractions out of range, or a split that leaves the training set empty.
    """
    n = check_positive_int(n_samples, "n_samples", minimum=3)
    rng = as_numpy_generator(seed, "seed")
    n_validation = round(n * check_fraction(validation_fraction, "validation_fraction", "a fraction"))
    n_test = round(n * check_fraction(test_fraction, "test_fraction", "a fraction"))
    if n_validation + n_test >= n:
        raise ValueError(
            f"test_fraction: expected validation_fraction + test_fraction to leave training samples, "
            f"got {n_validation} validation + {n_test} test of {n} samples"
        )
    order = rng.permutation(n)
    return order[n_validation + n_test :], order[:n_validation], order[n_validation : n_validation + n_test]
# --8<-- [end:split]
