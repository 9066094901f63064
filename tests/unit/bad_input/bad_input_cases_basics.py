"""Bad-input cases for ``neuralnlp.basics``: activations, neuron, dense and feed-forward layers, losses,
the scalar graph, backpropagation by hand and the data sets."""

from __future__ import annotations

import math

import numpy as np
import torch
from hypothesis import strategies as st

from bad_input_harness import (
    Case,
    finite_case,
    float_dtype_case,
    id_dtype_case,
    ids_case,
    kind_case,
    number_case,
    size_case,
    valid_case,
)
from neuralnlp.basics import activations as A
from neuralnlp.basics import backprop, datasets, dense, feedforward, graph, losses, neuron

NOT_ARRAYS = [None, "x", {"a": 1.0}, [[1.0], [1.0, 2.0]]]  # None, a str, a dict, a ragged list

ELEMENTWISE = ["identity", "sigmoid", "sigmoid_grad", "tanh", "tanh_grad", "relu", "relu_grad", "standard_normal_cdf",
               "standard_normal_pdf", "gelu", "gelu_tanh", "gelu_sigmoid", "gelu_grad"]
SOFTMAXES = ["softmax", "naive_softmax", "log_softmax"]

CASES: list[Case] = []

# ---- activations -------------------------------------------------------------------------------------
for fn in ELEMENTWISE + SOFTMAXES:
    f = getattr(A, fn)
    name = f"basics.activations.{fn}"
    CASES += [
        float_dtype_case(name, "x", (2, 3), lambda a, f=f: (f, (a,), {})),
        kind_case(name, "x", NOT_ARRAYS, lambda v, f=f: (f, (v,), {}),
                  error=lambda v: ValueError if isinstance(v, list) else TypeError,
                  expected=lambda v: "a rectangular array" if isinstance(v, list) else "a floating-point array",
                  got=lambda v: "ragged list" if isinstance(v, list) else type(v).__name__),
    ]
for fn in ELEMENTWISE:  # NaN in, NaN out, in the same place: visible, so accepted
    CASES.append(valid_case(f"basics.activations.{fn}", "x", [np.array([0.5, np.nan, -1.0])],
                            lambda v, f=getattr(A, fn): (f, (v,), {}),
                            check=lambda r, v: r.shape == v.shape and np.isnan(r[1]) and np.isfinite(r[[0, 2]]).all()))
for fn in SOFTMAXES:
    f = getattr(A, fn)
    name = f"basics.activations.{fn}"
    CASES += [
        Case(name, "empty", "x", st.sampled_from([(2, 0), (0,), (3, 0)]), lambda s, f=f: (f, (np.zeros(s),), {}),
             error=ValueError, expected="at least one value along axis", got=lambda s: f"shape {s}"),
        size_case(name, "axis", lambda a, f=f: (f, (np.zeros((2, 3)),), {"axis": a}), minimum=-2, maximum=1),
    ]
CASES += [
    size_case("basics.activations.max_abs_error", "num", lambda n: (A.max_abs_error, (A.gelu_tanh, A.gelu), {"num": n}),
              minimum=2),
    number_case("basics.activations.max_abs_error", "start", lambda v: (A.max_abs_error, (A.gelu_tanh, A.gelu),
                                                                         {"start": v})),
    number_case("basics.activations.max_abs_error", "stop", lambda v: (A.max_abs_error, (A.gelu_tanh, A.gelu),
                                                                       {"start": 0.0, "stop": v}),
                minimum=0.0, min_open=True),
    kind_case("basics.activations.max_abs_error", "approx", [None, "gelu", 1.0, np.zeros(3)],
              lambda v: (A.max_abs_error, (v, A.gelu), {})),
    Case("basics.activations.max_abs_error", "shape", "reference", st.sampled_from([lambda x: 0.0, lambda x: x[:, None],
                                                                                       lambda x: x[:-1]]),
         lambda g: (A.max_abs_error, (A.gelu, g), {"num": 5}), error=ValueError,
         expected="an output of shape (5,)", got="shape"),
]

# ---- neuron -------------------------------------------------------------------------------------------
W3 = np.array([0.5, -1.0, 2.0])
CASES += [
    float_dtype_case("basics.neuron.Neuron", "weights", (3,), lambda a: (neuron.Neuron, (a,), {})),
    Case("basics.neuron.Neuron", "shape", "weights", st.sampled_from([(2, 3), (), (1, 1, 3)]),
         lambda s: (neuron.Neuron, (np.ones(s),), {}), error=ValueError, expected="shape (n,)", got=lambda s: f"shape {s}"),
    Case("basics.neuron.Neuron", "empty", "weights", st.just(np.zeros(0)), lambda w: (neuron.Neuron, (w,), {}),
         error=ValueError, expected="at least one weight", got="shape (0,)"),
    finite_case("basics.neuron.Neuron", "weights", (4,), lambda w: (neuron.Neuron, (w,), {})),
    Case("basics.neuron.Neuron", "finite", "bias", st.sampled_from([math.nan, math.inf]),
         lambda b: (neuron.Neuron, (W3, np.float64(b)), {}), error=ValueError, expected="finite values",
         got=lambda b: str(b), note="bias"),
    kind_case("basics.neuron.Neuron", "activation", ["relu", 1.0, np.zeros(2)], lambda v: (neuron.Neuron, (W3,),
                                                                                              {"activation": v})),
]
for method in ("weighted_sum", "forward"):
    name = f"basics.neuron.Neuron.{method}"
    CASES += [
        Case(name, "shape", "x", st.sampled_from([(4,), (2, 4), (2, 3, 3), ()]),
             lambda s, m=method: (getattr(neuron.Neuron(W3), m), (np.ones(s),), {}), error=ValueError,
             expected="shape (3,) or (batch, 3)", got=lambda s: f"shape {s}"),
        float_dtype_case(name, "x", (2, 3), lambda a, m=method: (getattr(neuron.Neuron(W3), m), (a,), {})),
    ]

# ---- dense --------------------------------------------------------------------------------------------
CASES += [
    size_case("basics.dense.Dense", "in_features", lambda n: (dense.Dense, (n, 2), {})),
    size_case("basics.dense.Dense", "out_features", lambda n: (dense.Dense, (3, n), {})),
    kind_case("basics.dense.Dense", "activation", ["relu", 3, np.zeros(2)], lambda v: (dense.Dense, (3, 2),
                                                                                       {"activation": v})),
    kind_case("basics.dense.Dense", "rng", ["seed", 1.5, -1, [1, 2]], lambda v: (dense.Dense, (3, 2), {"rng": v}),
              error=lambda v: ValueError if v == -1 else TypeError, expected="a seed (an integer >= 0)"),
    valid_case("basics.dense.Dense", "in_features", [np.int64(3), np.int32(3), np.uint8(3)],
               lambda n: (dense.Dense, (n, 2), {}), check=lambda r, n: r.weight.shape == (2, 3)),
    Case("basics.dense.Dense.from_weights", "shape", "bias", st.sampled_from([(3,), (2, 1), ()]),
         lambda s: (dense.Dense.from_weights, (np.ones((2, 4)), np.ones(s)), {}), error=ValueError,
         expected="shape (2,)", got=lambda s: f"shape {s}"),
    Case("basics.dense.Dense.from_weights", "shape", "weight", st.sampled_from([(4,), (2, 2, 2)]),
         lambda s: (dense.Dense.from_weights, (np.ones(s), np.ones(2)), {}), error=ValueError,
         expected="a 2-D matrix", got=lambda s: f"shape {s}"),
    Case("basics.dense.Dense.from_weights", "empty", "weight", st.sampled_from([(0, 3), (2, 0)]),
         lambda s: (dense.Dense.from_weights, (np.ones(s), np.ones(s[0])), {}), error=ValueError,
         expected="at least one", got=lambda s: f"shape {s}"),
    finite_case("basics.dense.Dense.from_weights", "weight", (2, 3), lambda w: (dense.Dense.from_weights,
                                                                                (w, np.zeros(2)), {})),
    float_dtype_case("basics.dense.Dense.from_weights", "weight", (2, 3),
                     lambda a: (dense.Dense.from_weights, (a, np.zeros(2)), {})),
    kind_case("basics.dense.Dense.from_weights", "activation", ["tanh", 0],
              lambda v: (dense.Dense.from_weights, (np.ones((2, 3)), np.zeros(2)), {"activation": v})),
    Case("basics.dense.compose_affine", "shape", "W2", st.sampled_from([(2, 5), (2, 3), (4, 2)]),
         lambda s: (dense.compose_affine, (np.ones((4, 3)), np.zeros(4), np.ones(s), np.zeros(s[0])), {}),
         error=ValueError, expected=lambda s: f"shape ({s[0]}, 4)", got=lambda s: f"shape {s}"),
    float_dtype_case("basics.dense.compose_affine", "W1", (4, 3),
                     lambda a: (dense.compose_affine, (a, np.zeros(4), np.ones((2, 4)), np.zeros(2)), {})),
]

# ---- feed-forward ---------------------------------------------------------------------------------------
FF = feedforward.FeedForward
CASES += [
    size_case("basics.feedforward.FeedForward", "in_features", lambda n: (FF, (n, 4, 2), {})),
    size_case("basics.feedforward.FeedForward", "out_features", lambda n: (FF, (3, 4, n), {})),
    Case("basics.feedforward.FeedForward", "size", "hidden_features[1]",
         st.sampled_from([0, -2, 2.5, "4", None]), lambda h: (FF, (3, [4, h], 2), {}),
         error=lambda h: ValueError if isinstance(h, int) else TypeError, expected="an integer >= 1",
         got=lambda h: str(h) if isinstance(h, int) else type(h).__name__, note="list"),
    kind_case("basics.feedforward.FeedForward", "hidden_features", ["4", None, 4.0],
              lambda h: (FF, (3, h, 2), {})),
    kind_case("basics.feedforward.FeedForward", "activation", ["gelu", 1], lambda a: (FF, (3, 4, 2),
                                                                                       {"activation": a})),
    kind_case("basics.feedforward.FeedForward", "final_activation", ["no", None, 1],
              lambda a: (FF, (3, 4, 2), {"final_activation": a})),
    valid_case("basics.feedforward.FeedForward", "hidden_features", [np.int64(4), (np.int64(4), 3), [np.int32(5)]],
               lambda h: (FF, (np.int64(3), h, 2), {})),
    Case("basics.feedforward.FeedForward.forward", "dtype", "x", st.sampled_from([torch.float64, torch.float16]),
         lambda t: (FF(3, 4, 2), (torch.ones(2, 3, dtype=t),), {}), error=TypeError,
         expected="dtype torch.float32", got=lambda t: f"dtype {t}"),
    Case("basics.feedforward.FeedForward.forward", "device", "x", st.just("meta"),
         lambda d: (FF(3, 4, 2), (torch.ones(2, 3, device=d),), {}), error=ValueError,
         expected="device cpu", got="device meta"),
    Case("basics.feedforward.FeedForward.forward", "shape", "x", st.sampled_from([(2, 4), (4,), ()]),
         lambda s: (FF(3, 4, 2), (torch.ones(s),), {}), error=ValueError, expected="shape (..., 3)",
         got=lambda s: f"shape {s}"),
    kind_case("basics.feedforward.FeedForward.forward", "x", [np.ones((2, 3)), [[1.0, 2.0, 3.0]], None],
              lambda v: (FF(3, 4, 2), (v,), {})),
    Case("basics.feedforward.feedforward_parameter_count", "size", "sizes[1]", st.sampled_from([0, -4, 2.5, "4"]),
         lambda v: (feedforward.feedforward_parameter_count, ([3, v, 2],), {}),
         error=lambda v: ValueError if isinstance(v, int) else TypeError, expected="an integer >= 1",
         got=lambda v: str(v) if isinstance(v, int) else type(v).__name__),
    Case("basics.feedforward.feedforward_parameter_count", "shape", "sizes", st.sampled_from([[3], []]),
         lambda v: (feedforward.feedforward_parameter_count, (v,), {}), error=ValueError,
         expected="at least 2 widths", got=lambda v: str(v)),
    kind_case("basics.feedforward.feedforward_parameter_count", "sizes", [3, "34", None],
              lambda v: (feedforward.feedforward_parameter_count, (v,), {})),
]
for fn in ("layer_outputs", "feedforward_numpy"):
    f = getattr(feedforward, fn)
    name = f"basics.feedforward.{fn}"
    CASES += [
        kind_case(name, "layers[0]", [torch.nn.Linear(3, 4), "dense", None], lambda v, f=f: (f, ([v], np.ones(3)), {})),
        kind_case(name, "layers", [dense.Dense(3, 4), None, 3], lambda v, f=f: (f, (v, np.ones(3)), {}), note="container"),
        Case(name, "shape", "layers[1]", st.sampled_from([5, 2]),
             lambda n, f=f: (f, ([dense.Dense(3, 4), dense.Dense(n, 2)], np.ones(3)), {}), error=ValueError,
             expected="in_features == layers[0].out_features == 4", got=lambda n: f"in_features {n}"),
        Case(name, "shape", "x", st.sampled_from([(4,), (2, 2)]), lambda s, f=f: (f, ([dense.Dense(3, 4)], np.ones(s)), {}),
             error=ValueError, expected="shape (..., 3)", got=lambda s: f"shape {s}", note="x"),
    ]
CASES += [
    kind_case("basics.feedforward.to_dense_layers", "model",
              [torch.nn.Sequential(torch.nn.Linear(3, 2)), None, [dense.Dense(3, 2)]],
              lambda m: (feedforward.to_dense_layers, (m,), {})),
    kind_case("basics.feedforward.to_dense_layers", "activation", [torch.nn.SiLU(), torch.nn.Softmax(dim=-1)],
              lambda a: (feedforward.to_dense_layers, (FF(3, 4, 2, activation=a),), {}), error=ValueError,
              note="unknown activation"),
]

# ---- losses -------------------------------------------------------------------------------------------
CASES += [
    Case("basics.losses.mse", "shape", "target", st.sampled_from([(3,), (2, 1), ()]),
         lambda s: (losses.mse, (np.zeros(2), np.zeros(s)), {}), error=ValueError,
         expected="the shape of prediction", got=lambda s: f"shape {s}"),
    float_dtype_case("basics.losses.mse", "prediction", (2,), lambda a: (losses.mse, (a, np.zeros(2)), {})),
    Case("basics.losses.mse", "empty", "prediction", st.sampled_from([(0,), (0, 3)]),
         lambda s: (losses.mse, (np.zeros(s), np.zeros(s)), {}), error=ValueError,
         expected="at least one sample", got="empty batch"),
    valid_case("basics.losses.mse", "reduction", ["sum", "none"], lambda r: (losses.mse, (np.zeros(0), np.zeros(0)),
                                                                            {"reduction": r}),
               check=lambda out, r: (out == 0) if r == "sum" else out.shape == (0,)),
    Case("basics.losses.mse", "kind", "reduction", st.sampled_from(["avg", "MEAN", None, 1]),
         lambda r: (losses.mse, (np.zeros(2), np.zeros(2)), {"reduction": r}), error=ValueError,
         expected="one of ['mean', 'sum', 'none']", got=lambda r: repr(r) if isinstance(r, str) else type(r).__name__),
    Case("basics.losses.mse_grad", "shape", "target", st.sampled_from([(3,), (2, 1)]),
         lambda s: (losses.mse_grad, (np.zeros(2), np.zeros(s)), {}), error=ValueError,
         expected="the shape of prediction", got=lambda s: f"shape {s}"),
    float_dtype_case("basics.losses.mse_grad", "target", (2,), lambda a: (losses.mse_grad, (np.zeros(2), a), {})),
    Case("basics.losses.binary_cross_entropy", "number", "target", st.sampled_from([2.0, -1.0, 1.5, math.nan]),
         lambda t: (losses.binary_cross_entropy, (np.array([0.2, 0.8]), np.array([0.0, t])), {}), error=ValueError,
         expected="values in [0, 1]", got="values in"),
    Case("basics.losses.binary_cross_entropy", "number", "probability", st.floats(1.0001, 50) | st.floats(-50, -1e-4),
         lambda p: (losses.binary_cross_entropy, (np.array([0.5, p]), np.array([0.0, 1.0])), {}), error=ValueError,
         expected="values in [0, 1]", got="values in"),
    Case("basics.losses.binary_cross_entropy", "empty", "probability", st.just((0,)),
         lambda s: (losses.binary_cross_entropy, (np.zeros(s), np.zeros(s)), {}), error=ValueError,
         expected="at least one sample", got="empty batch"),
    Case("basics.losses.binary_cross_entropy_with_logits", "number", "target", st.sampled_from([3.0, -0.5, 1.01]),
         lambda t: (losses.binary_cross_entropy_with_logits, (np.array([0.2, 0.8]), np.array([0.0, t])), {}),
         error=ValueError, expected="values in [0, 1]", got="values in"),
    Case("basics.losses.binary_cross_entropy_with_logits", "shape", "target", st.sampled_from([(3,), (2, 1)]),
         lambda s: (losses.binary_cross_entropy_with_logits, (np.zeros(2), np.zeros(s)), {}), error=ValueError,
         expected="the shape of logits", got=lambda s: f"shape {s}"),
    Case("basics.losses.nll_loss", "number", "log_probs", st.floats(0.01, 5),
         lambda p: (losses.nll_loss, (np.array([[math.log(0.5), p]]), np.array([0])), {}), error=ValueError,
         expected="log-probabilities (values <= 0", got="values up to"),
    ids_case("basics.losses.nll_loss", "target", 3, (4,), lambda y: (losses.nll_loss, (np.full((4, 3), -1.1), y), {}),
             torch_tensor=False, what="class indices"),
    id_dtype_case("basics.losses.nll_loss", "target", (4,), lambda y: (losses.nll_loss, (np.full((4, 3), -1.1), y), {}),
                  torch_tensor=False),
    ids_case("basics.losses.cross_entropy", "target", 3, (4,), lambda y: (losses.cross_entropy, (np.zeros((4, 3)), y), {}),
             torch_tensor=False, what="class indices"),
    Case("basics.losses.cross_entropy", "shape", "target", st.sampled_from([(3,), (5,), (4, 1)]),
         lambda s: (losses.cross_entropy, (np.zeros((4, 3)), np.zeros(s, dtype=int)), {}), error=ValueError,
         expected="one class index per sample", got=lambda s: f"shape {s}"),
    Case("basics.losses.cross_entropy", "empty", "logits", st.sampled_from([(2, 0), (3,)]),
         lambda s: (losses.cross_entropy, (np.zeros(s), np.zeros(s[0], dtype=int)), {}), error=ValueError,
         expected="at least one class", got=lambda s: f"shape {s}"),
    Case("basics.losses.cross_entropy", "empty", "logits", st.just((0, 3)),
         lambda s: (losses.cross_entropy, (np.zeros(s), np.zeros(0, dtype=int)), {}), error=ValueError,
         expected="at least one sample", got="shape (0, 3)", note="batch"),
    size_case("basics.losses.one_hot", "n_classes", lambda n: (losses.one_hot, (np.array([0]), n), {})),
    ids_case("basics.losses.one_hot", "target", 4, (5,), lambda y: (losses.one_hot, (y, 4), {}), torch_tensor=False,
             what="class indices"),
]

# ---- the scalar graph -----------------------------------------------------------------------------------
V = graph.Value
CASES += [
    kind_case("basics.graph.Value", "data", ["1", None, [1.0], 1j, True, np.array([1.0, 2.0])], lambda v: (V, (v,), {}),
              expected="a real number"),
    kind_case("basics.graph.Value", "other", ["a", None, [1.0], 1j], lambda v: (V(1.0).__add__, (v,), {}),
              expected="a Value or a real number", note="operand"),
    kind_case("basics.graph.Value", "exponent", [V(2.0), "2", None], lambda e: (V(3.0).__pow__, (e,), {}),
              expected="a constant int or float", note="pow"),
    Case("basics.graph.Value", "number", "exponent", st.sampled_from([math.nan, math.inf]),
         lambda e: (V(3.0).__pow__, (e,), {}), error=ValueError, expected="a finite constant",
         got=lambda e: str(e), note="pow"),
    Case("basics.graph.Value", "number", "data", st.floats(-100, -1e-3) | st.just(-8.0),
         lambda b: (V(b).__pow__, (0.5,), {}), error=ValueError, expected="a base >= 0 for the fractional exponent",
         got=lambda b: repr(float(b)), note="fractional power of a negative"),
    Case("basics.graph.Value", "number", "data", st.sampled_from([-1, -2, -0.5]),
         lambda e: (V(0.0).__pow__, (e,), {}), error=ZeroDivisionError, expected="a non-zero base",
         got="0.0", note="zero to a negative power"),
    Case("basics.graph.Value", "number", "other", st.sampled_from([0, 0.0, -0.0, V(0.0)]),
         lambda d: (V(1.0).__truediv__, (d,), {}), error=ZeroDivisionError, expected="a non-zero divisor",
         got="0.0", note="division by zero"),
    valid_case("basics.graph.Value", "base", [2, 0.5, np.float64(3.0)], lambda b: (V(3.0).__rpow__, (b,), {}),
               check=lambda r, b: abs(r.data - float(b) ** 3) < 1e-12),
    Case("basics.graph.Value.exp", "number", "data", st.floats(710, 1e6),
         lambda x: (V(x).exp, (), {}), error=ValueError, expected="a value <= 709.78", got=lambda x: repr(float(x))),
    Case("basics.graph.Value.log", "number", "data", st.floats(-1e6, 0.0),
         lambda x: (V(x).log, (), {}), error=ValueError, expected="a value > 0", got=lambda x: repr(float(x))),
]


def _deep_sum(n):
    xs = [V(1.0) for _ in range(n)]
    s = V(0.0)
    for x in xs:
        s = s + x * x
    return s, xs


CASES += [
    valid_case("basics.graph.Value.backward", "self", [100_000], lambda n: (_deep_sum(n)[0].backward, (), {}),
               examples=1, note="a graph 100,000 nodes deep"),
    valid_case("basics.graph.Value.backward", "self", [1000], lambda n: _neuron_backward(n),
               check=lambda r, n: r is None, examples=1, note="a neuron with 1000 inputs"),
]


def _neuron_backward(n):
    w = [V(0.01 * i) for i in range(n)]
    out = sum((wi * xi for wi, xi in zip(w, [V(1.0)] * n)), V(0.0)).tanh()
    return out.backward, (), {}


# ---- backpropagation by hand -----------------------------------------------------------------------------
def _net_and_batch():
    net = backprop.TwoLayerNet(3, 4, 2)
    net.forward(np.zeros((5, 3)))
    return net


CASES += [
    number_case("basics.backprop.sgd_step", "lr", lambda lr: (backprop.sgd_step, ({"w": np.ones(2)}, {"w": np.ones(2)},
                                                                                    lr), {}),
                minimum=0, min_open=True),
    kind_case("basics.backprop.sgd_step", "params['w']", [1.0, np.float64(1.0), [1.0, 2.0]],
              lambda w: (backprop.sgd_step, ({"w": w}, {"w": np.ones(np.shape(w)) if np.shape(w) else 0.5}, 0.1), {}),
              expected="a NumPy array (updated in place)"),
    Case("basics.backprop.sgd_step", "shape", "grads['w']", st.sampled_from([(3,), (2, 1), ()]),
         lambda s: (backprop.sgd_step, ({"w": np.ones(2)}, {"w": np.ones(s)}, 0.1), {}), error=ValueError,
         expected="shape (2,)", got=lambda s: f"shape {s}"),
    finite_case("basics.backprop.sgd_step", "grads['w']", (3,), lambda g: (backprop.sgd_step, ({"w": np.ones(3)},
                                                                                               {"w": g}, 0.1), {})),
    Case("basics.backprop.sgd_step", "shape", "grads", st.sampled_from([{"v": np.ones(2)}, {}]),
         lambda g: (backprop.sgd_step, ({"w": np.ones(2)}, g, 0.1), {}), error=ValueError,
         expected="keys ['w']", got=lambda g: str(sorted(g)), note="keys"),
    kind_case("basics.backprop.sgd_step", "params", [[np.ones(2)], None, np.ones(2)],
              lambda p: (backprop.sgd_step, (p, {"w": np.ones(2)}, 0.1), {}), expected="a dict"),
    size_case("basics.backprop.TwoLayerNet", "in_features", lambda n: (backprop.TwoLayerNet, (n, 4, 2), {})),
    size_case("basics.backprop.TwoLayerNet", "hidden_features", lambda n: (backprop.TwoLayerNet, (3, n, 2), {})),
    size_case("basics.backprop.TwoLayerNet", "out_features", lambda n: (backprop.TwoLayerNet, (3, 4, n), {})),
    Case("basics.backprop.TwoLayerNet", "kind", "activation", st.sampled_from(["gelu", "Tanh", None, 1]),
         lambda a: (backprop.TwoLayerNet, (3, 4, 2), {"activation": a}), error=ValueError,
         expected="'relu' or 'tanh'", got=lambda a: repr(a) if isinstance(a, str) else type(a).__name__),
    kind_case("basics.backprop.TwoLayerNet", "seed", ["0", -1, 1.5], lambda s: (backprop.TwoLayerNet, (3, 4, 2),
                                                                               {"seed": s}),
              error=lambda v: ValueError if v == -1 else TypeError, expected="a seed (an integer >= 0)"),
    valid_case("basics.backprop.TwoLayerNet", "in_features", [np.int64(3)],
               lambda n: (backprop.TwoLayerNet, (n, np.int32(4), np.uint16(2)), {})),
]
for method in ("forward", "predict"):
    CASES += [
        Case(f"basics.backprop.TwoLayerNet.{method}", "shape", "x", st.sampled_from([(5, 2), (3,), (2, 3, 3)]),
             lambda s, m=method: (getattr(backprop.TwoLayerNet(3, 4, 2), m), (np.zeros(s),), {}), error=ValueError,
             expected="shape (batch, 3)", got=lambda s: f"shape {s}"),
        float_dtype_case(f"basics.backprop.TwoLayerNet.{method}", "x", (5, 3),
                         lambda a, m=method: (getattr(backprop.TwoLayerNet(3, 4, 2), m), (a,), {})),
    ]
CASES += [
    ids_case("basics.backprop.TwoLayerNet.backward", "y", 2, (5,), lambda y: (_net_and_batch().backward, (y,), {}),
             torch_tensor=False, what="class indices"),
    id_dtype_case("basics.backprop.TwoLayerNet.backward", "y", (5,), lambda y: (_net_and_batch().backward, (y,), {}),
                  torch_tensor=False),
    Case("basics.backprop.TwoLayerNet.backward", "shape", "y", st.sampled_from([(4,), (6,), (5, 1)]),
         lambda s: (_net_and_batch().backward, (np.zeros(s, dtype=int),), {}), error=ValueError,
         expected="shape (5,)", got=lambda s: f"shape {s}"),
    Case("basics.backprop.train_step", "empty", "x", st.just((0, 3)),
         lambda s: (backprop.train_step, (backprop.TwoLayerNet(3, 4, 2), np.zeros(s), np.zeros(0, dtype=int), 0.1), {}),
         error=ValueError, expected="at least one sample", got="shape (0, 3)"),
    number_case("basics.backprop.train_step", "lr",
                lambda lr: (backprop.train_step, (backprop.TwoLayerNet(3, 4, 2), np.zeros((2, 3)), np.array([0, 1]), lr),
                            {}), minimum=0, min_open=True),
    kind_case("basics.backprop.train_step", "net", [FF(3, 4, 2), None, dense.Dense(3, 2)],
              lambda n: (backprop.train_step, (n, np.zeros((2, 3)), np.array([0, 1]), 0.1), {})),
    ids_case("basics.backprop.train_step", "y", 2, (4,),
             lambda y: (backprop.train_step, (backprop.TwoLayerNet(3, 4, 2), np.zeros((4, 3)), y, 0.1), {}),
             torch_tensor=False, what="class indices"),
]

# ---- data sets -------------------------------------------------------------------------------------------------
CASES += [
    size_case("basics.datasets.spiral", "n_per_class", lambda n: (datasets.spiral, (n,), {}), minimum=2),
    size_case("basics.datasets.spiral", "n_classes", lambda n: (datasets.spiral, (5, n), {}), minimum=2),
    number_case("basics.datasets.spiral", "noise", lambda v: (datasets.spiral, (5, 2, v), {}), minimum=0),
    kind_case("basics.datasets.spiral", "seed", ["0", 1.5, -3], lambda s: (datasets.spiral, (5, 2), {"seed": s}),
              error=lambda v: ValueError if v == -3 else TypeError, expected="a seed (an integer >= 0)"),
    size_case("basics.datasets.minibatches", "n_samples", lambda n: (datasets.minibatches, (n, 2, np.random.default_rng(0)),
                                                                    {})),
    size_case("basics.datasets.minibatches", "batch_size",
              lambda n: (datasets.minibatches, (10, n, np.random.default_rng(0)), {})),
    kind_case("basics.datasets.minibatches", "rng", [0, None, "rng", torch.Generator()],
              lambda r: (datasets.minibatches, (10, 3, r), {}), expected="a numpy.random.Generator"),
    valid_case("basics.datasets.minibatches", "n_samples", [np.int64(10)],
               lambda n: (datasets.minibatches, (n, np.int32(3), np.random.default_rng(0)), {}),
               check=lambda r, n: sorted(np.concatenate(r).tolist()) == list(range(10))),
]
