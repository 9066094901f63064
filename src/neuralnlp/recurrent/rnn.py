"""The Elman recurrent network (RNN) as a ``torch.nn.Module``, with the conventions of ``torch.nn.RNN``.

One time step reads the input x_t and the previous hidden state h_{t-1}:

    h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)

``RNNCell`` computes one step; ``RNN`` runs the step over a whole sequence. Both have the
parameters ``weight_ih`` (hidden, input), ``weight_hh`` (hidden, hidden), ``bias_ih`` and ``bias_hh``
(hidden,), initialised like torch, and ``from_torch`` copies the weights of a ``torch.nn.RNN`` /
``torch.nn.RNNCell``. The tests compare both with torch (outputs and gradients).

Why the loop is written the way it is (see the performance page):

- W_ih x_t + b_ih does not depend on the hidden state, so it is computed for every time step in
  one matrix product before the loop; only W_hh h_{t-1} has to wait for the previous step.
- The loop walks over ``unbind(0)`` rather than ``x[t]``: the backward of each ``x[t]`` builds a
  zero gradient as large as the whole sequence, which makes backward time grow with seq².
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import check_bool, check_choice, check_float_tensor, check_tensor_shape
from neuralnlp.recurrent._recurrent_layer import (
    check_sequence_input,
    check_step_input,
    check_torch_module,
    copy_from_torch,
    register_parameters,
    sequence_outputs,
    sequence_to_time_major,
)

_ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu}


class RNNCell(nn.Module):
    r"""One step of an Elman RNN: h' = tanh(W_ih x + b_ih + W_hh h + b_hh), like ``torch.nn.RNNCell``.

    $$h' = \tanh(W_{ih} x + b_{ih} + W_{hh} h + b_{hh})$$

    Args:
        input_size: length of each input vector x.
        hidden_size: length of the hidden state h.
        bias: if False, b_ih and b_hh are left out (``bias_ih`` and ``bias_hh`` are None).
        nonlinearity: ``"tanh"`` (default) or ``"relu"``.
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight_ih: (hidden_size, input_size).
        weight_hh: (hidden_size, hidden_size).
        bias_ih, bias_hh: (hidden_size,). All four drawn from U(-1/√hidden_size, 1/√hidden_size).

    Shapes:
        x: (batch, input_size) or (input_size,);
        h: (batch, hidden_size) or (hidden_size,), zeros if None;
        returns h': same shape as h.

    Raises:
        TypeError: x or h is not a floating-point tensor of the parameters' dtype.
        ValueError: x does not end in input_size, or h does not have the shape above.
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True, nonlinearity: str = "tanh",
                 *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        check_choice(nonlinearity, _ACTIVATIONS, "nonlinearity")
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        self.nonlinearity = nonlinearity
        register_parameters(self, input_size, hidden_size, 1, bias, dtype)

    # --8<-- [start:cell]
    def forward(self, x: torch.Tensor, h: Optional[torch.Tensor] = None) -> torch.Tensor:
        """h' = tanh(W_ih x + b_ih + W_hh h + b_hh); shapes and errors in the class docstring."""
        check_float_tensor(x, "x", self.weight_ih.dtype, self.weight_ih.device)
        check_step_input(x, self.input_size)
        if h is None:
            h = x.new_zeros(*x.shape[:-1], self.hidden_size)
        check_tensor_shape(h, (*x.shape[:-1], self.hidden_size), x.dtype, "h", device=x.device)
        activation = _ACTIVATIONS[self.nonlinearity]
        return activation(F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh, self.bias_hh))
    # --8<-- [end:cell]

    @classmethod
    def from_torch(cls, cell: nn.RNNCell) -> "RNNCell":
        """Our ``RNNCell`` with a copy of ``cell``'s weights, bias setting, nonlinearity and dtype."""
        check_torch_module(cell, nn.RNNCell, "cell")
        ours = cls(cell.input_size, cell.hidden_size, cell.bias, cell.nonlinearity, dtype=cell.weight_ih.dtype)
        copy_from_torch(ours, cell, "")
        return ours

    def extra_repr(self) -> str:
        return (f"{self.input_size}, {self.hidden_size}, bias={self.bias}, "
                f"nonlinearity={self.nonlinearity!r}")


class RNN(nn.Module):
    r"""A single-layer Elman RNN over a whole sequence, with the shapes of ``torch.nn.RNN``.

    For t = 1, …, seq:

    $$h_t = \tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})$$

    starting from h_0 (zeros if not given). The output is every h_t; h_n is the last one.

    Args:
        input_size: length of each input vector x_t.
        hidden_size: length of the hidden state h_t.
        bias: if False, b_ih and b_hh are left out (``bias_ih`` and ``bias_hh`` are None).
        nonlinearity: ``"tanh"`` (default) or ``"relu"``.
        batch_first: if True, x and output are (batch, seq, ·) instead of (seq, batch, ·).
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight_ih: (hidden_size, input_size); torch calls it ``weight_ih_l0``.
        weight_hh: (hidden_size, hidden_size).
        bias_ih, bias_hh: (hidden_size,). All four drawn from U(-1/√hidden_size, 1/√hidden_size).

    Shapes:
        x: (seq, batch, input_size), or (batch, seq, input_size) if batch_first, or unbatched (seq, input_size);
        h0: (1, batch, hidden_size), or (1, hidden_size) unbatched; zeros if None;
        returns (output, h_n): output (seq, batch, hidden_size) [(batch, seq, hidden_size) if batch_first,
        (seq, hidden_size) unbatched] and h_n (1, batch, hidden_size) [(1, hidden_size) unbatched].

    Raises:
        TypeError: x or h0 is not a floating-point tensor of the parameters' dtype.
        ValueError: x is not 2-D/3-D, does not end in input_size or has no time step; h0 has the wrong shape.
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True, nonlinearity: str = "tanh",
                 batch_first: bool = False, *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        check_choice(nonlinearity, _ACTIVATIONS, "nonlinearity")
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        self.nonlinearity, self.batch_first = nonlinearity, check_bool(batch_first, "batch_first")
        register_parameters(self, input_size, hidden_size, 1, bias, dtype)

    def forward(self, x: torch.Tensor, h0: Optional[torch.Tensor] = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Run the recurrence over x from h0; returns (output, h_n). Shapes and errors in the class docstring."""
        check_float_tensor(x, "x", self.weight_ih.dtype, self.weight_ih.device)
        check_sequence_input(x, self.input_size, self.batch_first)
        x, h, batched = sequence_to_time_major(x, h0, self.hidden_size, self.batch_first, "h0")
        activation = _ACTIVATIONS[self.nonlinearity]
        # --8<-- [start:input-projection]
        # W_ih x_t + b_ih + b_hh does not depend on h, so compute it for all time steps in one matmul:
        # (seq, batch, input) -> (seq, batch, hidden).
        bias = None if self.bias_ih is None else self.bias_ih + self.bias_hh
        projected_inputs = F.linear(x, self.weight_ih, bias)
        # --8<-- [end:input-projection]
        # --8<-- [start:recurrence]
        weight_hh_t = self.weight_hh.T  # (hidden, hidden), transposed once, not at every step
        outputs = []
        for projected_x_t in projected_inputs.unbind(0):  # not projected_inputs[t]: see the module docstring
            h = activation(torch.addmm(projected_x_t, h, weight_hh_t))  # a_t + h W_hhᵀ in one call
            outputs.append(h)
        output = torch.stack(outputs)  # (seq, batch, hidden)
        # --8<-- [end:recurrence]
        return sequence_outputs(output, h, batched, self.batch_first)

    @classmethod
    def from_torch(cls, module: nn.RNN) -> "RNN":
        """Our ``RNN`` with a copy of ``module``'s weights and settings (single layer, unidirectional only).

        Raises:
            TypeError: ``module`` is not a ``torch.nn.RNN``.
            ValueError: it has more than one layer or is bidirectional.
        """
        check_torch_module(module, nn.RNN, "module")
        ours = cls(module.input_size, module.hidden_size, module.bias, module.nonlinearity,
                   module.batch_first, dtype=module.weight_ih_l0.dtype)
        copy_from_torch(ours, module, "_l0")
        return ours

    def extra_repr(self) -> str:
        return (f"{self.input_size}, {self.hidden_size}, bias={self.bias}, "
                f"nonlinearity={self.nonlinearity!r}, batch_first={self.batch_first}")
