"""Bad-input cases for ``neuralnlp.pipeline``: the 1-D convolution, max-over-time pooling and TextCNN
(``conv``), and the n-grams that activate a filter (``filters``)."""

from __future__ import annotations

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
from neuralnlp.pipeline import conv

CASES: list[Case] = []
BAD_DTYPES = [torch.long, torch.bool, "float32", np.float32, 32]
CONV = conv.Conv1d
F = conv.conv1d


def _shape_got(s):
    return f"shape {s}"


# ---- the convolution ---------------------------------------------------------------------------------------
for name, make in (("pipeline.conv.Conv1d", lambda **kw: (CONV, (), {"in_channels": 4, "out_channels": 2,
                                                                        "kernel_size": 3, **kw})),):
    for arg in ("in_channels", "out_channels", "kernel_size", "stride", "dilation"):
        CASES.append(size_case(name, arg, lambda n, a=arg, m=make: m(**{a: n})))
    CASES += [
        Case(name, "size", "padding", st.one_of(st.integers(-10**6, -1), st.floats(allow_nan=True), st.none(),
                                                st.booleans()),
             lambda p, m=make: m(padding=p), error=lambda p: ValueError if isinstance(p, int) and not isinstance(p, bool)
             else TypeError, expected="an integer >= 0", got=lambda p: str(p) if isinstance(p, int)
             and not isinstance(p, bool) else type(p).__name__),
        Case(name, "kind", "padding", st.sampled_from(["full", "SAME", "", "causal"]), lambda p, m=make: m(padding=p),
             error=ValueError, expected="'valid' or 'same'", got=lambda p: repr(p)),
        Case(name, "kind", "padding", st.sampled_from([2, 3, np.int64(4)]), lambda s, m=make: m(padding="same", stride=s),
             error=ValueError, expected="'same' needs stride 1", got="'same'", note="same-stride"),
        kind_case(name, "bias", ["yes", None, 1], lambda b, m=make: m(bias=b), expected="True or False"),
        kind_case(name, "dtype", BAD_DTYPES, lambda d, m=make: m(dtype=d), expected="a floating-point torch.dtype"),
        valid_case(name, "padding", ["same", "valid", np.int64(2), 0], lambda p, m=make: m(padding=p),
                   check=lambda layer, p: layer.padding in ("same", "valid", 0, 2)),
    ]

LAYER = lambda: CONV(4, 2, 3)  # noqa: E731
CASES += [
    Case("pipeline.conv.Conv1d.forward", "dtype", "x", st.sampled_from([torch.float64, torch.float16]),
         lambda t: (LAYER(), (torch.zeros(2, 4, 5, dtype=t),), {}), error=TypeError, expected="dtype torch.float32",
         got=lambda t: f"dtype {t}"),
    Case("pipeline.conv.Conv1d.forward", "dtype", "x", st.sampled_from([torch.long, torch.bool]),
         lambda t: (LAYER(), (torch.zeros(2, 4, 5, dtype=t),), {}), error=TypeError,
         expected="a floating-point tensor", got=lambda t: f"dtype {t}", note="integer"),
    Case("pipeline.conv.Conv1d.forward", "device", "x", st.just("meta"),
         lambda d: (LAYER(), (torch.zeros(2, 4, 5, device=d),), {}), error=ValueError, expected="device cpu",
         got="device meta"),
    Case("pipeline.conv.Conv1d.forward", "shape", "x", st.sampled_from([(2, 5, 7), (2, 7, 4), (4,), (1, 2, 4, 5)]),
         lambda s: (LAYER(), (torch.zeros(s),), {}), error=ValueError, expected="shape (batch, 4, length) or (4, length)",
         got=_shape_got),
    Case("pipeline.conv.Conv1d.forward", "empty", "x", st.sampled_from([(2, 4, 0), (2, 4, 2), (4, 1)]),
         lambda s: (LAYER(), (torch.zeros(s),), {}), error=ValueError, expected="a length of at least 3",
         got=_shape_got),
    kind_case("pipeline.conv.Conv1d.forward", "x", [np.zeros((2, 4, 5), dtype=np.float32), [[0.0] * 5] * 4, None],
              lambda v: (LAYER(), (v,), {}), expected="a floating-point torch.Tensor"),
    kind_case("pipeline.conv.Conv1d.from_torch", "module",
              [torch.nn.Conv2d(4, 2, 3), torch.nn.Linear(3, 4), None, CONV(4, 2, 3)],
              lambda m: (CONV.from_torch, (m,), {}), expected="a torch.nn.Conv1d"),
    Case("pipeline.conv.Conv1d.from_torch", "shape", "module",
         st.sampled_from([{"groups": 2}, {"padding_mode": "reflect", "padding": 1}, {"padding_mode": "circular",
                                                                                    "padding": 1}]),
         lambda kw: (CONV.from_torch, (torch.nn.Conv1d(4, 2, 3, **kw),), {}), error=ValueError,
         expected="groups=1 and padding_mode='zeros'", got="groups="),
]

X = torch.zeros(2, 4, 6)
W = torch.zeros(3, 4, 2)
CASES += [
    kind_case("pipeline.conv.conv1d", "x", [np.zeros((2, 4, 6)), None, "x"], lambda v: (F, (v, W), {}),
              expected="a floating-point torch.Tensor"),
    kind_case("pipeline.conv.conv1d", "weight", [np.zeros((3, 4, 2)), None, 3.0], lambda w: (F, (X, w), {}),
              expected="a floating-point torch.Tensor"),
    Case("pipeline.conv.conv1d", "shape", "weight", st.sampled_from([(3, 4), (3, 4, 2, 1), (0, 4, 2), (3, 4, 0)]),
         lambda s: (F, (X, torch.zeros(s)), {}), error=ValueError, expected="a 3-D tensor (out_channels, in_channels, "
         "kernel_size)", got=_shape_got),
    Case("pipeline.conv.conv1d", "shape", "x", st.sampled_from([(2, 5, 6), (6,), (2, 6, 4)]),
         lambda s: (F, (torch.zeros(s), W), {}), error=ValueError, expected="(batch, 4, length)", got=_shape_got),
    Case("pipeline.conv.conv1d", "dtype", "x", st.sampled_from([torch.float64, torch.float16]),
         lambda t: (F, (torch.zeros(2, 4, 6, dtype=t), W), {}), error=TypeError,
         expected="dtype torch.float32 (the dtype of the parameters)", got=lambda t: f"dtype {t}"),
    Case("pipeline.conv.conv1d", "dtype", "weight", st.sampled_from([torch.long, torch.int32]),
         lambda t: (F, (X, torch.zeros(3, 4, 2, dtype=t)), {}), error=TypeError, expected="a floating-point tensor",
         got=lambda t: f"dtype {t}"),
    Case("pipeline.conv.conv1d", "shape", "bias", st.sampled_from([(2,), (3, 1), ()]),
         lambda s: (F, (X, W, torch.zeros(s)), {}), error=ValueError, expected="shape (3,)", got=_shape_got),
    Case("pipeline.conv.conv1d", "dtype", "bias", st.sampled_from([torch.float64, torch.long]),
         lambda t: (F, (X, W, torch.zeros(3, dtype=t)), {}), error=TypeError, expected="", got=lambda t: f"dtype {t}"),
    size_case("pipeline.conv.conv1d", "stride", lambda n: (F, (X, W), {"stride": n})),
    size_case("pipeline.conv.conv1d", "dilation", lambda n: (F, (X, W), {"dilation": n})),
    Case("pipeline.conv.conv1d", "kind", "padding", st.sampled_from(["full", "Valid", None, 1.5]),
         lambda p: (F, (X, W), {"padding": p}), error=lambda p: ValueError if isinstance(p, str) else TypeError,
         expected=lambda p: "'valid' or 'same'" if isinstance(p, str) else "an integer >= 0",
         got=lambda p: repr(p) if isinstance(p, str) else type(p).__name__),
    Case("pipeline.conv.conv1d", "empty", "x", st.sampled_from([(2, 4, 1), (4, 0), (1, 4, 0)]),
         lambda s: (F, (torch.zeros(s), W), {}), error=ValueError, expected="a length of at least 2", got=_shape_got),
    valid_case("pipeline.conv.conv1d", "x", [(4, 2), (1, 4, 2), (3, 4, 9)], lambda s: (F, (torch.zeros(s), W), {}),
               check=lambda y, s: y.shape[-2] == 3 and y.shape[-1] == s[-1] - 1),
]
LEN = conv.conv1d_output_length
for arg, minimum in (("length", 0), ("kernel_size", 1), ("stride", 1), ("dilation", 1)):
    args = {"length": 10, "kernel_size": 3, "stride": 1, "dilation": 1}
    CASES.append(size_case("pipeline.conv.conv1d_output_length", arg,
                           lambda n, a=arg, base=args: (LEN, (), {**base, a: n}), minimum=minimum))
CASES += [
    Case("pipeline.conv.conv1d_output_length", "kind", "padding", st.sampled_from(["full", "", None]),
         lambda p: (LEN, (10, 3), {"padding": p}), error=lambda p: ValueError if isinstance(p, str) else TypeError,
         expected=lambda p: "'valid' or 'same'" if isinstance(p, str) else "an integer >= 0",
         got=lambda p: repr(p) if isinstance(p, str) else type(p).__name__),
    valid_case("pipeline.conv.conv1d_output_length", "length", [0, 1, np.int64(2)], lambda n: (LEN, (n, 3), {}),
               check=lambda out, n: out == n - 2),
]

# ---- max over time ---------------------------------------------------------------------------------------------
MAX = conv.max_over_time
H = torch.zeros(3, 2, 5)
CASES += [
    kind_case("pipeline.conv.max_over_time", "h", [np.zeros((3, 2, 5)), None, [[0.0]]], lambda h: (MAX, (h,), {}),
              expected="a floating-point torch.Tensor"),
    Case("pipeline.conv.max_over_time", "dtype", "h", st.sampled_from([torch.long, torch.bool]),
         lambda t: (MAX, (torch.zeros(3, 2, 5, dtype=t),), {}), error=TypeError, expected="a floating-point tensor",
         got=lambda t: f"dtype {t}"),
    Case("pipeline.conv.max_over_time", "shape", "h", st.sampled_from([(3, 5), (3, 2, 5, 1), (0, 2, 5), (3, 2, 0)]),
         lambda s: (MAX, (torch.zeros(s),), {}), error=ValueError, expected="a 3-D tensor (batch, channels, time)",
         got=_shape_got),
    Case("pipeline.conv.max_over_time", "empty", "lengths", st.sampled_from([[0, 1, 2], [5, 5, 0], [0, 0, 0]]),
         lambda n: (MAX, (H, torch.tensor(n)), {}), error=ValueError, expected="lengths in [1, 5]",
         got=lambda n: f"got 0 at position {n.index(0)} (an empty text"),
    Case("pipeline.conv.max_over_time", "size", "lengths", st.sampled_from([[6, 1, 2], [1, -1, 2], [1, 2, 100]]),
         lambda n: (MAX, (H, n), {}), error=ValueError, expected="lengths in [1, 5]",
         got=lambda n: f"got {[v for v in n if not 1 <= v <= 5][0]} at position"),
    Case("pipeline.conv.max_over_time", "dtype", "lengths", st.sampled_from([torch.float32, torch.bool, torch.float64]),
         lambda t: (MAX, (H, torch.ones(3, dtype=t)), {}), error=TypeError, expected="integer lengths",
         got=lambda t: f"dtype {t}"),
    kind_case("pipeline.conv.max_over_time", "lengths", [["a", "b", "c"], [None, None, None]],
              lambda n: (MAX, (H, n), {}), expected="integer lengths", got=lambda n: "list", note="not numbers"),
    Case("pipeline.conv.max_over_time", "shape", "lengths", st.sampled_from([(2,), (3, 1), (), (4,)]),
         lambda s: (MAX, (H, torch.ones(s, dtype=torch.long)), {}), error=ValueError, expected="shape (3,)",
         got=_shape_got),
    Case("pipeline.conv.max_over_time", "device", "lengths", st.just("meta"),
         lambda d: (MAX, (H, torch.ones(3, dtype=torch.long, device=d)), {}), error=ValueError, expected="device cpu",
         got="device meta"),
    kind_case("pipeline.conv.max_over_time", "mask", [torch.ones(3, 5), np.ones((3, 5), dtype=bool), "all"],
              lambda m: (MAX, (H,), {"mask": m}), expected="a bool torch.Tensor"),
    Case("pipeline.conv.max_over_time", "shape", "mask", st.sampled_from([(3, 4), (5, 3), (3,)]),
         lambda s: (MAX, (H,), {"mask": torch.ones(s, dtype=torch.bool)}), error=ValueError, expected="shape (3, 5)",
         got=_shape_got),
    Case("pipeline.conv.max_over_time", "empty", "mask", st.sampled_from([0, 1, 2]),
         lambda row: (MAX, (H,), {"mask": torch.ones(3, 5, dtype=torch.bool).index_fill(0, torch.tensor([row]), False)}),
         error=ValueError, expected="at least one True", got=lambda row: f"none in row {row}"),
    Case("pipeline.conv.max_over_time", "kind", "mask", st.just(True),
         lambda _: (MAX, (H, [1, 2, 3]), {"mask": torch.ones(3, 5, dtype=torch.bool)}), error=ValueError,
         expected="None when lengths is given", got="Tensor", note="both"),
    kind_case("pipeline.conv.max_over_time", "return_positions", ["yes", 1, None],
              lambda v: (MAX, (H, [1, 2, 3]), {"return_positions": v}), expected="True or False"),
    valid_case("pipeline.conv.max_over_time", "lengths", [np.array([1, 5, 2]), [5, 5, 5], torch.tensor([1, 1, 1],
                                                                                                        dtype=torch.int32)],
               lambda n: (MAX, (H, n), {}), check=lambda m, n: m.shape == (3, 2)),
]

# ---- TextCNN ------------------------------------------------------------------------------------------------------
CNN = conv.TextCNN
V = 20


def cnn():
    torch.manual_seed(0)
    return CNN(V, 4, 2, kernel_sizes=(2, 3), n_filters=3)


for arg in ("vocab_size", "embedding_dim", "n_classes", "n_filters"):
    base = {"vocab_size": V, "embedding_dim": 4, "n_classes": 2}
    CASES.append(size_case("pipeline.conv.TextCNN", arg, lambda n, a=arg, b=base: (CNN, (), {**b, a: n})))
CASES += [
    kind_case("pipeline.conv.TextCNN", "kernel_sizes", [3, "234", None, ()], lambda k: (CNN, (V, 4, 2), {"kernel_sizes": k}),
              expected="a non-empty sequence of integers"),
    Case("pipeline.conv.TextCNN", "size", "kernel_sizes", st.sampled_from([(2, 0), (0,), (3, -1, 2)]),
         lambda k: (CNN, (V, 4, 2), {"kernel_sizes": k}), error=ValueError, expected="an integer >= 1",
         got=lambda k: str([v for v in k if v < 1][0]), note="element"),
    Case("pipeline.conv.TextCNN", "kind", "kernel_sizes", st.sampled_from([(2, 3.0), (2.5,), (2, None)]),
         lambda k: (CNN, (V, 4, 2), {"kernel_sizes": k}), error=TypeError, expected="an integer >= 1",
         got=lambda k: type([v for v in k if not isinstance(v, int)][0]).__name__, note="element"),
    number_case("pipeline.conv.TextCNN", "dropout", lambda p: (CNN, (V, 4, 2), {"dropout": p}), minimum=0, maximum=1,
                max_open=True),
    kind_case("pipeline.conv.TextCNN", "dtype", BAD_DTYPES, lambda d: (CNN, (V, 4, 2), {"dtype": d}),
              expected="a floating-point torch.dtype"),
    Case("pipeline.conv.TextCNN", "size", "padding_idx", st.sampled_from([V, -V - 1, 100]),
         lambda i: (CNN, (V, 4, 2), {"padding_idx": i}), error=ValueError, expected=f"an integer in [-{V}, {V - 1}]",
         got=lambda i: str(i), note="range"),
    Case("pipeline.conv.TextCNN", "kind", "kernel_sizes", st.sampled_from([(2, 2), (3, 4, 3)]),
         lambda k: (CNN, (V, 4, 2), {"kernel_sizes": k}), error=ValueError, expected="distinct widths",
         got=lambda k: str(tuple(k)), note="repeated"),
    valid_case("pipeline.conv.TextCNN", "kernel_sizes", [[np.int64(2), 3], (1,), (5, 7)],
               lambda k: (CNN, (V, 4, 2), {"kernel_sizes": k}), check=lambda m, k: len(m.convs) == len(k)),
]
IDS = torch.ones(3, 6, dtype=torch.long)
for method in ("forward", "features", "feature_maps"):
    name = f"pipeline.conv.TextCNN.{method}"

    def call(*args, m=method):
        model = cnn()
        return getattr(model, m), args, {}

    CASES += [
        ids_case(name, "ids", V, (3, 6), lambda ids, c=call: c(ids, [6, 3, 1])),
        id_dtype_case(name, "ids", (3, 6), lambda ids, c=call: c(ids, [6, 3, 1])),
        Case(name, "shape", "ids", st.sampled_from([(6,), (1, 3, 6), ()]),
             lambda s, c=call: c(torch.ones(s, dtype=torch.long), [1]), error=ValueError,
             expected="a 2-D tensor (batch, seq)", got=_shape_got),
        Case(name, "empty", "ids", st.sampled_from([(0, 6), (3, 0)]),
             lambda s, c=call: c(torch.ones(s, dtype=torch.long), torch.ones(s[0], dtype=torch.long)), error=ValueError,
             expected="a 2-D tensor (batch, seq) with at least one row and one position", got=_shape_got),
        Case(name, "empty", "lengths", st.sampled_from([[0, 6, 6], [6, 0, 2], [1, 1, 0]]),
             lambda n, c=call: c(IDS, n), error=ValueError, expected="lengths in [1, 6]",
             got=lambda n: f"got 0 at position {n.index(0)} (an empty text"),
        Case(name, "size", "lengths", st.sampled_from([[7, 6, 6], [6, -2, 2]]),
             lambda n, c=call: c(IDS, n), error=ValueError, expected="lengths in [1, 6]",
             got=lambda n: f"got {[v for v in n if not 1 <= v <= 6][0]} at position"),
        Case(name, "shape", "lengths", st.sampled_from([(2,), (3, 1), ()]),
             lambda s, c=call: c(IDS, torch.ones(s, dtype=torch.long)), error=ValueError, expected="shape (3,)",
             got=_shape_got),
        Case(name, "dtype", "lengths", st.sampled_from([torch.float32, torch.bool]),
             lambda t, c=call: c(IDS, torch.ones(3, dtype=t)), error=TypeError, expected="integer lengths",
             got=lambda t: f"dtype {t}"),
        valid_case(name, "lengths", [np.array([6, 1, 2]), [1, 1, 1], torch.tensor([6, 6, 6], dtype=torch.int32)],
                   lambda n, c=call: c(IDS, n), check=lambda out, n: out is not None),
    ]

# ---- the n-grams that activate a filter -------------------------------------------------------------------------
from neuralnlp.pipeline import filters as flt  # noqa: E402

TOP = flt.top_ngrams
TOKENS = [f"w{i}" for i in range(V)]
DOCS = [[1, 2, 3], [4], [5, 6, 7, 8]]


def top(**overrides):
    args = dict(docs=DOCS, tokens=TOKENS, filters=[(2, 0)])
    args.update(overrides)
    return TOP, (cnn(),), args


CASES += [
    kind_case("pipeline.filters.top_ngrams", "model", [None, torch.nn.Linear(3, 2), CONV(4, 2, 3)],
              lambda m: (TOP, (m, DOCS, TOKENS, [(2, 0)]), {}), expected="a neuralnlp.pipeline.conv.TextCNN"),
    kind_case("pipeline.filters.top_ngrams", "filters", [(2, 0), [], "2,0", None, [2, 0], [(2, 0, 1)]],
              lambda f: top(filters=f), expected="(kernel_size, filter_index) pairs",
              got=lambda f: "int 2" if f in ((2, 0), [2, 0]) else type(f[0] if f and isinstance(f, list) else f).__name__),
    Case("pipeline.filters.top_ngrams", "size", "filters", st.sampled_from([[(4, 0)], [(2, 0), (1, 1)], [("2", 0)]]),
         lambda f: top(filters=f), error=ValueError, expected="a kernel_size in (2, 3)", got="at position",
         note="width"),
    Case("pipeline.filters.top_ngrams", "size", "filters", st.sampled_from([[(2, 3)], [(3, -1)], [(2, 0), (3, 9)]]),
         lambda f: top(filters=f), error=ValueError, expected="an integer in [0, 2]",
         got=lambda f: str([i for _, i in f if not 0 <= i <= 2][0]), note="index"),
    kind_case("pipeline.filters.top_ngrams", "docs", ["w1 w2", [], None, [["w1", "w2"]]],
              lambda d: top(docs=d), error=lambda d: TypeError, expected="",
              got=lambda d: "list" if isinstance(d, list) else type(d).__name__),
    Case("pipeline.filters.top_ngrams", "empty", "docs", st.sampled_from([[[1, 2], []], [[]]]),
         lambda d: top(docs=d), error=ValueError, expected="each text to be a non-empty", got="at position"),
    Case("pipeline.filters.top_ngrams", "ids", "docs", st.sampled_from([[[1, V]], [[1, 2], [-1]], [[3, 100, 2]]]),
         lambda d: top(docs=d), error=IndexError, expected=f"token ids in [0, {V - 1}]", got="in text",
         note="range"),
    Case("pipeline.filters.top_ngrams", "shape", "tokens", st.sampled_from([TOKENS[:-1], TOKENS + ["x"], "abc"]),
         lambda t: top(tokens=t), error=ValueError, expected=f"a sequence of {V} tokens",
         got=lambda t: f"{len(t)} tokens" if isinstance(t, list) else "str"),
    size_case("pipeline.filters.top_ngrams", "k", lambda n: top(k=n)),
    size_case("pipeline.filters.top_ngrams", "batch_size", lambda n: top(batch_size=n)),
    kind_case("pipeline.filters.top_ngrams", "distinct", ["yes", 1, None], lambda v: top(distinct=v),
              expected="True or False"),
    valid_case("pipeline.filters.top_ngrams", "docs", [DOCS, [np.array([1, 2])], [torch.tensor([3])]],
               lambda d: top(docs=d), check=lambda r, d: len(r[(2, 0)]) >= 1),
    kind_case("pipeline.filters.class_filters", "model", [None, torch.nn.Linear(3, 2)],
              lambda m: (flt.class_filters, (m, 0), {}), expected="a neuralnlp.pipeline.conv.TextCNN"),
    Case("pipeline.filters.class_filters", "kind", "model", st.just(1),
         lambda c: (flt.class_filters, (CNN(V, 4, c, kernel_sizes=(2,)), 0), {}), error=ValueError,
         expected="at least 2 classes", got="n_classes=1", note="one class"),
    size_case("pipeline.filters.class_filters", "class_index", lambda c: (flt.class_filters, (cnn(), c), {}),
              minimum=0, maximum=1),
    size_case("pipeline.filters.class_filters", "n", lambda n: (flt.class_filters, (cnn(), 0), {"n": n}),
              minimum=1, maximum=6),
    valid_case("pipeline.filters.class_filters", "n", [1, np.int64(6)], lambda n: (flt.class_filters, (cnn(), 1, n), {}),
               check=lambda r, n: len(r) == n),
]
