r"""Multi-head attention, with the parameters, arguments and shapes of ``torch.nn.MultiheadAttention``.

The embed_dim = E features of each position are projected to queries, keys and values; each of
the h heads takes its own slice of E/h features of each and runs scaled dot-product attention
on it; the h outputs are concatenated and projected back to E:

$$\operatorname{head}_i = \operatorname{Attention}(Q W_i^Q, K W_i^K, V W_i^V), \qquad \operatorname{MultiHead}(Q, K, V) = [\operatorname{head}_1; \dots; \operatorname{head}_h]\, W^O$$

As in torch, the three projections are stored stacked in one matrix ``in_proj_weight`` (3E, E)
(rows: query, key, value) with ``in_proj_bias`` (3E,), so one matrix product computes all
three when query, key and value are the same tensor (self-attention); ``out_proj`` is W^O. The
heads are not separate matrices: head i is rows i·E/h … (i+1)·E/h − 1 of each projection.

Masks follow ``nn.MultiheadAttention``, where **True means masked**, the opposite of
``scaled_dot_product_attention``'s bool masks (True = may attend):

- ``key_padding_mask`` (N, S): True for the keys that are padding; or float, added to the scores;
- ``attn_mask`` (L, S) or (N·h, L, S): True for the pairs a query may not attend to; or float.

Shapes (batch_first=False, torch's default): query (L, N, E), key and value (S, N, E) →
output (L, N, E); (N, L, E) and (N, S, E) with batch_first=True; unbatched (L, E) and (S, E).
Weights: (N, L, S) averaged over heads, or (N, h, L, S) with ``average_attn_weights=False``.

No dropout: the layer computes what ``nn.MultiheadAttention`` computes in eval mode (or with
dropout=0). The tests compare outputs, weights and gradients with torch (copied weights).
"""

from __future__ import annotations

import math
from typing import Optional

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import check_bool, check_float_dtype, check_float_tensor, check_positive_int, check_real
from neuralnlp.transformer.attention import _weights


def check_no_dropout(dropout) -> None:
    """ValueError unless ``dropout`` is 0: these layers have no dropout (they compute torch's eval mode).

    TypeError if it is not a number at all.
    """
    number = check_real(dropout, "dropout", what="a dropout probability")
    if number != 0:
        raise ValueError(f"dropout: expected 0.0 (these layers have no dropout; compare with torch's layer in "
                         f"eval mode), got {dropout if isinstance(dropout, (int, float)) else number}")


def _allowed(mask, name: str, shapes: list, dtype: torch.dtype):
    """torch.nn's mask (True = masked, or float added) → the functional convention (True = may attend, or float).

    TypeError unless bool or ``dtype``; ValueError unless its shape is one of ``shapes``.
    """
    if mask is None:
        return None
    if not torch.is_tensor(mask) or (mask.dtype != torch.bool and mask.dtype != dtype):
        got = f"dtype {mask.dtype}" if torch.is_tensor(mask) else f"type {type(mask).__name__}"
        raise TypeError(f"{name}: expected a bool tensor (True = masked) or {dtype} (added to the scores), got {got}")
    if tuple(mask.shape) not in shapes:
        raise ValueError(f"{name}: expected shape {' or '.join(map(str, shapes))}, got shape {tuple(mask.shape)}")
    return ~mask if mask.dtype == torch.bool else mask


def _additive(mask: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """A mask in the functional convention as numbers to add: 0 where allowed, -inf where masked."""
    if mask.dtype != torch.bool:
        return mask
    return torch.zeros(mask.shape, dtype=dtype, device=mask.device).masked_fill(~mask, float("-inf"))


class MultiheadAttention(nn.Module):
    """Multi-head attention like ``torch.nn.MultiheadAttention(embed_dim, num_heads)``.

    Args:
        embed_dim: E, the number of features of each position (d_model).
        num_heads: h; each head works on E/h features, so h must divide E.
        dropout: must be 0.0 (kept for torch's argument order).
        bias: learn ``in_proj_bias`` and ``out_proj.bias``.
        batch_first: inputs and output are (N, L, E) instead of (L, N, E).
        dtype: dtype of the parameters (default: torch's default dtype).

    Attributes:
        in_proj_weight: (3E, E), the stacked query, key and value projections, Xavier-uniform.
        in_proj_bias: (3E,), zeros.
        out_proj: ``nn.Linear(E, E)``, W^O, its bias zeros.

    Raises:
        ValueError: num_heads does not divide embed_dim, or dropout is not 0.
    """

    def __init__(self, embed_dim: int, num_heads: int, dropout: float = 0.0, bias: bool = True,
                 batch_first: bool = False, *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.embed_dim = embed_dim = check_positive_int(embed_dim, "embed_dim")
        self.num_heads = num_heads = check_positive_int(num_heads, "num_heads")
        if embed_dim % num_heads:
            raise ValueError(f"num_heads: expected a divisor of embed_dim = {embed_dim} (each head gets "
                             f"embed_dim / num_heads features), got {num_heads}")
        check_no_dropout(dropout)
        check_bool(bias, "bias")
        check_float_dtype(dtype)
        self.head_dim, self.batch_first = embed_dim // num_heads, check_bool(batch_first, "batch_first")
        self.in_proj_weight = nn.Parameter(torch.empty(3 * embed_dim, embed_dim, dtype=dtype))
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * embed_dim, dtype=dtype)) if bias else None
        self.out_proj = nn.Linear(embed_dim, embed_dim, bias=bias, dtype=dtype)
        nn.init.xavier_uniform_(self.in_proj_weight)
        if bias:
            nn.init.zeros_(self.out_proj.bias)

    def _check_inputs(self, query, key, value) -> bool:
        """Check the shapes; return whether the input is batched."""
        dtype, device = self.in_proj_weight.dtype, self.in_proj_weight.device
        for x, name in ((query, "query"), (key, "key"), (value, "value")):
            check_float_tensor(x, name, dtype, device)
        batched = query.dim() == 3
        layout = ("(N, L, E)" if self.batch_first else "(L, N, E)") if batched else "(L, E)"
        if query.dim() not in (2, 3) or query.shape[-1] != self.embed_dim:
            raise ValueError(f"query: expected a 3-D {'(N, L, E)' if self.batch_first else '(L, N, E)'} or "
                             f"2-D (L, E) tensor with E = {self.embed_dim}, got shape {tuple(query.shape)}")
        for x, name in ((key, "key"), (value, "value")):
            if x.dim() != query.dim() or x.shape[-1] != self.embed_dim:
                raise ValueError(f"{name}: expected {query.dim()}-D like query {layout} "
                                 f"with E = {self.embed_dim}, got shape {tuple(x.shape)}")
        if key.shape[:-1] != value.shape[:-1]:
            raise ValueError(f"value: expected the shape of key {tuple(key.shape)}, got shape {tuple(value.shape)}")
        batch_axis = 0 if self.batch_first else 1
        if batched and key.shape[batch_axis] != query.shape[batch_axis]:
            raise ValueError(f"key: expected the batch size of query, {query.shape[batch_axis]}, "
                             f"got shape {tuple(key.shape)}")
        return batched

    # --8<-- [start:forward]
    def forward(self, query: torch.Tensor, key: torch.Tensor, value: torch.Tensor,
                key_padding_mask: Optional[torch.Tensor] = None, need_weights: bool = True,
                attn_mask: Optional[torch.Tensor] = None, average_attn_weights: bool = True):
        """Attend from each query position to the key positions; returns (output, weights).

        Args:
            query: (L, N, E), or (N, L, E) if batch_first, or (L, E) unbatched.
            key: (S, N, E) likewise.
            value: (S, N, E) likewise.
            key_padding_mask: (N, S) [(S,) unbatched]; True = this key is padding (ignored).
            need_weights: also return the attention weights (else None).
            attn_mask: (L, S) or (N·num_heads, L, S); True = this query may not attend to this key.
            average_attn_weights: weights averaged over the heads (N, L, S), else (N, num_heads, L, S).

        Returns:
            (output, weights): output like query; weights as above, without N if unbatched.

        Raises:
            TypeError: inputs not of the parameters' dtype, masks neither bool nor that dtype.
            ValueError: shapes that do not fit, including masks of the wrong shape.
        """
        batched = self._check_inputs(query, key, value)
        check_bool(need_weights, "need_weights")
        check_bool(average_attn_weights, "average_attn_weights")
        self_attention = query is key and key is value
        if not batched:  # one sequence: a batch of one
            query, key, value = query.unsqueeze(0), key.unsqueeze(0), value.unsqueeze(0)
        elif not self.batch_first:  # (L, N, E) -> (N, L, E)
            query, key, value = query.transpose(0, 1), key.transpose(0, 1), value.transpose(0, 1)
        n, L, S, h = query.shape[0], query.shape[1], key.shape[1], self.num_heads
        mask = self._mask(attn_mask, key_padding_mask, n, L, S, batched)  # (N or 1, h or 1, L or 1, S)

        # One matrix product for Q, K and V when they are the same tensor (self-attention).
        if self_attention:
            q, k, v = F.linear(query, self.in_proj_weight, self.in_proj_bias).chunk(3, dim=-1)
        else:
            w_q, w_k, w_v = self.in_proj_weight.chunk(3)
            b_q, b_k, b_v = (None,) * 3 if self.in_proj_bias is None else self.in_proj_bias.chunk(3)
            q, k, v = F.linear(query, w_q, b_q), F.linear(key, w_k, b_k), F.linear(value, w_v, b_v)
        # (N, L, E) -> (N, h, L, E/h): head i gets features i·E/h … (i+1)·E/h - 1
        q, k, v = (x.unflatten(-1, (h, self.head_dim)).transpose(1, 2) for x in (q, k, v))
        weights = _weights(q, k, mask, False, 1.0 / math.sqrt(self.head_dim))  # (N, h, L, S)
        heads = weights @ v  # (N, h, L, E/h)
        output = self.out_proj(heads.transpose(1, 2).flatten(2))  # concatenate the heads, then W^O: (N, L, E)
        # --8<-- [end:forward]

        if not batched:
            output = output.squeeze(0)
        elif not self.batch_first:
            output = output.transpose(0, 1)
        if not need_weights:
            return output, None
        weights = weights.mean(1) if average_attn_weights else weights
        return output, (weights if batched else weights.squeeze(0))

    def _mask(self, attn_mask, key_padding_mask, n: int, L: int, S: int, batched: bool):
        """Both of torch.nn's masks (True = masked) as one mask of the functional convention (True = may attend)."""
        h, dtype = self.num_heads, self.in_proj_weight.dtype
        mask = _allowed(attn_mask, "attn_mask", [(L, S), (n * h, L, S)], dtype)
        if mask is not None and mask.dim() == 3:
            mask = mask.view(n, h, L, S)
        padding = _allowed(key_padding_mask, "key_padding_mask", [(n, S)] if batched else [(S,)], dtype)
        if padding is None:
            return mask
        padding = padding.view(n, 1, 1, S)  # the same keys hidden from every head and every query
        if mask is None:
            return padding
        if mask.dtype == padding.dtype == torch.bool:
            return mask & padding
        return _additive(mask, dtype) + _additive(padding, dtype)

    @classmethod
    def from_torch(cls, module: nn.MultiheadAttention) -> "MultiheadAttention":
        """Our ``MultiheadAttention`` with a copy of ``module``'s weights, heads, bias and batch_first.

        torch's dropout is not copied: ours computes what ``module`` computes in eval mode.

        Raises:
            TypeError: ``module`` is not a ``torch.nn.MultiheadAttention``.
            ValueError: it has separate key/value sizes (kdim, vdim) or bias_k / bias_v.
        """
        if not isinstance(module, nn.MultiheadAttention):
            raise TypeError(f"module: expected a torch.nn.MultiheadAttention, got {type(module).__name__}")
        if not module._qkv_same_embed_dim or module.bias_k is not None:
            raise ValueError("module: expected kdim = vdim = embed_dim and no bias_k/bias_v, got a module with "
                             f"kdim={module.kdim}, vdim={module.vdim}, bias_k={module.bias_k is not None}")
        ours = cls(module.embed_dim, module.num_heads, bias=module.in_proj_bias is not None,
                   batch_first=module.batch_first, dtype=module.in_proj_weight.dtype)
        ours.load_state_dict(module.state_dict())
        return ours

    def extra_repr(self) -> str:
        return f"embed_dim={self.embed_dim}, num_heads={self.num_heads}, batch_first={self.batch_first}"

