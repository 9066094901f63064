r"""Scaled dot-product attention, with the arguments and shapes of ``torch.nn.functional.scaled_dot_product_attention``.

Each of L queries q_i (rows of Q, length E) scores each of S keys k_j by a dot product, divided by
√E so that the scores do not grow with the length of the vectors; a softmax over j turns a row
of scores into weights; the output for query i is the weighted mean of the values v_j:

$$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\Big(\frac{Q K^\top}{\sqrt{E}} + M\Big)\, V$$

Shapes: query (..., L, E), key (..., S, E), value (..., S, Ev) → output (..., L, Ev); the weights
are (..., L, S), each row summing to 1. The leading axes (batch, heads) broadcast.

The mask M decides which keys a query may see:

- ``attn_mask`` as a bool tensor: True = may attend, False = masked (its score becomes -∞, its
  weight 0). This is torch's functional convention; ``nn.MultiheadAttention``'s masks mean the
  opposite (True = masked), see ``multihead``.
- ``attn_mask`` as a float tensor (the dtype of query): added to the scores (0 keeps, -∞ masks).
- ``is_causal=True``: query i sees keys j ≤ i only (the lower triangle, aligned top-left as torch
  does when L ≠ S).

A query whose every key is masked gets weights 0 and output 0, as torch's CPU kernel gives
(instead of the NaN a plain softmax over -∞ would give), and no gradient.

The tests compare outputs and gradients with torch: ≤ 1e-6 in float32, ≤ 1e-12 in float64.
"""

from __future__ import annotations

import math
from typing import Optional

import torch

from neuralnlp._checks import check_bool, check_float_tensor, check_positive_int, check_real


def _check_query_key(query, key, is_causal, scale) -> None:
    check_float_tensor(query, "query")
    check_float_tensor(key, "key", query.dtype, query.device)
    for x, name, shape in ((query, "query", "(..., L, E)"), (key, "key", "(..., S, E)")):
        if x.dim() < 2:
            raise ValueError(f"{name}: expected a tensor of at least 2 axes {shape}, got shape {tuple(x.shape)}")
    if key.shape[-1] != query.shape[-1]:
        raise ValueError(f"key: expected E = {query.shape[-1]} on the last axis (the query's), got shape {tuple(key.shape)}")
    _check_batch_axes(query, key, "key")
    check_bool(is_causal, "is_causal")
    if scale is not None:
        check_real(scale, "scale")


def _check_batch_axes(query, x, name: str) -> None:
    """The leading (batch, heads) axes of ``x`` broadcast with the query's."""
    try:
        torch.broadcast_shapes(query.shape[:-2], x.shape[:-2])
    except RuntimeError:
        raise ValueError(f"{name}: expected leading axes that broadcast with the query's {tuple(query.shape[:-2])}, "
                         f"got shape {tuple(x.shape)}") from None


def _check_value(value, key, query) -> None:
    check_float_tensor(value, "value", key.dtype, key.device)
    if value.dim() < 2 or value.shape[-2] != key.shape[-2]:
        raise ValueError(f"value: expected S = {key.shape[-2]} on the second-to-last axis (one value per key), "
                         f"got shape {tuple(value.shape)}")
    _check_batch_axes(query, value, "value")


def check_attn_mask(attn_mask, scores_shape: tuple, dtype: torch.dtype, name: str = "attn_mask") -> None:
    """TypeError unless ``attn_mask`` is a bool or ``dtype`` tensor; ValueError unless it broadcasts to ``scores_shape``.

    ``scores_shape`` is the shape of the scores, (..., L, S).
    """
    if not torch.is_tensor(attn_mask):
        raise TypeError(f"{name}: expected a torch.Tensor (bool, or {dtype} added to the scores), "
                        f"got type {type(attn_mask).__name__}")
    if attn_mask.dtype != torch.bool and attn_mask.dtype != dtype:
        raise TypeError(f"{name}: expected dtype torch.bool (True = may attend) or {dtype} (added to the scores), "
                        f"got dtype {attn_mask.dtype}")
    try:
        broadcast = torch.broadcast_shapes(attn_mask.shape, scores_shape)
    except RuntimeError:
        broadcast = None
    if broadcast != torch.Size(scores_shape):
        raise ValueError(f"{name}: expected a shape that broadcasts to the scores' {tuple(scores_shape)} (..., L, S), "
                         f"got shape {tuple(attn_mask.shape)}")


def causal_mask(L: int, S: int, device=None) -> torch.Tensor:
    """(L, S) bool, True on and below the diagonal: query i may attend to keys 0 … i."""
    L, S = check_positive_int(L, "L"), check_positive_int(S, "S")
    return torch.ones(L, S, dtype=torch.bool, device=device).tril()


def attention_weights(query: torch.Tensor, key: torch.Tensor, attn_mask: Optional[torch.Tensor] = None,
                      is_causal: bool = False, *, scale: Optional[float] = None) -> torch.Tensor:
    """The attention weights softmax(Q Kᵀ · scale + M): (..., L, S), each row summing to 1 (or all 0).

    Args:
        query: (..., L, E).
        key: (..., S, E).
        attn_mask: None, a bool tensor (True = may attend) or a float tensor added to the scores;
            it must broadcast to (..., L, S).
        is_causal: mask every key after the query's own position (no ``attn_mask`` with it).
        scale: the factor of the scores; default 1/√E.

    Raises:
        TypeError: a non-float query/key, dtypes that differ, a mask that is neither bool nor
            the query's dtype, or is_causal not a bool.
        ValueError: shapes that do not fit, tensors on different devices, a mask that does not
            broadcast, both ``attn_mask`` and ``is_causal``, or a NaN or infinite scale.
    """
    _check_query_key(query, key, is_causal, scale)
    return _weights(query, key, attn_mask, is_causal, scale)


# --8<-- [start:attention]
def _weights(query, key, attn_mask, is_causal, scale):
    scale = 1.0 / math.sqrt(query.shape[-1]) if scale is None else scale
    if is_causal:
        if attn_mask is not None:
            raise ValueError("attn_mask: expected None when is_causal=True (the causal mask is the mask), got a tensor")
        attn_mask = causal_mask(query.shape[-2], key.shape[-2], device=query.device)
    scores = (query * scale) @ key.transpose(-2, -1)  # (..., L, S); scaling q is cheaper than scaling the scores
    if attn_mask is None:
        return torch.softmax(scores, dim=-1)
    check_attn_mask(attn_mask, scores.shape, query.dtype)
    if attn_mask.dtype == torch.bool:  # True = may attend -> add 0; False -> add -inf
        attn_mask = torch.zeros(attn_mask.shape, dtype=scores.dtype, device=scores.device).masked_fill(
            ~attn_mask, float("-inf"))
    scores = scores.add_(attn_mask)  # in place: no second tensor as large as the scores
    # A query that may see no key at all: weights 0, not softmax's 0/0 = NaN. Found on the mask, which
    # is usually much smaller than the scores (a padding mask is (N, 1, 1, S)).
    dead = torch.isneginf(attn_mask).all(-1, keepdim=True)
    if bool(dead.any()):
        return torch.softmax(scores.masked_fill(dead, 0.0), dim=-1).masked_fill(dead, 0.0)
    return torch.softmax(scores, dim=-1)
# --8<-- [end:attention]


def scaled_dot_product_attention(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor,
                                 attn_mask: Optional[torch.Tensor] = None, is_causal: bool = False, *,
                                 scale: Optional[float] = None) -> torch.Tensor:
    """softmax(Q Kᵀ / √E + M) V, like ``torch.nn.functional.scaled_dot_product_attention`` (no dropout).

    Args:
        query: (..., L, E).
        key: (..., S, E).
        value: (..., S, Ev).
        attn_mask: None, a bool tensor (True = may attend) or a float tensor added to the scores,
            broadcasting to (..., L, S).
        is_causal: query i attends to keys 0 … i only.
        scale: the factor of the scores; default 1/√E.

    Returns:
        (..., L, Ev): for each query, the weighted mean of the values.

    Raises:
        TypeError: non-float or mismatched dtypes, or a mask neither bool nor the query's dtype.
        ValueError: shapes that do not fit, a mask that does not broadcast to (..., L, S), or both
            ``attn_mask`` and ``is_causal``.
    """
    _check_query_key(query, key, is_causal, scale)
    _check_value(value, key, query)
    return _weights(query, key, attn_mask, is_causal, scale) @ value
