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

``GRU`` takes torch's ``num_layers``, ``dropout`` and ``bidirectional`` and names its parameters like
torch (``weight_ih_l0``, ``weight_ih_l0_reverse``, ``weight_ih_l1``, …); layers, directions and the
``lengths`` of a padded batch are handled by ``neuralnlp.recurrent._recurrent_layer.StackedRecurrent``.
Shapes (D = 2 if bidirectional else 1, L = num_layers):

    x (seq, batch, input) -> output (seq, batch, D·hidden), h_n (L·D, batch, hidden)
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import check_float_tensor, check_tensor_shape
from neuralnlp.recurrent._recurrent_layer import (
    check_sequence_input,
    check_step_input,
    StackedRecurrent,
    check_torch_module,
    copy_from_torch,
    register_parameters,
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


def _gru_direction(x: torch.Tensor, h: torch.Tensor, weight_ih, weight_hh, bias_ih, bias_hh,
                   reverse: bool = False, mask: Optional[torch.Tensor] = None):
    """One layer in one direction over x (seq, batch, input) from h (batch, hidden).

    Returns output (seq, batch, hidden) and h_n (batch, hidden). ``reverse`` walks t = T, …, 1;
    ``mask`` (seq, batch, 1), True at real tokens: elsewhere the state is kept and the output is 0.
    """
    hidden = h.shape[-1]
    # --8<-- [start:recurrence]
    # The input side of all three gates for every time step in one matmul: (seq, batch, 3·hidden).
    projected_inputs = F.linear(x, weight_ih, bias_ih)
    inputs_rz, inputs_n = projected_inputs.split([2 * hidden, hidden], dim=-1)
    inputs_rz, inputs_n = inputs_rz.unbind(0), inputs_n.unbind(0)  # tuples of (batch, ·), one per step
    keep = None if mask is None else mask.unbind(0)
    outputs = [None] * len(inputs_n)
    for t in (reversed(range(len(inputs_n))) if reverse else range(len(inputs_n))):
        r, z, n = _gru_step(inputs_rz[t], inputs_n[t], h, weight_hh, bias_hh)
        h_new = torch.lerp(n, h, z)  # n + z ⊙ (h − n) = (1 − z) ⊙ n + z ⊙ h, in one call
        h = h_new if keep is None else torch.where(keep[t], h_new, h)  # past a sequence's end: keep h
        outputs[t] = h
    output = torch.stack(outputs)  # (seq, batch, hidden)
    # --8<-- [end:recurrence]
    if mask is not None:
        output = output.masked_fill(~mask, 0.0)
    return output, (h,)


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


class GRU(StackedRecurrent):
    r"""A GRU over a whole sequence, with the arguments, parameters and shapes of ``torch.nn.GRU`` (gates r, z, n).

    For t = 1, …, seq, starting from h_0 (zeros if not given):

    $$r_t = \sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr})$$

    $$z_t = \sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})$$

    $$n_t = \tanh(W_{in} x_t + b_{in} + r_t \odot (W_{hn} h_{t-1} + b_{hn}))$$

    $$h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}$$

    With ``num_layers`` > 1, layer k + 1 reads the outputs of layer k (after dropout in training).
    With ``bidirectional``, each layer also runs from t = seq down to 1 with its own weights, and
    its output at t is [forward h_t; backward h_t].

    Args:
        input_size: length of each input vector x_t.
        hidden_size: length of the hidden state h_t.
        num_layers: number of stacked layers (default 1).
        bias: if False, the biases are left out (every ``bias_*`` is None).
        batch_first: if True, x and output are (batch, seq, ·) instead of (seq, batch, ·).
        dropout: probability of dropout on the outputs of every layer but the last, in training mode.
        bidirectional: if True, each layer runs in both directions.
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight_ih_l{k}: (3·hidden_size, input_size) for k = 0, (3·hidden_size, D·hidden_size) above; rows
            [W_ir; W_iz; W_in]. The backward direction's are ``weight_ih_l{k}_reverse`` etc.
        weight_hh_l{k}: (3·hidden_size, hidden_size), rows [W_hr; W_hz; W_hn].
        bias_ih_l{k}, bias_hh_l{k}: (3·hidden_size,), same order. All drawn from U(-1/√hidden_size, 1/√hidden_size).

    Shapes (D = 2 if bidirectional else 1, L = num_layers):
        x: (seq, batch, input_size), or (batch, seq, input_size) if batch_first, or unbatched (seq, input_size);
        h0: (L·D, batch, hidden_size), or (L·D, hidden_size) unbatched; zeros if None;
        lengths: (batch,) integers in [1, seq], or None (every sequence is seq long);
        returns (output, h_n): output (seq, batch, D·hidden_size) [(batch, seq, D·hidden_size) if
        batch_first, (seq, D·hidden_size) unbatched]; h_n (L·D, batch, hidden_size), row
        layer·D + direction [(L·D, hidden_size) unbatched].

    Raises:
        TypeError: x or h0 is not a floating-point tensor of the parameters' dtype; lengths are not integers.
        ValueError: x is not 2-D/3-D, does not end in input_size or has no time step; h0 has the wrong
            shape; lengths are not one per sequence in [1, seq], or are given for an unbatched x.
    """

    GATES = 3
    STATE_NAMES = ("h0",)
    TORCH_TYPE = nn.GRU

    def forward(self, x: torch.Tensor, h0: Optional[torch.Tensor] = None,
                lengths=None) -> tuple[torch.Tensor, torch.Tensor]:
        """Run every layer and direction over x from h0; returns (output, h_n). Shapes and errors in the class docstring.

        ``lengths`` (one per sequence of a padded batch) gives what torch computes on
        ``pack_padded_sequence(x, lengths, enforce_sorted=False)``: each sequence is read up to its
        own length, h_n holds the state at its last real token, output is 0 at padded steps.
        """
        output, (h_n,) = self._run(x, (h0,), lengths)
        return output, h_n

    def _run_direction(self, x, state, parameters, reverse, mask):
        return _gru_direction(x, state[0], *parameters, reverse=reverse, mask=mask)

    @classmethod
    def from_torch(cls, module: nn.GRU) -> "GRU":
        """Our ``GRU`` with a copy of ``module``'s weights and settings (layers, directions, dropout, dtype).

        Raises:
            TypeError: ``module`` is not a ``torch.nn.GRU``.
        """
        return cls._from_torch(module)
