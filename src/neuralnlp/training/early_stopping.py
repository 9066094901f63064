"""Early stopping (Prechelt, 1998): stop when the validation loss stops improving, keep the best weights.

After each epoch, give ``step`` the validation loss L_e and the model:

- if L_e < L_best − δ, it is an improvement: L_best ← L_e, and a copy of the model's weights is kept;
- otherwise the count of epochs without improvement goes up by one, and when it reaches the
  patience P, ``step`` returns True: stop.

``restore_best(model)`` then loads the kept weights, those of the epoch with the lowest validation
loss, not the last epoch's. The patience trades time for safety: a validation curve is noisy, and
a single worse epoch is not yet a trend.
"""

from __future__ import annotations

import copy
import math

from torch import nn

from neuralnlp._checks import check_instance, check_non_negative, check_positive_int, check_real


# --8<-- [start:early-stopping]
class EarlyStopping:
    """Count the epochs since the validation loss last improved; keep the best model's weights.

    Args:
        patience: P >= 1, how many epochs without improvement to wait before stopping.
        min_delta: δ >= 0, how much lower than the best a loss must be to count as an improvement.

    Attributes:
        best_loss: the lowest validation loss so far (inf before the first epoch).
        best_epoch: the epoch (1, 2, …) of ``best_loss``; None before the first epoch.
        best_state: a copy of the model's ``state_dict()`` at ``best_epoch``.
        epoch: the number of ``step`` calls so far.
        epochs_without_improvement: epochs since ``best_epoch``.
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0):
        self.patience = check_positive_int(patience, "patience")
        self.min_delta = check_non_negative(min_delta, "min_delta")
        self.best_loss = math.inf
        self.best_epoch = None
        self.best_state = None
        self.epoch = 0
        self.epochs_without_improvement = 0

    def step(self, validation_loss: float, model: nn.Module) -> bool:
        """Record one epoch's validation loss; return True when training should stop.

        Raises:
            TypeError: the loss is not a number (a 0-d tensor is one), or model is not a module.
            ValueError: the loss is NaN (training diverged).
        """
        validation_loss = check_real(validation_loss, "validation_loss", finite=False, what="a loss")
        check_instance(model, nn.Module, "model", "a torch.nn.Module")
        self.epoch += 1
        if validation_loss < self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch = validation_loss, self.epoch
            self.best_state = copy.deepcopy(model.state_dict())  # a copy: training goes on changing the weights
            self.epochs_without_improvement = 0
        else:
            self.epochs_without_improvement += 1
        return self.epochs_without_improvement >= self.patience

    def restore_best(self, model: nn.Module) -> None:
        """Load the weights of the best epoch into ``model``."""
        if self.best_state is None:
            raise RuntimeError("restore_best: expected at least one call to step() first, got none")
        check_instance(model, nn.Module, "model", "a torch.nn.Module")
        theirs = model.state_dict()
        ours = {name: tuple(t.shape) for name, t in self.best_state.items()}
        if {name: tuple(t.shape) for name, t in theirs.items()} != ours:
            raise ValueError(f"model: expected the parameters of the model given to step(), {ours}, "
                             f"got {({name: tuple(t.shape) for name, t in theirs.items()})}")
        model.load_state_dict(self.best_state)
# --8<-- [end:early-stopping]
