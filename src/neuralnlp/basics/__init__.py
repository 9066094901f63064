"""Foundations: neurons, activations, dense and feed-forward layers, losses, backpropagation.

Modules: ``activations``, ``neuron``, ``dense``, ``feedforward``, ``losses``, ``graph`` (a scalar
computational graph), ``backprop`` (a two-layer network trained by hand) and ``datasets``.
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["identity", "sigmoid", "tanh", "relu", "gelu", "softmax", "log_softmax"], ".activations"),
    "Neuron": ".neuron",
    "Dense": ".dense",
    "FeedForward": ".feedforward",
    **dict.fromkeys(["mse", "binary_cross_entropy", "cross_entropy", "nll_loss"], ".losses"),
    "Value": ".graph",
    "TwoLayerNet": ".backprop",
    **dict.fromkeys(["xor", "spiral", "minibatches"], ".datasets"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
