"""Training a text classifier on padded batches, with the pieces of the training chapter.

Each epoch: for each batch (ids, lengths, labels) of the training loader, the cross-entropy of the
logits, backpropagation, **gradient clipping** to a global norm (``clip_grad_norm``), and one step
of our **AdamW** (decoupled weight decay). Dropout is in the models. After each epoch the model is
evaluated on the validation loader, and **early stopping** (patience P on the validation loss)
decides whether to go on; at the end the weights of the best epoch are restored.

Losses and accuracies are weighted by sample: the sum over all samples divided by their number,
not the mean of per-batch means (the last batch is smaller, and would count as much as a full one).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader

from neuralnlp._checks import brief, check_non_negative, check_positive_int, check_real
from neuralnlp.recurrent.gradient_flow import clip_grad_norm
from neuralnlp.training.early_stopping import EarlyStopping
from neuralnlp.training.optimisers import AdamW


@dataclass
class TextTrainingResult:
    """What :func:`train_text_classifier` returns.

    Attributes:
        history: per-epoch lists "train_loss", "val_loss", "val_accuracy", "seconds".
        best_epoch: the epoch (1, 2, …) whose weights the model now holds.
        epochs_run: how many epochs ran before early stopping (or the limit).
        optimizer: the AdamW optimiser, with its state (a checkpoint saves it).
    """

    history: dict = field(default_factory=dict)
    best_epoch: int = 0
    epochs_run: int = 0
    optimizer: object = None


def _check_model_and_loader(model, loader, name: str) -> None:
    if not isinstance(model, nn.Module):
        raise TypeError(f"model: expected a torch.nn.Module, got {brief(model)}")
    if not isinstance(loader, DataLoader):
        raise TypeError(f"{name}: expected a torch DataLoader (review_loader), got {brief(loader)}")


# --8<-- [start:evaluate]
def evaluate_text_classifier(model: nn.Module, loader: DataLoader) -> tuple[float, torch.Tensor, torch.Tensor]:
    """(mean cross-entropy per sample, probabilities (N, C), labels (N,)) of ``model`` over ``loader``.

    Runs in evaluation mode (no dropout) without gradients; the model's mode is restored afterwards.

    Args:
        model: maps (ids, lengths) to logits.
        loader: yields (ids, lengths, labels) batches (``review_loader``).
    """
    _check_model_and_loader(model, loader, "loader")
    was_training = model.training
    model.eval()
    total_loss, probabilities, labels = 0.0, [], []
    with torch.no_grad():
        for ids, lengths, y in loader:
            logits = model(ids, lengths)
            total_loss += F.cross_entropy(logits, y, reduction="sum").item()  # summed, not averaged per batch
            probabilities.append(logits.softmax(-1))
            labels.append(y)
    model.train(was_training)
    labels = torch.cat(labels)
    return total_loss / len(labels), torch.cat(probabilities), labels
# --8<-- [end:evaluate]


# --8<-- [start:train]
def train_text_classifier(model: nn.Module, train_loader: DataLoader, validation_loader: DataLoader, *,
                          epochs: int = 10, lr: float = 2e-3, weight_decay: float = 1e-2,
                          max_grad_norm: float = 1.0, patience: int = 2) -> TextTrainingResult:
    """Train with AdamW and gradient clipping; stop early on the validation loss; restore the best epoch.

    Args:
        model: maps (ids, lengths) to logits; its trainable parameters are optimised.
        train_loader: training batches (ids, lengths, labels).
        validation_loader: validation batches, evaluated after each epoch.
        epochs: the most epochs, >= 1.
        lr: AdamW's learning rate, > 0.
        weight_decay: AdamW's decoupled weight decay λ, >= 0.
        max_grad_norm: gradients are clipped to this global norm, > 0.
        patience: epochs without a lower validation loss before stopping, >= 1.
    """
    _check_model_and_loader(model, train_loader, "train_loader")
    _check_model_and_loader(model, validation_loader, "validation_loader")
    epochs = check_positive_int(epochs, "epochs")
    lr = check_real(lr, "lr", 0, min_open=True, what="a learning rate")
    weight_decay = check_non_negative(weight_decay, "weight_decay")
    max_grad_norm = check_real(max_grad_norm, "max_grad_norm", 0, min_open=True)
    parameters = [p for p in model.parameters() if p.requires_grad]  # frozen embeddings stay out
    optimizer = AdamW(parameters, lr=lr, weight_decay=weight_decay)
    stopper = EarlyStopping(patience=check_positive_int(patience, "patience"))
    history = {"train_loss": [], "val_loss": [], "val_accuracy": [], "seconds": []}
    for _ in range(epochs):
        start, total, count = time.perf_counter(), 0.0, 0
        model.train()
        for ids, lengths, labels in train_loader:
            loss = F.cross_entropy(model(ids, lengths), labels)
            optimizer.zero_grad()
            loss.backward()
            clip_grad_norm(parameters, max_grad_norm)
            optimizer.step()
            total, count = total + loss.item() * len(labels), count + len(labels)
        history["seconds"].append(time.perf_counter() - start)
        val_loss, probabilities, val_labels = evaluate_text_classifier(model, validation_loader)
        history["train_loss"].append(total / count)
        history["val_loss"].append(val_loss)
        history["val_accuracy"].append((probabilities.argmax(-1) == val_labels).double().mean().item())
        if stopper.step(val_loss, model):
            break
    stopper.restore_best(model)
    return TextTrainingResult(history, stopper.best_epoch, stopper.epoch, optimizer)
# --8<-- [end:train]
