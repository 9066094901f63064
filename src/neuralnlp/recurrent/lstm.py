"""Long short-term memory (LSTM) as a ``torch.nn.Module``, with the conventions of ``torch.nn.LSTM``.

One time step, with the gates in PyTorch's order i, f, g, o (σ is the sigmoid, ⊙ the element-wise product):

    i  = σ(W_ii x + b_ii + W_hi h + b_hi)        input gate
    f  = σ(W_if x + b_if + W_hf h + b_hf)        forget gate
    g  = tanh(W_ig x + b_ig + W_hg h + b_hg)     candidate cell state
    o  = σ(W_io x + b_io + W_ho h + b_ho)        output gate
    c' = f ⊙ c + i ⊙ g                           cell state
    h' = o ⊙ tanh(c')                            hidden state

Two states travel from step to step: the cell state c, changed only by the element-wise f ⊙ c + i ⊙ g,
and the hidden state h, which is what the layer outputs. The four input matrices are stacked in
``weight_ih`` = [W_ii; W_if; W_ig; W_io] (4·hidden, input), the hidden ones in ``weight_hh`` =
[W_hi; W_hf; W_hg; W_ho] (4·hidden, hidden), and the biases likewise.

``LSTMCell`` computes one step, like ``torch.nn.LSTMCell``; ``LSTM`` a whole sequence, like
``torch.nn.LSTM`` (``num_layers``, ``dropout``, ``bidirectional``, torch's parameter names
``weight_ih_l0``, ``weight_ih_l0_reverse``, …), plus ``lengths`` for a padded batch. Shapes (D = 2 if
bidirectional else 1, L = num_layers):

    x (seq, batch, input) -> output (seq, batch, D·hidden), (h_n, c_n) each (L·D, batch, hidden)

The loop is written like ``neuralnlp.recurrent.rnn.RNN``'s: the input side of all four gates for
every time step in one matmul (both biases folded in, as neither sits inside a product), then
``unbind(0)``.
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import brief, check_float_tensor, check_tensor_shape
from neuralnlp.recurrent._recurrent_layer import (
    StackedRecurrent,
    check_step_input,
    check_torch_module,
    copy_from_torch,
    register_parameters,
)


# --8<-- [start:step]
def _lstm_step(gate_inputs: torch.Tensor, c: torch.Tensor):
    """One LSTM step from the pre-activations of the four gates (batch, 4·hidden), in the order i, f, g, o.

    Returns (i, f, g, o, c'), each (batch, hidden).
    """
    sigmoids = torch.sigmoid(gate_inputs)  # i, f and o are sigmoids; one call for all four blocks
    i, f, _, o = sigmoids.chunk(4, dim=-1)
    g = torch.tanh(gate_inputs.chunk(4, dim=-1)[2])  # the candidate uses tanh
    c = torch.addcmul(f * c, i, g)  # c' = f ⊙ c + i ⊙ g
    return i, f, g, o, c
# --8<-- [end:step]


def _lstm_direction(x: torch.Tensor, h: torch.Tensor, c: torch.Tensor, weight_ih, weight_hh, bias_ih, bias_hh,
                    reverse: bool = False, mask: Optional[torch.Tensor] = None):
    """One layer in one direction over x (seq, batch, input) from (h, c), each (batch, hidden).

    Returns output (seq, batch, hidden) and (h_n, c_n). ``reverse`` walks t = T, …, 1; ``mask``
    (seq, batch, 1), True at real tokens: elsewhere h and c are kept and the output is 0.
    """
    # --8<-- [start:recurrence]
    # The input side of all four gates for every time step in one matmul, both biases included:
    # (seq, batch, input) -> (seq, batch, 4·hidden).
    bias = None if bias_ih is None else bias_ih + bias_hh
    projected_inputs = F.linear(x, weight_ih, bias).unbind(0)  # a tuple of (batch, 4·hidden), one per step
    weight_hh_t = weight_hh.T  # transposed once, not at every step
    keep = None if mask is None else mask.unbind(0)
    outputs = [None] * len(projected_inputs)
    for t in (reversed(range(len(outputs))) if reverse else range(len(outputs))):
        i, f, g, o, c_new = _lstm_step(torch.addmm(projected_inputs[t], h, weight_hh_t), c)
        h_new = o * torch.tanh(c_new)  # h' = o ⊙ tanh(c')
        if keep is None:
            h, c = h_new, c_new
        else:  # past a sequence's end: keep h and c
            h, c = torch.where(keep[t], h_new, h), torch.where(keep[t], c_new, c)
        outputs[t] = h
    output = torch.stack(outputs)  # (seq, batch, hidden)
    # --8<-- [end:recurrence]
    if mask is not None:
        output = output.masked_fill(~mask, 0.0)
    return output, (h, c)


def _check_pair(hx, name: str = "hx") -> tuple:
    """(h, c) from hx, which must be None or a pair; ``TypeError`` otherwise."""
    if hx is None:
        return None, None
    if not isinstance(hx, (tuple, list)) or len(hx) != 2:
        raise TypeError(f"{name}: expected a pair (h, c) of tensors or None, got {brief(hx)}")
    return hx[0], hx[1]


class LSTMCell(nn.Module):
    r"""One LSTM step, like ``torch.nn.LSTMCell`` (gate order i, f, g, o).

    $$i = \sigma(W_{ii} x + b_{ii} + W_{hi} h + b_{hi})$$

    $$f = \sigma(W_{if} x + b_{if} + W_{hf} h + b_{hf})$$

    $$g = \tanh(W_{ig} x + b_{ig} + W_{hg} h + b_{hg})$$

    $$o = \sigma(W_{io} x + b_{io} + W_{ho} h + b_{ho})$$

    $$c' = f \odot c + i \odot g, \qquad h' = o \odot \tanh(c')$$

    Args:
        input_size: length of each input vector x.
        hidden_size: length of the hidden state h and of the cell state c.
        bias: if False, the biases are left out (``bias_ih`` and ``bias_hh`` are None).
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight_ih: (4·hidden_size, input_size), rows [W_ii; W_if; W_ig; W_io].
        weight_hh: (4·hidden_size, hidden_size), rows [W_hi; W_hf; W_hg; W_ho].
        bias_ih, bias_hh: (4·hidden_size,), same order. All drawn from U(-1/√hidden_size, 1/√hidden_size).

    Shapes:
        x: (batch, input_size) or (input_size,);
        hx: a pair (h, c), each (batch, hidden_size) or (hidden_size,); zeros if None;
        returns (h', c'): each shaped like h.

    Raises:
        TypeError: x, h or c is not a floating-point tensor of the parameters' dtype; hx is not a pair.
        ValueError: x does not end in input_size, or h or c does not have the shape above.
    """

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True, *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        register_parameters(self, input_size, hidden_size, 4, bias, dtype)

    def _checked_states(self, x, hx) -> tuple:
        """Validate x and hx; return (h, c), zeros shaped like them when hx is None."""
        check_float_tensor(x, "x", self.weight_ih.dtype, self.weight_ih.device)
        check_step_input(x, self.input_size)
        h, c = _check_pair(hx)
        if h is None:
            zeros = x.new_zeros(*x.shape[:-1], self.hidden_size)
            return zeros, zeros
        for state, name in ((h, "h"), (c, "c")):
            check_tensor_shape(state, (*x.shape[:-1], self.hidden_size), x.dtype, name, device=x.device)
        return h, c

    def gates(self, x: torch.Tensor, hx: Optional[tuple] = None):
        """The input gate i, forget gate f, candidate g, output gate o and new cell state c' of one step.

        Each is shaped like h; the new hidden state is h' = o ⊙ tanh(c'). Shapes and errors as in
        the class docstring.
        """
        h, c = self._checked_states(x, hx)
        gate_inputs = F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh, self.bias_hh)
        return _lstm_step(gate_inputs, c)

    # --8<-- [start:cell]
    def forward(self, x: torch.Tensor, hx: Optional[tuple] = None) -> tuple[torch.Tensor, torch.Tensor]:
        """(h', c') with c' = f ⊙ c + i ⊙ g and h' = o ⊙ tanh(c'); shapes and errors in the class docstring."""
        i, f, g, o, c = self.gates(x, hx)
        return o * torch.tanh(c), c
    # --8<-- [end:cell]

    @classmethod
    def from_torch(cls, cell: nn.LSTMCell) -> "LSTMCell":
        """Our ``LSTMCell`` with a copy of ``cell``'s weights, bias setting and dtype."""
        check_torch_module(cell, nn.LSTMCell, "cell")
        ours = cls(cell.input_size, cell.hidden_size, cell.bias, dtype=cell.weight_ih.dtype)
        copy_from_torch(ours, cell, "")
        return ours

    def extra_repr(self) -> str:
        return f"{self.input_size}, {self.hidden_size}, bias={self.bias}"


class LSTM(StackedRecurrent):
    r"""An LSTM over a whole sequence, with the arguments, parameters and shapes of ``torch.nn.LSTM`` (gates i, f, g, o).

    For t = 1, …, seq, starting from h_0 and c_0 (zeros if not given):

    $$i_t = \sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})$$

    $$f_t = \sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})$$

    $$g_t = \tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})$$

    $$o_t = \sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})$$

    $$c_t = f_t \odot c_{t-1} + i_t \odot g_t, \qquad h_t = o_t \odot \tanh(c_t)$$

    With ``num_layers`` > 1, layer k + 1 reads the outputs h_t of layer k (after dropout in
    training). With ``bidirectional``, each layer also runs from t = seq down to 1 with its own
    weights, and its output at t is [forward h_t; backward h_t]. ``proj_size`` is not supported.

    Args:
        input_size: length of each input vector x_t.
        hidden_size: length of the hidden state h_t and of the cell state c_t.
        num_layers: number of stacked layers (default 1).
        bias: if False, the biases are left out (every ``bias_*`` is None).
        batch_first: if True, x and output are (batch, seq, ·) instead of (seq, batch, ·).
        dropout: probability of dropout on the outputs of every layer but the last, in training mode.
        bidirectional: if True, each layer runs in both directions.
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight_ih_l{k}: (4·hidden_size, input_size) for k = 0, (4·hidden_size, D·hidden_size) above; rows
            [W_ii; W_if; W_ig; W_io]. The backward direction's are ``weight_ih_l{k}_reverse`` etc.
        weight_hh_l{k}: (4·hidden_size, hidden_size), rows [W_hi; W_hf; W_hg; W_ho].
        bias_ih_l{k}, bias_hh_l{k}: (4·hidden_size,), same order. All drawn from U(-1/√hidden_size, 1/√hidden_size).

    Shapes (D = 2 if bidirectional else 1, L = num_layers):
        x: (seq, batch, input_size), or (batch, seq, input_size) if batch_first, or unbatched (seq, input_size);
        hx: a pair (h0, c0), each (L·D, batch, hidden_size) [(L·D, hidden_size) unbatched]; zeros if None;
        lengths: (batch,) integers in [1, seq], or None (every sequence is seq long);
        returns (output, (h_n, c_n)): output (seq, batch, D·hidden_size) [(batch, seq, D·hidden_size) if
        batch_first, (seq, D·hidden_size) unbatched]; h_n and c_n (L·D, batch, hidden_size), row
        layer·D + direction [(L·D, hidden_size) unbatched].

    Raises:
        TypeError: x, h0 or c0 is not a floating-point tensor of the parameters' dtype; hx is not a
            pair; lengths are not integers.
        ValueError: x is not 2-D/3-D, does not end in input_size or has no time step; h0 or c0 has the
            wrong shape; lengths are not one per sequence in [1, seq], or are given for an unbatched x.
    """

    GATES = 4
    STATE_NAMES = ("h0", "c0")
    TORCH_TYPE = nn.LSTM

    def forward(self, x: torch.Tensor, hx: Optional[tuple] = None,
                lengths=None) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        """Run every layer and direction over x from hx = (h0, c0); returns (output, (h_n, c_n)).

        ``lengths`` (one per sequence of a padded batch) gives what torch computes on
        ``pack_padded_sequence(x, lengths, enforce_sorted=False)``: each sequence is read up to its
        own length, h_n and c_n hold the states at its last real token, output is 0 at padded steps.
        Shapes and errors in the class docstring.
        """
        output, (h_n, c_n) = self._run(x, _check_pair(hx), lengths)
        return output, (h_n, c_n)

    def _run_direction(self, x, state, parameters, reverse, mask):
        return _lstm_direction(x, *state, *parameters, reverse=reverse, mask=mask)

    @classmethod
    def from_torch(cls, module: nn.LSTM) -> "LSTM":
        """Our ``LSTM`` with a copy of ``module``'s weights and settings (layers, directions, dropout, dtype).

        Raises:
            TypeError: ``module`` is not a ``torch.nn.LSTM``.
            ValueError: it has a projection (proj_size > 0).
        """
        return cls._from_torch(module)
