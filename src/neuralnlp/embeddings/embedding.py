"""The embedding layer: a learnable table with one row per token id, read by lookup.

An embedding matrix ``W`` of shape ``(num_embeddings, embedding_dim)`` (V × d_model) holds one
dense vector per token id. The layer's forward pass is a lookup, row ``i`` for id ``i``:

    E(ids)[..., :] = W[ids[...], :]          ids: (*)  ->  (*, embedding_dim)

The same numbers come out of a one-hot vector times the matrix, which is a linear layer without
bias whose ``torch.nn.Linear.weight`` is ``Wᵀ``:

    E(ids) = one_hot(ids) @ W

The lookup does it without building the ``(*, V)`` one-hot tensor. Backward, only the rows that
were looked up receive gradient: ``dL/dW[i] = Σ_{positions p with ids[p] = i} dL/dE[p]``.

``Embedding`` follows ``torch.nn.Embedding``'s conventions (parameter ``weight``, N(0, 1)
initialisation, ``padding_idx``, ``sparse``, ``from_pretrained``); the tests check it against
``torch.nn.Embedding`` with copied weights, outputs and gradients.
"""

from __future__ import annotations

from typing import Optional

import torch

from neuralnlp._checks import (
    as_float_array,
    as_id_tensor,
    brief,
    check_bool,
    check_finite,
    check_float_dtype,
    check_float_tensor,
    check_int,
    check_positive_int,
)

__all__ = ["Embedding", "one_hot", "one_hot_embedding", "check_ids"]


def check_ids(ids, num_embeddings: int, name: str = "ids", device=None) -> torch.Tensor:
    """Return ``ids`` as a ``torch.long`` tensor after checking every id lies in ``[0, num_embeddings)``.

    Args:
        ids: token ids, any shape, integer dtype (a tensor, NumPy array or nested list).
        num_embeddings: the vocabulary size V.
        name: what to call ``ids`` in error messages.
        device: the device the ids must be on (the table's), if given.

    Raises:
        TypeError: ``ids`` has a floating-point, complex, boolean or string dtype.
        ValueError: ``ids`` is on another device than ``device``.
        IndexError: an id is negative or ≥ V; the message names the valid range, the first such id
            and its position in ``ids``.
    """
    num_embeddings = check_positive_int(num_embeddings, "num_embeddings")
    return as_id_tensor(ids, num_embeddings, name, size_name="num_embeddings", device=device)


# --8<-- [start:one-hot]
def one_hot(ids, num_classes: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """One-hot vectors: ``out[..., k] = 1`` if ``k == ids[...]``, else 0.

    Shapes:
        ids: (*) integer ids in [0, num_classes)  ->  (*, num_classes)

    Each output vector is sparse: exactly one of its ``num_classes`` entries is non-zero.
    Equals ``torch.nn.functional.one_hot(ids, num_classes).to(dtype)``.
    """
    ids = check_ids(ids, check_positive_int(num_classes, "num_classes"))
    if not isinstance(dtype, torch.dtype):
        raise TypeError(f"dtype: expected a torch.dtype such as torch.float32, got {brief(dtype)}")
    out = torch.zeros(*ids.shape, num_classes, dtype=dtype)
    out.scatter_(-1, ids.unsqueeze(-1), 1.0)  # put a 1 at column ids[...] of each row
    return out
# --8<-- [end:one-hot]


# --8<-- [start:one-hot-embedding]
def one_hot_embedding(ids, weight: torch.Tensor) -> torch.Tensor:
    """The embedding computed the expensive way: ``one_hot(ids) @ weight``.

    Shapes:
        ids: (*) integer ids in [0, V);  weight: (V, embedding_dim)  ->  (*, embedding_dim)

    Same value and same gradient with respect to ``weight`` as the lookup ``weight[ids]``, but it
    builds a (*, V) tensor and does V · embedding_dim multiply-adds per id, almost all with zeros.
    """
    _check_weight(weight, "weight")
    return one_hot(ids, weight.shape[0], dtype=weight.dtype) @ weight
# --8<-- [end:one-hot-embedding]


class _Lookup(torch.autograd.Function):
    """Row lookup with a hand-written backward: gradient rows are scatter-added into a (V, d) matrix."""

    @staticmethod
    def forward(ctx, weight, ids, padding_idx, sparse):
        ctx.save_for_backward(ids)
        ctx.num_embeddings = weight.shape[0]
        ctx.padding_idx = padding_idx
        ctx.sparse = sparse
        return weight.index_select(0, ids.reshape(-1)).reshape(*ids.shape, weight.shape[1])

    # --8<-- [start:backward]
    @staticmethod
    def backward(ctx, grad_output):
        (ids,) = ctx.saved_tensors
        flat_ids = ids.reshape(-1)
        rows = grad_output.reshape(flat_ids.numel(), -1)
        if ctx.padding_idx is not None:
            # The padding row is a constant "nothing here" vector: it must never be trained.
            rows = rows * (flat_ids != ctx.padding_idx).unsqueeze(1).to(rows.dtype)
        shape = (ctx.num_embeddings, rows.shape[1])
        if ctx.sparse:
            grad_weight = torch.sparse_coo_tensor(flat_ids.unsqueeze(0), rows, shape, check_invariants=False)
        else:
            grad_weight = torch.zeros(shape, dtype=rows.dtype).index_add_(0, flat_ids, rows)
        return grad_weight, None, None, None
    # --8<-- [end:backward]


class Embedding(torch.nn.Module):
    """A lookup table of ``num_embeddings`` learnable vectors of length ``embedding_dim``.

    Embedding(ids)[..., :] = W[ids[...], :], with W of shape (V, d) = (num_embeddings, embedding_dim).

    Args:
        num_embeddings: vocabulary size V (number of rows).
        embedding_dim: d_model, the length of each vector (number of columns).
        padding_idx: optional id whose row starts at zero and never receives gradient, so it can
            stand for "padding, no token here". Negative values count from the end, as in torch.
        dtype: parameter dtype (default: ``torch.get_default_dtype()``).
        sparse: if True, ``weight.grad`` is a sparse COO tensor holding only the looked-up rows.

    Attributes:
        weight: (num_embeddings, embedding_dim), initialised from N(0, 1) like ``torch.nn.Embedding``.

    Shapes:
        ids: (*) any shape, integer dtype (``torch.long`` or ``torch.int32``)  ->  (*, embedding_dim)

    Raises:
        TypeError: ids of a non-integer dtype (the message names the dtype received).
        IndexError: an id outside ``[0, num_embeddings)`` (the message names the id, its position
            and the valid range).
        ValueError: a non-positive size or a ``padding_idx`` outside the table.
    """

    def __init__(
        self,
        num_embeddings: int,
        embedding_dim: int,
        padding_idx: Optional[int] = None,
        *,
        dtype: Optional[torch.dtype] = None,
        sparse: bool = False,
        _weight: Optional[torch.Tensor] = None,
    ):
        super().__init__()
        self.num_embeddings = check_positive_int(num_embeddings, "num_embeddings")
        self.embedding_dim = check_positive_int(embedding_dim, "embedding_dim")
        self.padding_idx = self._normalise_padding_idx(padding_idx, self.num_embeddings)
        self.sparse = check_bool(sparse, "sparse")
        check_float_dtype(dtype)
        if _weight is None:
            self.weight = torch.nn.Parameter(torch.empty(num_embeddings, embedding_dim, dtype=dtype))
            self.reset_parameters()
        else:  # from_pretrained: keep the given rows and leave the random generator untouched
            self.weight = torch.nn.Parameter(_weight.detach().clone())

    @staticmethod
    def _normalise_padding_idx(padding_idx, num_embeddings):
        if padding_idx is None:
            return None
        return check_int(padding_idx, "padding_idx", -num_embeddings, num_embeddings - 1) % num_embeddings

    def reset_parameters(self) -> None:
        """Draw every weight from N(0, 1), then zero the padding row (torch's initialisation)."""
        torch.nn.init.normal_(self.weight)
        if self.padding_idx is not None:
            with torch.no_grad():
                self.weight[self.padding_idx].fill_(0)

    # --8<-- [start:forward]
    def forward(self, ids) -> torch.Tensor:
        """Look up row ``ids[...]`` of ``weight`` for every id: (*) -> (*, embedding_dim)."""
        ids = check_ids(ids, self.num_embeddings, device=self.weight.device)
        return _Lookup.apply(self.weight, ids, self.padding_idx, self.sparse)
    # --8<-- [end:forward]

    @classmethod
    def from_pretrained(
        cls,
        embeddings: torch.Tensor,
        freeze: bool = True,
        padding_idx: Optional[int] = None,
        sparse: bool = False,
    ) -> "Embedding":
        """An embedding layer holding a copy of ``embeddings`` (V, d), as ``torch.nn.Embedding.from_pretrained``.

        Args:
            embeddings: (V, d) floating-point tensor (or NumPy array), e.g. word vectors trained elsewhere.
            freeze: if True (the default) the weights do not require grad and stay unchanged in
                training; if False they are fine-tuned like any other parameter.
            padding_idx: as in the constructor, but the given row is kept as it is (not zeroed);
                it only stops receiving gradient. This is torch's behaviour.

        Raises:
            ValueError: ``embeddings`` is not 2-D, is empty or holds NaN or inf.
            TypeError: ``embeddings`` is not a floating-point tensor.
        """
        if not torch.is_tensor(embeddings):  # a NumPy array of vectors trained elsewhere, say
            embeddings = torch.as_tensor(as_float_array(embeddings, "embeddings"))
        _check_weight(embeddings, "embeddings")
        check_bool(freeze, "freeze")
        layer = cls(*embeddings.shape, padding_idx=padding_idx, sparse=sparse, _weight=embeddings)
        layer.weight.requires_grad_(not freeze)
        return layer

    def extra_repr(self) -> str:
        s = f"{self.num_embeddings}, {self.embedding_dim}"
        if self.padding_idx is not None:
            s += f", padding_idx={self.padding_idx}"
        if self.sparse:
            s += ", sparse=True"
        return s


def _check_weight(weight, name: str) -> None:
    """A (V, d) floating-point tensor with at least one row and column, and finite values."""
    check_float_tensor(weight, name)
    if weight.dim() != 2 or 0 in weight.shape:
        raise ValueError(f"{name}: expected a 2-D tensor (num_embeddings, embedding_dim), got shape {tuple(weight.shape)}")
    check_finite(weight, name)
