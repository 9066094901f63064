r"""Learning-rate schedules: step decay, cosine decay, linear warm-up, and warm-up followed by cosine.

A schedule sets the learning rate of every parameter group at step t = 0, 1, 2, … from the
group's initial rate η₀ (its ``lr`` when the schedule is created):

    StepDecay       η_t = η₀ · γ^⌊t / s⌋
    CosineDecay     η_t = η_min + (η₀ − η_min) · (1 + cos(π t / T)) / 2   for t ≤ T, then η_min
    LinearWarmup    η_t = η₀ · (f + (1 − f) · min(t, W) / W)
    WarmupCosine    LinearWarmup for t < W, then CosineDecay over the T − W remaining steps

Use it like ``torch.optim.lr_scheduler``: create it after the optimiser, call ``step()`` after each
``optimizer.step()``. ``lr_at(t)`` gives the rates at any step without changing anything. Each
matches its counterpart (``StepLR``, ``CosineAnnealingLR``, ``LinearLR``, and ``SequentialLR`` of
``LinearLR`` then ``CosineAnnealingLR``) to 1e-12, tested; past T, ``CosineAnnealingLR`` rises
again along the cosine while ``CosineDecay`` stays at η_min. It works with this package's optimisers
and with ``torch.optim``'s: it only reads and writes ``group["lr"]``.
"""

from __future__ import annotations

import functools
import math

from neuralnlp._checks import brief, check_fraction, check_int, check_non_negative, check_positive_int


def _checked_formula(formula):
    """``learning_rate(base_lr, step)`` after checking both: a learning rate >= 0 and a step >= 0."""
    @functools.wraps(formula)
    def learning_rate(self, base_lr, step):
        base_lr = check_non_negative(base_lr, "base_lr", "a learning rate")
        return formula(self, base_lr, check_int(step, "step", minimum=0))
    return learning_rate


class LRSchedule:
    """Base class: keeps each group's initial rate and writes ``learning_rate(η₀, t)`` into the groups.

    A subclass writes ``learning_rate(base_lr, step)``, the formula. After ``k`` calls to
    ``step()``, every group's ``lr`` is ``learning_rate(its η₀, k)``.

    Args:
        optimizer: anything with ``param_groups``, a list of dicts with an ``"lr"``.

    Attributes:
        base_lrs: each group's initial learning rate η₀.
        last_step: the number of ``step()`` calls so far.

    Raises:
        TypeError: ``optimizer`` has no ``param_groups`` of dicts with an ``"lr"``.
        ValueError: a group's ``lr`` is negative, NaN or infinite.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "learning_rate" in vars(cls):  # every formula gets its arguments checked
            cls.learning_rate = _checked_formula(vars(cls)["learning_rate"])

    def __init__(self, optimizer):
        groups = getattr(optimizer, "param_groups", None)
        if not isinstance(groups, list) or not groups or not all(isinstance(g, dict) and "lr" in g for g in groups):
            raise TypeError(f"optimizer: expected an optimiser with param_groups (a list of dicts with an 'lr'), "
                            f"got {brief(optimizer)}")
        for i, group in enumerate(groups):
            check_non_negative(group["lr"], f"optimizer.param_groups[{i}]['lr']", "a learning rate")
        self.optimizer = optimizer
        self.base_lrs = [group["lr"] for group in optimizer.param_groups]
        self.last_step = 0
        self._write(0)

    def learning_rate(self, base_lr: float, step: int) -> float:
        """The learning rate at ``step`` for a group whose initial rate is ``base_lr`` (the formula)."""
        check_non_negative(base_lr, "base_lr", "a learning rate")
        check_int(step, "step", minimum=0)
        raise NotImplementedError

    def lr_at(self, step: int) -> list[float]:
        """Each group's learning rate at ``step`` (>= 0), without changing the optimiser."""
        step = check_positive_int(step, "step", minimum=0)
        return [self.learning_rate(base_lr, step) for base_lr in self.base_lrs]

    def step(self) -> None:
        """Move to the next step and write its learning rates into the optimiser's groups."""
        self.last_step += 1
        self._write(self.last_step)

    def get_last_lr(self) -> list[float]:
        """The learning rates in use now, one per parameter group."""
        return [group["lr"] for group in self.optimizer.param_groups]

    def _write(self, step: int) -> None:
        for group, lr in zip(self.optimizer.param_groups, self.lr_at(step)):
            group["lr"] = lr


class StepDecay(LRSchedule):
    """Multiply the learning rate by ``gamma`` every ``step_size`` steps: η_t = η₀ · γ^⌊t / s⌋.

    Args:
        optimizer: the optimiser whose learning rates to set.
        step_size: s, the number of steps between two decays, >= 1.
        gamma: γ in [0, 1), the factor of each decay.
    """

    def __init__(self, optimizer, step_size: int, gamma: float = 0.1):
        self.step_size = check_positive_int(step_size, "step_size")
        self.gamma = check_fraction(gamma, "gamma", "a decay factor")
        super().__init__(optimizer)

    def learning_rate(self, base_lr, step):
        """η₀ · γ^⌊t / s⌋."""
        return base_lr * self.gamma ** (step // self.step_size)


# --8<-- [start:cosine]
class CosineDecay(LRSchedule):
    """Half a cosine from η₀ down to η_min over T steps (Loshchilov & Hutter's SGDR without restarts).

    η_t = η_min + (η₀ − η_min) · (1 + cos(π t / T)) / 2 for t ≤ T, and η_min after.

    Args:
        optimizer: the optimiser whose learning rates to set.
        total_steps: T >= 1.
        min_lr: η_min >= 0.
    """

    def __init__(self, optimizer, total_steps: int, min_lr: float = 0.0):
        self.total_steps = check_positive_int(total_steps, "total_steps")
        self.min_lr = check_non_negative(min_lr, "min_lr", "a learning rate")
        super().__init__(optimizer)

    def learning_rate(self, base_lr, step):
        """η_min + (η₀ − η_min) · (1 + cos(π min(t, T) / T)) / 2."""
        progress = min(step, self.total_steps) / self.total_steps
        return self.min_lr + (base_lr - self.min_lr) * (1 + math.cos(math.pi * progress)) / 2
# --8<-- [end:cosine]


class LinearWarmup(LRSchedule):
    """Raise the learning rate linearly from f·η₀ to η₀ over W steps, then keep η₀ (Goyal et al., 2017).

    η_t = η₀ · (f + (1 − f) · min(t, W) / W).

    Args:
        optimizer: the optimiser whose learning rates to set.
        warmup_steps: W >= 1.
        start_factor: f in [0, 1), the fraction of η₀ at step 0 (torch's ``LinearLR`` default 1/3;
            torch needs f > 0).
    """

    def __init__(self, optimizer, warmup_steps: int, start_factor: float = 1 / 3):
        self.warmup_steps = check_positive_int(warmup_steps, "warmup_steps")
        self.start_factor = check_fraction(start_factor, "start_factor", "a fraction of the learning rate")
        super().__init__(optimizer)

    def learning_rate(self, base_lr, step):
        """η₀ · (f + (1 − f) · min(t, W) / W)."""
        progress = min(step, self.warmup_steps) / self.warmup_steps
        return base_lr * (self.start_factor + (1 - self.start_factor) * progress)


class WarmupCosine(LRSchedule):
    """Linear warm-up over W steps, then a cosine decay to η_min at step T: the usual Transformer schedule.

    η_t = η₀ · (f + (1 − f) · t / W) for t < W;
    η_t = η_min + (η₀ − η_min) · (1 + cos(π (t − W) / (T − W))) / 2 for W <= t <= T, and η_min after.

    Args:
        optimizer: the optimiser whose learning rates to set.
        warmup_steps: W >= 1.
        total_steps: T > W.
        start_factor: f in [0, 1).
        min_lr: η_min >= 0.
    """

    def __init__(self, optimizer, warmup_steps: int, total_steps: int, start_factor: float = 1 / 3, min_lr: float = 0.0):
        self.warmup_steps = check_positive_int(warmup_steps, "warmup_steps")
        self.total_steps = check_positive_int(total_steps, "total_steps", minimum=self.warmup_steps + 1)
        self.start_factor = check_fraction(start_factor, "start_factor", "a fraction of the learning rate")
        self.min_lr = check_non_negative(min_lr, "min_lr", "a learning rate")
        super().__init__(optimizer)

    def learning_rate(self, base_lr, step):
        """Warm-up before W, cosine from W to T."""
        if step < self.warmup_steps:
            return base_lr * (self.start_factor + (1 - self.start_factor) * step / self.warmup_steps)
        progress = min(step - self.warmup_steps, self.total_steps - self.warmup_steps) / (self.total_steps - self.warmup_steps)
        return self.min_lr + (base_lr - self.min_lr) * (1 + math.cos(math.pi * progress)) / 2
