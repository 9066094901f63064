"""How gradients flow back through time in a tanh RNN, and gradient clipping.

For the recurrence h_k = tanh(W_ih x_k + b_ih + W_hh h_{k-1} + b_hh), the chain rule gives the
Jacobian of the last hidden state with respect to an earlier one as a product of one factor per
time step:

    ∂h_T/∂h_t = Π_{k=T..t+1} diag(1 − h_k²) W_hh          (the k = T factor on the left)

Each factor has norm at most ‖W_hh‖ (tanh' ≤ 1), so the product tends to shrink or grow
geometrically with T − t: gradients vanish or explode. ``hidden_state_jacobian_norms`` computes
‖∂h_T/∂h_t‖ for every t with this product (tested against ``torch.autograd``), and
``clip_grad_norm`` is gradient clipping by the global norm (tested against
``torch.nn.utils.clip_grad_norm_``).
"""

from __future__ import annotations

from typing import Iterable, Union

import torch

from neuralnlp._checks import as_tensor_list, brief, check_float_tensor, check_real, check_tensor_shape
from neuralnlp.recurrent.rnn import RNN

Tensors = Union[torch.Tensor, Iterable[torch.Tensor]]


def _hidden_states(rnn, x: torch.Tensor, h0) -> torch.Tensor:
    """Run ``rnn`` on one sequence and return h_0, h_1, ..., h_T stacked: (T + 1, hidden)."""
    hidden_size = rnn.weight_hh.shape[0]
    check_float_tensor(x, "x", rnn.weight_ih.dtype, rnn.weight_ih.device)
    if x.ndim != 2 or x.shape[1] != rnn.weight_ih.shape[1]:
        raise ValueError(
            f"x: expected one unbatched sequence of shape (seq, {rnn.weight_ih.shape[1]}), got shape {tuple(x.shape)}"
        )
    if h0 is None:
        h0 = x.new_zeros(hidden_size)
    check_tensor_shape(h0, (hidden_size,), x.dtype, "h0", device=x.device)
    output, _ = rnn(x, h0.unsqueeze(0))  # unbatched: output (seq, hidden)
    return torch.cat([h0.unsqueeze(0), output])


def hidden_state_jacobian_norms(rnn, x: torch.Tensor, h0: torch.Tensor | None = None) -> torch.Tensor:
    """Spectral norms ‖∂h_T/∂h_t‖₂ for t = 0, 1, ..., T, built as a product of per-step Jacobians.

    With h_k = tanh(W_ih x_k + b_ih + W_hh h_{k-1} + b_hh), the Jacobian of one step is
    ∂h_k/∂h_{k-1} = diag(1 − h_k²) W_hh, and

        ∂h_T/∂h_t = (∂h_T/∂h_{T-1}) (∂h_{T-1}/∂h_{T-2}) ⋯ (∂h_{t+1}/∂h_t),   ∂h_T/∂h_T = I.

    Args:
        rnn: a single-layer tanh ``neuralnlp.recurrent.rnn.RNN`` (parameters ``weight_ih`` (hidden, input),
            ``weight_hh`` (hidden, hidden), biases (hidden,)).
        x: one unbatched sequence, (T, input), floating point.
        h0: initial hidden state, (hidden,); zeros if ``None``.

    Returns:
        (T + 1,) tensor; entry t is ‖∂h_T/∂h_t‖₂, so entry T is 1 and entry 0 spans all T steps.

    Raises:
        TypeError: rnn is not our ``RNN``; x or h0 is not a floating-point tensor of the parameters' dtype.
        ValueError: x or h0 has the wrong shape or device, or the RNN does not use tanh.
    """
    if not isinstance(rnn, RNN):
        raise TypeError(f"rnn: expected a neuralnlp.recurrent.rnn.RNN (copy a torch.nn.RNN with RNN.from_torch), "
                        f"got {brief(rnn)}")
    if rnn.nonlinearity != "tanh":
        raise ValueError(f"rnn: expected nonlinearity 'tanh', got {rnn.nonlinearity!r}")
    with torch.no_grad():
        h = _hidden_states(rnn, x, h0)
        w_hh = rnn.weight_hh
        # --8<-- [start:jacobian-chain]
        steps = len(h) - 1
        jacobian = torch.eye(w_hh.shape[0], dtype=w_hh.dtype)  # ∂h_T/∂h_T
        norms = [torch.linalg.matrix_norm(jacobian, ord=2)]
        for k in range(steps, 0, -1):  # k = T, ..., 1: extend ∂h_T/∂h_k to ∂h_T/∂h_{k-1}
            step_jacobian = (1 - h[k] ** 2).unsqueeze(1) * w_hh  # diag(1 − h_k²) W_hh
            jacobian = jacobian @ step_jacobian
            norms.append(torch.linalg.matrix_norm(jacobian, ord=2))
        return torch.stack(norms[::-1])  # entry t is ‖∂h_T/∂h_t‖
        # --8<-- [end:jacobian-chain]


# --8<-- [start:clip]
def clip_grad_norm(parameters: Tensors, max_norm: float) -> torch.Tensor:
    """Scale all gradients together so that their global L2 norm is at most ``max_norm``.

    With g the concatenation of every parameter's ``.grad``:

        ‖g‖ = sqrt(Σ_p ‖g_p‖²),   g_p ← g_p · min(1, max_norm / (‖g‖ + 1e-6))

    Every gradient is multiplied by the same factor, so the update keeps its direction and only
    its length is capped. The 1e-6 and the order of operations follow
    ``torch.nn.utils.clip_grad_norm_``, which this matches.

    Args:
        parameters: a tensor or an iterable of tensors; those whose ``.grad`` is ``None`` are skipped.
            Sparse gradients (``Embedding(sparse=True)``) count with their summed rows.
        max_norm: the largest global norm allowed, > 0 (any real number; inf turns clipping off).

    Returns:
        The global norm ‖g‖ before clipping, a 0-d tensor.

    Raises:
        TypeError: parameters is not a tensor or an iterable of tensors (a module, say), or max_norm
            is not a real number.
        ValueError: max_norm is not positive, or the gradients are not finite (clipping would spread
            the NaN or inf to every parameter).
    """
    max_norm = check_real(max_norm, "max_norm", 0, min_open=True, finite=False)
    grads = _gradients(parameters)
    if not grads:
        return torch.tensor(0.0)
    total_norm = torch.linalg.vector_norm(torch.stack([_norm(g) for g in grads]))
    if not torch.isfinite(total_norm):
        raise ValueError(f"parameters: expected finite gradients, got a global gradient norm of {total_norm.item()}")
    scale = torch.clamp(max_norm / (total_norm + 1e-6), max=1.0)
    for g in grads:
        g.mul_(scale)  # in place, like torch: the optimizer reads p.grad next
    return total_norm
# --8<-- [end:clip]


def _gradients(parameters) -> list[torch.Tensor]:
    """The ``.grad`` of every tensor of ``parameters`` that has one."""
    parameters = as_tensor_list(parameters, "parameters")
    return [p.grad for p in parameters if p.grad is not None]


def _norm(g: torch.Tensor) -> torch.Tensor:
    """‖g‖₂; a sparse gradient is coalesced first, so rows looked up twice count once, summed."""
    return torch.linalg.vector_norm(g.coalesce().values() if g.is_sparse else g)
