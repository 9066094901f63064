"""Learning-rate schedules against torch.optim.lr_scheduler, by hand, and with bad input."""

import math
import warnings

import pytest
import torch
from torch.optim import lr_scheduler

from neuralnlp.training.optimisers import SGD, Adam
from neuralnlp.training.schedules import CosineDecay, LinearWarmup, LRSchedule, StepDecay, WarmupCosine


def two_groups(optimizer_class=torch.optim.SGD):
    """An optimiser with two parameter groups of different learning rates."""
    return optimizer_class([{"params": [torch.zeros(1, requires_grad=True)], "lr": 0.1},
                            {"params": [torch.zeros(1, requires_grad=True)], "lr": 0.02}], lr=0.1)


def rates(make_schedule, steps, optimizer_class=torch.optim.SGD):
    """The learning rates of both groups at steps 0 … steps − 1, as torch's training loop would see them."""
    optimizer = optimizer_class is not None and two_groups(optimizer_class)
    schedule = make_schedule(optimizer)
    seen = []
    for _ in range(steps):
        seen.append(schedule.get_last_lr())
        optimizer.step()
        schedule.step()
    return torch.tensor(seen, dtype=torch.float64)


PAIRS = [
    ("step decay", lambda o: StepDecay(o, step_size=7, gamma=0.5), lambda o: lr_scheduler.StepLR(o, step_size=7, gamma=0.5), 100),
    ("cosine", lambda o: CosineDecay(o, total_steps=50, min_lr=1e-3), lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=50, eta_min=1e-3), 51),
    ("cosine to 0", lambda o: CosineDecay(o, total_steps=30), lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=30), 31),
    ("warm-up", lambda o: LinearWarmup(o, warmup_steps=10, start_factor=0.1), lambda o: lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=10), 60),
    ("warm-up default", lambda o: LinearWarmup(o, warmup_steps=4), lambda o: lr_scheduler.LinearLR(o, total_iters=4), 20),
    ("warm-up then cosine", lambda o: WarmupCosine(o, warmup_steps=10, total_steps=60, start_factor=0.1, min_lr=1e-3),
     lambda o: lr_scheduler.SequentialLR(o, [lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=10),
                                             lr_scheduler.CosineAnnealingLR(o, T_max=50, eta_min=1e-3)], milestones=[10]), 61),
]


@pytest.mark.parametrize("ours, theirs, steps", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
@pytest.mark.parametrize("optimizer_class", [torch.optim.SGD, SGD, Adam])
def test_matches_torch_lr_scheduler(ours, theirs, steps, optimizer_class):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SequentialLR's deprecation notice about passing an epoch
        reference = rates(theirs, steps)
    mine = rates(ours, steps, optimizer_class)
    torch.testing.assert_close(mine, reference, rtol=0, atol=1e-12)
    assert len(set(reference[:, 0].tolist())) > 2  # the rate really changes


def test_lr_at_agrees_with_stepping_and_changes_nothing():
    optimizer = two_groups()
    schedule = WarmupCosine(optimizer, warmup_steps=5, total_steps=40)
    ahead = [schedule.lr_at(t) for t in range(45)]
    assert schedule.get_last_lr() == pytest.approx([0.1 / 3, 0.02 / 3], abs=1e-17) and schedule.last_step == 0
    for t in range(45):
        assert schedule.get_last_lr() == ahead[t]
        schedule.step()


def test_the_formulas_by_hand():
    o = two_groups()
    assert StepDecay(o, step_size=10, gamma=0.5).lr_at(25) == [0.1 * 0.25, 0.02 * 0.25]
    o = two_groups()
    assert CosineDecay(o, total_steps=100, min_lr=0.01).lr_at(50)[0] == pytest.approx(0.01 + 0.09 / 2, abs=1e-15)
    o = two_groups()
    assert LinearWarmup(o, warmup_steps=4, start_factor=0.0).lr_at(1) == [0.1 / 4, 0.02 / 4]


def test_cosine_stays_at_its_minimum_after_total_steps_where_torch_rises_again():
    mine = rates(lambda o: CosineDecay(o, total_steps=20, min_lr=1e-3), 40)
    reference = rates(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=20, eta_min=1e-3), 40)
    assert torch.all(mine[20:, 0] == 1e-3)
    assert reference[39, 0] > 0.05  # torch's cosine is periodic: back near the top after 2T


def test_warmup_cosine_stays_at_its_minimum_after_total_steps():
    """WarmupCosine: η_min for every t >= T (the cosine is not continued past T), and by hand halfway through the
    decay: W = 5, T = 25, t = 15 gives η_min + (η₀ − η_min)/2."""
    mine = rates(lambda o: WarmupCosine(o, warmup_steps=5, total_steps=25, min_lr=1e-3), 60)
    assert torch.all(mine[25:, 0] == 1e-3) and torch.all(mine[25:, 1] == 1e-3)
    assert mine[15, 0].item() == pytest.approx(1e-3 + (0.1 - 1e-3) / 2, abs=1e-15)
    defaults = rates(lambda o: WarmupCosine(o, warmup_steps=5, total_steps=25), 30)  # min_lr defaults to 0
    assert torch.all(defaults[25:] == 0.0) and defaults[0, 0].item() == pytest.approx(0.1 / 3, abs=1e-15)


def test_warmup_starting_at_zero_which_torch_does_not_allow():
    assert [round(lr[0], 12) for lr in rates(lambda o: LinearWarmup(o, warmup_steps=4, start_factor=0.0), 6).tolist()] == [
        0.0, 0.025, 0.05, 0.075, 0.1, 0.1]


def test_the_schedule_drives_the_optimiser():
    w = torch.tensor([1.0], requires_grad=True, dtype=torch.float64)
    optimizer = SGD([w], lr=0.1)
    schedule = StepDecay(optimizer, step_size=1, gamma=0.5)
    for _ in range(3):
        w.grad = torch.ones_like(w)
        optimizer.step()
        schedule.step()
    assert w.item() == pytest.approx(1 - 0.1 - 0.05 - 0.025, abs=1e-15)


def test_the_base_class_leaves_the_formula_to_subclasses():
    with pytest.raises(NotImplementedError):
        LRSchedule(two_groups())


# ---- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("schedule", [
    lambda o: StepDecay(o, 5), lambda o: CosineDecay(o, 10), lambda o: LinearWarmup(o, 5), lambda o: WarmupCosine(o, 5, 10)])
def test_a_negative_step_is_refused(schedule):
    s = schedule(two_groups())
    with pytest.raises(ValueError, match=r"step: expected an integer >= 0, got -1"):
        s.lr_at(-1)
    with pytest.raises(TypeError, match=r"step: expected an integer >= 0, got float 2.5"):
        s.lr_at(2.5)


@pytest.mark.parametrize("make, error, message", [
    (lambda o: StepDecay(o, step_size=0), ValueError, r"step_size: expected an integer >= 1, got 0"),
    (lambda o: StepDecay(o, step_size=5, gamma=1.5), ValueError, r"gamma: expected a decay factor in \[0, 1\), got 1.5"),
    (lambda o: CosineDecay(o, total_steps=0), ValueError, r"total_steps: expected an integer >= 1, got 0"),
    (lambda o: CosineDecay(o, total_steps=10, min_lr=-1e-3), ValueError, r"min_lr: expected a learning rate >= 0, got -0.001"),
    (lambda o: LinearWarmup(o, warmup_steps=0), ValueError, r"warmup_steps: expected an integer >= 1, got 0"),
    (lambda o: LinearWarmup(o, warmup_steps=3, start_factor=1.0), ValueError,
     r"start_factor: expected a fraction of the learning rate in \[0, 1\), got 1.0"),
    (lambda o: WarmupCosine(o, warmup_steps=10, total_steps=10), ValueError, r"total_steps: expected an integer >= 11, got 10"),
    (lambda o: WarmupCosine(o, warmup_steps=2.0, total_steps=10), TypeError, r"warmup_steps: expected an integer >= 1, got float 2.0"),
])
def test_bad_settings_are_refused(make, error, message):
    with pytest.raises(error, match=message):
        make(two_groups())
