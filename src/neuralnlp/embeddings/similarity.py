"""Comparing embedding vectors: cosine similarity, nearest neighbours and sentence vectors.

The cosine similarity of two vectors is the cosine of the angle between them,

    cos(a, b) = a·b / (‖a‖ ‖b‖)          a, b: (..., d)  ->  (...)

which ignores their lengths. On unit vectors (â = a / ‖a‖) it is just the dot product, and the
squared Euclidean distance is a function of it, ‖â - b̂‖² = 2 - 2 cos(a, b); so after normalising,
ranking by cosine, by dot product and by (negated) distance gives the same order.

``cosine_similarity``, ``normalize`` and ``sentence_vector`` accept NumPy arrays or torch tensors
(and then keep autograd working); ``nearest_neighbours`` works on NumPy arrays. The references
they are tested against: ``torch.nn.functional.cosine_similarity`` and ``torch.nn.functional.normalize``.
Unlike torch, which clamps a zero norm to ``eps``, a zero vector raises ``ValueError`` here: it has
no direction, so its cosine similarity is undefined.
"""

from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
import torch

from neuralnlp._checks import (
    as_float_array,
    as_id_array,
    brief,
    check_choice,
    check_finite,
    check_int,
    check_last_dim,
)


def _as_float(x, name: str):
    """A floating-point torch tensor stays a tensor; anything else becomes a float NumPy array."""
    if isinstance(x, torch.Tensor):
        if not x.is_floating_point():
            raise TypeError(f"{name}: expected a floating-point tensor (float32 or float64), got dtype {x.dtype}")
        return x
    return as_float_array(x, name)


def _same_kind(a, b) -> None:
    if isinstance(a, torch.Tensor) != isinstance(b, torch.Tensor):
        raise TypeError(
            f"a and b: expected both NumPy arrays or both torch tensors, got {type(a).__name__} and {type(b).__name__}"
        )
    if isinstance(a, torch.Tensor) and a.device != b.device:
        raise ValueError(f"b: expected a tensor on device {a.device} (the device of a), got device {b.device}")


def _norm(x):
    return torch.linalg.vector_norm(x, dim=-1) if isinstance(x, torch.Tensor) else np.linalg.norm(x, axis=-1)


def _check_nonzero(norms, name: str) -> None:
    zero = (norms == 0)
    if bool(zero.any()):
        where = np.argwhere(np.asarray(zero.cpu() if isinstance(zero, torch.Tensor) else zero))
        position = f" at index {tuple(int(i) for i in where[0])}" if where.size else ""
        raise ValueError(f"{name}: expected non-zero vectors (a zero vector has no direction), got a zero vector{position}")


def normalize(x, *, name: str = "x"):
    """Scale every vector on the last axis to unit length: x̂ = x / ‖x‖.

    Args:
        x: (..., d) float NumPy array or torch tensor.
        name: what to call ``x`` in error messages.

    Returns:
        Same type and shape as ``x``; every vector on the last axis has Euclidean norm 1.

    Raises:
        TypeError: ``x`` is not floating point.
        ValueError: ``x`` is a scalar or contains a zero vector.
    """
    x = _as_float(x, name)
    if x.ndim == 0:
        raise ValueError(f"{name}: expected shape (..., d) with vectors on the last axis, got a scalar, shape ()")
    norms = _norm(x)
    _check_nonzero(norms, name)
    return x / norms[..., None]


# --8<-- [start:cosine]
def cosine_similarity(a, b):
    """Cosine of the angle between vectors on the last axis: cos(a, b) = a·b / (‖a‖ ‖b‖).

    Args:
        a: (..., d) float NumPy array or torch tensor.
        b: (..., d), same kind as ``a``; the leading axes broadcast against ``a``'s.

    Returns:
        (...): values in [-1, 1]; 1 for the same direction, 0 for orthogonal, -1 for opposite.

    Raises:
        TypeError: non-float input, or a NumPy array mixed with a tensor.
        ValueError: different d, leading axes that do not broadcast, or a zero vector.
    """
    a, b = _as_float(a, "a"), _as_float(b, "b")
    _same_kind(a, b)
    if a.ndim == 0:
        raise ValueError("a: expected shape (..., d) with vectors on the last axis, got a scalar, shape ()")
    check_last_dim(b, a.shape[-1], "b")
    try:
        np.broadcast_shapes(tuple(a.shape[:-1]), tuple(b.shape[:-1]))
    except ValueError:
        raise ValueError(
            f"a and b: expected leading axes that broadcast, got shapes {tuple(a.shape)} and {tuple(b.shape)}"
        ) from None
    norm_a, norm_b = _norm(a), _norm(b)
    _check_nonzero(norm_a, "a")
    _check_nonzero(norm_b, "b")
    return (a * b).sum(-1) / (norm_a * norm_b)
# --8<-- [end:cosine]


# --8<-- [start:nearest]
def nearest_neighbours(query, matrix, k: int, exclude: Optional[Iterable[int]] = None):
    """The k rows of ``matrix`` most similar to ``query`` by cosine similarity, best first.

    Every row and the query are normalised, so one matrix product M̂ q̂ gives all n cosines.

    Args:
        query: (d,) one query, or (q, d) a batch of queries.
        matrix: (n, d) the candidates, e.g. an embedding matrix with one row per token.
        k: how many neighbours to return, 1 <= k <= n - len(exclude).
        exclude: a row index or an iterable of row indices never returned (e.g. the query word's
            own row); an excluded row may be a zero vector (such as a padding row).

    Returns:
        (indices, scores): both (k,) for one query or (q, k) for a batch; ``indices`` are rows of
        ``matrix`` ordered by decreasing cosine similarity ``scores`` (ties: lower index first).

    Raises:
        TypeError: non-float input.
        ValueError: wrong shapes, NaN or inf, a zero vector (in a row that is not excluded), or k out of range.
        IndexError: an ``exclude`` index out of range.
    """
    query, matrix, excluded = _check_search(query, matrix, exclude)
    k = check_int(k, "k", 1, len(matrix) - len(excluded))

    scores = normalize(query, name="query") @ _unit_rows(matrix, excluded).T  # (q, n) or (n,): every cosine at once
    scores[..., excluded] = -np.inf
    indices = np.argsort(-scores, axis=-1, kind="stable")[..., :k]
    return indices, np.take_along_axis(scores, indices, axis=-1)
# --8<-- [end:nearest]


def _check_search(query, matrix, exclude):
    """query (d,) or (q, d) and matrix (n, d), finite; exclude as sorted distinct row indices."""
    query, matrix = _to_numpy(query, "query"), _to_numpy(matrix, "matrix")
    if matrix.ndim != 2 or matrix.shape[0] == 0:
        raise ValueError(f"matrix: expected shape (n, d) with n >= 1 rows, got shape {matrix.shape}")
    if query.ndim not in (1, 2):
        raise ValueError(f"query: expected shape (d,) or (q, d), got shape {query.shape}")
    check_last_dim(query, matrix.shape[1], "query")
    check_finite(query, "query")
    check_finite(matrix, "matrix")
    if exclude is None:
        exclude = []
    elif isinstance(exclude, (str, bytes)) or not (np.ndim(exclude) == 0 or hasattr(exclude, "__iter__")):
        raise TypeError(f"exclude: expected a row index or an iterable of row indices, got {brief(exclude)}")
    excluded = sorted(set(as_id_array(np.reshape(exclude, -1) if np.ndim(exclude) == 0 else list(exclude),
                                      len(matrix), "exclude", what="row indices").tolist()))
    if len(excluded) == len(matrix):
        raise ValueError(f"exclude: expected at least one row of matrix left to return, got all {len(matrix)} rows excluded")
    return query, matrix, excluded


def _unit_rows(matrix: np.ndarray, excluded: list[int]) -> np.ndarray:
    """Rows normalised to unit length; an excluded row may be zero (it is never returned), any other may not."""
    norms = np.linalg.norm(matrix, axis=-1)
    zero = norms == 0
    zero[excluded] = False
    _check_nonzero(np.where(zero, 0.0, 1.0), "matrix")
    return matrix / np.where(norms == 0, 1.0, norms)[:, None]


def _to_numpy(x, name: str) -> np.ndarray:
    if isinstance(x, torch.Tensor):
        x = _as_float(x, name).detach().cpu().numpy()
    return as_float_array(x, name)


# --8<-- [start:sentence]
def sentence_vector(token_vectors, how: str = "mean"):
    """One vector for a sequence of token vectors: their mean or their sum.

        mean: s = (1/T) Σ_t x_t        sum: s = Σ_t x_t

    Both ignore the order of the tokens: any permutation of the rows gives the same s.

    Args:
        token_vectors: (..., T, d) float NumPy array or torch tensor, T >= 1 tokens of d features.
        how: ``"mean"`` or ``"sum"``.

    Returns:
        (..., d), same kind as the input.

    Raises:
        TypeError: non-float input.
        ValueError: fewer than 2 axes, T = 0, or an unknown ``how``.
    """
    x = _as_float(token_vectors, "token_vectors")
    check_choice(how, ("mean", "sum"), "how")
    if x.ndim < 2 or x.shape[-2] == 0:
        raise ValueError(f"token_vectors: expected shape (..., T, d) with T >= 1 tokens, got shape {tuple(x.shape)}")
    total = x.sum(-2)
    return total / x.shape[-2] if how == "mean" else total
# --8<-- [end:sentence]
