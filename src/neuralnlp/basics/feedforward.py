"""Feed-forward networks: dense layers applied one after another, with an activation between them.

With one hidden layer (the network on the page):

    h₁ = f(W₁ x + b₁)
    y  = W₂ h₁ + b₂           (f(W₂ h₁ + b₂) with ``final_activation=True``)

and with more hidden layers each hᵢ = f(Wᵢ hᵢ₋₁ + bᵢ) feeds the next. The output layer has no
activation by default, as in a Transformer's feed-forward block and in any network that outputs
logits or unbounded real numbers. ``FeedForward`` is the reusable ``torch.nn.Module``;
``feedforward_numpy`` runs the same forward pass on a list of NumPy ``Dense`` layers, and
``to_dense_layers`` copies a ``FeedForward``'s weights into such a list.
The references these are tested against: ``torch.nn.Sequential`` of ``Linear`` and ``GELU``.
"""

from __future__ import annotations

from numbers import Integral
from typing import Sequence, Union

import numpy as np
import torch
from torch import nn

from neuralnlp.basics import activations
from neuralnlp._checks import brief, check_bool, check_callable, check_float_tensor, check_last_dim, check_positive_int
from neuralnlp.basics.dense import Dense


# --8<-- [start:feedforward]
class FeedForward(nn.Module):
    """Feed-forward network of D layers: h₁ = f(W₁x + b₁), …, h_{D−1} = f(W_{D−1}h_{D−2} + b_{D−1}),
    y = W_D h_{D−1} + b_D.

    Args:
        in_features: length of each input vector x.
        hidden_features: width of the hidden layer, or a sequence of widths for several.
        out_features: length of each output vector y.
        activation: module applied after every layer; default ``nn.GELU()`` (the exact GELU).
        final_activation: apply the activation to the output too, y = f(W_D h_{D−1} + b_D).
            Default False: the output layer stays linear, so it can produce logits or any real number.

    Attributes:
        layers: ``nn.ModuleList`` of ``nn.Linear``; layers[i].weight is (out, in) as in torch.

    Shapes:
        x: (in_features,) or (batch, in_features)  ->  y: (out_features,) or (batch, out_features)
    """

    def __init__(self, in_features: int, hidden_features: Union[int, Sequence[int]], out_features: int,
                 activation: nn.Module | None = None, final_activation: bool = False):
        super().__init__()
        sizes = _check_sizes(in_features, hidden_features, out_features)
        self.layers = nn.ModuleList(nn.Linear(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:]))
        self.activation = nn.GELU() if activation is None else check_callable(activation, "activation", "a module such as nn.GELU()")
        self.final_activation = check_bool(final_activation, "final_activation")

    def extra_repr(self) -> str:  # print(model) shows where the activation goes
        return f"final_activation={self.final_activation}"

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply every layer in turn. x: (batch, in_features) → (batch, out_features)."""
        _check_input(x, self.layers[0])
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1 or self.final_activation:
                x = self.activation(x)
        return x
# --8<-- [end:feedforward]


def _check_sizes(in_features, hidden_features, out_features) -> list[int]:
    """[in_features, *hidden widths, out_features], each a positive integer."""
    if isinstance(hidden_features, Integral):
        hidden_features = [hidden_features]
    elif isinstance(hidden_features, (str, bytes)) or not hasattr(hidden_features, "__iter__"):
        raise TypeError(f"hidden_features: expected an integer or a sequence of integers, got {brief(hidden_features)}")
    hidden = [check_positive_int(n, f"hidden_features[{i}]") for i, n in enumerate(hidden_features)]
    return [check_positive_int(in_features, "in_features"), *hidden, check_positive_int(out_features, "out_features")]


def _check_input(x: torch.Tensor, first_layer: nn.Linear) -> None:
    check_float_tensor(x, "x", first_layer.weight.dtype, first_layer.weight.device)
    check_last_dim(x, first_layer.in_features, "x")  # works on tensors too: it reads only ndim and shape


# --8<-- [start:parameter-count]
def feedforward_parameter_count(sizes: Sequence[int]) -> int:
    """Σᵢ (nᵢ · nᵢ₊₁ + nᵢ₊₁) for layer widths sizes = (n₀ = in_features, n₁, …, n_L = out_features)."""
    sizes = _check_widths(sizes)
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
# --8<-- [end:parameter-count]


def _check_widths(sizes) -> list[int]:
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__iter__"):
        raise TypeError(f"sizes: expected a sequence of layer widths such as [3, 4, 2], got {brief(sizes)}")
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes: expected at least 2 widths (in_features, ..., out_features), got {sizes}")
    return [check_positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]


# --8<-- [start:numpy-forward]
def layer_outputs(layers: Sequence[Dense], x) -> list[np.ndarray]:
    """The forward pass, layer by layer: ``[h₁, h₂, …, y]`` with ``hᵢ = layers[i−1](hᵢ₋₁)`` and ``h₀ = x``.

    Shapes: x (in_features,) or (batch, in_features); entry i is (..., layers[i].out_features).
    """
    _check_chain(layers)
    outputs, h = [], x
    for layer in layers:
        h = layer(h)
        outputs.append(h)
    return outputs


def feedforward_numpy(layers: Sequence[Dense], x) -> np.ndarray:
    """The network's output y: the last entry of ``layer_outputs(layers, x)``."""
    return layer_outputs(layers, x)[-1]
# --8<-- [end:numpy-forward]


def _check_chain(layers: Sequence[Dense]) -> None:
    """Each layer must be a ``Dense`` and read exactly as many values as the previous one writes."""
    if isinstance(layers, (str, bytes, Dense)) or not hasattr(layers, "__len__"):
        raise TypeError(f"layers: expected a sequence of Dense layers, got {brief(layers)}")
    if len(layers) == 0:
        raise ValueError("layers: expected at least one Dense layer, got an empty sequence")
    for i, layer in enumerate(layers):
        if not isinstance(layer, Dense):
            raise TypeError(f"layers[{i}]: expected a neuralnlp.basics.dense.Dense, got {brief(layer)}"
                            + (" (copy a torch model with to_dense_layers)" if isinstance(layer, nn.Module) else ""))
    for i in range(1, len(layers)):
        if layers[i].in_features != layers[i - 1].out_features:
            raise ValueError(
                f"layers[{i}]: expected in_features == layers[{i - 1}].out_features == "
                f"{layers[i - 1].out_features}, got in_features {layers[i].in_features}"
            )


def _numpy_activation(module: nn.Module):
    """The NumPy function from ``neuralnlp.basics.activations`` that computes the same as ``module``."""
    if isinstance(module, nn.GELU):
        return activations.gelu_tanh if module.approximate == "tanh" else activations.gelu
    for torch_type, fn in ((nn.ReLU, activations.relu), (nn.Tanh, activations.tanh), (nn.Sigmoid, activations.sigmoid)):
        if isinstance(module, torch_type):
            return fn
    raise ValueError(f"activation: expected nn.GELU, nn.ReLU, nn.Tanh or nn.Sigmoid, got {type(module).__name__}")


def to_dense_layers(model: FeedForward) -> list[Dense]:
    """Copy a ``FeedForward``'s weights into NumPy ``Dense`` layers that compute the same function."""
    if not isinstance(model, FeedForward):
        raise TypeError(f"model: expected a neuralnlp.basics.feedforward.FeedForward, got {brief(model)}")
    f = _numpy_activation(model.activation)
    last = len(model.layers) - 1
    return [
        Dense.from_weights(
            layer.weight.detach().cpu().numpy(),
            layer.bias.detach().cpu().numpy(),
            activation=f if (i < last or model.final_activation) else None,
        )
        for i, layer in enumerate(model.layers)
    ]

