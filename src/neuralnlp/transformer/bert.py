r"""A BERT encoder from the chapter's parts, able to load a pre-trained model's weights.

Token ids become vectors in the embedding block, the sum of three lookups and a LayerNorm:

$$\mathbf{x}_t = \operatorname{LN}\big(E_\text{word}[\text{id}_t] + E_\text{position}[t] + E_\text{type}[\text{segment}_t]\big)$$

then pass through ``num_hidden_layers`` post-norm ``TransformerEncoderLayer``\ s with GELU (BERT's
layer is exactly torch's post-norm layer). The output is one vector of ``hidden_size`` features
per token: (batch, seq) ids → (batch, seq, hidden_size).

``BertModel.from_safetensors`` loads a Hugging Face BERT checkpoint (all-MiniLM-L6-v2: 6 layers,
hidden size 384, 12 heads, feed-forward 1536) by renaming its tensors to ours; the query, key and
value matrices are stacked into ``in_proj_weight`` as torch's attention keeps them. The pooler
(``pooler.dense``, for BERT's next-sentence task) is not used by sentence embeddings and is
skipped. A missing tensor or a wrong shape is an error naming the tensor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Optional

import numpy as np
import torch
from torch import nn

from neuralnlp._checks import as_bool_mask, as_id_tensor, brief, check_bool, check_finite, check_instance, check_int, check_non_negative, check_path, check_positive_int
from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.transformer.encoder_layer import TransformerEncoderLayer
from neuralnlp.transformer.layernorm import LayerNorm
from neuralnlp.transformer.safetensors import read_safetensors


@dataclass(frozen=True)
class BertConfig:
    """The sizes of a BERT model, with the names of Hugging Face's ``config.json``.

    Defaults are all-MiniLM-L6-v2's. ``BertConfig.base()`` gives BERT-base's.
    """

    vocab_size: int = 30522
    hidden_size: int = 384
    num_hidden_layers: int = 6
    num_attention_heads: int = 12
    intermediate_size: int = 1536
    max_position_embeddings: int = 512
    type_vocab_size: int = 2
    layer_norm_eps: float = 1e-12
    pad_token_id: int = 0

    def __post_init__(self):
        """Every size an integer >= 1 (NumPy integers stored as int), the heads dividing the hidden size."""
        for name in ("vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                     "max_position_embeddings", "type_vocab_size"):
            object.__setattr__(self, name, check_positive_int(getattr(self, name), name))
        if self.hidden_size % self.num_attention_heads:
            raise ValueError(f"num_attention_heads: expected a divisor of hidden_size = {self.hidden_size}, "
                             f"got {self.num_attention_heads}")
        object.__setattr__(self, "layer_norm_eps", check_non_negative(self.layer_norm_eps, "layer_norm_eps", "an epsilon"))
        object.__setattr__(self, "pad_token_id", check_int(self.pad_token_id, "pad_token_id", 0, self.vocab_size - 1))

    @classmethod
    def from_json(cls, path: str | Path) -> "BertConfig":
        """Read the sizes from a Hugging Face ``config.json`` (other keys ignored).

        Raises:
            FileNotFoundError: no file at ``path``.
            ValueError: not a JSON object, or the model is not a BERT with GELU and absolute positions.
        """
        try:
            data = json.loads(Path(check_path(path, "path")).read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ValueError(f"path: expected a JSON config, got text that does not parse ({error}) in {path}") from None
        if not isinstance(data, dict):
            raise ValueError(f"path: expected a JSON object, got {type(data).__name__} in {path}")
        for key, expected in (("model_type", "bert"), ("hidden_act", "gelu"), ("position_embedding_type", "absolute")):
            if data.get(key, expected) != expected:
                raise ValueError(f"path: expected {key} = {expected!r}, got {data[key]!r} in {path}")
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})

    @classmethod
    def base(cls) -> "BertConfig":
        """BERT-base (Devlin et al., 2019): 12 layers, hidden size 768, 12 heads, feed-forward 3072."""
        return cls(hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072)


class BertEmbeddings(nn.Module):
    """Word + position + token-type embeddings, then LayerNorm: (batch, seq) ids → (batch, seq, hidden).

    Args:
        config: the sizes.
        dtype: dtype of the parameters.

    Attributes:
        word_embeddings: (vocab_size, hidden); position_embeddings: (max_position_embeddings, hidden);
        token_type_embeddings: (type_vocab_size, hidden); norm: LayerNorm(hidden, layer_norm_eps).
    """

    def __init__(self, config: BertConfig, *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.config = check_instance(config, BertConfig, "config", "a BertConfig")
        d = config.hidden_size
        self.word_embeddings = Embedding(config.vocab_size, d, dtype=dtype)
        self.position_embeddings = Embedding(config.max_position_embeddings, d, dtype=dtype)
        self.token_type_embeddings = Embedding(config.type_vocab_size, d, dtype=dtype)
        self.norm = LayerNorm(d, config.layer_norm_eps, dtype=dtype)

    # --8<-- [start:embeddings]
    def forward(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        """LN(E_word[ids] + E_position[0 … seq-1] + E_type[token_type_ids]); both inputs (batch, seq)."""
        _check_inputs(self, input_ids, None, token_type_ids, require_types=True)
        positions = torch.arange(input_ids.shape[1], device=input_ids.device)  # the same for every row
        x = self.word_embeddings(input_ids) + self.position_embeddings(positions) \
            + self.token_type_embeddings(token_type_ids)
        return self.norm(x)
    # --8<-- [end:embeddings]


def _check_inputs(embeddings: BertEmbeddings, input_ids, attention_mask, token_type_ids, require_types=False):
    """The checks of ``BertModel.forward`` (and ``BertEmbeddings.forward``), naming their arguments."""
    config, weight = embeddings.config, embeddings.word_embeddings.weight
    if not torch.is_tensor(input_ids) or input_ids.is_floating_point() or input_ids.is_complex() \
            or input_ids.dtype == torch.bool:
        got = f"dtype {input_ids.dtype}" if torch.is_tensor(input_ids) else brief(input_ids)
        raise TypeError(f"input_ids: expected an integer tensor of token ids, got {got}")
    if input_ids.dim() != 2:
        raise ValueError(f"input_ids: expected shape (batch, seq), got shape {tuple(input_ids.shape)}")
    batch, seq = input_ids.shape
    if batch == 0:
        raise ValueError(f"input_ids: expected a batch of at least one text, got an empty batch, shape {(batch, seq)}")
    positions = config.max_position_embeddings
    if not 1 <= seq <= positions:
        raise ValueError(f"input_ids: expected 1 to {positions} tokens per text (the model's positions; "
                         f"truncate longer texts), got {seq}")
    if token_type_ids is None and require_types:
        raise TypeError("token_type_ids: expected an integer tensor of segment ids (torch.zeros_like(input_ids) "
                        "for one segment), got NoneType None")
    for mask, name in ((attention_mask, "attention_mask"), (token_type_ids, "token_type_ids")):
        if mask is None:
            continue
        if not torch.is_tensor(mask) or mask.is_floating_point() or mask.is_complex():
            got = f"dtype {mask.dtype}" if torch.is_tensor(mask) else brief(mask)
            raise TypeError(f"{name}: expected a bool or integer tensor, got {got}")
        if tuple(mask.shape) != (batch, seq):
            raise ValueError(f"{name}: expected shape {(batch, seq)} (the shape of input_ids), "
                             f"got shape {tuple(mask.shape)}")
    if attention_mask is not None:
        tokens = as_bool_mask(attention_mask, "attention_mask")
        empty = ~tokens.any(dim=1)
        if bool(empty.any()):
            raise ValueError(f"attention_mask: expected at least one token (1) per text, "
                             f"got a row of zeros at row {int(empty.nonzero()[0])}")
    # checked here, so that the message names this method's arguments and not the embedding table's
    as_id_tensor(input_ids, config.vocab_size, "input_ids", "token ids", "vocab_size", device=weight.device)
    if token_type_ids is not None:
        as_id_tensor(token_type_ids, config.type_vocab_size, "token_type_ids", "segment ids", "type_vocab_size",
                     device=weight.device)


class BertModel(nn.Module):
    """A BERT encoder: embeddings, then ``num_hidden_layers`` post-norm GELU encoder layers (no pooler).

    Args:
        config: the sizes (default: all-MiniLM-L6-v2's).
        dtype: dtype of the parameters.

    Shapes:
        input_ids: (batch, seq) integer token ids, 1 <= seq <= max_position_embeddings;
        attention_mask: (batch, seq), 1 (or True) on tokens, 0 on padding; None: all tokens;
        token_type_ids: (batch, seq) segment ids; None: all 0;
        returns (batch, seq, hidden_size), and with ``output_attentions=True`` also a list of the
        layers' attention weights, each (batch, heads, seq, seq).

    Raises:
        TypeError: ids or masks of a wrong dtype.
        ValueError: an empty batch, a sequence longer than the positions, or masks of a wrong shape.
    """

    def __init__(self, config: BertConfig = BertConfig(), *, dtype: Optional[torch.dtype] = None):
        super().__init__()
        self.config = check_instance(config, BertConfig, "config", "a BertConfig")
        self.embeddings = BertEmbeddings(config, dtype=dtype)
        self.layers = nn.ModuleList(
            TransformerEncoderLayer(config.hidden_size, config.num_attention_heads, config.intermediate_size,
                                    activation="gelu", layer_norm_eps=config.layer_norm_eps, batch_first=True,
                                    norm_first=False, dtype=dtype)
            for _ in range(config.num_hidden_layers))

    # --8<-- [start:forward]
    def forward(self, input_ids: torch.Tensor, attention_mask: Optional[torch.Tensor] = None,
                token_type_ids: Optional[torch.Tensor] = None, output_attentions: bool = False):
        """Token ids → one vector per token (batch, seq, hidden); shapes and errors in the class docstring."""
        _check_inputs(self.embeddings, input_ids, attention_mask, token_type_ids)
        check_bool(output_attentions, "output_attentions")
        if token_type_ids is None:
            token_type_ids = torch.zeros_like(input_ids)
        x = self.embeddings(input_ids, token_type_ids)
        padding = None if attention_mask is None else attention_mask == 0  # torch.nn's convention: True = padding
        if padding is not None and not bool(padding.any()):
            padding = None  # no padding in the batch: attention needs no mask
        attentions = []
        for layer in self.layers:
            if output_attentions:  # the weights of every head: (batch, heads, seq, seq)
                attentions.append(layer.self_attn(x, x, x, key_padding_mask=padding,
                                                  average_attn_weights=False)[1])
            x = layer(x, src_key_padding_mask=padding)
        return (x, attentions) if output_attentions else x
    # --8<-- [end:forward]

    @classmethod
    def from_safetensors(cls, path: str | Path, config: BertConfig = BertConfig()) -> "BertModel":
        """Our BERT with the weights of a Hugging Face BERT checkpoint (``model.safetensors``).

        Raises:
            FileNotFoundError: no file at ``path``.
            ValueError: the file lacks a tensor the model needs, or a tensor has the wrong shape
                (the message names it, with the shape expected and the shape found).
        """
        model = cls(config)
        model._load(read_safetensors(path), "path")
        return model

    def load_hf_state_dict(self, tensors: dict) -> None:
        """Copy tensors named as in Hugging Face's ``BertModel`` (NumPy arrays or torch tensors) into ours.

        Unused tensors (the pooler, ``position_ids``) are ignored.

        Raises:
            TypeError: ``tensors`` is not a dict of arrays or tensors.
            ValueError: a tensor is missing, has the wrong shape, or holds NaN or inf (named in the message).
        """
        self._load(tensors, "tensors")

    def _load(self, tensors, source: str) -> None:
        """``load_hf_state_dict``; messages name ``source``, the argument the tensors came from. Checks all first."""
        check_instance(tensors, dict, source, "a dict of tensors keyed by Hugging Face names")
        ours, copies = self.state_dict(), {}
        for name, theirs in hf_tensor_names(self.config).items():
            shape = ours[name].shape
            expected = (shape[0] // len(theirs), *shape[1:])  # in_proj: q, k and v stacked on the rows
            parts = [_tensor(tensors, n, name, source) for n in theirs]
            for part, n in zip(parts, theirs):
                if tuple(part.shape) != expected:
                    raise ValueError(f"{source}[{n!r}]: expected shape {expected} (for {name}), got shape {tuple(part.shape)}")
                check_finite(part, f"{source}[{n!r}]")
            copies[name] = parts[0] if len(parts) == 1 else torch.cat(parts)
        with torch.no_grad():  # nothing is changed before every tensor has been checked
            for name, value in copies.items():
                ours[name].copy_(value)

    def extra_repr(self) -> str:
        return f"{self.config}"


def _tensor(tensors: dict, name: str, ours: str, source: str) -> torch.Tensor:
    if name not in tensors:
        raise ValueError(f"{source}: expected a tensor {name!r} (for {ours}), got none by that name")
    value = tensors[name]
    if isinstance(value, np.ndarray) and value.dtype.kind in "fiu":
        return torch.from_numpy(np.ascontiguousarray(value))
    if not torch.is_tensor(value) or value.is_complex() or value.dtype == torch.bool:
        raise TypeError(f"{source}[{name!r}]: expected a NumPy array or a tensor of numbers, got {brief(value)}")
    return value


def hf_tensor_names(config: BertConfig) -> dict[str, list[str]]:
    """Our parameter name → the names of the Hugging Face tensors it is made of.

    One tensor each, except ``in_proj_weight`` and ``in_proj_bias``: the query, key and value
    tensors, stacked in that order. Tensors of a checkpoint that appear in no list are not used.
    """
    check_instance(config, BertConfig, "config", "a BertConfig")
    names = {
        "embeddings.word_embeddings.weight": ["embeddings.word_embeddings.weight"],
        "embeddings.position_embeddings.weight": ["embeddings.position_embeddings.weight"],
        "embeddings.token_type_embeddings.weight": ["embeddings.token_type_embeddings.weight"],
        "embeddings.norm.weight": ["embeddings.LayerNorm.weight"],
        "embeddings.norm.bias": ["embeddings.LayerNorm.bias"],
    }
    for i in range(config.num_hidden_layers):
        hf, ours = f"encoder.layer.{i}.", f"layers.{i}."
        for p in ("weight", "bias"):
            names[ours + f"self_attn.in_proj_{p}"] = [hf + f"attention.self.{m}.{p}" for m in ("query", "key", "value")]
            names[ours + f"self_attn.out_proj.{p}"] = [hf + f"attention.output.dense.{p}"]
            names[ours + f"norm1.{p}"] = [hf + f"attention.output.LayerNorm.{p}"]
            names[ours + f"linear1.{p}"] = [hf + f"intermediate.dense.{p}"]
            names[ours + f"linear2.{p}"] = [hf + f"output.dense.{p}"]
            names[ours + f"norm2.{p}"] = [hf + f"output.LayerNorm.{p}"]
    return names


def bert_parameter_counts(config: BertConfig, pooler: bool = False) -> dict[str, int]:
    """How many parameters each part of a BERT model has, from its sizes alone.

    With d = hidden_size, f = intermediate_size, L = num_hidden_layers:
    word embeddings V·d, positions P·d, token types T·d, embedding LayerNorm 2d; per layer the
    attention 4(d² + d) (Q, K, V, output projection), the feed-forward 2fd + f + d, two LayerNorms
    4d; the pooler d² + d if asked for.

    Returns:
        ``{"word embeddings": …, "position embeddings": …, "token type embeddings": …,
        "embedding LayerNorm": …, "attention (all layers)": …, "feed-forward (all layers)": …,
        "LayerNorms (all layers)": …, ["pooler": …,] "total": …}``
    """
    check_instance(config, BertConfig, "config", "a BertConfig")
    check_bool(pooler, "pooler")
    d, f, L = config.hidden_size, config.intermediate_size, config.num_hidden_layers
    counts = {
        "word embeddings": config.vocab_size * d,
        "position embeddings": config.max_position_embeddings * d,
        "token type embeddings": config.type_vocab_size * d,
        "embedding LayerNorm": 2 * d,
        "attention (all layers)": L * 4 * (d * d + d),
        "feed-forward (all layers)": L * (2 * f * d + f + d),
        "LayerNorms (all layers)": L * 4 * d,
    }
    if pooler:
        counts["pooler"] = d * d + d
    counts["total"] = sum(counts.values())
    return counts
