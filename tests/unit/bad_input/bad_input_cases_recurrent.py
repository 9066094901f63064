"""Bad-input cases for ``neuralnlp.recurrent``: the RNN, GRU and LSTM layers (layers, directions, padded
batches), gradients through time, the long-memory task, the generated corpus and the language model."""

from __future__ import annotations

import math

import numpy as np
import torch
from hypothesis import strategies as st

from bad_input_harness import (
    Case,
    id_dtype_case,
    ids_case,
    kind_case,
    number_case,
    size_case,
    valid_case,
)
from neuralnlp.recurrent import gradient_flow, language_model, memory_task
from neuralnlp.recurrent import text_corpus as tc
from neuralnlp.recurrent.gru import GRU, GRUCell
from neuralnlp.recurrent.lstm import LSTM, LSTMCell
from neuralnlp.recurrent.rnn import RNN, RNNCell

CASES: list[Case] = []
BAD_DTYPES = [torch.long, torch.bool, "float32", np.float32, 32]

# ---- the layers: constructors --------------------------------------------------------------------------
LAYERS = {"rnn.RNNCell": RNNCell, "rnn.RNN": RNN, "gru.GRUCell": GRUCell, "gru.GRU": GRU,
          "lstm.LSTMCell": LSTMCell, "lstm.LSTM": LSTM}


def _hidden_columns(layer):
    """Columns of the first hidden-to-hidden matrix: weight_hh (cells, RNN) or weight_hh_l0 (GRU, LSTM)."""
    return dict(layer.named_parameters())["weight_hh" if hasattr(layer, "weight_hh") else "weight_hh_l0"].shape[1]


for short, cls in LAYERS.items():
    name = f"recurrent.{short}"
    CASES += [
        size_case(name, "input_size", lambda n, c=cls: (c, (n, 4), {})),
        size_case(name, "hidden_size", lambda n, c=cls: (c, (3, n), {})),
        kind_case(name, "bias", ["yes", None, 1], lambda b, c=cls: (c, (3, 4), {"bias": b}), expected="True or False"),
        kind_case(name, "dtype", BAD_DTYPES, lambda d, c=cls: (c, (3, 4), {"dtype": d}),
                  expected="a floating-point torch.dtype"),
        valid_case(name, "hidden_size", [np.int64(4), np.int8(4)], lambda n, c=cls: (c, (np.int64(3), n), {}),
                   check=lambda layer, n: _hidden_columns(layer) == 4),
    ]
for short, cls in (("rnn.RNNCell", RNNCell), ("rnn.RNN", RNN)):
    CASES.append(Case(f"recurrent.{short}", "kind", "nonlinearity", st.sampled_from(["sigmoid", "TANH", None, 0]),
                      lambda v, c=cls: (c, (3, 4), {"nonlinearity": v}), error=ValueError,
                      expected="'tanh' or 'relu'", got=lambda v: repr(v) if isinstance(v, str) else type(v).__name__))
for short, cls in (("rnn.RNN", RNN), ("gru.GRU", GRU), ("lstm.LSTM", LSTM)):
    CASES.append(kind_case(f"recurrent.{short}", "batch_first", ["no", 0, None],
                           lambda v, c=cls: (c, (3, 4), {"batch_first": v}), expected="True or False"))
for short, cls in (("gru.GRU", GRU), ("lstm.LSTM", LSTM)):  # torch's stacking arguments
    name = f"recurrent.{short}"
    CASES += [
        size_case(name, "num_layers", lambda n, c=cls: (c, (3, 4), {"num_layers": n})),
        number_case(name, "dropout", lambda v, c=cls: (c, (3, 4), {"dropout": v}), minimum=0, maximum=1),
        kind_case(name, "bidirectional", ["yes", None, 1], lambda b, c=cls: (c, (3, 4), {"bidirectional": b}),
                  expected="True or False"),
        valid_case(name, "num_layers", [np.int64(3), 1], lambda n, c=cls: (c, (3, 4), {"num_layers": n}),
                   check=lambda layer, n: layer.num_layers == int(n) and len(list(layer.parameters())) == 4 * int(n)),
        valid_case(name, "dropout", [0, 1, 0.5, np.float32(0.25)], lambda v, c=cls: (c, (3, 4), {"dropout": v}),
                   check=lambda layer, v: layer.dropout == float(v)),
    ]

# ---- the layers: forward, over a sequence ------------------------------------------------------------------
for short, cls in (("rnn.RNN", RNN), ("gru.GRU", GRU), ("lstm.LSTM", LSTM)):
    name = f"recurrent.{short}.forward"
    CASES += [
        Case(name, "dtype", "x", st.sampled_from([torch.float64, torch.float16, torch.bfloat16]),
             lambda t, c=cls: (c(3, 4), (torch.zeros(5, 2, 3, dtype=t),), {}), error=TypeError,
             expected="dtype torch.float32", got=lambda t: f"dtype {t}"),
        Case(name, "dtype", "x", st.sampled_from([torch.long, torch.int32, torch.bool]),
             lambda t, c=cls: (c(3, 4), (torch.zeros(5, 2, 3, dtype=t),), {}), error=TypeError,
             expected="a floating-point tensor", got=lambda t: f"dtype {t}", note="integer"),
        Case(name, "device", "x", st.just("meta"), lambda d, c=cls: (c(3, 4), (torch.zeros(5, 2, 3, device=d),), {}),
             error=ValueError, expected="device cpu", got="device meta"),
        Case(name, "shape", "x", st.sampled_from([(5, 2, 4), (5, 2, 3, 1), (3,)]),
             lambda s, c=cls: (c(3, 4), (torch.zeros(s),), {}), error=ValueError, expected="", got=lambda s: f"shape {s}"),
        Case(name, "empty", "x", st.sampled_from([(0, 2, 3), (0, 3)]),
             lambda s, c=cls: (c(3, 4), (torch.zeros(s),), {}), error=ValueError, expected="at least one time step",
             got=lambda s: f"shape {s}"),
        kind_case(name, "x", [np.zeros((5, 2, 3), dtype=np.float32), [[0.0, 0.0, 0.0]], None],
                  lambda v, c=cls: (c(3, 4), (v,), {}), expected="a floating-point torch.Tensor"),
    ]
for short, cls in (("rnn.RNN", RNN), ("gru.GRU", GRU)):
    name = f"recurrent.{short}.forward"
    CASES += [
        Case(name, "shape", "h0", st.sampled_from([(2, 4), (1, 2, 5), (1, 3, 4), (1, 1, 2, 4)]),
             lambda s, c=cls: (c(3, 4), (torch.zeros(5, 2, 3), torch.zeros(s)), {}), error=ValueError,
             expected="shape (1, 2, 4)", got=lambda s: f"shape {s}", note="h0"),
        Case(name, "dtype", "h0", st.sampled_from([torch.float64, torch.long]),
             lambda t, c=cls: (c(3, 4), (torch.zeros(5, 2, 3), torch.zeros(1, 2, 4, dtype=t)), {}), error=TypeError,
             expected="", got=lambda t: f"dtype {t}", note="h0"),
        Case(name, "device", "h0", st.just("meta"),
             lambda d, c=cls: (c(3, 4), (torch.zeros(5, 2, 3), torch.zeros(1, 2, 4, device=d)), {}), error=ValueError,
             expected="device cpu", got="device meta", note="h0"),
    ]


def _pair(shape_h, shape_c=(2, 2, 4), dtype=torch.float32):
    return torch.zeros(shape_h, dtype=dtype), torch.zeros(shape_c)


def _state(cls, shape):
    """The state argument of a cell: h, or the pair (h, c) for an LSTMCell (here with a bad h)."""
    return (torch.zeros(shape), torch.zeros(2, 4)) if cls is LSTMCell else torch.zeros(shape)


LSTM_FWD = "recurrent.lstm.LSTM.forward"
CASES += [
    Case(LSTM_FWD, "shape", "h0", st.sampled_from([(1, 2, 4), (2, 4), (2, 3, 4), (2, 2, 5)]),
         lambda s: (LSTM(3, 4, num_layers=2), (torch.zeros(5, 2, 3), _pair(s)), {}), error=ValueError,
         expected="shape (2, 2, 4)", got=lambda s: f"shape {s}", note="h0"),
    Case(LSTM_FWD, "shape", "c0", st.sampled_from([(1, 2, 4), (2, 4), (2, 2, 5)]),
         lambda s: (LSTM(3, 4, num_layers=2), (torch.zeros(5, 2, 3), _pair((2, 2, 4), s)), {}), error=ValueError,
         expected="shape (2, 2, 4)", got=lambda s: f"shape {s}", note="c0"),
    Case(LSTM_FWD, "dtype", "h0", st.sampled_from([torch.float64, torch.long]),
         lambda t: (LSTM(3, 4), (torch.zeros(5, 2, 3), _pair((1, 2, 4), (1, 2, 4), t)), {}), error=TypeError,
         expected="", got=lambda t: f"dtype {t}", note="h0"),
    kind_case(LSTM_FWD, "hx", [torch.zeros(1, 2, 4), (torch.zeros(1, 2, 4),), "h", 0],
              lambda v: (LSTM(3, 4), (torch.zeros(5, 2, 3), v), {}), expected="a pair (h, c) of tensors or None"),
]
# ---- padded batches: lengths (one per sequence, each in [1, seq]; a zero length is an error) -------------------


def bad_lengths(batch=4, seq=6):
    """(lengths, position, bad length): valid lengths but one, 0, negative or longer than seq."""
    @st.composite
    def draw(pick):
        lengths = pick(st.lists(st.integers(1, seq), min_size=batch, max_size=batch))
        where = pick(st.integers(0, batch - 1))
        bad = pick(st.one_of(st.sampled_from([0, -1, seq + 1]), st.integers(-100, 0), st.integers(seq + 1, 1000)))
        lengths[where] = bad
        as_type = pick(st.sampled_from([list, torch.tensor, np.array]))
        return as_type(lengths), where, bad
    return draw()


for short, cls in (("gru.GRU", GRU), ("lstm.LSTM", LSTM)):
    name = f"recurrent.{short}.forward"
    CASES += [
        Case(name, "empty", "lengths", bad_lengths(), lambda d, c=cls: (c(3, 4), (torch.zeros(6, 4, 3),),
                                                                      {"lengths": d[0]}),
             error=ValueError, expected="every length in [1, 6]", got=lambda d: f"got {d[2]} at position {d[1]}"),
        id_dtype_case(name, "lengths", (4,), lambda v, c=cls: (c(3, 4), (torch.zeros(6, 4, 3),), {"lengths": v})),
        Case(name, "shape", "lengths", st.sampled_from([[6, 6, 6], [6] * 5, [[6] * 4], [[6], [6], [6], [6]]]),
             lambda v, c=cls: (c(3, 4), (torch.zeros(6, 4, 3),), {"lengths": v}), error=ValueError,
             expected="shape (4,), one length per sequence", got=lambda v: f"shape {np.shape(v)}", note="lengths"),
        Case(name, "shape", "lengths", st.sampled_from([[6], [3], 6]),
             lambda v, c=cls: (c(3, 4), (torch.zeros(6, 3),), {"lengths": v}), error=ValueError,
             expected="None for an unbatched x", got=lambda v: type(v).__name__, note="unbatched"),
        valid_case(name, "lengths", [[6, 1, 3, 2], torch.tensor([6, 6, 6, 6], dtype=torch.int32), np.array([1, 2, 3, 4]),
                                     torch.tensor([2, 2, 2, 2], dtype=torch.uint8)],
                   lambda v, c=cls: (c(3, 4, bidirectional=True), (torch.zeros(6, 4, 3),), {"lengths": v}),
                   check=lambda r, v: r[0].shape == (6, 4, 8)),
    ]
for short, cls in (("rnn.RNNCell.forward", RNNCell), ("gru.GRUCell.forward", GRUCell), ("gru.GRUCell.gates", GRUCell),
                   ("lstm.LSTMCell.forward", LSTMCell), ("lstm.LSTMCell.gates", LSTMCell)):
    name = f"recurrent.{short}"
    method = short.rsplit(".", 1)[1]
    CASES += [
        Case(name, "dtype", "x", st.sampled_from([torch.float64, torch.long]),
             lambda t, c=cls, m=method: (getattr(c(3, 4), m), (torch.zeros(2, 3, dtype=t),), {}), error=TypeError,
             expected="", got=lambda t: f"dtype {t}"),
        Case(name, "device", "x", st.just("meta"),
             lambda d, c=cls, m=method: (getattr(c(3, 4), m), (torch.zeros(2, 3, device=d),), {}), error=ValueError,
             expected="device cpu", got="device meta"),
        Case(name, "shape", "x", st.sampled_from([(2, 4), (2, 2, 3), ()]),
             lambda s, c=cls, m=method: (getattr(c(3, 4), m), (torch.zeros(s),), {}), error=ValueError,
             expected="shape (batch, 3) or (3,)", got=lambda s: f"shape {s}"),
        Case(name, "shape", "h", st.sampled_from([(4,), (2, 5), (3, 4)]),
             lambda s, c=cls, m=method: (getattr(c(3, 4), m), (torch.zeros(2, 3), _state(c, s)), {}),
             error=ValueError, expected="shape (2, 4)", got=lambda s: f"shape {s}", note="h"),
        kind_case(name, "x", [np.zeros((2, 3)), None, "x"], lambda v, c=cls, m=method: (getattr(c(3, 4), m), (v,), {}),
                  expected="a floating-point torch.Tensor"),
    ]
FROM_TORCH = {"rnn.RNNCell.from_torch": (RNNCell, torch.nn.RNNCell, "cell"), "rnn.RNN.from_torch": (RNN, torch.nn.RNN, "module"),
              "gru.GRUCell.from_torch": (GRUCell, torch.nn.GRUCell, "cell"), "gru.GRU.from_torch": (GRU, torch.nn.GRU, "module"),
              "lstm.LSTMCell.from_torch": (LSTMCell, torch.nn.LSTMCell, "cell"),
              "lstm.LSTM.from_torch": (LSTM, torch.nn.LSTM, "module")}
for short, (ours, theirs, arg) in FROM_TORCH.items():
    others = [torch.nn.GRU(3, 4) if theirs is torch.nn.LSTM else torch.nn.LSTM(3, 4), torch.nn.Linear(3, 4), None,
              ours(3, 4)]
    CASES.append(kind_case(f"recurrent.{short}", arg, others, lambda m, o=ours: (o.from_torch, (m,), {}),
                           expected=f"a torch.nn.modules.rnn.{theirs.__name__}"))
    if theirs in (torch.nn.GRU, torch.nn.LSTM):
        CASES.append(valid_case(f"recurrent.{short}", arg, [{"num_layers": 2}, {"bidirectional": True}, {"dropout": 0.2,
                                                                                                        "num_layers": 3}],
                                lambda kw, o=ours, t=theirs: (o.from_torch, (t(3, 4, **kw),), {}),
                                check=lambda layer, kw: all(getattr(layer, k) == v for k, v in kw.items())))
    if theirs is torch.nn.LSTM:
        CASES.append(Case(f"recurrent.{short}", "shape", arg, st.sampled_from([1, 2, 3]),
                          lambda n: (LSTM.from_torch, (torch.nn.LSTM(3, 4, proj_size=n),), {}), error=ValueError,
                          expected="an LSTM without projection (proj_size=0)", got=lambda n: f"proj_size={n}"))
    if theirs is torch.nn.RNN:
        CASES.append(Case(f"recurrent.{short}", "shape", arg, st.sampled_from([{"num_layers": 2}, {"bidirectional": True}]),
                          lambda kw, o=ours, t=theirs: (o.from_torch, (t(3, 4, **kw),), {}), error=ValueError,
                          expected="a single-layer unidirectional module", got="num_layers="))

# ---- gradients through time ----------------------------------------------------------------------------------
JAC = gradient_flow.hidden_state_jacobian_norms
X64 = torch.zeros(4, 3, dtype=torch.float64)


def rnn64(**kw):
    return RNN(3, 5, dtype=torch.float64, **kw)


CASES += [
    kind_case("recurrent.gradient_flow.hidden_state_jacobian_norms", "rnn",
              [torch.nn.RNN(3, 5), GRU(3, 5), None, RNNCell(3, 5)], lambda r: (JAC, (r, torch.zeros(4, 3)), {}),
              expected="a neuralnlp.recurrent.rnn.RNN"),
    Case("recurrent.gradient_flow.hidden_state_jacobian_norms", "shape", "x", st.sampled_from([(4, 2, 3), (4, 4), (3,)]),
         lambda s: (JAC, (rnn64(), torch.zeros(s, dtype=torch.float64)), {}), error=ValueError,
         expected="one unbatched sequence of shape (seq, 3)", got=lambda s: f"shape {s}"),
    Case("recurrent.gradient_flow.hidden_state_jacobian_norms", "shape", "h0", st.sampled_from([(1, 5), (4,), ()]),
         lambda s: (JAC, (rnn64(), X64, torch.zeros(s, dtype=torch.float64)), {}), error=ValueError,
         expected="shape (5,)", got=lambda s: f"shape {s}", note="h0"),
    kind_case("recurrent.gradient_flow.hidden_state_jacobian_norms", "h0", [np.zeros(5), [0.0] * 5],
              lambda h: (JAC, (rnn64(), X64, h), {}), expected="a floating-point torch.Tensor"),
    Case("recurrent.gradient_flow.hidden_state_jacobian_norms", "dtype", "x", st.sampled_from([torch.float32, torch.long]),
         lambda t: (JAC, (rnn64(), torch.zeros(4, 3, dtype=t)), {}), error=TypeError, expected="",
         got=lambda t: f"dtype {t}"),
    Case("recurrent.gradient_flow.hidden_state_jacobian_norms", "kind", "rnn", st.just("relu"),
         lambda nl: (JAC, (rnn64(nonlinearity=nl), X64), {}), error=ValueError, expected="nonlinearity 'tanh'",
         got="'relu'", note="relu"),
]


def _with_grads(*grads):
    params = []
    for g in grads:
        p = torch.zeros(g.shape, requires_grad=True)
        p.grad = g.clone()
        params.append(p)
    return params


def _sparse_embedding_params():
    from neuralnlp.embeddings.embedding import Embedding

    layer = Embedding(6, 3, sparse=True)
    layer(torch.tensor([1, 1, 4])).pow(2).sum().backward()
    return list(layer.parameters())


CLIP = gradient_flow.clip_grad_norm
CASES += [
    number_case("recurrent.gradient_flow.clip_grad_norm", "max_norm",
                lambda v: (CLIP, (_with_grads(torch.tensor([3.0, 4.0])), v), {}), minimum=0, min_open=True, finite=False),
    kind_case("recurrent.gradient_flow.clip_grad_norm", "parameters", [torch.nn.Linear(2, 1), None, 3.0],
              lambda p: (CLIP, (p, 1.0), {}), expected="a tensor or an iterable of tensors"),
    kind_case("recurrent.gradient_flow.clip_grad_norm", "parameters[0]", [np.ones(2), [1.0, 2.0], "w"],
              lambda p: (CLIP, ([p], 1.0), {}), expected="a torch.Tensor", note="element"),
    Case("recurrent.gradient_flow.clip_grad_norm", "finite", "parameters", st.sampled_from([math.nan, math.inf, -math.inf]),
         lambda bad: (CLIP, (_with_grads(torch.tensor([1.0, bad]), torch.ones(2)), 1.0), {}), error=ValueError,
         expected="finite gradients", got=lambda bad: "nan" if math.isnan(bad) else "inf"),
    valid_case("recurrent.gradient_flow.clip_grad_norm", "max_norm",
               [1, np.float32(1.0), np.int64(1), torch.tensor(1.0), math.inf],
               lambda v: (CLIP, (_with_grads(torch.tensor([3.0, 4.0])), v), {}), check=lambda r, v: float(r) == 5.0),
    valid_case("recurrent.gradient_flow.clip_grad_norm", "parameters", [0.5, 100.0],
               lambda v: (CLIP, (_sparse_embedding_params(), v), {}), check=lambda r, v: math.isfinite(float(r)),
               note="sparse gradients of Embedding(sparse=True)"),
]

# ---- the long-memory task -----------------------------------------------------------------------------------
RECALL = memory_task.recall_first_token
CASES += [
    size_case("recurrent.memory_task.recall_first_token", "n_steps", lambda n: (RECALL, (n, 4), {})),
    size_case("recurrent.memory_task.recall_first_token", "batch_size", lambda n: (RECALL, (3, n), {})),
    size_case("recurrent.memory_task.recall_first_token", "n_symbols", lambda n: (RECALL, (3, 4, n), {}), minimum=2),
    kind_case("recurrent.memory_task.recall_first_token", "generator", [0, np.random.default_rng(0), "seed"],
              lambda g: (RECALL, (3, 4), {"generator": g}), expected="a torch.Generator"),
    valid_case("recurrent.memory_task.recall_first_token", "n_steps", [np.int64(3)],
               lambda n: (RECALL, (n, np.int32(4), np.uint8(5)), {}), check=lambda r, n: r[0].shape == (4, 4, 5)),
]
LSC = memory_task.LastStateClassifier
CASES += [
    kind_case("recurrent.memory_task.LastStateClassifier", "recurrent", [torch.nn.LSTMCell(8, 16), None, "gru"],
              lambda m: (LSC, (m, 16, 8), {})),
    valid_case("recurrent.memory_task.LastStateClassifier", "recurrent", [torch.nn.LSTM(8, 16), LSTM(8, 16)],
               lambda m: (LSC, (m, 16, 8), {}), check=lambda model, m: model(torch.zeros(5, 4, 8)).shape == (4, 8)),
    Case("recurrent.memory_task.LastStateClassifier", "shape", "recurrent",
         st.sampled_from([{"num_layers": 2}, {"bidirectional": True}, {"batch_first": True}]),
         lambda kw: (LSC, (torch.nn.GRU(8, 16, **kw), 16, 8), {}), error=ValueError, expected="",
         got=lambda kw: "batch_first=True" if "batch_first" in kw else "num_layers="),
    Case("recurrent.memory_task.LastStateClassifier", "shape", "hidden_size", st.sampled_from([12, 32, 1]),
         lambda h: (LSC, (GRU(8, 16), h, 8), {}), error=ValueError, expected="16, the hidden_size of recurrent",
         got=lambda h: str(h), note="mismatch"),
    size_case("recurrent.memory_task.LastStateClassifier", "n_classes", lambda n: (LSC, (GRU(8, 16), 16, n), {})),
    size_case("recurrent.memory_task.LastStateClassifier", "hidden_size", lambda n: (LSC, (GRU(8, 16), n, 8), {})),
    Case("recurrent.memory_task.LastStateClassifier.forward", "dtype", "x", st.sampled_from([torch.float64, torch.long]),
         lambda t: (LSC(GRU(8, 16), 16, 8), (torch.zeros(5, 4, 8, dtype=t),), {}), error=TypeError, expected="",
         got=lambda t: f"dtype {t}"),
    Case("recurrent.memory_task.LastStateClassifier.forward", "shape", "recurrent(x)[1] (h_n)",
         st.sampled_from([2, 3]), lambda layers: (LSC(_layers_hidden(layers), 16, 8), (torch.zeros(5, 4, 8),), {}),
         error=ValueError, expected="shape (1, 4, 16)", got=lambda n: f"shape ({n}, 4, 16)", note="a wrapped module"),
]


class _Stacked(torch.nn.Module):
    """A module that hides its num_layers: its h_n has one row per layer (what LastStateClassifier must catch)."""

    def __init__(self, layers):
        super().__init__()
        self.gru = torch.nn.GRU(8, 16, num_layers=layers)

    def forward(self, x):
        return self.gru(x)


def _layers_hidden(layers):
    return _Stacked(layers)


class _WrongLogits(torch.nn.Module):
    def __init__(self, n):
        super().__init__()
        self.linear = torch.nn.Linear(1, n)

    def forward(self, x):
        return self.linear(x[0, :, :1])


CASES += [
    kind_case("recurrent.memory_task.train_recall", "model", [None, "gru", GRU], lambda m: (memory_task.train_recall,
                                                                                          (m, 3), {"steps": 1}),
              expected="a torch.nn.Module"),
    size_case("recurrent.memory_task.train_recall", "steps",
              lambda n: (memory_task.train_recall, (LSC(GRU(8, 4), 4, 8), 3), {"steps": n})),
    size_case("recurrent.memory_task.train_recall", "n_steps",
              lambda n: (memory_task.train_recall, (LSC(GRU(8, 4), 4, 8), n), {"steps": 1})),
    number_case("recurrent.memory_task.train_recall", "lr",
                lambda v: (memory_task.train_recall, (LSC(GRU(8, 4), 4, 8), 3), {"steps": 1, "lr": v}),
                minimum=0, min_open=True),
    kind_case("recurrent.memory_task.train_recall", "seed", ["0", 1.5, -1],
              lambda s: (memory_task.train_recall, (LSC(GRU(8, 4), 4, 8), 3), {"steps": 1, "seed": s}),
              error=lambda s: ValueError if s == -1 else TypeError, expected="an integer >= 0",
              got=lambda s: "-1" if s == -1 else type(s).__name__),
    kind_case("recurrent.memory_task.recall_accuracy", "model", [None, "gru"],
              lambda m: (memory_task.recall_accuracy, (m, 3), {"n_sequences": 10}), expected="a torch.nn.Module"),
    size_case("recurrent.memory_task.recall_accuracy", "n_sequences",
              lambda n: (memory_task.recall_accuracy, (LSC(GRU(8, 4), 4, 8), 3), {"n_sequences": n})),
    size_case("recurrent.memory_task.recall_accuracy", "n_steps",
              lambda n: (memory_task.recall_accuracy, (LSC(GRU(8, 4), 4, 8), n), {"n_sequences": 10})),
    Case("recurrent.memory_task.recall_accuracy", "shape", "model(x)", st.sampled_from([3, 9, 1]),
         lambda n: (memory_task.recall_accuracy, (_WrongLogits(n), 3), {"n_sequences": 10}), error=ValueError,
         expected="logits of shape (10, 8)", got=lambda n: f"shape (10, {n})"),
]

# ---- the generated corpus -----------------------------------------------------------------------------------
SENTENCE = ["the", "cat", "sees", "a", "dog", "."]
CASES += [
    size_case("recurrent.text_corpus.generate", "n_sentences", lambda n: (tc.generate, (n,), {})),
    kind_case("recurrent.text_corpus.generate", "seed", ["0", 1.5, -2], lambda s: (tc.generate, (2,), {"seed": s}),
              error=lambda s: ValueError if s == -2 else TypeError, expected="a seed (an integer >= 0)"),
    valid_case("recurrent.text_corpus.generate", "n_sentences", [np.int64(3)], lambda n: (tc.generate, (n,), {}),
               check=lambda r, n: r.count(".") == 3),
    Case("recurrent.text_corpus.encode", "tokens", "tokens", st.sampled_from(["the cat", "a"]),
         lambda t: (tc.encode, (t,), {}), error=TypeError, expected="a sequence of tokens", got="str"),
    Case("recurrent.text_corpus.encode", "tokens", "tokens", st.sampled_from([[SENTENCE], [["the"], ["cat"]]]),
         lambda t: (tc.encode, (t,), {}), error=TypeError, expected="a sequence of tokens", got="list",
         note="a list of sentences"),
    Case("recurrent.text_corpus.encode", "kind", "tokens", st.sampled_from(["cow", "The", "<unk>"]),
         lambda w: (tc.encode, (["a", w],), {}), error=KeyError, expected="words of VOCABULARY",
         got=lambda w: f"{w!r} at position 1", note="unknown word"),
    ids_case("recurrent.text_corpus.decode", "ids", len(tc.VOCABULARY), (6,), lambda ids: (tc.decode, (ids,), {}),
             torch_tensor=False),
    id_dtype_case("recurrent.text_corpus.decode", "ids", (3,), lambda ids: (tc.decode, (ids,), {})),
    Case("recurrent.text_corpus.decode", "shape", "ids", st.sampled_from([(2, 3), (1, 1, 2)]),
         lambda s: (tc.decode, (np.zeros(s, dtype=int),), {}), error=ValueError, expected="one sequence of shape (n,)",
         got=lambda s: f"shape {s}"),
    Case("recurrent.text_corpus.next_token_probabilities", "tokens", "prefix", st.sampled_from(["the cat", [SENTENCE]]),
         lambda p: (tc.next_token_probabilities, (p,), {}), error=TypeError, expected="a sequence of",
         got=lambda p: "str" if isinstance(p, str) else "list"),
    Case("recurrent.text_corpus.next_token_probabilities", "kind", "prefix", st.sampled_from([["sees"], ["the", "the"]]),
         lambda p: (tc.next_token_probabilities, (p,), {}), error=ValueError, expected="a grammatical start of text",
         got=lambda p: f"{p[-1]!r} at position {len(p) - 1}", note="ungrammatical"),
    Case("recurrent.text_corpus.source_cross_entropy", "tokens", "tokens", st.sampled_from([[1, 2, 3], [np.int64(4), 5]]),
         lambda t: (tc.source_cross_entropy, (t,), {}), error=TypeError, expected="a sequence of str tokens",
         got=lambda t: "int"),
    Case("recurrent.text_corpus.source_cross_entropy", "empty", "tokens", st.sampled_from([[], ["the"]]),
         lambda t: (tc.source_cross_entropy, (t,), {}), error=ValueError, expected="at least 2 tokens",
         got=lambda t: str(len(t))),
    Case("recurrent.text_corpus.split_sentences", "tokens", "tokens", st.sampled_from(["the cat .", [SENTENCE], [3, 4]]),
         lambda t: (tc.split_sentences, (t,), {}), error=TypeError, expected="a sequence of",
         got=lambda t: type(t).__name__ if isinstance(t, str) else type(t[0]).__name__),
    Case("recurrent.text_corpus.is_sentence", "tokens", "tokens", st.sampled_from(["the cat sees a dog .", [SENTENCE]]),
         lambda t: (tc.is_sentence, (t,), {}), error=TypeError, expected="a sequence of",
         got=lambda t: "str" if isinstance(t, str) else "list"),
]

# ---- the language model ----------------------------------------------------------------------------------------
LM = language_model.RNNLanguageModel
V_LM = 7


def lm():
    torch.manual_seed(0)
    return LM(V_LM, 4, 5)


def stream(n=40):
    return torch.arange(n) % V_LM


CASES += [
    ids_case("recurrent.language_model.check_token_ids", "ids", V_LM, (2, 5),
             lambda ids: (language_model.check_token_ids, (ids, V_LM), {}), what="token ids"),
    id_dtype_case("recurrent.language_model.check_token_ids", "ids", (2, 5),
                  lambda ids: (language_model.check_token_ids, (ids, V_LM), {})),
    Case("recurrent.language_model.check_token_ids", "shape", "ids", st.sampled_from([(1, 2, 3), ()]),
         lambda s: (language_model.check_token_ids, (torch.zeros(s, dtype=torch.long), V_LM), {}), error=ValueError,
         expected="shape (seq,) or (batch, seq)", got=lambda s: f"shape {s}"),
    Case("recurrent.language_model.check_token_ids", "empty", "ids", st.sampled_from([(0,), (2, 0), (0, 3)]),
         lambda s: (language_model.check_token_ids, (torch.zeros(s, dtype=torch.long), V_LM), {}), error=ValueError,
         expected="at least", got=lambda s: f"shape {s}"),
    size_case("recurrent.language_model.RNNLanguageModel", "vocab_size", lambda n: (LM, (n, 4, 5), {})),
    size_case("recurrent.language_model.RNNLanguageModel", "embedding_dim", lambda n: (LM, (7, n, 5), {})),
    size_case("recurrent.language_model.RNNLanguageModel", "hidden_size", lambda n: (LM, (7, 4, n), {})),
    Case("recurrent.language_model.RNNLanguageModel", "kind", "cell", st.sampled_from(["lstm", "GRU", None]),
         lambda c: (LM, (7, 4, 5), {"cell": c}), error=ValueError, expected="'rnn' or 'gru'",
         got=lambda c: repr(c) if isinstance(c, str) else "NoneType"),
    kind_case("recurrent.language_model.RNNLanguageModel", "dtype", BAD_DTYPES, lambda d: (LM, (7, 4, 5), {"dtype": d}),
              expected="a floating-point torch.dtype"),
    valid_case("recurrent.language_model.RNNLanguageModel", "vocab_size", [np.int64(7)],
               lambda n: (LM, (n, np.int32(4), np.int16(5)), {}), check=lambda m, n: m.head.out_features == 7),
    ids_case("recurrent.language_model.RNNLanguageModel.forward", "ids", V_LM, (2, 6),
             lambda ids: (lm(), (ids,), {}), what="token ids"),
    id_dtype_case("recurrent.language_model.RNNLanguageModel.forward", "ids", (2, 6), lambda ids: (lm(), (ids,), {})),
    Case("recurrent.language_model.RNNLanguageModel.forward", "shape", "h0", st.sampled_from([(2, 5), (1, 3, 5), (1, 2, 4)]),
         lambda s: (lm(), (torch.zeros(2, 6, dtype=torch.long), torch.zeros(s)), {}), error=ValueError,
         expected="shape (1, 2, 5)", got=lambda s: f"shape {s}"),
    kind_case("recurrent.language_model.next_token_cross_entropy", "logits", [np.zeros((3, 7)), [[0.0] * 7], None],
              lambda z: (language_model.next_token_cross_entropy, (z, torch.zeros(3, dtype=torch.long)), {}),
              expected="a floating-point torch.Tensor"),
    Case("recurrent.language_model.next_token_cross_entropy", "dtype", "logits", st.sampled_from([torch.long, torch.bool]),
         lambda t: (language_model.next_token_cross_entropy, (torch.zeros(3, 7, dtype=t), torch.zeros(3, dtype=torch.long)),
                    {}), error=TypeError, expected="a floating-point tensor", got=lambda t: f"dtype {t}"),
    Case("recurrent.language_model.next_token_cross_entropy", "shape", "targets", st.sampled_from([(2, 4), (3,), (2, 3, 1)]),
         lambda s: (language_model.next_token_cross_entropy, (torch.zeros(2, 3, 7), torch.zeros(s, dtype=torch.long)), {}),
         error=ValueError, expected="shape (2, 3)", got=lambda s: f"shape {s}"),
    Case("recurrent.language_model.next_token_cross_entropy", "shape", "logits", st.sampled_from([(7,), ()]),
         lambda s: (language_model.next_token_cross_entropy, (torch.zeros(s), torch.tensor(3)), {}), error=ValueError,
         expected="shape (seq, V) or (batch, seq, V)", got=lambda s: f"shape {s}", note="1-D"),
    Case("recurrent.language_model.next_token_cross_entropy", "empty", "logits", st.sampled_from([(0, 7), (2, 0, 7), (3, 0)]),
         lambda s: (language_model.next_token_cross_entropy, (torch.zeros(s), torch.zeros(s[:-1], dtype=torch.long)), {}),
         error=ValueError, expected="at least one position", got=lambda s: f"shape {s}"),
    ids_case("recurrent.language_model.next_token_cross_entropy", "targets", 7, (2, 3),
             lambda y: (language_model.next_token_cross_entropy, (torch.zeros(2, 3, 7), y), {}), what="token ids"),
    kind_case("recurrent.language_model.language_model_loss", "model", [None, torch.nn.GRU(3, 4), GRU(3, 4)],
              lambda m: (language_model.language_model_loss, (m, stream(10)), {}), expected="an RNNLanguageModel"),
    Case("recurrent.language_model.language_model_loss", "empty", "ids", st.sampled_from([(1,), (3, 1), (0,)]),
         lambda s: (language_model.language_model_loss, (lm(), torch.zeros(s, dtype=torch.long)), {}), error=ValueError,
         expected="at least 2 tokens per sequence", got=lambda s: f"shape {s}"),
    ids_case("recurrent.language_model.language_model_loss", "ids", V_LM, (2, 6),
             lambda ids: (language_model.language_model_loss, (lm(), ids), {}), what="token ids"),
    kind_case("recurrent.language_model.perplexity", "model", [None, "lm"],
              lambda m: (language_model.perplexity, (m, stream(10)), {}), expected="an RNNLanguageModel"),
    ids_case("recurrent.language_model.perplexity", "ids", V_LM, (12,), lambda ids: (language_model.perplexity, (lm(), ids), {}),
             what="token ids"),
]
TRAIN_LM = language_model.train_language_model


def train_lm(**overrides):
    args = dict(steps=1, batch_size=2, seq_len=4)
    args.update(overrides)
    return TRAIN_LM, (lm(), stream()), args


CASES += [
    number_case("recurrent.language_model.train_language_model", "max_grad_norm", lambda v: train_lm(max_grad_norm=v),
                minimum=0, min_open=True, finite=False, examples=8),
    number_case("recurrent.language_model.train_language_model", "lr", lambda v: train_lm(lr=v), minimum=0,
                min_open=True, examples=8),
    size_case("recurrent.language_model.train_language_model", "steps", lambda n: train_lm(steps=n), examples=8),
    size_case("recurrent.language_model.train_language_model", "batch_size", lambda n: train_lm(batch_size=n), examples=8),
    size_case("recurrent.language_model.train_language_model", "seq_len", lambda n: train_lm(seq_len=n), examples=8),
    kind_case("recurrent.language_model.train_language_model", "linear_decay", ["no", None, 0],
              lambda v: train_lm(linear_decay=v), expected="True or False"),
    kind_case("recurrent.language_model.train_language_model", "generator", [0, np.random.default_rng(0)],
              lambda g: train_lm(generator=g), expected="a torch.Generator"),
    Case("recurrent.language_model.train_language_model", "shape", "ids", st.sampled_from([(2, 20), (4,)]),
         lambda s: (TRAIN_LM, (lm(), torch.zeros(s, dtype=torch.long)), {"steps": 1, "seq_len": 4}), error=ValueError,
         expected="", got=lambda s: f"shape {s}"),
    valid_case("recurrent.language_model.train_language_model", "max_grad_norm", [np.float32(1.0), math.inf, 2],
               lambda v: train_lm(max_grad_norm=v), check=lambda losses, v: len(losses) == 1, examples=3),
]
SAMPLE = language_model.sample
CASES += [
    number_case("recurrent.language_model.sample", "temperature", lambda t: (SAMPLE, (lm(), [0, 1], 3), {"temperature": t}),
                minimum=0),
    size_case("recurrent.language_model.sample", "length", lambda n: (SAMPLE, (lm(), [0, 1], n), {}), minimum=0),
    kind_case("recurrent.language_model.sample", "generator", [0, "seed", np.random.default_rng(0)],
              lambda g: (SAMPLE, (lm(), [0, 1], 3), {"generator": g}), expected="a torch.Generator"),
    ids_case("recurrent.language_model.sample", "prompt_ids", V_LM, (3,), lambda p: (SAMPLE, (lm(), p, 2), {}),
             what="token ids"),
    Case("recurrent.language_model.sample", "shape", "prompt_ids", st.sampled_from([(1, 2), (2, 3)]),
         lambda s: (SAMPLE, (lm(), torch.zeros(s, dtype=torch.long), 2), {}), error=ValueError, expected="shape (P,)",
         got=lambda s: f"shape {s}"),
    kind_case("recurrent.language_model.sample", "model", [None, GRU(3, 4)], lambda m: (SAMPLE, (m, [0], 2), {}),
              expected="an RNNLanguageModel"),
    valid_case("recurrent.language_model.sample", "temperature", [1e-45, 1e-300, 5e-324, np.float32(0.5), 0],
               lambda t: (SAMPLE, (lm(), [0, 1], 3), {"temperature": t, "generator": torch.Generator().manual_seed(0)}),
               check=lambda r, t: r.shape == (3,)),
]
