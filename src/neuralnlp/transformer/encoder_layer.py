r"""The Transformer encoder layer, with the parameters, arguments and shapes of ``torch.nn.TransformerEncoderLayer``.

Two sub-layers, each wrapped in a residual connection and a LayerNorm: multi-head self-attention
(SA), then a position-wise feed-forward network (FF) applied to every position separately,

$$\operatorname{FF}(\mathbf{x}) = W_2\, \operatorname{act}(W_1 \mathbf{x} + \mathbf{b}_1) + \mathbf{b}_2$$

with W_1 (dim_feedforward, d_model), usually 4·d_model, and act ReLU or GELU. Where the
LayerNorm sits is the layer's one choice (``norm_first``):

$$\text{post-norm: } \mathbf{x} \leftarrow \operatorname{LN}(\mathbf{x} + \operatorname{SA}(\mathbf{x})),\ \ \mathbf{x} \leftarrow \operatorname{LN}(\mathbf{x} + \operatorname{FF}(\mathbf{x}))$$

$$\text{pre-norm: } \mathbf{x} \leftarrow \mathbf{x} + \operatorname{SA}(\operatorname{LN}(\mathbf{x})),\ \ \mathbf{x} \leftarrow \mathbf{x} + \operatorname{FF}(\operatorname{LN}(\mathbf{x}))$$

Post-norm (``norm_first=False``, torch's default) is the original Transformer's and BERT's;
pre-norm is what most recent models use: the residual stream x then runs from the first layer
to the last with nothing but additions on it (Xiong et al., 2020).

The submodules carry torch's names (``self_attn``, ``linear1``, ``linear2``, ``norm1``,
``norm2``), so ``state_dict`` keys are torch's and ``from_torch`` loads a torch layer's state.
No dropout: the layer computes what torch's computes in eval mode. The tests compare outputs
and gradients with torch in both norm placements (float32, ≤ 1e-6 relative to the output's scale).
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import check_bool, check_choice, check_float_tensor, check_non_negative, check_positive_int
from neuralnlp.transformer.layernorm import LayerNorm
from neuralnlp.transformer.multihead import MultiheadAttention, _allowed, check_no_dropout

_ACTIVATIONS = {"relu": F.relu, "gelu": F.gelu}  # GELU: the exact x·Φ(x) of the basics chapter


class TransformerEncoderLayer(nn.Module):
    """Self-attention and a feed-forward network, each with a residual connection and a LayerNorm.

    Args:
        d_model: the width of every position's vector (and of the residual stream).
        nhead: the number of attention heads; it must divide d_model.
        dim_feedforward: the feed-forward network's hidden width (torch's default 2048; 4·d_model
            in the original Transformer and BERT).
        dropout: must be 0.0 (kept for torch's argument order).
        activation: ``"relu"`` (torch's default) or ``"gelu"`` (BERT's).
        layer_norm_eps: ε of both LayerNorms (torch's default 1e-5; BERT uses 1e-12).
        batch_first: src is (N, L, d_model) instead of (L, N, d_model).
        norm_first: pre-norm if True, post-norm (torch's default, BERT's) if False.
        bias: learn the biases of the linear layers and LayerNorms.
        dtype: dtype of the parameters (default: torch's default dtype).

    Shapes:
        src: (L, N, d_model), or (N, L, d_model) if batch_first, or (L, d_model) unbatched;
        src_mask: (L, L) or (N·nhead, L, L), True = may not attend (torch.nn's convention);
        src_key_padding_mask: (N, L), True = padding;
        returns a tensor of src's shape.

    Raises:
        ValueError: nhead does not divide d_model, dropout is not 0, or an unknown activation.
    """

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int = 2048, dropout: float = 0.0,
                 activation: str = "relu", layer_norm_eps: float = 1e-5, batch_first: bool = False,
                 norm_first: bool = False, bias: bool = True, *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        d_model, nhead = check_positive_int(d_model, "d_model"), check_positive_int(nhead, "nhead")
        if d_model % nhead:
            raise ValueError(f"nhead: expected a divisor of d_model = {d_model} (each head gets d_model / nhead "
                             f"features), got {nhead}")
        check_choice(activation, tuple(_ACTIVATIONS), "activation")
        check_no_dropout(dropout)
        dim_feedforward = check_positive_int(dim_feedforward, "dim_feedforward")
        layer_norm_eps = check_non_negative(layer_norm_eps, "layer_norm_eps", "an epsilon")
        norm_first = check_bool(norm_first, "norm_first")
        self.self_attn = MultiheadAttention(d_model, nhead, bias=bias, batch_first=batch_first, dtype=dtype)
        self.linear1 = nn.Linear(d_model, dim_feedforward, bias=bias, dtype=dtype)
        self.linear2 = nn.Linear(dim_feedforward, d_model, bias=bias, dtype=dtype)
        self.norm1 = LayerNorm(d_model, layer_norm_eps, bias=bias, dtype=dtype)
        self.norm2 = LayerNorm(d_model, layer_norm_eps, bias=bias, dtype=dtype)
        self.activation_name, self.norm_first, self.batch_first = activation, norm_first, batch_first
        self.activation = _ACTIVATIONS[activation]

    # --8<-- [start:forward]
    def forward(self, src: torch.Tensor, src_mask: Optional[torch.Tensor] = None,
                src_key_padding_mask: Optional[torch.Tensor] = None) -> torch.Tensor:
        """Self-attention then feed-forward, each added to its input (post- or pre-norm); shapes in the class docstring."""
        self._check_inputs(src, src_mask, src_key_padding_mask)
        x = src
        if self.norm_first:  # pre-norm: LayerNorm on the way into each sub-layer, the stream only adds
            x = x + self._self_attention(self.norm1(x), src_mask, src_key_padding_mask)
            x = x + self._feed_forward(self.norm2(x))
        else:  # post-norm: LayerNorm after each residual addition
            x = self.norm1(x + self._self_attention(x, src_mask, src_key_padding_mask))
            x = self.norm2(x + self._feed_forward(x))
        return x

    def _check_inputs(self, src, src_mask, src_key_padding_mask) -> None:
        """The checks of the attention, with this method's argument names."""
        weight = self.linear1.weight
        check_float_tensor(src, "src", weight.dtype, weight.device)
        d, h = self.self_attn.embed_dim, self.self_attn.num_heads
        if src.dim() not in (2, 3) or src.shape[-1] != d:
            layout = "(N, L, d_model)" if self.batch_first else "(L, N, d_model)"
            raise ValueError(f"src: expected a 3-D {layout} or 2-D (L, d_model) tensor with d_model = {d}, "
                             f"got shape {tuple(src.shape)}")
        L = src.shape[1 if self.batch_first and src.dim() == 3 else 0]
        n = src.shape[0 if self.batch_first else 1] if src.dim() == 3 else None
        _allowed(src_mask, "src_mask", [(L, L)] + ([(n * h, L, L)] if n is not None else []), weight.dtype)
        _allowed(src_key_padding_mask, "src_key_padding_mask", [(n, L)] if n is not None else [(L,)], weight.dtype)

    def _self_attention(self, x, attn_mask, key_padding_mask):
        return self.self_attn(x, x, x, key_padding_mask=key_padding_mask, attn_mask=attn_mask, need_weights=False)[0]

    def _feed_forward(self, x):
        return self.linear2(self.activation(self.linear1(x)))
    # --8<-- [end:forward]

    @classmethod
    def from_torch(cls, module: nn.TransformerEncoderLayer) -> "TransformerEncoderLayer":
        """Our layer with a copy of ``module``'s weights and settings (its dropout is not copied: see the class).

        Raises:
            TypeError: ``module`` is not a ``torch.nn.TransformerEncoderLayer``.
            ValueError: its activation is neither ReLU nor GELU.
        """
        if not isinstance(module, nn.TransformerEncoderLayer):
            raise TypeError(f"module: expected a torch.nn.TransformerEncoderLayer, got {type(module).__name__}")
        activation = {F.relu: "relu", F.gelu: "gelu"}.get(module.activation)
        if activation is None:
            act = module.activation
            activation = "relu" if isinstance(act, nn.ReLU) else "gelu" if isinstance(act, nn.GELU) and act.approximate == "none" else None
        if activation is None:
            raise ValueError(f"module: expected the activation relu or gelu, got {module.activation!r}")
        attn = module.self_attn
        ours = cls(attn.embed_dim, attn.num_heads, module.linear1.out_features, 0.0, activation,
                   module.norm1.eps, attn.batch_first, module.norm_first, module.linear1.bias is not None,
                   dtype=module.linear1.weight.dtype)
        ours.load_state_dict(module.state_dict())
        return ours

    def extra_repr(self) -> str:
        return f"activation={self.activation_name!r}, norm_first={self.norm_first}, batch_first={self.batch_first}"
