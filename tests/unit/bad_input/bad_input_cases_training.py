"""Bad-input cases for ``neuralnlp.training``: the optimisers and their update rules, the learning-rate
schedules, weight decay, dropout, initialisation, early stopping, data splits, the test landscapes and
the training loop."""

from __future__ import annotations

import math

import numpy as np
import torch
from hypothesis import strategies as st

from bad_input_harness import Case, kind_case, number_case, size_case, valid_case
from neuralnlp.training import (
    classifier_training as ct,
    data_splits,
    dropout,
    early_stopping,
    initialisation as init,
    landscapes,
    optimisers as opt,
    schedules as sch,
    weight_decay as wd,
)

CASES: list[Case] = []
NOT_TENSORS = [np.ones((2, 3)), [[1.0, 2.0, 3.0]], None, "w"]
FRACTION = dict(minimum=0, maximum=1, max_open=True)  # a beta, a momentum, a dropout probability


def param(*shape, grad=True):
    """A leaf parameter with a gradient of ones (``grad``), as after ``loss.backward()``."""
    p = torch.zeros(shape or (3,), requires_grad=True)
    if grad:
        p.grad = torch.ones_like(p)
    return p


def stepped(cls, **hyper):
    """Build the optimiser, take one step: the parameter after it (a valid case's result)."""
    def run():
        p = param()
        cls([p], **hyper).step()
        return p.detach().clone()
    return run, (), {}


# ---- optimisers: constructors and hyper-parameters ---------------------------------------------------------
OPTIMISERS = {"SGD": opt.SGD, "RMSprop": opt.RMSprop, "Adam": opt.Adam, "AdamW": opt.AdamW}
HYPER = {  # each optimiser's hyper-parameters: name -> range (number_case keywords)
    "SGD": {"lr": dict(minimum=0), "momentum": FRACTION, "weight_decay": dict(minimum=0)},
    "RMSprop": {"lr": dict(minimum=0), "alpha": FRACTION, "eps": dict(minimum=0), "weight_decay": dict(minimum=0),
                "momentum": FRACTION},
    "Adam": {"lr": dict(minimum=0), "eps": dict(minimum=0), "weight_decay": dict(minimum=0)},
    "AdamW": {"lr": dict(minimum=0), "eps": dict(minimum=0), "weight_decay": dict(minimum=0)},
}
for short, cls in OPTIMISERS.items():
    name = f"training.optimisers.{short}"
    for arg, bounds in HYPER[short].items():
        CASES.append(number_case(name, arg, lambda v, c=cls, a=arg: (c, ([param()],), {a: v}), **bounds, examples=8))
    CASES += [
        kind_case(name, "params", [None, 3.0, torch.nn.Linear(2, 1)], lambda p, c=cls: (c, (p,), {}),
                  expected="an iterable of tensors"),
        kind_case(name, "params[0]", [np.zeros(3), 0.5, "w"], lambda p, c=cls: (c, ([p],), {}),
                  expected="a parameter (a torch.Tensor)", note="element"),
        Case(name, "dtype", "params[0]", st.sampled_from([torch.long, torch.int32, torch.bool]),
             lambda t, c=cls: (c, ([torch.zeros(3, dtype=t)],), {}), error=TypeError,
             expected="a floating-point tensor", got=lambda t: f"dtype {t}"),
        Case(name, "kind", "params[0]", st.sampled_from([2.0, -1.0]),
             lambda k, c=cls: (c, ([torch.zeros(3, requires_grad=True) * k],), {}), error=ValueError,
             expected="a leaf tensor", got="non-leaf", note="non-leaf"),
        Case(name, "empty", "params", st.sampled_from([[], (), iter([])]), lambda p, c=cls: (c, (p,), {}),
             error=ValueError, expected="a non-empty iterable", got="an empty one"),
        Case(name, "kind", "params[1]", st.just(None), lambda _, c=cls: (lambda p: c([p, p]), (param(),), {}),
             error=ValueError, expected="each tensor in one parameter group only", got="twice", note="twice"),
        valid_case(name, "lr", [np.float32(0.1), np.int64(1), 1, torch.tensor(0.1)],
                   lambda v, c=cls: stepped(c, lr=v), check=lambda p, v: bool((p != 0).all())),
    ]
CASES += [
    kind_case("training.optimisers.SGD", "nesterov", ["yes", 1, None],
              lambda v: (opt.SGD, ([param()],), {"momentum": 0.9, "nesterov": v}), expected="True or False"),
    Case("training.optimisers.SGD", "number", "nesterov", st.sampled_from([0, 0.0, np.float64(0.0)]),
         lambda m: (opt.SGD, ([param()],), {"momentum": m, "nesterov": True}), error=ValueError,
         expected="a momentum > 0", got="momentum=0", note="without momentum"),
    valid_case("training.optimisers.SGD", "momentum", [np.float64(0.9), 0, 0.5],
               lambda m: stepped(opt.SGD, lr=0.1, momentum=m), check=lambda p, m: torch.allclose(p, torch.full((3,), -0.1))),
]
for short in ("Adam", "AdamW"):
    cls = OPTIMISERS[short]
    CASES += [
        number_case(f"training.optimisers.{short}", "betas[0]", lambda v, c=cls: (c, ([param()],), {"betas": (v, 0.999)}),
                    **FRACTION, examples=8),
        number_case(f"training.optimisers.{short}", "betas[1]", lambda v, c=cls: (c, ([param()],), {"betas": (0.9, v)}),
                    **FRACTION, examples=8),
        kind_case(f"training.optimisers.{short}", "betas", [0.9, "0.9", None, (0.9,), (0.9, 0.99, 0.1)],
                  lambda b, c=cls: (c, ([param()],), {"betas": b}), expected="a pair (beta1, beta2)"),
        valid_case(f"training.optimisers.{short}", "betas", [[0.9, 0.999], (np.float32(0.5), 0), (0.0, 0.0)],
                   lambda b, c=cls: stepped(c, lr=0.1, betas=b), check=lambda p, b: bool(torch.isfinite(p).all())),
    ]

# the base class, its parameter groups and the hyper-parameter checks each optimiser runs on a group
BASE = opt.Optimizer
CASES += [
    number_case("training.optimisers.Optimizer", "lr", lambda v: (BASE, ([param()], {"lr": v}), {}), minimum=0),
    kind_case("training.optimisers.Optimizer", "params", [None, 5, torch.nn.Linear(2, 1)],
              lambda p: (BASE, (p, {"lr": 0.1}), {}), expected="an iterable of tensors"),
    kind_case("training.optimisers.Optimizer", "defaults", [None, [("lr", 0.1)], 0.1],
              lambda d: (BASE, ([param()], d), {}), expected="a dict of hyper-parameters"),
    kind_case("training.optimisers.Optimizer.add_param_group", "group", [[param()], None, param()],
              lambda g: (opt.SGD([param()], lr=0.1).add_param_group, (g,), {}), expected="a parameter group"),
    Case("training.optimisers.Optimizer.add_param_group", "kind", "group", st.sampled_from(["betas", "learning_rate"]),
         lambda k: (opt.SGD([param()], lr=0.1).add_param_group, ({"params": [param()], k: 0.1},), {}), error=TypeError,
         expected="keys from", got=lambda k: k, note="unknown key"),
    number_case("training.optimisers.Optimizer.add_param_group", "lr",
                lambda v: (opt.SGD([param()], lr=0.1).add_param_group, ({"params": [param()], "lr": v},), {}), minimum=0),
    number_case("training.optimisers.Optimizer.add_param_group", "momentum",
                lambda v: (opt.SGD([param()], lr=0.1).add_param_group, ({"params": [param()], "momentum": v},), {}),
                **FRACTION),
    Case("training.optimisers.Optimizer.add_param_group", "kind", "group['params'][0]", st.just(None),
         lambda _: (lambda o: o.add_param_group({"params": o.param_groups[0]["params"]}), (opt.SGD([param()], lr=0.1),), {}),
         error=ValueError, expected="each tensor in one parameter group only", got="twice", note="already in a group"),
    Case("training.optimisers.Optimizer.add_param_group", "empty", "group['params']", st.sampled_from([[], ()]),
         lambda p: (opt.SGD([param()], lr=0.1).add_param_group, ({"params": p},), {}), error=ValueError,
         expected="at least one tensor", got="empty"),
]
GROUP = {"SGD": dict(lr=0.1, momentum=0.0, nesterov=False, weight_decay=0.0),
         "RMSprop": dict(lr=0.1, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0),
         "Adam": dict(lr=0.1, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)}
for short in ("SGD", "RMSprop", "Adam"):
    cls, name = OPTIMISERS[short], f"training.optimisers.{short}.check_hyperparameters"
    for arg, bounds in HYPER[short].items():
        CASES.append(number_case(name, arg, lambda v, c=cls, s=short, a=arg: (c([param()]).check_hyperparameters,
                                                                               ({**GROUP[s], a: v},), {}), **bounds, examples=8))
    CASES.append(kind_case(name, "group", [None, [0.1], "lr"], lambda g, c=cls: (c([param()]).check_hyperparameters, (g,), {}),
                           expected="a parameter group"))
CASES += [
    number_case("training.optimisers.Optimizer.check_hyperparameters", "lr",
                lambda v: (BASE([param()], {"lr": 0.1}).check_hyperparameters, ({"lr": v},), {}), minimum=0),
    Case("training.optimisers.Optimizer.check_hyperparameters", "kind", "group", st.sampled_from([{}, {"LR": 0.1}]),
         lambda g: (BASE([param()], {"lr": 0.1}).check_hyperparameters, (g,), {}), error=ValueError,
         expected="a parameter group with the keys ['lr']", got=lambda g: str(sorted(g)), note="missing key"),
    kind_case("training.optimisers.Adam.check_hyperparameters", "betas", [0.9, None, (0.9,)],
              lambda b: (opt.Adam([param()]).check_hyperparameters, ({**GROUP["Adam"], "betas": b},), {}),
              expected="a pair (beta1, beta2)", note="pair"),
    kind_case("training.optimisers.Optimizer.zero_grad", "set_to_none", ["no", 0, None],
              lambda v: (opt.SGD([param()], lr=0.1).zero_grad, (v,), {}), expected="True or False"),
    kind_case("training.optimisers.Optimizer.step", "closure", ["loss", 0.5, torch.tensor(1.0)],
              lambda c: (opt.SGD([param()], lr=0.1).step, (c,), {}), expected="a function"),
    valid_case("training.optimisers.Optimizer.step", "closure", [None, lambda: torch.tensor(2.0)],
               lambda c: (opt.SGD([param()], lr=0.1).step, (c,), {})),
]

# the update rules, called directly: one parameter, its gradient, its state, its group
UPDATES = {"Optimizer": (BASE, {"lr": 0.1}), "SGD": (opt.SGD, GROUP["SGD"]), "RMSprop": (opt.RMSprop, GROUP["RMSprop"]),
           "Adam": (opt.Adam, GROUP["Adam"]), "AdamW": (opt.AdamW, {**GROUP["Adam"], "weight_decay": 0.01})}


_DEFAULT = object()  # "not overridden" (None is one of the bad values)


def _update(short, param_=_DEFAULT, grad=_DEFAULT, state=_DEFAULT, group=_DEFAULT):
    cls, defaults = UPDATES[short]
    optimiser = cls([param()], defaults) if cls is BASE else cls([param()])
    p = param(grad=False) if param_ is _DEFAULT else param_
    return optimiser.update, (p, torch.ones(3) if grad is _DEFAULT else grad, {} if state is _DEFAULT else state,
                              {**defaults, "params": [p]} if group is _DEFAULT else group), {}


for short in UPDATES:
    name = f"training.optimisers.{short}.update"
    CASES += [
        Case(name, "shape", "grad", st.sampled_from([(1,), (3, 1), (2,), ()]),
             lambda s, k=short: _update(k, grad=torch.ones(s)), error=ValueError, expected="shape (3,)",
             got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
        Case(name, "dtype", "grad", st.sampled_from([torch.float64, torch.float16]),
             lambda t, k=short: _update(k, grad=torch.ones(3, dtype=t)), error=TypeError, expected="dtype torch.float32",
             got=lambda t: f"dtype {t}"),
        Case(name, "device", "grad", st.just("meta"), lambda d, k=short: _update(k, grad=torch.ones(3, device=d)),
             error=ValueError, expected="device cpu", got="device meta"),
        kind_case(name, "grad", [np.ones(3), [1.0, 1.0, 1.0], None], lambda g, k=short: _update(k, grad=g),
                  expected="a floating-point torch.Tensor"),
        kind_case(name, "param", [np.zeros(3), None], lambda p, k=short: _update(k, param_=p),
                  expected="a floating-point torch.Tensor"),
        kind_case(name, "state", [None, [], "state"], lambda s, k=short: _update(k, state=s), expected="a dict"),
        kind_case(name, "group", [None, 0.1, [0.1]], lambda g, k=short: _update(k, group=g), expected="a parameter group",
                  note="not a dict"),
        Case(name, "kind", "group", st.just("lr"),
             lambda drop, k=short: _update(k, group={key: v for key, v in {**UPDATES[k][1], "params": []}.items()
                                                   if key != drop}), error=ValueError,
             expected="a parameter group with the keys", got="", note="missing key"),
    ]
    if short != "Optimizer":
        CASES.append(valid_case(name, "param", [torch.zeros(3, requires_grad=True), torch.zeros(3)],
                                lambda p, k=short: _update(k, param_=p), note="a leaf that requires grad"))

# ---- schedules -------------------------------------------------------------------------------------------------


def sgd(lr=0.1):
    return opt.SGD([param()], lr=lr)


class _Groups:
    """Something with param_groups that are not what a schedule needs."""

    def __init__(self, groups):
        self.param_groups = groups


SCHEDULES = {"StepDecay": (sch.StepDecay, (2,)), "CosineDecay": (sch.CosineDecay, (10,)),
             "LinearWarmup": (sch.LinearWarmup, (3,)), "WarmupCosine": (sch.WarmupCosine, (3, 10))}
for short, (cls, args) in [("LRSchedule", (sch.LRSchedule, ())), *SCHEDULES.items()]:
    name = f"training.schedules.{short}"
    CASES += [
        kind_case(name, "optimizer", [None, [0.1], _Groups(None), torch.nn.Linear(2, 1)],
                  lambda o, c=cls, a=args: (c, (o, *a), {}), expected="an optimiser with param_groups"),
        Case(name, "number", "optimizer.param_groups[0]['lr']", st.sampled_from([-0.1, "0.1", None, math.nan]),
             lambda lr, c=cls, a=args: (c, (_Groups([{"lr": lr}]), *a), {}),
             error=lambda lr: ValueError if isinstance(lr, float) else TypeError, expected="learning rate",
             got=lambda lr: repr(lr) if isinstance(lr, float) else type(lr).__name__, note="group lr"),
    ]
    # learning_rate(base_lr, step): the formula, called directly (the base class's on a StepDecay)
    method = (lambda s: (lambda *a: sch.LRSchedule.learning_rate(s, *a))) if cls is sch.LRSchedule else (lambda s: s.learning_rate)
    make = (lambda: sch.StepDecay(sgd(), 2)) if cls is sch.LRSchedule else (lambda c=cls, a=args: c(sgd(), *a))
    CASES += [
        size_case(f"{name}.learning_rate", "step", lambda t, m=method, mk=make: (m(mk()), (0.1, t), {}), minimum=0),
        number_case(f"{name}.learning_rate", "base_lr", lambda v, m=method, mk=make: (m(mk()), (v, 3), {}), minimum=0),
    ]
    if cls is not sch.LRSchedule:
        CASES.append(valid_case(f"{name}.learning_rate", "step", [np.int64(3), np.uint8(0), 10**6],
                                lambda t, m=method, mk=make: (m(mk()), (np.float32(0.1), t), {}),
                                check=lambda lr, t: isinstance(lr, float) and 0 <= lr <= 0.1 + 1e-6))
CASES += [
    size_case("training.schedules.StepDecay", "step_size", lambda n: (sch.StepDecay, (sgd(), n), {})),
    number_case("training.schedules.StepDecay", "gamma", lambda v: (sch.StepDecay, (sgd(), 2), {"gamma": v}), **FRACTION),
    size_case("training.schedules.CosineDecay", "total_steps", lambda n: (sch.CosineDecay, (sgd(), n), {})),
    number_case("training.schedules.CosineDecay", "min_lr", lambda v: (sch.CosineDecay, (sgd(), 10), {"min_lr": v}),
                minimum=0),
    size_case("training.schedules.LinearWarmup", "warmup_steps", lambda n: (sch.LinearWarmup, (sgd(), n), {})),
    number_case("training.schedules.LinearWarmup", "start_factor",
                lambda v: (sch.LinearWarmup, (sgd(), 3), {"start_factor": v}), **FRACTION),
    size_case("training.schedules.WarmupCosine", "warmup_steps", lambda n: (sch.WarmupCosine, (sgd(), n, 10**7), {})),
    size_case("training.schedules.WarmupCosine", "total_steps", lambda n: (sch.WarmupCosine, (sgd(), 3, n), {}), minimum=4),
    number_case("training.schedules.WarmupCosine", "start_factor",
                lambda v: (sch.WarmupCosine, (sgd(), 3, 10), {"start_factor": v}), **FRACTION),
    number_case("training.schedules.WarmupCosine", "min_lr", lambda v: (sch.WarmupCosine, (sgd(), 3, 10), {"min_lr": v}),
                minimum=0),
    valid_case("training.schedules.StepDecay", "step_size", [np.int64(2), np.int32(1)],
               lambda n: (sch.StepDecay, (torch.optim.SGD([param()], lr=0.1), n), {}),
               check=lambda s, n: s.get_last_lr() == [0.1], note="a torch.optim optimiser"),
    size_case("training.schedules.LRSchedule.lr_at", "step", lambda t: (sch.StepDecay(sgd(), 2).lr_at, (t,), {}), minimum=0),
    valid_case("training.schedules.LRSchedule.lr_at", "step", [np.int64(4), 0],
               lambda t: (sch.StepDecay(sgd(), 2).lr_at, (t,), {}), check=lambda r, t: len(r) == 1),
]

# ---- weight decay ----------------------------------------------------------------------------------------------
for fn, extra in (("l2_penalty", (0.1,)), ("parameter_norm", ())):
    f = getattr(wd, fn)
    name = f"training.weight_decay.{fn}"
    CASES += [
        kind_case(name, "parameters", [None, 3.0, torch.nn.Linear(2, 1)], lambda p, f=f, e=extra: (f, (p, *e), {}),
                  expected="a tensor or an iterable of tensors"),
        kind_case(name, "parameters[0]", [np.ones(3), [1.0, 2.0], "w"], lambda p, f=f, e=extra: (f, ([p], *e), {}),
                  expected="a floating-point torch.Tensor", note="element"),
        Case(name, "dtype", "parameters[0]", st.sampled_from([torch.long, torch.bool]),
             lambda t, f=f, e=extra: (f, ([torch.ones(3, dtype=t)], *e), {}), error=TypeError,
             expected="a floating-point tensor", got=lambda t: f"dtype {t}"),
        Case(name, "empty", "parameters", st.sampled_from([[], (), iter([])]), lambda p, f=f, e=extra: (f, (p, *e), {}),
             error=ValueError, expected="at least one tensor", got="none"),
        valid_case(name, "parameters", [torch.nn.Linear(3, 2).parameters(), torch.ones(3), (torch.ones(2, dtype=torch.float64),)],
                   lambda p, f=f, e=extra: (f, (p, *e), {})),
    ]
CASES += [
    number_case("training.weight_decay.l2_penalty", "weight_decay", lambda v: (wd.l2_penalty, ([torch.ones(3)], v), {}),
                minimum=0),
    valid_case("training.weight_decay.l2_penalty", "weight_decay", [np.float32(0.5), 0, torch.tensor(0.5)],
               lambda v: (wd.l2_penalty, ([torch.ones(4)], v), {}), check=lambda r, v: abs(float(r) - float(v) * 2) < 1e-6),
]

# ---- dropout --------------------------------------------------------------------------------------------------
X = torch.ones(4, 5)
DROP = dropout.inverted_dropout
CASES += [
    number_case("training.dropout.inverted_dropout", "p", lambda v: (DROP, (X, v), {}), **FRACTION),
    kind_case("training.dropout.inverted_dropout", "x", NOT_TENSORS, lambda x: (DROP, (x, 0.5), {}),
              expected="a floating-point torch.Tensor"),
    Case("training.dropout.inverted_dropout", "dtype", "x", st.sampled_from([torch.long, torch.bool, torch.uint8]),
         lambda t: (DROP, (torch.ones(4, 5, dtype=t), 0.5), {}), error=TypeError, expected="a floating-point tensor",
         got=lambda t: f"dtype {t}"),
    kind_case("training.dropout.inverted_dropout", "training", ["no", 0, None], lambda v: (DROP, (X, 0.5, v), {}),
              expected="True or False"),
    Case("training.dropout.inverted_dropout", "shape", "mask", st.sampled_from([(4,), (5, 4), (4, 5, 1)]),
         lambda s: (DROP, (X, 0.5, True, torch.ones(s, dtype=torch.bool)), {}), error=ValueError,
         expected="shape (4, 5)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("training.dropout.inverted_dropout", "number", "mask", st.sampled_from([0.5, 2.0, -1.0, 3]),
         lambda v: (DROP, (X, 0.5, True, torch.full((4, 5), v)), {}), error=ValueError, expected="0 (masked) or 1",
         got=lambda v: f"got {v}", note="values"),
    kind_case("training.dropout.inverted_dropout", "mask", [np.ones((4, 5), dtype=bool), [[True] * 5] * 4, "keep"],
              lambda m: (DROP, (X, 0.5, True, m), {}), expected="a bool tensor or a tensor of 0s and 1s"),
    kind_case("training.dropout.inverted_dropout", "generator", [0, np.random.default_rng(0), "seed"],
              lambda g: (DROP, (X, 0.5), {"generator": g}), expected="a torch.Generator"),
    valid_case("training.dropout.inverted_dropout", "mask",
               [torch.ones(4, 5, dtype=torch.long), torch.zeros(4, 5), torch.ones(4, 5, dtype=torch.bool)],
               lambda m: (DROP, (X, 0.5, True, m), {}), check=lambda y, m: torch.equal(y, 2 * m.to(torch.float32))),
    valid_case("training.dropout.inverted_dropout", "p", [np.float32(0.5), 0, torch.tensor(0.25)],
               lambda v: (DROP, (X, v), {"generator": torch.Generator().manual_seed(0)}), check=lambda y, v: y.shape == (4, 5)),
    valid_case("training.dropout.inverted_dropout", "x", [torch.ones(0, 3), torch.ones(2, 3, dtype=torch.float64)],
               lambda x: (DROP, (x, 0.5), {}), check=lambda y, x: y.shape == x.shape and y.dtype == x.dtype, note="empty"),
    number_case("training.dropout.Dropout", "p", lambda v: (dropout.Dropout, (v,), {}), **FRACTION),
    kind_case("training.dropout.Dropout", "generator", [0, np.random.default_rng(0)],
              lambda g: (dropout.Dropout, (0.5,), {"generator": g}), expected="a torch.Generator"),
    kind_case("training.dropout.Dropout.forward", "x", NOT_TENSORS, lambda x: (dropout.Dropout(0.5), (x,), {}),
              expected="a floating-point torch.Tensor"),
    Case("training.dropout.Dropout.forward", "dtype", "x", st.sampled_from([torch.long, torch.bool]),
         lambda t: (dropout.Dropout(0.5).eval(), (torch.ones(3, dtype=t),), {}), error=TypeError,
         expected="a floating-point tensor", got=lambda t: f"dtype {t}", note="eval mode"),
]

# ---- initialisation -------------------------------------------------------------------------------------------
FILLS = {"xavier_uniform_": init.xavier_uniform_, "xavier_normal_": init.xavier_normal_,
         "kaiming_uniform_": init.kaiming_uniform_, "kaiming_normal_": init.kaiming_normal_}
for short, f in FILLS.items():
    name = f"training.initialisation.{short}"
    CASES += [
        kind_case(name, "tensor", NOT_TENSORS, lambda t, f=f: (f, (t,), {}), expected="a floating-point torch.Tensor"),
        Case(name, "dtype", "tensor", st.sampled_from([torch.long, torch.int32, torch.bool]),
             lambda t, f=f: (f, (torch.zeros(4, 3, dtype=t),), {}), error=TypeError, expected="a floating-point tensor",
             got=lambda t: f"dtype {t}"),
        Case(name, "shape", "tensor", st.sampled_from([(3,), ()]), lambda s, f=f: (f, (torch.zeros(s),), {}),
             error=ValueError, expected="at least 2 dimensions", got=lambda s: f"shape {s}" if s else "shape ()"),
        Case(name, "empty", "tensor", st.sampled_from([(0, 3), (4, 0), (2, 3, 0)]),
             lambda s, f=f: (f, (torch.zeros(s),), {}), error=ValueError, expected="at least one element",
             got=lambda s: f"shape {s}"),
        kind_case(name, "generator", [0, np.random.default_rng(0), "seed"],
                  lambda g, f=f: (f, (torch.zeros(4, 3),), {"generator": g}), expected="a torch.Generator"),
        valid_case(name, "tensor", [torch.nn.Parameter(torch.zeros(4, 3)), torch.zeros(8, 2, 3, 3),
                                    torch.zeros(4, 3, dtype=torch.float64)],
                   lambda t, f=f: (f, (t,), {}), check=lambda r, t: r is t and bool((t != 0).any())),
    ]
for short in ("xavier_uniform_", "xavier_normal_"):
    CASES += [
        number_case(f"training.initialisation.{short}", "gain", lambda v, f=FILLS[short]: (f, (torch.zeros(4, 3), v), {}),
                    minimum=0),
        valid_case(f"training.initialisation.{short}", "gain", [np.float32(2.0), 1, torch.tensor(1.5)],
                   lambda v, f=FILLS[short]: (f, (torch.zeros(4, 3), v), {}), check=lambda r, v: bool((r != 0).any())),
    ]
for short in ("kaiming_uniform_", "kaiming_normal_"):
    f = FILLS[short]
    CASES += [
        Case(f"training.initialisation.{short}", "kind", "mode", st.sampled_from(["FAN_IN", "fan", None, 0]),
             lambda m, f=f: (f, (torch.zeros(4, 3),), {"mode": m}), error=ValueError, expected="'fan_in' or 'fan_out'",
             got=lambda m: repr(m) if isinstance(m, str) else type(m).__name__),
        Case(f"training.initialisation.{short}", "kind", "nonlinearity", st.sampled_from(["ReLU", "gelu", None, ["relu"]]),
             lambda n, f=f: (f, (torch.zeros(4, 3),), {"nonlinearity": n}), error=ValueError, expected="one of",
             got=lambda n: repr(n) if isinstance(n, str) else type(n).__name__),
    ]
CASES += [
    Case("training.initialisation.recommended_gain", "kind", "nonlinearity",
         st.sampled_from(["ReLU", "leaky_relu", "", None, 1, ["tanh"]]), lambda n: (init.recommended_gain, (n,), {}),
         error=ValueError, expected="one of", got=lambda n: repr(n) if isinstance(n, str) else type(n).__name__),
    kind_case("training.initialisation.fan_in_and_fan_out", "tensor", [np.zeros((3, 4)), [[0.0]], None, (3, 4)],
              lambda t: (init.fan_in_and_fan_out, (t,), {}), expected="a torch.Tensor"),
    Case("training.initialisation.fan_in_and_fan_out", "shape", "tensor", st.sampled_from([(3,), ()]),
         lambda s: (init.fan_in_and_fan_out, (torch.zeros(s),), {}), error=ValueError, expected="at least 2 dimensions",
         got=lambda s: f"shape {s}" if s else "shape ()"),
    valid_case("training.initialisation.fan_in_and_fan_out", "tensor", [torch.zeros(4, 3, dtype=torch.long),
                                                                        torch.zeros(0, 3), torch.zeros(8, 2, 3, 3)],
               lambda t: (init.fan_in_and_fan_out, (t,), {}), check=lambda r, t: r[0] == t.shape[1] * (9 if t.dim() == 4 else 1)),
]

# ---- early stopping --------------------------------------------------------------------------------------------
ES = early_stopping.EarlyStopping


def _stopper_with_best():
    stopper = ES(patience=2)
    stopper.step(1.0, torch.nn.Linear(3, 2))
    return stopper


CASES += [
    size_case("training.early_stopping.EarlyStopping", "patience", lambda n: (ES, (n,), {})),
    number_case("training.early_stopping.EarlyStopping", "min_delta", lambda v: (ES, (3, v), {}), minimum=0),
    valid_case("training.early_stopping.EarlyStopping", "patience", [np.int64(3), np.int8(1)], lambda n: (ES, (n,), {}),
               check=lambda s, n: s.patience == int(n)),
    Case("training.early_stopping.EarlyStopping.step", "number", "validation_loss",
         st.sampled_from([math.nan, np.float32("nan"), torch.tensor(math.nan)]),
         lambda v: (ES(3).step, (v, torch.nn.Linear(3, 2)), {}), error=ValueError, expected="a non-NaN loss", got="nan"),
    kind_case("training.early_stopping.EarlyStopping.step", "validation_loss",
              ["0.5", None, [0.5], torch.tensor([0.5, 0.4])], lambda v: (ES(3).step, (v, torch.nn.Linear(3, 2)), {}),
              expected="a loss"),
    kind_case("training.early_stopping.EarlyStopping.step", "model", [None, {"w": torch.ones(2)}, "model"],
              lambda m: (ES(3).step, (0.5, m), {}), expected="a torch.nn.Module"),
    valid_case("training.early_stopping.EarlyStopping.step", "validation_loss",
               [np.float32(0.5), torch.tensor(0.5, requires_grad=True) * 1, 1, math.inf],
               lambda v: (ES(3).step, (v, torch.nn.Linear(3, 2)), {}), check=lambda r, v: r is False),
    Case("training.early_stopping.EarlyStopping.restore_best", "kind", "restore_best", st.just(None),
         lambda _: (ES(3).restore_best, (torch.nn.Linear(3, 2),), {}), error=RuntimeError,
         expected="at least one call to step() first", got="none", note="before step"),
    kind_case("training.early_stopping.EarlyStopping.restore_best", "model", [None, "model", {"weight": torch.ones(2, 3)}],
              lambda m: (_stopper_with_best().restore_best, (m,), {}), expected="a torch.nn.Module"),
    Case("training.early_stopping.EarlyStopping.restore_best", "shape", "model",
         st.sampled_from([(3, 4), (2, 2)]), lambda s: (_stopper_with_best().restore_best, (torch.nn.Linear(*s),), {}),
         error=ValueError, expected="the parameters of the model given to step()", got="", note="another model"),
]

# ---- data splits ---------------------------------------------------------------------------------------------
SPLIT = data_splits.train_validation_test_split
CASES += [
    size_case("training.data_splits.train_validation_test_split", "n_samples", lambda n: (SPLIT, (n,), {}), minimum=3),
    number_case("training.data_splits.train_validation_test_split", "validation_fraction",
                lambda v: (SPLIT, (10,), {"validation_fraction": v}), **FRACTION),
    number_case("training.data_splits.train_validation_test_split", "test_fraction",
                lambda v: (SPLIT, (10,), {"test_fraction": v}), **FRACTION),
    Case("training.data_splits.train_validation_test_split", "number", "test_fraction",
         st.sampled_from([(0.5, 0.5), (0.6, 0.45), (0.3, 0.7)]),
         lambda fr: (SPLIT, (10, *fr), {}), error=ValueError, expected="to leave training samples", got="validation",
         note="sum"),
    kind_case("training.data_splits.train_validation_test_split", "seed", ["0", 1.5, -1, [0]],
              lambda s: (SPLIT, (10,), {"seed": s}), error=lambda s: ValueError if s == -1 else TypeError,
              expected="a seed (an integer >= 0)"),
    valid_case("training.data_splits.train_validation_test_split", "n_samples", [np.int64(10), np.int16(3)],
               lambda n: (SPLIT, (n,), {"seed": np.int64(1)}),
               check=lambda r, n: sorted(np.concatenate(r).tolist()) == list(range(int(n)))),
]

# ---- landscapes ------------------------------------------------------------------------------------------------
for fn in ("ill_conditioned_quadratic", "rosenbrock"):
    f = getattr(landscapes, fn)
    name = f"training.landscapes.{fn}"
    CASES += [
        kind_case(name, "point", [np.zeros(2), [0.0, 1.0], None], lambda p, f=f: (f, (p,), {}),
                  expected="a floating-point torch.Tensor"),
        Case(name, "dtype", "point", st.sampled_from([torch.long, torch.bool]),
             lambda t, f=f: (f, (torch.zeros(2, dtype=t),), {}), error=TypeError, expected="a floating-point tensor",
             got=lambda t: f"dtype {t}"),
        Case(name, "shape", "point", st.sampled_from([(3,), (2, 3), ()]), lambda s, f=f: (f, (torch.zeros(s),), {}),
             error=ValueError, expected="shape (..., 2)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
        valid_case(name, "point", [torch.zeros(5, 7, 2), torch.zeros(0, 2), torch.zeros(2, dtype=torch.float64)],
                   lambda p, f=f: (f, (p,), {}), check=lambda r, p: r.shape == p.shape[:-1]),
    ]
QUAD = landscapes.ill_conditioned_quadratic
CASES += [
    number_case("training.landscapes.ill_conditioned_quadratic", "curvatures[0]", lambda v: (QUAD, (torch.zeros(2), (v, 20.0)), {}),
                minimum=0, min_open=True),
    kind_case("training.landscapes.ill_conditioned_quadratic", "curvatures", ["ab", None, (1.0,), (1.0, 2.0, 3.0), 20.0],
              lambda c: (QUAD, (torch.zeros(2), c), {}), expected="a pair (a, b)"),
    valid_case("training.landscapes.ill_conditioned_quadratic", "curvatures", [[1, 20], (np.float32(0.5), np.int64(3))],
               lambda c: (QUAD, (torch.ones(2), c), {}), check=lambda r, c: abs(float(r) - (float(c[0]) + float(c[1])) / 2) < 1e-6),
]
PATH = landscapes.optimisation_path
CASES += [
    size_case("training.landscapes.optimisation_path", "steps", lambda n: (PATH, (landscapes.rosenbrock, opt.SGD, (0.0, 0.0), n),
                                                                           {"lr": 1e-3})),
    kind_case("training.landscapes.optimisation_path", "function", [None, "rosenbrock", 3],
              lambda f: (PATH, (f, opt.SGD, (0.0, 0.0), 2), {"lr": 1e-3}), expected="a function"),
    kind_case("training.landscapes.optimisation_path", "optimizer_class", [None, "SGD", opt.SGD([param()], lr=0.1)],
              lambda c: (PATH, (landscapes.rosenbrock, c, (0.0, 0.0), 2), {"lr": 1e-3}), expected="an optimiser class"),
    Case("training.landscapes.optimisation_path", "shape", "start", st.sampled_from([(0.0,), (0.0, 1.0, 2.0), ((0.0, 1.0),)]),
         lambda s: (PATH, (landscapes.rosenbrock, opt.SGD, s, 2), {"lr": 1e-3}), error=ValueError, expected="a point (x, y)",
         got="shape"),
    kind_case("training.landscapes.optimisation_path", "start", ["ab", None, 1.0],
              lambda s: (PATH, (landscapes.rosenbrock, opt.SGD, s, 2), {"lr": 1e-3}), expected="a point (x, y)"),
    Case("training.landscapes.optimisation_path", "finite", "start", st.sampled_from([(math.nan, 0.0), (0.0, math.inf)]),
         lambda s: (PATH, (landscapes.rosenbrock, opt.SGD, s, 2), {"lr": 1e-3}), error=ValueError,
         expected="finite values", got=lambda s: f"got {s[0] if math.isnan(s[0]) else s[1]}"),
    Case("training.landscapes.optimisation_path", "shape", "function", st.sampled_from([lambda p: p, lambda p: p[None]]),
         lambda f: (PATH, (f, opt.SGD, (0.0, 0.0), 2), {"lr": 1e-3}), error=ValueError,
         expected="a 0-d tensor", got="shape", note="returns"),
    number_case("training.landscapes.optimisation_path", "lr",
                lambda v: (PATH, (landscapes.rosenbrock, opt.SGD, (0.0, 0.0), 2), {"lr": v}), minimum=0),
    valid_case("training.landscapes.optimisation_path", "optimizer_class", [torch.optim.SGD, opt.Adam, torch.optim.Adam],
               lambda c: (PATH, (landscapes.rosenbrock, c, np.array([0.0, 0.0]), np.int64(3)), {"lr": 1e-3}),
               check=lambda r, c: r.shape == (4, 2)),
]

# ---- the training loop ------------------------------------------------------------------------------------------
XT, YT = torch.randn(12, 3, generator=torch.Generator().manual_seed(0)), torch.arange(12) % 2


def _model():
    return torch.nn.Linear(3, 2)


def train(**overrides):
    """train_classifier on a 12-sample, 2-class problem with one setting overridden."""
    model = overrides.pop("model") if "model" in overrides else _model()
    optimizer = overrides.pop("optimizer") if "optimizer" in overrides else opt.SGD(model.parameters(), lr=0.1)
    x, y = overrides.pop("x_train", XT), overrides.pop("y_train", YT)
    keywords = dict(epochs=1, batch_size=4)
    keywords.update(overrides)
    return ct.train_classifier, (model, optimizer, x, y), keywords


TC = "training.classifier_training.train_classifier"
CASES += [
    size_case(TC, "epochs", lambda n: train(epochs=n)),
    size_case(TC, "batch_size", lambda n: train(batch_size=n)),
    kind_case(TC, "model", [None, "model", torch.nn.Linear], lambda m: train(model=m, optimizer=opt.SGD([param()], lr=0.1)),
              expected="a torch.nn.Module"),
    kind_case(TC, "optimizer", [None, "sgd", opt.SGD], lambda o: train(optimizer=o), expected="an optimiser"),
    kind_case(TC, "x_train", NOT_TENSORS, lambda x: train(x_train=x), expected="a floating-point torch.Tensor"),
    Case(TC, "dtype", "x_train", st.sampled_from([torch.float64, torch.float16]), lambda t: train(x_train=XT.to(t)),
         error=TypeError, expected="dtype torch.float32", got=lambda t: f"dtype {t}"),
    Case(TC, "dtype", "x_train", st.sampled_from([torch.long, torch.bool]), lambda t: train(x_train=XT.to(t)),
         error=TypeError, expected="a floating-point tensor", got=lambda t: f"dtype {t}", note="integer"),
    Case(TC, "device", "x_train", st.just("meta"), lambda d: train(x_train=XT.to(d)), error=ValueError,
         expected="device cpu", got="device meta"),
    Case(TC, "shape", "x_train", st.sampled_from([(12,), (12, 3, 1)]), lambda s: train(x_train=torch.zeros(s)),
         error=ValueError, expected="shape (n, features)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case(TC, "empty", "x_train", st.just(0), lambda _: train(x_train=torch.zeros(0, 3), y_train=torch.zeros(0, dtype=torch.long)),
         error=ValueError, expected="at least one", got="shape (0, 3)"),
    kind_case(TC, "y_train", [[0, 1] * 6, np.arange(12) % 2, None], lambda y: train(y_train=y),
              expected="a torch.Tensor of class indices"),
    Case(TC, "ids", "y_train", st.sampled_from([torch.float32, torch.bool]), lambda t: train(y_train=YT.to(t)),
         error=TypeError, expected="integer class indices", got=lambda t: f"dtype {t}".replace("torch.", ""), note="dtype"),
    Case(TC, "ids", "y_train", st.sampled_from([(11, 2), (0, -1), (5, 7)]),
         lambda iv: train(y_train=YT.clone().index_fill_(0, torch.tensor([iv[0]]), iv[1])), error=IndexError,
         expected="class indices in [0, 1]", got=lambda iv: f"got {iv[1]} at position ({iv[0]},)", note="range"),
    Case(TC, "shape", "y_train", st.sampled_from([(11,), (12, 1), (13,)]), lambda s: train(y_train=torch.zeros(s, dtype=torch.long)),
         error=ValueError, expected="shape (12,)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)",
         note="y"),
    Case(TC, "kind", "x_val", st.just(None), lambda _: train(y_val=YT), error=ValueError,
         expected="x_val and y_val together", got="only y_val", note="alone"),
    Case(TC, "kind", "y_val", st.just(None), lambda _: train(x_val=XT), error=ValueError,
         expected="x_val and y_val together", got="only x_val", note="alone"),
    Case(TC, "shape", "x_val", st.sampled_from([4, 1]), lambda f: train(x_val=torch.zeros(5, f), y_val=YT[:5]),
         error=ValueError, expected="3 features", got=lambda f: f"shape (5, {f})", note="features"),
    Case(TC, "empty", "x_val", st.just(0), lambda _: train(x_val=torch.zeros(0, 3), y_val=torch.zeros(0, dtype=torch.long)),
         error=ValueError, expected="at least one", got="shape (0, 3)"),
    Case(TC, "ids", "y_val", st.sampled_from([2, 5]), lambda c: train(x_val=XT[:4], y_val=torch.tensor([0, 1, c, 0])),
         error=IndexError, expected="class indices in [0, 1]", got=lambda c: f"got {c} at position (2,)", note="range"),
    Case(TC, "kind", "early_stopping", st.just(None), lambda _: train(early_stopping=early_stopping.EarlyStopping(2)),
         error=ValueError, expected="a validation set", got="none", note="no validation set"),
    kind_case(TC, "early_stopping", [3, "yes", True], lambda e: train(x_val=XT, y_val=YT, early_stopping=e),
              expected="an EarlyStopping"),
    kind_case(TC, "schedule", ["cosine", 0.1, opt.SGD([param()], lr=0.1)], lambda s: train(schedule=s),
              expected="a learning-rate schedule"),
    kind_case(TC, "penalty", [0.1, "l2", torch.tensor(0.1)], lambda p: train(penalty=p), expected="a function"),
    kind_case(TC, "seed", ["0", 1.5, -1, None], lambda s: train(seed=s), error=lambda s: ValueError if s == -1 else TypeError,
              expected="an integer >= 0", got=lambda s: "-1" if s == -1 else type(s).__name__),
    valid_case(TC, "epochs", [np.int64(2), np.int32(1)], lambda n: train(epochs=n, batch_size=np.int64(5), seed=np.int64(3)),
               check=lambda h, n: len(h["train_loss"]) == int(n)),
    valid_case(TC, "y_train", [YT.to(torch.int32), torch.zeros(12, dtype=torch.long)], lambda y: train(y_train=y),
               check=lambda h, y: len(h["train_loss"]) == 1, note="one class seen, int32"),
]
EC = "training.classifier_training.evaluate_classifier"
CASES += [
    kind_case(EC, "model", [None, "model"], lambda m: (ct.evaluate_classifier, (m, XT, YT), {}), expected="a torch.nn.Module"),
    kind_case(EC, "x", NOT_TENSORS, lambda x: (ct.evaluate_classifier, (_model(), x, YT), {}),
              expected="a floating-point torch.Tensor"),
    Case(EC, "dtype", "x", st.sampled_from([torch.float64, torch.long]), lambda t: (ct.evaluate_classifier, (_model(), XT.to(t), YT), {}),
         error=TypeError, expected="", got=lambda t: f"dtype {t}"),
    Case(EC, "shape", "x", st.sampled_from([(12,), (12, 3, 1)]), lambda s: (ct.evaluate_classifier, (_model(), torch.zeros(s), YT), {}),
         error=ValueError, expected="", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case(EC, "empty", "x", st.just(0), lambda _: (ct.evaluate_classifier, (_model(), torch.zeros(0, 3), torch.zeros(0, dtype=torch.long)), {}),
         error=ValueError, expected="at least one", got="shape (0, 3)"),
    kind_case(EC, "y", [np.arange(12) % 2, None, [0] * 12], lambda y: (ct.evaluate_classifier, (_model(), XT, y), {}),
              expected="a torch.Tensor of class indices"),
    Case(EC, "ids", "y", st.sampled_from([2, -1, 10]), lambda c: (ct.evaluate_classifier, (_model(), XT[:3], torch.tensor([0, c, 1])), {}),
         error=IndexError, expected="class indices in [0, 1]", got=lambda c: f"got {c} at position (1,)"),
    Case(EC, "shape", "y", st.sampled_from([(11,), (12, 1)]),
         lambda s: (ct.evaluate_classifier, (_model(), XT, torch.zeros(s, dtype=torch.long)), {}), error=ValueError,
         expected="shape (12,)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)", note="y"),
    valid_case(EC, "model", [_model().eval(), _model()], lambda m: (ct.evaluate_classifier, (m, XT, YT), {}),
               check=lambda r, m: 0 <= r[1] <= 1),
]
