"""Early stopping: a hand-worked sequence of validation losses, the best checkpoint, and bad input."""

import math

import pytest
import torch
from torch import nn

from neuralnlp.training.early_stopping import EarlyStopping


def test_stops_after_patience_epochs_without_improvement_and_keeps_the_best_weights():
    model = nn.Linear(2, 1)
    stopper = EarlyStopping(patience=3)
    losses = [1.0, 0.8, 0.9, 0.7, 0.75, 0.72, 0.71, 0.5]
    decisions, weights = [], []
    for loss in losses:
        with torch.no_grad():
            model.weight.add_(1.0)  # the weights change every epoch
        weights.append(model.weight.detach().clone())
        decisions.append(stopper.step(loss, model))
        if decisions[-1]:
            break
    # improvements at epochs 1, 2, 4; epochs 5, 6, 7 are not better than 0.7: stop after epoch 7
    assert decisions == [False, False, False, False, False, False, True]
    assert stopper.best_epoch == 4 and stopper.best_loss == 0.7 and stopper.epoch == 7
    stopper.restore_best(model)
    assert torch.equal(model.weight, weights[3])  # epoch 4's weights, not epoch 7's


def test_the_kept_weights_are_a_copy_that_later_training_does_not_change():
    model = nn.Linear(2, 1)
    stopper = EarlyStopping(patience=2)
    stopper.step(1.0, model)
    kept = stopper.best_state["weight"].clone()
    with torch.no_grad():
        model.weight.mul_(10)
    assert torch.equal(stopper.best_state["weight"], kept)


def test_min_delta_requires_a_real_improvement():
    model = nn.Linear(1, 1)
    stopper = EarlyStopping(patience=2, min_delta=0.1)
    assert [stopper.step(loss, model) for loss in (1.0, 0.95, 0.92)] == [False, False, True]
    assert stopper.best_epoch == 1


def test_patience_one_stops_at_the_first_epoch_that_is_not_better():
    stopper = EarlyStopping(patience=1)
    model = nn.Linear(1, 1)
    assert [stopper.step(loss, model) for loss in (3.0, 2.0, 2.0)] == [False, False, True]


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match=r"patience: expected an integer >= 1, got 0"):
        EarlyStopping(patience=0)
    with pytest.raises(ValueError, match=r"min_delta: expected a number >= 0, got -0.1"):
        EarlyStopping(min_delta=-0.1)
    with pytest.raises(ValueError, match=r"validation_loss: expected a non-NaN loss, got nan"):
        EarlyStopping().step(math.nan, nn.Linear(1, 1))
    with pytest.raises(RuntimeError, match=r"restore_best: expected at least one call to step\(\) first, got none"):
        EarlyStopping().restore_best(nn.Linear(1, 1))
