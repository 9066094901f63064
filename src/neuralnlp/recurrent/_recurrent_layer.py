"""What the recurrent layers share: parameters registered and initialised like torch's, the checks of
their inputs, and the conversions between the caller's layout and the time-major (seq, batch, ·)
layout that the loops run on. Used by ``rnn`` and ``gru``.
"""

from __future__ import annotations

import math
from typing import Optional

import torch
from torch import nn

from neuralnlp._checks import check_bool, check_float_dtype, check_positive_int, check_tensor_shape


def check_sequence_input(x: torch.Tensor, input_size: int, batch_first: bool) -> None:
    """ValueError unless x is (seq, batch, input) [(batch, seq, input) if batch_first] or (seq, input)."""
    layout = "(batch, seq, input_size)" if batch_first else "(seq, batch, input_size)"
    if x.dim() not in (2, 3):
        raise ValueError(f"x: expected a 3-D tensor {layout} or a 2-D tensor (seq, input_size), "
                         f"got shape {tuple(x.shape)}")
    if x.shape[-1] != input_size:
        raise ValueError(f"x: expected input_size {input_size} on the last axis, got shape {tuple(x.shape)}")
    seq_axis = 1 if (batch_first and x.dim() == 3) else 0
    if x.shape[seq_axis] == 0:
        raise ValueError(f"x: expected at least one time step, got shape {tuple(x.shape)}")


def check_step_input(x: torch.Tensor, input_size: int) -> None:
    """ValueError unless x is (batch, input_size) or (input_size,)."""
    if x.dim() not in (1, 2) or x.shape[-1] != input_size:
        raise ValueError(f"x: expected shape (batch, {input_size}) or ({input_size},), got shape {tuple(x.shape)}")


def check_torch_module(module, expected_type: type, name: str) -> None:
    """ValueError unless ``module`` is a single-layer, unidirectional ``expected_type``."""
    if not isinstance(module, expected_type):
        raise TypeError(f"{name}: expected a {expected_type.__module__}.{expected_type.__name__}, "
                        f"got {type(module).__name__}")
    layers = getattr(module, "num_layers", 1)
    bidirectional = getattr(module, "bidirectional", False)
    if layers != 1 or bidirectional:
        raise ValueError(f"{name}: expected a single-layer unidirectional module (num_layers=1, "
                         f"bidirectional=False), got num_layers={layers}, bidirectional={bidirectional}")


def init_uniform(module: nn.Module, hidden_size: int) -> None:
    """torch's default for recurrent layers: every parameter drawn from U(-1/√hidden, 1/√hidden).

    The parameters are drawn in registration order (weight_ih, weight_hh, bias_ih, bias_hh), the
    order torch uses, so the same seed gives the same weights as torch.nn.RNN / GRU.
    """
    bound = 1.0 / math.sqrt(hidden_size)
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-bound, bound)


def register_parameters(module: nn.Module, input_size: int, hidden_size: int, gates: int,
                         bias: bool, dtype: Optional[torch.dtype]) -> None:
    """Check the sizes, bias flag and dtype, then create and initialise weight_ih, weight_hh, bias_ih, bias_hh."""
    module.input_size = input_size = check_positive_int(input_size, "input_size")  # plain ints, NumPy's accepted
    module.hidden_size = hidden_size = check_positive_int(hidden_size, "hidden_size")
    check_bool(bias, "bias")
    check_float_dtype(dtype)
    dtype = torch.get_default_dtype() if dtype is None else dtype
    rows = gates * hidden_size
    module.weight_ih = nn.Parameter(torch.empty(rows, input_size, dtype=dtype))
    module.weight_hh = nn.Parameter(torch.empty(rows, hidden_size, dtype=dtype))
    if bias:
        module.bias_ih = nn.Parameter(torch.empty(rows, dtype=dtype))
        module.bias_hh = nn.Parameter(torch.empty(rows, dtype=dtype))
    else:
        module.register_parameter("bias_ih", None)
        module.register_parameter("bias_hh", None)
    init_uniform(module, hidden_size)


def copy_from_torch(ours: nn.Module, theirs: nn.Module, suffix: str) -> None:
    """Copy torch's ``weight_ih{suffix}`` etc. into our ``weight_ih`` etc."""
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            p = getattr(ours, name)
            if p is not None:
                p.copy_(getattr(theirs, name + suffix))


def sequence_to_time_major(x: torch.Tensor, h0, hidden_size: int, batch_first: bool, name: str):
    """Bring x to (seq, batch, input) and h0 to (batch, hidden); return them and whether x was batched.

    Checks h0 against the shapes torch.nn.RNN accepts: (1, batch, hidden), or (1, hidden) for an
    unbatched x.
    """
    batched = x.dim() == 3
    if not batched:
        x = x.unsqueeze(1)
    elif batch_first:
        x = x.transpose(0, 1)
    batch = x.shape[1]
    if h0 is None:
        return x, x.new_zeros(batch, hidden_size), batched
    expected = (1, batch, hidden_size) if batched else (1, hidden_size)
    check_tensor_shape(h0, expected, x.dtype, name, device=x.device)
    return x, (h0[0] if batched else h0), batched


def sequence_outputs(output: torch.Tensor, h: torch.Tensor, batched: bool, batch_first: bool):
    """From time-major (seq, batch, hidden) back to the layout of the input, plus h_n as torch returns it."""
    if not batched:
        return output.squeeze(1), h  # (seq, hidden) and (1, hidden)
    if batch_first:
        output = output.transpose(0, 1)
    return output, h.unsqueeze(0)
