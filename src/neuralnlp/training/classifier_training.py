"""The training loop the pages use: mini-batches, an optimiser, and optionally validation, a schedule,
a penalty and early stopping.

One epoch: shuffle the training set, and for each mini-batch (x_B, y_B)

    L = cross_entropy(model(x_B), y_B) (+ penalty()),   optimizer.zero_grad(), L.backward(), optimizer.step()

then, with a schedule, ``schedule.step()`` after every optimiser step; with a validation set, the
model is evaluated on it in evaluation mode (dropout off) at the end of the epoch, and
``early_stopping.step`` decides whether to go on.

Shapes: x is (n, features) float, y is (n,) int64 class indices; the model maps (B, features) to
logits (B, classes).
"""

from __future__ import annotations

from typing import Callable

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import check_class_indices, check_float_tensor, check_positive_int


def _check_data(x, y, name: str):
    check_float_tensor(x, f"x_{name}")
    if x.dim() != 2:
        raise ValueError(f"x_{name}: expected shape (n, features), got shape {tuple(x.shape)}")
    if not torch.is_tensor(y):
        raise TypeError(f"y_{name}: expected a torch.Tensor of class indices, got type {type(y).__name__}")
    check_class_indices(y.numpy(), n_classes=int(y.max()) + 1 if len(y) else 1, n_samples=len(x), name=f"y_{name}")


def evaluate_classifier(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """(mean cross-entropy, accuracy) of ``model`` on (x, y), in evaluation mode and without gradients.

    The model's training/evaluation mode is restored afterwards.
    """
    _check_data(x, y, "eval")
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(x)
        loss = F.cross_entropy(logits, y).item()
        accuracy = (logits.argmax(dim=1) == y).double().mean().item()
    model.train(was_training)
    return loss, accuracy


# --8<-- [start:train]
def train_classifier(model: nn.Module, optimizer, x_train: torch.Tensor, y_train: torch.Tensor, *, epochs: int,
                     batch_size: int = 32, x_val: torch.Tensor | None = None, y_val: torch.Tensor | None = None,
                     schedule=None, penalty: Callable[[], torch.Tensor] | None = None, early_stopping=None,
                     seed: int = 0) -> dict[str, list[float]]:
    """Train ``model`` with mini-batches for up to ``epochs`` epochs; return the history.

    Args:
        model: maps (B, features) to logits (B, classes).
        optimizer: any optimiser with ``zero_grad`` and ``step`` (this package's or ``torch.optim``'s).
        x_train: (n, features) float tensor.
        y_train: (n,) int64 class indices.
        epochs: the most epochs to run, >= 1.
        batch_size: >= 1; the last batch of an epoch may be smaller.
        x_val: optional validation features, evaluated after every epoch.
        y_val: their class indices.
        schedule: optional learning-rate schedule, stepped after every optimiser step.
        penalty: optional function returning a 0-d tensor added to every batch's loss (e.g. an L2 penalty).
        early_stopping: optional ``EarlyStopping``; needs a validation set. Training stops when it says so
            (the weights are left as they are: call its ``restore_best``).
        seed: for the order of the mini-batches.

    Returns:
        A dict of per-epoch lists: "train_loss" (the mean loss of the epoch's batches, penalty excluded),
        "lr" (group 0's learning rate at the end of the epoch) and, with a validation set,
        "val_loss" and "val_accuracy".
    """
    epochs = check_positive_int(epochs, "epochs")
    batch_size = check_positive_int(batch_size, "batch_size")
    _check_data(x_train, y_train, "train")
    if (x_val is None) != (y_val is None):
        raise ValueError("y_val: expected x_val and y_val together, got only one of them")
    if x_val is not None:
        _check_data(x_val, y_val, "val")
    if early_stopping is not None and x_val is None:
        raise ValueError("early_stopping: expected a validation set (x_val, y_val) to watch, got none")
    generator = torch.Generator().manual_seed(seed)
    history = {"train_loss": [], "lr": []} | ({"val_loss": [], "val_accuracy": []} if x_val is not None else {})
    for _ in range(epochs):
        model.train()
        batch_losses = []
        for batch in torch.randperm(len(x_train), generator=generator).split(batch_size):
            loss = F.cross_entropy(model(x_train[batch]), y_train[batch])
            batch_losses.append(loss.item())
            if penalty is not None:
                loss = loss + penalty()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if schedule is not None:
                schedule.step()
        history["train_loss"].append(sum(batch_losses) / len(batch_losses))
        history["lr"].append(optimizer.param_groups[0]["lr"])
        if x_val is not None:
            val_loss, val_accuracy = evaluate_classifier(model, x_val, y_val)
            history["val_loss"].append(val_loss)
            history["val_accuracy"].append(val_accuracy)
            if early_stopping is not None and early_stopping.step(val_loss, model):
                break
    return history
# --8<-- [end:train]
