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

from neuralnlp._checks import (
    brief,
    check_callable,
    check_class_indices,
    check_float_tensor,
    check_instance,
    check_int,
    check_nonempty,
    check_positive_int,
)


def _check_data(model, x, y, x_name: str, y_name: str, features: int | None = None):
    """x: (n, features) float of the model's dtype and device, n >= 1; y: (n,) integer class indices >= 0."""
    parameter = next(model.parameters(), None)
    check_float_tensor(x, x_name, *((parameter.dtype, parameter.device) if parameter is not None else ()))
    if x.dim() != 2:
        raise ValueError(f"{x_name}: expected shape (n, features), got shape {tuple(x.shape)}")
    check_nonempty(x, x_name, what="sample")
    if features is not None and x.shape[1] != features:
        raise ValueError(f"{x_name}: expected {features} features (those of x_train), got shape {tuple(x.shape)}")
    if not torch.is_tensor(y):
        raise TypeError(f"{y_name}: expected a torch.Tensor of class indices, got {brief(y)}")
    check_class_indices(y.numpy(), n_classes=int(y.max()) + 1 if len(y) else 1, n_samples=len(x), name=y_name)


def _check_classes(logits, y, y_name: str, y_val=None) -> bool:
    """The model's logits are (B, classes), and every index of y (and y_val) is < classes; returns True."""
    if logits.dim() != 2:
        raise ValueError(f"model: expected logits of shape (batch, classes), got shape {tuple(logits.shape)}")
    check_class_indices(y.numpy(), n_classes=logits.shape[1], n_samples=len(y), name=y_name)
    if y_val is not None:
        check_class_indices(y_val.numpy(), n_classes=logits.shape[1], n_samples=len(y_val), name="y_val")
    return True


def _check_arguments(model, optimizer, x_train, y_train, epochs, batch_size, x_val, y_val, schedule, penalty,
                     early_stopping, seed):
    """Every check of ``train_classifier`` that can run before training; returns (epochs, batch_size, seed)."""
    epochs = check_positive_int(epochs, "epochs")
    batch_size = check_positive_int(batch_size, "batch_size")
    check_instance(model, nn.Module, "model", "a torch.nn.Module")
    for method in ("zero_grad", "step"):
        if not callable(getattr(optimizer, method, None)) or isinstance(optimizer, type):
            raise TypeError(f"optimizer: expected an optimiser (with zero_grad() and step()), got {brief(optimizer)}")
    _check_data(model, x_train, y_train, "x_train", "y_train")
    if (x_val is None) != (y_val is None):
        given, missing = ("x_val", "y_val") if y_val is None else ("y_val", "x_val")
        raise ValueError(f"{missing}: expected x_val and y_val together, got only {given}")
    if x_val is not None:
        _check_data(model, x_val, y_val, "x_val", "y_val", features=x_train.shape[1])
    if early_stopping is not None and x_val is None:
        raise ValueError("early_stopping: expected a validation set (x_val, y_val) to watch, got none")
    if early_stopping is not None and not callable(getattr(early_stopping, "step", None)):
        raise TypeError(f"early_stopping: expected an EarlyStopping (with step(loss, model)), got {brief(early_stopping)}")
    if schedule is not None and (not callable(getattr(schedule, "step", None)) or hasattr(schedule, "zero_grad")):
        raise TypeError(f"schedule: expected a learning-rate schedule (with step()), got {brief(schedule)}")
    if penalty is not None:
        check_callable(penalty, "penalty", "a function returning a 0-d tensor")
    return epochs, batch_size, check_int(seed, "seed", minimum=0)


def evaluate_classifier(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """(mean cross-entropy, accuracy) of ``model`` on (x, y), in evaluation mode and without gradients.

    The model's training/evaluation mode is restored afterwards.

    Raises:
        TypeError: model is not a module, x not a float tensor of its dtype, y not integer class indices.
        ValueError: shapes that do not fit, or no sample at all.
        IndexError: a class index the model has no logit for.
    """
    check_instance(model, nn.Module, "model", "a torch.nn.Module")
    _check_data(model, x, y, "x", "y")
    was_training = model.training
    model.eval()
    with torch.no_grad():
        try:
            logits = model(x)
            _check_classes(logits, y, "y")
        finally:
            model.train(was_training)
        loss = F.cross_entropy(logits, y.long()).item()
        accuracy = (logits.argmax(dim=1) == y).double().mean().item()
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
    epochs, batch_size, seed = _check_arguments(model, optimizer, x_train, y_train, epochs, batch_size, x_val, y_val,
                                                schedule, penalty, early_stopping, seed)
    y_train, y_val = y_train.long(), (None if y_val is None else y_val.long())  # F.cross_entropy needs int64
    generator = torch.Generator().manual_seed(seed)
    checked = False  # the class indices against the model's logits, once, before the first step
    history = {"train_loss": [], "lr": []} | ({"val_loss": [], "val_accuracy": []} if x_val is not None else {})
    for _ in range(epochs):
        model.train()
        batch_losses = []
        for batch in torch.randperm(len(x_train), generator=generator).split(batch_size):
            logits = model(x_train[batch])
            checked = checked or _check_classes(logits, y_train, "y_train", y_val)
            loss = F.cross_entropy(logits, y_train[batch])
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
