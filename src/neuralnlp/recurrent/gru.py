"""The gated recurrent unit (GRU) as a ``torch.nn.Module``, with the conventions of ``torch.nn.GRU``.

One time step, with the gates in PyTorch's order r, z, n (σ is the sigmoid, ⊙ the element-wise product):

    r  = σ(W_ir x + b_ir + W_hr h + b_hr)            reset gate
    z  = σ(W_iz x + b_iz + W_hz h + b_hz)            update gate
    n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))   candidate state
    h' = (1 − z) ⊙ n + z ⊙ h

As in torch, the reset gate multiplies W_hn h + b_hn (after the matrix product), and z = 1 keeps
the old state. The three input matrices are stacked in ``weight_ih`` = [W_ir; W_iz; W_in]
(3·hidden, input), the hidden ones in ``weight_hh`` = [W_hr; W_hz; W_hn] (3·hidden, hidden), and the
biases likewise. ``GRUCell`` computes one step, ``GRU`` a whole sequence; shapes, errors and
``from_torch`` are those of ``neuralnlp.recurrent.rnn``. The loop is written like ``neuralnlp.recurrent.rnn.RNN``'s:
the input side of all three gates for every time step in one matmul, then ``unbind(0)``.
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import check_bool, check_float_tensor, check_tensor_shape
from neuralnlp.recurrent._recurrent_layer import (
    check_sequence_input,
    check_step_input,
    check_torch_module,
    copy_from_torch,
    register_parameters,
    sequence_outputs,
    sequence_to_time_major,
)


# --8<-- [start:step]
def _gru_step(x_rz: torch.Tensor, x_n: torch.Tensor, h: torch.Tensor, weight_hh: torch.Tensor, bias_hh):
    """One GRU step; x_rz and x_n are the input side W_ih x + b_ih split into r, z rows and n rows.

    Returns (r, z, n), each shaped like h (batch, hidden).
    """
    hidden = h.shape[-1]
    h_rz, h_n = F.linear(h, weight_hh, bias_hh).split([2 * hidden, hidden], dim=-1)
    # The reset and update gates have the same form, so one sigmoid computes both.
    r, z = torch.sigmoid(x_rz + h_rz).chunk(2, dim=-1)
    n = torch.tanh(torch.addcmul(x_n, r, h_n))  # candidate state: x_n + r ⊙ (W_hn h + b_hn)
    return r, z, n
# --8<-- [end:step]


class GRUCell(nn.Module):
    r"""One GRU step, like ``torch.nn.GRUCell`` (gate order r, z, n).

    $$r = \sigma(W_{ir} x + b_{ir} + W_{hr} h + b_{hr})$$

    $$z = \sigma(W_{iz} x + b_{iz} + W_{hz} h + b_{hz})$$

    $$n = \tanh(W_{in} x + b_{in} + r \odot (W_{hn} h + b_{hn}))$$

    $$h' = (1 - z) \odot n + z \odot h$$

    Args:
        input_size: length of each input vector x.
        hidden_size: length of the hidden state h.
        bias: if False, the biases are left out (``bias_ih`` and ``bias_hh`` are None).
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight_ih: (3·hidden_size, input_size), rows [W_ir; W_iz; W_in].
        weight_hh: (3·hidden_size, hidden_size), rows [W_hr; W_hz; W_hn].
        bias_ih, bias_hh: (3·hidden_size,), same order. All drawn from U(-1/√hidden_size, 1/√hidden_size).

    Shapes:
        x: (batch, input_size) or (input_size,);
        h: (batch, hidden_size) or (hidden_size,), zeros if None;
        returns h': same shape as h.

    Raises:
        TypeError: x or h is not a floating-point tensor of the parameters' dtype.
        ValueError: x does not end in input_size, or h does not have the shape above.
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True, *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        register_parameters(self, input_size, hidden_size, 3, bias, dtype)

    def _checked_state(self, x, h) -> torch.Tensor:
        """Validate x and h; return h, or zeros shaped like it when h is None."""
        check_float_tensor(x, "x", self.weight_ih.dtype, self.weight_ih.device)
        check_step_input(x, self.input_size)
        if h is None:
            return x.new_zeros(*x.shape[:-1], self.hidden_size)
        check_tensor_shape(h, (*x.shape[:-1], self.hidden_size), x.dtype, "h", device=x.device)
        return h

    def gates(self, x: torch.Tensor, h: Optional[torch.Tensor] = None):
        """The reset gate r, update gate z and candidate state n of one step, each shaped like h.

        The new state is h' = (1 − z) ⊙ n + z ⊙ h. Shapes and errors as in the class docstring.
        """
        h = self._checked_state(x, h)
        x_rz, x_n = F.linear(x, self.weight_ih, self.bias_ih).split([2 * self.hidden_size, self.hidden_size], dim=-1)
        return _gru_step(x_rz, x_n, h, self.weight_hh, self.bias_hh)

    # --8<-- [start:cell]
    def forward(self, x: torch.Tensor, h: Optional[torch.Tensor] = None) -> torch.Tensor:
        """h' = (1 − z) ⊙ n + z ⊙ h; shapes and errors in the class docstring."""
        r, z, n = self.gates(x, h)
        h = x.new_zeros(*x.shape[:-1], self.hidden_size) if h is None else h
        return (1 - z) * n + z * h  # z near 1 keeps the old state
    # --8<-- [end:cell]

    @classmethod
    def from_torch(cls, cell: nn.GRUCell) -> "GRUCell":
        """Our ``GRUCell`` with a copy of ``cell``'s weights, bias setting and dtype."""
        check_torch_module(cell, nn.GRUCell, "cell")
        ours = cls(cell.input_size, cell.hidden_size, cell.bias, dtype=cell.weight_ih.dtype)
        copy_from_torch(ours, cell, "")
        return ours

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}, bias={self.bias}"


class GRU(nn.Module):
    r"""A single-layer GRU over a whole sequence, with the shapes of ``torch.nn.GRU`` (gate order r, z, n).

    For t = 1, …, seq, starting from h_0 (zeros if not given):

    $$r_t = \sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr})$$

    $$z_t = \sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})$$

    $$n_t = \tanh(W_{in} x_t + b_{in} + r_t \odot (W_{hn} h_{t-1} + b_{hn}))$$

    $$h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}$$

    Args:
        input_size: length of each input vector x_t.
        hidden_size: length of the hidden state h_t.
        bias: if False, the biases are left out (``bias_ih`` and ``bias_hh`` are None).
        batch_first: if True, x and output are (batch, seq, ·) instead of (seq, batch, ·).
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight_ih: (3·hidden_size, input_size), rows [W_ir; W_iz; W_in]; torch calls it ``weight_ih_l0``.
        weight_hh: (3·hidden_size, hidden_size), rows [W_hr; W_hz; W_hn].
        bias_ih, bias_hh: (3·hidden_size,), same order. All drawn from U(-1/√hidden_size, 1/√hidden_size).

    Shapes:
        x: (seq, batch, input_size), or (batch, seq, input_size) if batch_first, or unbatched (seq, input_size);
        h0: (1, batch, hidden_size), or (1, hidden_size) unbatched; zeros if None;
        returns (output, h_n): output (seq, batch, hidden_size) [(batch, seq, hidden_size) if batch_first,
        (seq, hidden_size) unbatched] and h_n (1, batch, hidden_size) [(1, hidden_size) unbatched].

    Raises:
        TypeError: x or h0 is not a floating-point tensor of the parameters' dtype.
        ValueError: x is not 2-D/3-D, does not end in input_size or has no time step; h0 has the wrong shape.
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True, batch_first: bool = False,
                 *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        self.batch_first = check_bool(batch_first, "batch_first")
        register_parameters(self, input_size, hidden_size, 3, bias, dtype)

    def forward(self, x: torch.Tensor, h0: Optional[torch.Tensor] = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Run the recurrence over x from h0; returns (output, h_n). Shapes and errors in the class docstring."""
        check_float_tensor(x, "x", self.weight_ih.dtype, self.weight_ih.device)
        check_sequence_input(x, self.input_size, self.batch_first)
        x, h, batched = sequence_to_time_major(x, h0, self.hidden_size, self.batch_first, "h0")
        # --8<-- [start:recurrence]
        # The input side of all three gates for every time step in one matmul: (seq, batch, 3·hidden).
        projected_inputs = F.linear(x, self.weight_ih, self.bias_ih)
        inputs_rz, inputs_n = projected_inputs.split([2 * self.hidden_size, self.hidden_size], dim=-1)
        weight_hh, bias_hh = self.weight_hh, self.bias_hh  # looked up once, not at every step
        outputs = []
        for x_rz, x_n in zip(inputs_rz.unbind(0), inputs_n.unbind(0)):
            r, z, n = _gru_step(x_rz, x_n, h, weight_hh, bias_hh)
            h = torch.lerp(n, h, z)  # n + z ⊙ (h − n) = (1 − z) ⊙ n + z ⊙ h, in one call
            outputs.append(h)
        output = torch.stack(outputs)  # (seq, batch, hidden)
        # --8<-- [end:recurrence]
        return sequence_outputs(output, h, batched, self.batch_first)

    @classmethod
    def from_torch(cls, module: nn.GRU) -> "GRU":
        """Our ``GRU`` with a copy of ``module``'s weights and settings (single layer, unidirectional only).

        Raises:
            TypeError: ``module`` is not a ``torch.nn.GRU``.
            ValueError: it has more than one layer or is bidirectional.
        """
        check_torch_module(module, nn.GRU, "module")
        ours = cls(module.input_size, module.hidden_size, module.bias, module.batch_first,
                   dtype=module.weight_ih_l0.dtype)
        copy_from_torch(ours, module, "_l0")
        return ours

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}, bias={self.bias}, batch_first={self.batch_first}"
