r"""Convolutions over text: a 1-D convolution, max-over-time pooling that ignores padding, and TextCNN.

**1-D convolution** (``conv1d``, ``Conv1d``; torch's names and layout). An input x of shape
(batch, in_channels, length) — for text, the embedding of each token is one column, so
in_channels = embedding_dim and length = number of tokens — is zero-padded with ``padding``
columns on each side (x̃), and each output position t sees K columns spaced ``dilation`` apart:

    y[:, o, t] = b[o] + Σ_{k=0}^{K-1} Σ_i W[o, i, k] · x̃[:, i, t·stride + k·dilation]

    weight W: (out_channels, in_channels, K)   bias b: (out_channels,)
    L_out = ⌊(length + 2·padding − dilation·(K − 1) − 1) / stride⌋ + 1

Equal to ``torch.nn.Conv1d`` (``groups=1``, ``padding_mode="zeros"``) in outputs and gradients;
``padding`` is an integer ≥ 0, ``"valid"`` (0) or ``"same"`` (output as long as the input; stride 1).
Each filter o is one row W[o] of K·in_channels weights: it scores every window of K tokens
(a K-gram) with a dot product.

**Max-over-time pooling that ignores padding** (``max_over_time``). For conv outputs h of shape
(batch, channels, time) and the number of valid positions n_b of each row:

    m[b, c] = max_{t < n_b} h[b, c, t]

Positions t ≥ n_b (windows over padding) never win, whatever their values. The gradient of a
maximum goes to its winning position only: ∂m[b, c]/∂h[b, c, t] = 1 if t = argmax, else 0.

**TextCNN** (Kim, 2014): embed the tokens, one ``Conv1d`` per kernel width K with ``n_filters``
filters, ReLU, max over time, concatenate, dropout, a linear layer to the class logits:

    ids (batch, seq) → E (batch, d, seq) → ReLU(conv_K(E)) (batch, n_filters, seq − K + 1)
      → max over the valid windows (batch, n_filters) → concat over K (batch, n_filters·#K) → logits (batch, n_classes)

A window is valid when it lies inside the text: a text of n tokens has n − K + 1 windows of width K.
**A text shorter than a kernel** (n < K) is padded inside: it keeps one window, position 0, in which
the positions past its end are zero vectors, exactly as if the text were zero-padded to K tokens.
Embeddings past each text's length are zeroed before the convolution, so a text's logits do not
depend on the padding token's vector nor on the other texts of its batch.
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

import torch
from torch import nn

from neuralnlp._checks import (
    as_lengths_tensor,
    brief,
    check_bool,
    check_choice,
    check_float_dtype,
    check_float_tensor,
    check_fraction,
    check_int,
    check_positive_int,
    check_shape,
)

__all__ = ["conv1d", "conv1d_output_length", "Conv1d", "max_over_time", "TextCNN"]


def _check_padding(padding, stride: int):
    """An integer >= 0, "valid" or "same" (which needs stride 1, as in torch)."""
    if isinstance(padding, str):
        check_choice(padding, ("valid", "same"), "padding")
        if padding == "same" and stride != 1:
            raise ValueError(f"padding: expected an integer >= 0 or 'valid' with stride {stride} "
                             f"('same' needs stride 1), got 'same'")
        return padding
    return check_int(padding, "padding", minimum=0)


def _pads(padding, kernel_size: int, dilation: int) -> tuple[int, int]:
    """(left, right) zero columns: ``padding`` on both sides; for "same", the extra column on the right, as torch."""
    if padding == "valid":
        return 0, 0
    if padding == "same":
        total = dilation * (kernel_size - 1)
        return total // 2, total - total // 2
    return padding, padding


def conv1d_output_length(length: int, kernel_size: int, stride: int = 1, padding=0, dilation: int = 1) -> int:
    """L_out = ⌊(length + 2·padding − dilation·(kernel_size − 1) − 1) / stride⌋ + 1 (may be ≤ 0: no window fits).

    Args:
        length: the input's length (number of tokens), >= 0.
        kernel_size: K, the width of a window.
        stride: the step between windows.
        padding: zero columns on each side, "valid" (0) or "same".
        dilation: the spacing between the K positions of a window.

    Raises:
        TypeError: a size that is not an integer.
        ValueError: a size out of range, or "same" with a stride other than 1.
    """
    length = check_int(length, "length", minimum=0)
    kernel_size = check_positive_int(kernel_size, "kernel_size")
    stride = check_positive_int(stride, "stride")
    dilation = check_positive_int(dilation, "dilation")
    left, right = _pads(_check_padding(padding, stride), kernel_size, dilation)
    return (length + left + right - dilation * (kernel_size - 1) - 1) // stride + 1


def _check_conv_input(x, weight: torch.Tensor, name: str = "x") -> None:
    check_float_tensor(x, name, weight.dtype, weight.device)
    in_channels = weight.shape[1]
    if x.dim() not in (2, 3) or x.shape[-2] != in_channels:
        raise ValueError(f"{name}: expected shape (batch, {in_channels}, length) or ({in_channels}, length), "
                         f"in_channels on the second-last axis, got shape {tuple(x.shape)}")


# --8<-- [start:conv1d]
def _conv1d(x: torch.Tensor, weight: torch.Tensor, bias, stride: int, pads: tuple[int, int],
            dilation: int) -> torch.Tensor:
    """y[:, o, t] = b[o] + Σ_k Σ_i W[o, i, k] x̃[:, i, t·stride + k·dilation]; x (batch, in, length)."""
    out_channels, in_channels, kernel_size = weight.shape
    x = nn.functional.pad(x, pads)  # x̃: zero columns on the left and the right
    span = dilation * (kernel_size - 1) + 1  # the columns one window covers
    # windows[b, i, t, k] = x̃[b, i, t·stride + k·dilation]: a view, nothing copied yet
    windows = x.unfold(2, span, stride)[..., ::dilation]  # (batch, in, n_out, K)
    # One row per window, its in·K numbers side by side (the one copy, "im2col"), times every filter at once.
    rows = windows.permute(0, 2, 1, 3).reshape(x.shape[0], windows.shape[2], in_channels * kernel_size)
    y = rows @ weight.reshape(out_channels, -1).T  # (batch, n_out, out): Σ over i and k
    if bias is not None:
        y = y + bias
    return y.transpose(1, 2).contiguous()  # (batch, out, n_out), torch's layout
# --8<-- [end:conv1d]


def conv1d(x: torch.Tensor, weight: torch.Tensor, bias: Optional[torch.Tensor] = None, stride: int = 1,
           padding=0, dilation: int = 1) -> torch.Tensor:
    r"""A 1-D convolution (cross-correlation, as in every deep-learning library), like ``F.conv1d``.

    $$y_{b,o,t} = b_o + \sum_{k=0}^{K-1} \sum_{i} W_{o,i,k}\, \tilde{x}_{b,i,\,t s + k d}$$

    Args:
        x: (batch, in_channels, length) or unbatched (in_channels, length); floating point.
        weight: (out_channels, in_channels, K), of x's dtype and device.
        bias: (out_channels,) or None.
        stride: s, the step between windows (>= 1).
        padding: zero columns added on each side (an integer >= 0), "valid" (0) or "same" (stride 1 only).
        dilation: d, the spacing between a window's K positions (>= 1).

    Returns:
        (batch, out_channels, L_out), or (out_channels, L_out) for an unbatched x.

    Raises:
        TypeError: x, weight or bias not a floating-point tensor of one dtype; a size not an integer.
        ValueError: shapes that do not fit, a size out of range, or x too short for one window.
    """
    check_float_tensor(weight, "weight")
    if weight.dim() != 3 or 0 in weight.shape:
        raise ValueError(f"weight: expected a 3-D tensor (out_channels, in_channels, kernel_size), "
                         f"got shape {tuple(weight.shape)}")
    _check_conv_input(x, weight)
    if bias is not None:
        check_float_tensor(bias, "bias", weight.dtype, weight.device)
        check_shape(bias, (weight.shape[0],), "bias")
    stride = check_positive_int(stride, "stride")
    dilation = check_positive_int(dilation, "dilation")
    kernel_size = weight.shape[2]
    padding = _check_padding(padding, stride)
    if conv1d_output_length(x.shape[-1], kernel_size, stride, padding, dilation) < 1:
        left, right = _pads(padding, kernel_size, dilation)
        raise ValueError(f"x: expected a length of at least {dilation * (kernel_size - 1) + 1 - left - right} "
                         f"(kernel_size={kernel_size}, dilation={dilation}, padding={padding}), "
                         f"got shape {tuple(x.shape)}")
    batched = x.dim() == 3
    y = _conv1d(x if batched else x.unsqueeze(0), weight, bias, stride, _pads(padding, kernel_size, dilation),
                dilation)
    return y if batched else y.squeeze(0)


class Conv1d(nn.Module):
    r"""A 1-D convolution layer with the arguments, weight layout and initialisation of ``torch.nn.Conv1d``.

    $$y_{b,o,t} = b_o + \sum_{k=0}^{K-1} \sum_{i} W_{o,i,k}\, \tilde{x}_{b,i,\,t s + k d}$$

    Args:
        in_channels: channels of the input (the embedding dimension, for text).
        out_channels: number of filters.
        kernel_size: K, the width of each filter (in tokens).
        stride: the step between windows.
        padding: zero columns on each side, "valid" or "same".
        dilation: the spacing between a window's positions.
        bias: if False, no bias (``bias`` is None).
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        weight: (out_channels, in_channels, kernel_size), drawn from U(−1/√fan_in, 1/√fan_in),
            fan_in = in_channels·kernel_size, as torch draws it (same seed, same weights).
        bias: (out_channels,), from the same distribution.

    Shapes:
        x: (batch, in_channels, length) or (in_channels, length) → (batch, out_channels, L_out) or
        (out_channels, L_out), L_out = ⌊(length + 2·padding − dilation·(K − 1) − 1) / stride⌋ + 1.

    Raises:
        TypeError: a size that is not an integer; x not a floating-point tensor of the parameters' dtype.
        ValueError: a size out of range, "same" with stride > 1, x of the wrong shape or too short.
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1, padding=0,
                 dilation: int = 1, bias: bool = True, *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.in_channels = check_positive_int(in_channels, "in_channels")
        self.out_channels = check_positive_int(out_channels, "out_channels")
        self.kernel_size = check_positive_int(kernel_size, "kernel_size")
        self.stride = check_positive_int(stride, "stride")
        self.dilation = check_positive_int(dilation, "dilation")
        self.padding = _check_padding(padding, self.stride)
        check_bool(bias, "bias")
        check_float_dtype(dtype)
        self.weight = nn.Parameter(torch.empty(self.out_channels, self.in_channels, self.kernel_size, dtype=dtype))
        self.bias = nn.Parameter(torch.empty(self.out_channels, dtype=dtype)) if bias else None
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """U(−1/√fan_in, 1/√fan_in) for weight, then bias: torch's kaiming_uniform_(a=√5), drawn in torch's order."""
        bound = 1 / math.sqrt(self.in_channels * self.kernel_size)
        with torch.no_grad():
            self.weight.uniform_(-bound, bound)
            if self.bias is not None:
                self.bias.uniform_(-bound, bound)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The convolution of x; shapes and errors in the class docstring."""
        _check_conv_input(x, self.weight)
        return conv1d(x, self.weight, self.bias, self.stride, self.padding, self.dilation)

    @classmethod
    def from_torch(cls, module: nn.Conv1d) -> "Conv1d":
        """Our ``Conv1d`` with ``module``'s settings and a copy of its weights (groups=1, zero padding only).

        Raises:
            TypeError: ``module`` is not a ``torch.nn.Conv1d``.
            ValueError: it has groups > 1 or a padding mode other than "zeros".
        """
        if not isinstance(module, nn.Conv1d):
            raise TypeError(f"module: expected a torch.nn.Conv1d, got {brief(module)}")
        if module.groups != 1 or module.padding_mode != "zeros":
            raise ValueError(f"module: expected groups=1 and padding_mode='zeros', "
                             f"got groups={module.groups}, padding_mode={module.padding_mode!r}")
        padding = module.padding if isinstance(module.padding, str) else module.padding[0]
        ours = cls(module.in_channels, module.out_channels, module.kernel_size[0], module.stride[0], padding,
                   module.dilation[0], module.bias is not None, dtype=module.weight.dtype)
        with torch.no_grad():
            ours.weight.copy_(module.weight)
            if ours.bias is not None:
                ours.bias.copy_(module.bias)
        return ours

    def extra_repr(self) -> str:
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, stride={self.stride}, "
                f"padding={self.padding!r}, dilation={self.dilation}, bias={self.bias is not None}")


# --8<-- [start:max-over-time]
class _MaxOverTime(torch.autograd.Function):
    """m[b, c] = max over t < n_b of h[b, c, t]; backward sends each gradient to its winning position only."""

    @staticmethod
    def forward(ctx, h: torch.Tensor, valid: torch.Tensor):
        # A position past the end becomes −∞, so it can never be the maximum.
        values, winners = h.masked_fill(~valid[:, None, :], -math.inf).max(dim=2)
        ctx.save_for_backward(winners)
        ctx.shape = h.shape
        return values, winners

    @staticmethod
    def backward(ctx, grad_values, grad_winners):
        (winners,) = ctx.saved_tensors
        grad_h = grad_values.new_zeros(ctx.shape)
        grad_h.scatter_(2, winners[:, :, None], grad_values[:, :, None])  # ∂m/∂h = 1 at the winner, 0 elsewhere
        return grad_h, None
# --8<-- [end:max-over-time]


def max_over_time(h: torch.Tensor, lengths=None, mask: Optional[torch.Tensor] = None,
                  return_positions: bool = False):
    r"""Max-over-time pooling that ignores padding: the largest value of each channel over the valid positions.

    $$m_{b,c} = \max_{t < n_b} h_{b,c,t}$$

    Give either ``lengths`` (the first n_b positions of row b are valid) or ``mask`` (True where valid);
    neither means every position is valid. Positions that are not valid never win, even when every
    valid value is negative. The gradient flows to the winning position of each (b, c) only.

    Args:
        h: (batch, channels, time), floating point (conv outputs).
        lengths: (batch,) integers in [1, time], or None.
        mask: (batch, time) bool, at least one True per row, or None.
        return_positions: also return the winning position t of each (b, c).

    Returns:
        m: (batch, channels); with ``return_positions``, (m, positions) with positions (batch, channels) long.

    Raises:
        TypeError: h not a floating-point tensor, lengths not integers, mask not bool.
        ValueError: shapes that do not fit, both lengths and mask given, a length outside [1, time]
            or a row of the mask with no valid position.
    """
    check_float_tensor(h, "h")
    if h.dim() != 3 or 0 in h.shape:
        raise ValueError(f"h: expected a 3-D tensor (batch, channels, time) with no empty axis, "
                         f"got shape {tuple(h.shape)}")
    check_bool(return_positions, "return_positions")
    batch, _, time = h.shape
    if lengths is not None and mask is not None:
        raise ValueError(f"mask: expected None when lengths is given (one or the other), got {brief(mask)}")
    if mask is not None:
        if not torch.is_tensor(mask) or mask.dtype != torch.bool:
            raise TypeError(f"mask: expected a bool torch.Tensor (True where valid), got {brief(mask)}")
        check_shape(mask, (batch, time), "mask")
        empty = ~mask.any(dim=1)
        if bool(empty.any()):
            raise ValueError(f"mask: expected at least one True (valid) position per row, "
                             f"got none in row {int(empty.nonzero()[0, 0])}")
        valid = mask.to(h.device)
    elif lengths is not None:
        lengths = as_lengths_tensor(lengths, batch, time, "lengths", device=h.device)
        valid = torch.arange(time, device=h.device)[None, :] < lengths[:, None]
    else:
        valid = torch.ones(batch, time, dtype=torch.bool, device=h.device)
    values, positions = _MaxOverTime.apply(h, valid)
    return (values, positions) if return_positions else values


def _check_kernel_size(k, position: int) -> int:
    """One of TextCNN's kernel widths: an integer >= 1; the error names its position in kernel_sizes."""
    try:
        return check_positive_int(k, "kernel_sizes")
    except (TypeError, ValueError) as error:
        raise type(error)(f"{error} at position {position}") from None


class TextCNN(nn.Module):
    r"""Kim's (2014) convolutional network for sentence classification, with padding ignored.

    For each kernel width K: $c^{K} = \mathrm{ReLU}(\mathrm{conv}_K(E))$, $m^{K}_j = \max_{t < n - K + 1} c^{K}_{j,t}$;
    then logits = Linear(dropout([m^{K_1}; m^{K_2}; …])).

    Args:
        vocab_size: number of token ids V (the embedding table's rows).
        embedding_dim: d, the length of each token's vector (the convolutions' in_channels).
        n_classes: number of classes.
        kernel_sizes: the distinct widths K of the filters, e.g. (2, 3, 4): one ``Conv1d`` per width.
        n_filters: filters per width.
        dropout: the dropout probability before the linear layer, in [0, 1).
        padding_idx: the id of the padding token (its embedding row starts at zero and gets no gradient), or None.
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        embedding: ``neuralnlp.embeddings.Embedding(vocab_size, embedding_dim, padding_idx)``.
        convs: one ``Conv1d(embedding_dim, n_filters, K)`` per kernel width, in the order given.
        dropout: ``neuralnlp.training.Dropout``.
        classifier: ``torch.nn.Linear(n_filters·len(kernel_sizes), n_classes)``.

    Shapes:
        ids: (batch, seq) integer ids, padded on the right; lengths: (batch,) integers in [1, seq]
        → logits (batch, n_classes).

    Raises:
        TypeError, ValueError: bad sizes or kernel widths (see ``forward`` for bad ids and lengths).
    """

    def __init__(self, vocab_size: int, embedding_dim: int, n_classes: int, kernel_sizes: Sequence[int] = (2, 3, 4),
                 n_filters: int = 16, dropout: float = 0.5, padding_idx: Optional[int] = 0, *,
                 dtype: Optional[torch.dtype] = None):
        super().__init__()
        from neuralnlp.embeddings.embedding import Embedding
        from neuralnlp.training.dropout import Dropout

        vocab_size = check_positive_int(vocab_size, "vocab_size")
        embedding_dim = check_positive_int(embedding_dim, "embedding_dim")
        self.n_classes = check_positive_int(n_classes, "n_classes")
        self.n_filters = check_positive_int(n_filters, "n_filters")
        if isinstance(kernel_sizes, (str, bytes)) or not isinstance(kernel_sizes, Sequence) or not kernel_sizes:
            raise TypeError(f"kernel_sizes: expected a non-empty sequence of integers >= 1 such as (2, 3, 4), "
                            f"got {brief(kernel_sizes)}")
        self.kernel_sizes = tuple(_check_kernel_size(k, i) for i, k in enumerate(kernel_sizes))
        if len(set(self.kernel_sizes)) != len(self.kernel_sizes):
            raise ValueError(f"kernel_sizes: expected distinct widths (more filters: raise n_filters), "
                             f"got {self.kernel_sizes}")
        dropout = check_fraction(dropout, "dropout", "a dropout probability")
        check_float_dtype(dtype)
        self.embedding = Embedding(vocab_size, embedding_dim, padding_idx, dtype=dtype)
        self.convs = nn.ModuleList(Conv1d(self.embedding.embedding_dim, self.n_filters, k, dtype=dtype)
                                   for k in self.kernel_sizes)
        self.dropout = Dropout(dropout)
        self.classifier = nn.Linear(self.n_filters * len(self.kernel_sizes), self.n_classes, dtype=dtype)

    def _checked(self, ids, lengths) -> tuple[torch.Tensor, torch.Tensor]:
        from neuralnlp.embeddings.embedding import check_ids

        ids = check_ids(ids, self.embedding.num_embeddings, device=self.embedding.weight.device)
        if ids.dim() != 2 or 0 in ids.shape:
            raise ValueError(f"ids: expected a 2-D tensor (batch, seq) with at least one row and one position, "
                             f"got shape {tuple(ids.shape)}")
        return ids, as_lengths_tensor(lengths, ids.shape[0], ids.shape[1], device=ids.device)

    # --8<-- [start:feature-maps]
    def feature_maps(self, ids, lengths) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """For each kernel width K: (ReLU(conv_K(E)), valid), of shapes (batch, n_filters, T) and (batch, T).

        ``valid[b, t]`` is True for the windows inside text b: t < max(1, lengths[b] − K + 1).
        """
        ids, lengths = self._checked(ids, lengths)
        seq = ids.shape[1]
        inside = torch.arange(seq, device=ids.device)[None, :] < lengths[:, None]  # (batch, seq)
        # Zero the vectors past each text's end, then pad on the right up to the widest kernel (at least one window).
        embedded = self.embedding(ids) * inside[:, :, None]  # (batch, seq, d)
        x = nn.functional.pad(embedded.transpose(1, 2), (0, max(0, max(self.kernel_sizes) - seq)))  # (batch, d, ·)
        maps = []
        for k, conv in zip(self.kernel_sizes, self.convs):
            c = torch.relu(conv(x))  # (batch, n_filters, T), T = x's length − K + 1
            n_windows = (lengths - k + 1).clamp(min=1)  # a text shorter than K keeps its first window
            maps.append((c, torch.arange(c.shape[2], device=c.device)[None, :] < n_windows[:, None]))
        return maps
    # --8<-- [end:feature-maps]

    def features(self, ids, lengths) -> torch.Tensor:
        """The pooled features [m^{K_1}; m^{K_2}; …], (batch, n_filters·len(kernel_sizes)), before dropout."""
        return torch.cat([max_over_time(c, mask=valid) for c, valid in self.feature_maps(ids, lengths)], dim=1)

    def forward(self, ids, lengths) -> torch.Tensor:
        """Logits (batch, n_classes) for padded ids (batch, seq) with lengths (batch,).

        Raises:
            TypeError: ids or lengths of a non-integer dtype.
            IndexError: an id outside [0, vocab_size).
            ValueError: ids not (batch, seq), lengths not (batch,), or a length outside [1, seq].
        """
        return self.classifier(self.dropout(self.features(ids, lengths)))

    def extra_repr(self) -> str:
        return f"kernel_sizes={self.kernel_sizes}, n_filters={self.n_filters}, n_classes={self.n_classes}"
