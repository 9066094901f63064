r"""Optimisers from scratch, with ``torch.optim``'s interface: SGD (momentum, Nesterov), RMSprop, Adam, AdamW.

Every optimiser updates each parameter θ from its gradient g = ∂L/∂θ (the tensor's ``.grad``,
same shape as θ), and keeps per-parameter buffers of θ's shape in ``state[θ]``. With learning
rate η, weight decay λ and step count t = 1, 2, …:

    SGD        g ← g + λθ;  v ← μv + g (v₁ = g₁);  θ ← θ − η·v   (Nesterov: θ ← θ − η·(g + μv))
    RMSprop    g ← g + λθ;  s ← αs + (1 − α)g²;  θ ← θ − η·g / (√s + ε)   (momentum μ: b ← μb + g/(√s + ε), θ ← θ − η·b)
    Adam       g ← g + λθ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;
               m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ);  θ ← θ − η·m̂ / (√v̂ + ε)
    AdamW      θ ← (1 − ηλ)θ first (decoupled weight decay), then Adam's update with λ = 0

All operations are element-wise. ``g + λθ`` is the gradient of the L2 penalty (λ/2)‖θ‖² added to
the loss; AdamW shrinks θ directly instead, which is not the same thing once the gradient is
rescaled (Loshchilov & Hutter, 2019).

The interface is ``torch.optim``'s: ``SGD(model.parameters(), lr=0.1, momentum=0.9)``, or a list
of parameter groups (dicts with ``"params"`` and any hyper-parameter to override), then
``zero_grad()``, ``loss.backward()``, ``step()`` in the training loop. The buffers have the names
torch gives them (``momentum_buffer``, ``square_avg``, ``exp_avg``, ``exp_avg_sq``, ``step``), the
defaults are torch's, and each class matches its ``torch.optim`` counterpart step by step
(tests/unit/training/test_optimisers.py: within 1e-6 in float32 and 1e-12 in float64).
"""

from __future__ import annotations

import functools
from typing import Callable, Iterable

import torch

from neuralnlp._checks import (
    as_tensor_list,
    brief,
    check_bool,
    check_callable,
    check_fraction,
    check_instance,
    check_leaf_parameter,
    check_non_negative,
    check_tensor_shape,
)


class Optimizer:
    """What every optimiser shares: parameter groups, per-parameter state, ``zero_grad`` and ``step``.

    A subclass only writes ``update(param, grad, state, group)``: the update rule for one
    parameter tensor, given its gradient, its own state dict and the hyper-parameters of its group.

    Args:
        params: the tensors to optimise (e.g. ``model.parameters()``), or a list of parameter groups:
            dicts with a ``"params"`` list and optional hyper-parameters that override ``defaults``.
        defaults: each hyper-parameter's value for the groups that do not set it.

    Attributes:
        param_groups: list of dicts, each with ``"params"`` and every hyper-parameter (e.g. ``"lr"``).
            A learning-rate schedule changes ``group["lr"]`` here.
        state: dict from each parameter tensor to its own dict of buffers, filled by ``step``.

    Every subclass's ``update`` checks its arguments first (a float tensor, a gradient of its
    shape, dtype and device, a state dict, a complete parameter group) and runs without recording
    gradients, so that it can be called directly on a parameter that requires grad.

    Raises:
        ValueError: params is empty, holds a non-leaf tensor, or the same tensor twice.
        TypeError: params holds something other than floating-point tensors.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        rule = vars(cls).get("update")
        if rule is not None:
            @functools.wraps(rule)
            def update(self, param, grad, state, group):
                self._check_update(param, grad, state, group)
                with torch.no_grad():
                    return rule(self, param, grad, state, group)
            cls.update = update

    def __init__(self, params: Iterable, defaults: dict):
        check_instance(defaults, dict, "defaults", "a dict of hyper-parameters such as {'lr': 0.1}")
        iterable = hasattr(params, "__iter__") and not isinstance(params, (str, bytes, dict, torch.nn.Module))
        groups = list(params) if iterable and not torch.is_tensor(params) else as_tensor_list(params, "params")
        if not groups:
            raise ValueError(
                "params: expected a non-empty iterable of tensors or of parameter groups (dicts with a "
                "'params' key), got an empty one (model.parameters() is a generator: it is empty when used twice)"
            )
        if not isinstance(groups[0], dict):
            groups, names = [{"params": groups}], ["params"]
        else:
            names = [f"params[{i}]" for i in range(len(groups))]
        self.defaults = dict(defaults)
        self.param_groups: list[dict] = []
        self.state: dict[torch.Tensor, dict] = {}
        for group, name in zip(groups, names):
            self._add_group(group, name)

    def add_param_group(self, group: dict) -> None:
        """Add a group of parameters with its own hyper-parameters (the others from ``defaults``)."""
        self._add_group(group, "group")

    def _add_group(self, group, name: str) -> None:
        """``add_param_group``, with messages naming ``name``, the argument the group came in."""
        if not isinstance(group, dict) or "params" not in group:
            raise TypeError(f"{name}: expected a parameter group, a dict with a 'params' key, got {brief(group)}")
        where = "params" if name == "params" else f"{name}['params']"
        params = as_tensor_list(group["params"], where, "a parameter (a torch.Tensor)")
        if not params:
            raise ValueError(f"{where}: expected a parameter group with at least one tensor, got an empty 'params' list")
        seen = {id(p) for g in self.param_groups for p in g["params"]}
        for i, p in enumerate(params):
            check_leaf_parameter(p, f"{where}[{i}]")
            if id(p) in seen:
                raise ValueError(f"{where}[{i}]: expected each tensor in one parameter group only, got it twice")
            seen.add(id(p))
        unknown = set(group) - set(self.defaults) - {"params"}
        if unknown:
            raise TypeError(f"{name}: expected a parameter group with keys from {sorted(self.defaults)}, got {sorted(unknown)}")
        full = {**self.defaults, **group, "params": params}
        self.check_hyperparameters(full)
        self.param_groups.append(full)

    def _check_group(self, group, name: str = "group") -> None:
        """TypeError unless ``group`` is a dict; ValueError unless it has every hyper-parameter of ``defaults``."""
        if not isinstance(group, dict):
            raise TypeError(f"{name}: expected a parameter group (a dict such as {{'lr': 0.1, ...}}), got {brief(group)}")
        missing = set(self.defaults) - set(group)
        if missing:
            raise ValueError(f"{name}: expected a parameter group with the keys {sorted(self.defaults)}, "
                             f"got {sorted(group)} (missing {sorted(missing)})")

    def _check_update(self, param, grad, state, group) -> None:
        """The checks every ``update`` runs before it changes anything."""
        if not torch.is_tensor(param) or not param.is_floating_point():
            raise TypeError(f"param: expected a floating-point torch.Tensor, got {brief(param)}")
        check_tensor_shape(grad, tuple(param.shape), param.dtype, "grad", param.device)
        check_instance(state, dict, "state", "a dict (the parameter's own state, {} before its first step)")
        self._check_group(group)
        self.check_hyperparameters(group)

    def check_hyperparameters(self, group: dict) -> None:
        """Raise if a hyper-parameter of ``group`` is out of range (each optimiser checks its own)."""
        self._check_group(group)
        check_non_negative(group["lr"], "lr", "a learning rate")

    # --8<-- [start:optimizer-step]
    def zero_grad(self, set_to_none: bool = True) -> None:
        """Forget the gradients of the last step: set each ``.grad`` to None (or to zeros)."""
        check_bool(set_to_none, "set_to_none")
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                if set_to_none:
                    p.grad = None
                else:
                    p.grad.detach_().zero_()

    def step(self, closure: Callable[[], torch.Tensor] | None = None):
        """Update every parameter that has a gradient; return ``closure()``'s loss if one is given."""
        loss = None
        if closure is not None:
            check_callable(closure, "closure", "a function that recomputes the loss")
            with torch.enable_grad():
                loss = closure()
        with torch.no_grad():
            for group in self.param_groups:
                for p in group["params"]:
                    if p.grad is not None:
                        self.update(p, p.grad, self.state.setdefault(p, {}), group)
        return loss

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict, group: dict) -> None:
        """Change ``param`` in place from ``grad`` (the update rule of the optimiser)."""
        self._check_update(param, grad, state, group)
        raise NotImplementedError
    # --8<-- [end:optimizer-step]


class SGD(Optimizer):
    r"""Stochastic gradient descent, with optional momentum (Polyak), Nesterov momentum and weight decay.

    For each parameter θ with gradient g, learning rate η, momentum μ and weight decay λ:

        g ← g + λθ                    (weight decay as an L2 penalty (λ/2)‖θ‖² on the loss)
        v ← μv + g,  v₁ = g₁          (momentum buffer; skipped when μ = 0, then v = g)
        θ ← θ − η·v                   (Nesterov: θ ← θ − η·(g + μv))

    The momentum form is torch's: η multiplies v, whereas Sutskever et al. (2013) put η inside,
    v ← μv − ηg, θ ← θ + v; the two agree while η is constant.

    Args:
        params: tensors or parameter groups (see ``Optimizer``).
        lr: learning rate η >= 0 (torch's default 1e-3).
        momentum: μ in [0, 1); 0 is plain SGD.
        nesterov: use Nesterov momentum (needs momentum > 0).
        weight_decay: λ >= 0.

    Raises:
        ValueError: lr, momentum or weight_decay out of range, nesterov without momentum, or bad params.
    """

    def __init__(self, params, lr: float = 1e-3, momentum: float = 0.0, nesterov: bool = False, weight_decay: float = 0.0):
        super().__init__(params, {"lr": lr, "momentum": momentum, "nesterov": nesterov, "weight_decay": weight_decay})

    def check_hyperparameters(self, group: dict) -> None:
        """lr >= 0, momentum in [0, 1), weight_decay >= 0, and Nesterov only with momentum."""
        super().check_hyperparameters(group)
        check_fraction(group["momentum"], "momentum", "a momentum")
        check_non_negative(group["weight_decay"], "weight_decay", "a weight decay")
        if check_bool(group["nesterov"], "nesterov") and group["momentum"] == 0:
            raise ValueError(f"nesterov: expected a momentum > 0 with nesterov=True, got momentum={float(group['momentum'])}")

    # --8<-- [start:sgd]
    def update(self, param, grad, state, group):
        """θ ← θ − η·v with v ← μv + (g + λθ); Nesterov steps along g + μv instead."""
        lr, mu, lam = group["lr"], group["momentum"], group["weight_decay"]
        if lam != 0:
            grad = grad + lam * param
        if mu != 0:
            if "momentum_buffer" not in state:
                state["momentum_buffer"] = grad.clone()  # v₁ = g₁
            else:
                state["momentum_buffer"] = mu * state["momentum_buffer"] + grad
            v = state["momentum_buffer"]
            grad = grad + mu * v if group["nesterov"] else v
        param -= lr * grad
    # --8<-- [end:sgd]


class RMSprop(Optimizer):
    r"""RMSprop (Tieleman & Hinton, 2012): divide each gradient by a running root mean square of its past values.

    For each parameter θ with gradient g:

        g ← g + λθ
        s ← αs + (1 − α)g²            (s₀ = 0; running mean of the squared gradient)
        θ ← θ − η·g / (√s + ε)        (momentum μ > 0: b ← μb + g / (√s + ε), θ ← θ − η·b)

    Each coordinate gets its own step size η / (√s + ε): small where gradients have been large,
    large where they have been small.

    Args:
        params: tensors or parameter groups (see ``Optimizer``).
        lr: learning rate η >= 0 (torch's default 1e-2).
        alpha: smoothing constant α in [0, 1).
        eps: ε >= 0, added to the root mean square.
        weight_decay: λ >= 0.
        momentum: μ in [0, 1).

    Raises:
        ValueError: a hyper-parameter out of range, or bad params.
    """

    def __init__(self, params, lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8, weight_decay: float = 0.0,
                 momentum: float = 0.0):
        super().__init__(params, {"lr": lr, "alpha": alpha, "eps": eps, "weight_decay": weight_decay, "momentum": momentum})

    def check_hyperparameters(self, group: dict) -> None:
        """lr, eps, weight_decay >= 0; alpha and momentum in [0, 1)."""
        super().check_hyperparameters(group)
        check_fraction(group["alpha"], "alpha", "a smoothing constant")
        check_non_negative(group["eps"], "eps", "an epsilon")
        check_non_negative(group["weight_decay"], "weight_decay", "a weight decay")
        check_fraction(group["momentum"], "momentum", "a momentum")

    # --8<-- [start:rmsprop]
    def update(self, param, grad, state, group):
        """θ ← θ − η·g / (√s + ε) with s ← αs + (1 − α)g²."""
        lr, alpha, eps, lam, mu = group["lr"], group["alpha"], group["eps"], group["weight_decay"], group["momentum"]
        if lam != 0:
            grad = grad + lam * param
        if not state:
            state["step"] = 0
            state["square_avg"] = torch.zeros_like(param)
            if mu > 0:
                state["momentum_buffer"] = torch.zeros_like(param)
        state["step"] += 1
        s = state["square_avg"] = alpha * state["square_avg"] + (1 - alpha) * grad * grad
        scaled = grad / (s.sqrt() + eps)
        if mu > 0:
            scaled = state["momentum_buffer"] = mu * state["momentum_buffer"] + scaled
        param -= lr * scaled
    # --8<-- [end:rmsprop]


class Adam(Optimizer):
    r"""Adam (Kingma & Ba, 2015): momentum on the gradient, RMSprop's scaling, and both bias-corrected.

    For each parameter θ with gradient g, at step t = 1, 2, …:

        g ← g + λθ                                   (L2 penalty, as in torch.optim.Adam)
        m ← β₁m + (1 − β₁)g                          (first moment, m₀ = 0)
        v ← β₂v + (1 − β₂)g²                         (second moment, v₀ = 0)
        m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)         (bias correction: m and v start at 0)
        θ ← θ − η·m̂ / (√v̂ + ε)

    Args:
        params: tensors or parameter groups (see ``Optimizer``).
        lr: learning rate η >= 0 (torch's default 1e-3).
        betas: (β₁, β₂), each in [0, 1).
        eps: ε >= 0.
        weight_decay: λ >= 0, added to the gradient (L2). For decoupled weight decay use ``AdamW``.

    Raises:
        ValueError: a hyper-parameter out of range (a beta outside [0, 1), a negative lr), or bad params.
    """

    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0):
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay})

    def check_hyperparameters(self, group: dict) -> None:
        """lr, eps, weight_decay >= 0 and betas a pair of numbers in [0, 1)."""
        super().check_hyperparameters(group)
        betas = group["betas"]
        if not isinstance(betas, (tuple, list)) or len(betas) != 2:
            raise TypeError(f"betas: expected a pair (beta1, beta2), got {brief(betas)}")
        check_fraction(betas[0], "betas[0]", "a decay rate beta1")
        check_fraction(betas[1], "betas[1]", "a decay rate beta2")
        check_non_negative(group["eps"], "eps", "an epsilon")
        check_non_negative(group["weight_decay"], "weight_decay", "a weight decay")

    # --8<-- [start:adam]
    def update(self, param, grad, state, group):
        """θ ← θ − η·m̂ / (√v̂ + ε), with bias-corrected moving averages of g and g²."""
        lr, (beta1, beta2), eps, lam = group["lr"], group["betas"], group["eps"], group["weight_decay"]
        if lam != 0:
            grad = grad + lam * param
        if not state:
            state["step"] = 0
            state["exp_avg"] = torch.zeros_like(param)     # m
            state["exp_avg_sq"] = torch.zeros_like(param)  # v
        state["step"] += 1
        t = state["step"]
        m = state["exp_avg"] = beta1 * state["exp_avg"] + (1 - beta1) * grad
        v = state["exp_avg_sq"] = beta2 * state["exp_avg_sq"] + (1 - beta2) * grad * grad
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        param -= lr * m_hat / (v_hat.sqrt() + eps)
    # --8<-- [end:adam]


class AdamW(Adam):
    r"""AdamW (Loshchilov & Hutter, 2019): Adam with decoupled weight decay.

    For each parameter θ, before Adam's update (which then runs with λ = 0):

        θ ← θ − ηλθ = (1 − ηλ)θ

    The decay shrinks every weight by the same factor (1 − ηλ), whatever its gradient. Adam's L2
    form adds λθ to g, and then divides it by √v̂ like the rest of the gradient: weights with large
    gradients are hardly decayed at all. Same arguments as ``Adam``; torch's default λ is 1e-2.
    """

    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 1e-2):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)

    # --8<-- [start:adamw]
    def update(self, param, grad, state, group):
        """θ ← (1 − ηλ)θ (decoupled weight decay), then Adam's update without weight decay."""
        param *= 1 - group["lr"] * group["weight_decay"]
        super().update(param, grad, state, {**group, "weight_decay": 0.0})
    # --8<-- [end:adamw]
