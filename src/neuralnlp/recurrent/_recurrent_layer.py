"""What the recurrent layers share: parameters registered and initialised like torch's, the checks of
their inputs, and the conversions between the caller's layout and the time-major (seq, batch, ·)
layout that the loops run on. Used by ``rnn``, ``gru`` and ``lstm``.

``StackedRecurrent`` is the part of ``GRU`` and ``LSTM`` that does not depend on the cell: layers
stacked ``num_layers`` deep, each run in one or two directions, with torch's parameter names
(``weight_ih_l{k}``, ``weight_ih_l{k}_reverse``, …), the state layout of torch's h_n (row
``layer · num_directions + direction``), dropout between layers, and padded batches read up to
each sequence's true length:

    layer k, forward direction:   h_t^(k) = cell(x_t^(k), h_{t-1}^(k)),   t = 1, …, T
    layer k, backward direction:  h_t^(k) = cell(x_t^(k), h_{t+1}^(k)),   t = T, …, 1
    input of layer k + 1:         x_t^(k+1) = [h_t^(k) forward; h_t^(k) backward]   (2·hidden)

With ``lengths`` (one per batch row) a step t >= length leaves the state as it was and outputs
zeros, which is what torch computes for ``pack_padded_sequence(x, lengths, enforce_sorted=False)``:
the forward direction stops at each sequence's last real token, the backward one starts there.
"""

from __future__ import annotations

import math
from typing import Optional

import torch
from torch import nn

from neuralnlp._checks import (
    as_lengths_tensor,
    brief,
    check_bool,
    check_float_dtype,
    check_float_tensor,
    check_positive_int,
    check_real,
    check_tensor_shape,
)


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


PARAMETER_NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


class StackedRecurrent(nn.Module):
    """Layers of one recurrence stacked ``num_layers`` deep, in one or two directions (see the module docstring).

    A subclass sets ``GATES`` (rows of ``weight_ih`` per hidden unit), ``STATE_NAMES`` (``("h0",)``
    or ``("h0", "c0")``), ``TORCH_TYPE``, and implements ``_run_direction``.
    """

    GATES: int = 1
    STATE_NAMES: tuple = ("h0",)
    TORCH_TYPE: type = nn.Module

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True,
                 batch_first: bool = False, dropout: float = 0.0, bidirectional: bool = False,
                 *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.input_size = check_positive_int(input_size, "input_size")  # plain ints, NumPy's accepted
        self.hidden_size = check_positive_int(hidden_size, "hidden_size")
        self.num_layers = check_positive_int(num_layers, "num_layers")
        self.bias = check_bool(bias, "bias")
        self.batch_first = check_bool(batch_first, "batch_first")
        self.dropout = check_real(dropout, "dropout", 0, 1, what="a probability")
        self.bidirectional = check_bool(bidirectional, "bidirectional")
        check_float_dtype(dtype)
        dtype = torch.get_default_dtype() if dtype is None else dtype
        rows = self.GATES * self.hidden_size
        for layer in range(self.num_layers):  # torch's registration order, so that a seed gives torch's weights
            layer_input = self.input_size if layer == 0 else self.hidden_size * self.num_directions
            for direction in range(self.num_directions):
                suffix = _suffix(layer, direction)
                self.register_parameter("weight_ih" + suffix, nn.Parameter(torch.empty(rows, layer_input, dtype=dtype)))
                self.register_parameter("weight_hh" + suffix, nn.Parameter(torch.empty(rows, self.hidden_size, dtype=dtype)))
                for name in ("bias_ih", "bias_hh"):
                    self.register_parameter(name + suffix, nn.Parameter(torch.empty(rows, dtype=dtype)) if bias else None)
        init_uniform(self, self.hidden_size)

    @property
    def num_directions(self) -> int:
        """2 if bidirectional, else 1."""
        return 2 if self.bidirectional else 1

    def _layer_parameters(self, layer: int, direction: int) -> tuple:
        suffix = _suffix(layer, direction)
        return tuple(getattr(self, name + suffix) for name in PARAMETER_NAMES)

    def _run_direction(self, x, state: tuple, parameters: tuple, reverse: bool, mask):
        """x (seq, batch, input), state: tuple of (batch, hidden) -> output (seq, batch, hidden), final state tuple."""
        raise NotImplementedError

    def _run(self, x: torch.Tensor, states: tuple, lengths):
        """Check everything, run every layer and direction; return output and the final states (a list)."""
        first = self.weight_ih_l0
        check_float_tensor(x, "x", first.dtype, first.device)
        check_sequence_input(x, self.input_size, self.batch_first)
        batched = x.dim() == 3
        if not batched:
            x = x.unsqueeze(1)
        elif self.batch_first:
            x = x.transpose(0, 1)
        seq, batch = x.shape[0], x.shape[1]
        rows = self.num_layers * self.num_directions
        initial = []
        for state, name in zip(states, self.STATE_NAMES):
            if state is None:
                initial.append(x.new_zeros(rows, batch, self.hidden_size))
                continue
            expected = (rows, batch, self.hidden_size) if batched else (rows, self.hidden_size)
            check_tensor_shape(state, expected, x.dtype, name, device=x.device)
            initial.append(state if batched else state.unsqueeze(1))
        mask = None
        if lengths is not None:
            if not batched:
                raise ValueError(f"lengths: expected None for an unbatched x of shape (seq, input_size) "
                                 f"(it has one length, its seq), got {brief(lengths)}")
            lengths = as_lengths_tensor(lengths, batch, seq)
            # (seq, batch, 1): True where step t is a real token of row b, i.e. t < lengths[b]
            mask = (torch.arange(seq).unsqueeze(1) < lengths).unsqueeze(-1).to(x.device)
        layer_input = x
        finals = [[] for _ in states]
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(self.num_directions):
                row = layer * self.num_directions + direction  # torch's layout of h_n
                output, final = self._run_direction(layer_input, tuple(s[row] for s in initial),
                                                    self._layer_parameters(layer, direction), direction == 1, mask)
                outputs.append(output)
                for kept, state in zip(finals, final):
                    kept.append(state)
            layer_input = outputs[0] if len(outputs) == 1 else torch.cat(outputs, dim=-1)
            if self.dropout and self.training and layer < self.num_layers - 1:
                layer_input = nn.functional.dropout(layer_input, self.dropout, training=True)
        output = layer_input
        finals = [torch.stack(kept) for kept in finals]  # (num_layers · num_directions, batch, hidden)
        if not batched:
            return output.squeeze(1), [state.squeeze(1) for state in finals]
        if self.batch_first:
            output = output.transpose(0, 1)
        return output, finals

    @classmethod
    def _from_torch(cls, module):
        if not isinstance(module, cls.TORCH_TYPE):
            raise TypeError(f"module: expected a {cls.TORCH_TYPE.__module__}.{cls.TORCH_TYPE.__name__}, "
                            f"got {type(module).__name__}")
        if getattr(module, "proj_size", 0):
            raise ValueError(f"module: expected an LSTM without projection (proj_size=0), got proj_size={module.proj_size}")
        ours = cls(module.input_size, module.hidden_size, module.num_layers, module.bias, module.batch_first,
                   module.dropout, module.bidirectional, dtype=module.weight_ih_l0.dtype)
        with torch.no_grad():
            for name, parameter in ours.named_parameters():
                parameter.copy_(getattr(module, name))
        ours.train(module.training)
        return ours

    def extra_repr(self) -> str:
        return (f"{self.input_size}, {self.hidden_size}, num_layers={self.num_layers}, bias={self.bias}, "
                f"batch_first={self.batch_first}, dropout={self.dropout}, bidirectional={self.bidirectional}")


def _suffix(layer: int, direction: int) -> str:
    return f"_l{layer}" + ("_reverse" if direction else "")
