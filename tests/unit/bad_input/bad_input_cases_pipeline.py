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
         lambda n: (MAX, (H, torch.tensor(n)), {}), error=ValueError, expected="every length in [1, 5]",
         got=lambda n: f"got 0 at position {n.index(0)} (an empty text"),
    Case("pipeline.conv.max_over_time", "size", "lengths", st.sampled_from([[6, 1, 2], [1, -1, 2], [1, 2, 100]]),
         lambda n: (MAX, (H, n), {}), error=ValueError, expected="every length in [1, 5]",
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
             lambda n, c=call: c(IDS, n), error=ValueError, expected="every length in [1, 6]",
             got=lambda n: f"got 0 at position {n.index(0)} (an empty text"),
        Case(name, "size", "lengths", st.sampled_from([[7, 6, 6], [6, -2, 2]]),
             lambda n, c=call: c(IDS, n), error=ValueError, expected="every length in [1, 6]",
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


# ==== the classification pipeline: reviews, tokens, batches, models, training, checkpoints, scores ==========
import os  # noqa: E402
import tempfile  # noqa: E402

from neuralnlp.embeddings.vocab import Vocabulary  # noqa: E402
from neuralnlp.pipeline import (baselines, checkpoint, dataset, metrics, models, predict, reviews,  # noqa: E402
                                text_training, tokenise)

VOCAB = tokenise.build_text_vocabulary([list("好看不好差很喜欢")], min_count=1)
SMALL = dict(model="mean", vocab_size=len(VOCAB), embedding_dim=4, hidden_size=4, n_classes=2, dropout=0.0,
             level="char", max_len=10)
NOT_TEXTS = ["好看", None, 3, [["好"]], {"a": 1}]


def _data():
    return dataset.ReviewDataset(["好看", "差", "很喜欢", "不好"], [1, 0, 1, 0], VOCAB, "char", 10)


def _model(kind="mean"):
    torch.manual_seed(0)
    return models.build_classifier({**SMALL, "model": kind})


def _batch():
    return torch.tensor([[2, 3, 0], [4, 5, 6]]), torch.tensor([2, 3])


def _first_bad(v):
    """The type a message names: the list's first non-str element, or the value's own type."""
    return next(type(t).__name__ for t in v if not isinstance(t, str)) if isinstance(v, list) else type(v).__name__


# reviews
CASES += [
    kind_case("pipeline.reviews.clean_reviews", "negative", NOT_TEXTS[:3] + [[1, 2]],
              lambda v: (reviews.clean_reviews, (v, ["好"]), {}), expected="a list of review texts (str)", got=_first_bad),
    kind_case("pipeline.reviews.clean_reviews", "positive", NOT_TEXTS[:3] + [["好", None]],
              lambda v: (reviews.clean_reviews, (["差"], v), {}), expected="a list of review texts (str)", got=_first_bad),
    valid_case("pipeline.reviews.clean_reviews", "negative", [[], ["差", "差"]],
               lambda v: (reviews.clean_reviews, (v, ["好"]), {}), check=lambda r, v: r[2]["both labels"] == 0),
    number_case("pipeline.reviews.stratified_split", "validation_fraction",
                lambda v: (reviews.stratified_split, ([0, 1, 0, 1], v, 0.1), {}), minimum=0, maximum=1, max_open=True),
    number_case("pipeline.reviews.stratified_split", "test_fraction",
                lambda v: (reviews.stratified_split, ([0, 1, 0, 1], 0.1, v), {}), minimum=0, maximum=1, max_open=True),
    size_case("pipeline.reviews.stratified_split", "seed", lambda v: (reviews.stratified_split, ([0, 1], 0.1, 0.1, v), {}),
              minimum=0),
    kind_case("pipeline.reviews.stratified_split", "labels", [[0.5, 1.0], ["a", "b"]],
              lambda v: (reviews.stratified_split, (v,), {}), expected="integer class indices",
              got=lambda v: "float" if isinstance(v[0], float) else "list"),
    Case("pipeline.reviews.stratified_split", "number", "test_fraction", st.sampled_from([(0.5, 0.5), (0.9, 0.3)]),
         lambda v: (reviews.stratified_split, ([0, 1] * 5, *v), {}), error=ValueError,
         expected="validation_fraction + test_fraction < 1", got=lambda v: f"{v[0]} + {v[1]}", note="sum"),
    number_case("pipeline.reviews.load_reviews", "validation_fraction", lambda v: (reviews.load_reviews, (v,), {}),
                minimum=0, maximum=1, max_open=True, examples=6),
    size_case("pipeline.reviews.load_reviews", "seed", lambda v: (reviews.load_reviews, (0.1, 0.1, v), {}), minimum=0,
              examples=6),
]

# tokens and vocabulary
CASES += [
    kind_case("pipeline.tokenise.tokenise_text", "text", [None, 3, ["好"], b"ok"], lambda v: (tokenise.tokenise_text, (v, "char"), {}),
              expected="a str"),
    Case("pipeline.tokenise.tokenise_text", "kind", "level", st.sampled_from(["words", "character", "", "WORD"]),
         lambda v: (tokenise.tokenise_text, ("好", v), {}), error=ValueError, expected="'word' or 'char'", got=repr),
    kind_case("pipeline.tokenise.build_text_vocabulary", "docs", ["好看", ["好", "看"], None],
              lambda v: (tokenise.build_text_vocabulary, (v,), {}), expected="a list of token lists"),
    size_case("pipeline.tokenise.build_text_vocabulary", "min_count",
              lambda v: (tokenise.build_text_vocabulary, ([["好"]], v), {})),
    kind_case("pipeline.tokenise.unknown_rate", "docs", ["好看", ["好", "看"]],
              lambda v: (tokenise.unknown_rate, (v, VOCAB), {}), expected="a list of token lists"),
    kind_case("pipeline.tokenise.unknown_rate", "vocab", [None, {"好": 1}, ["好"]],
              lambda v: (tokenise.unknown_rate, ([["好"]], v), {}), expected="a neuralnlp Vocabulary"),
    Case("pipeline.tokenise.unknown_rate", "empty", "docs", st.sampled_from([[], [[]], [[], []]]),
         lambda v: (tokenise.unknown_rate, (v, VOCAB), {}), error=ValueError, expected="at least one token",
         got=lambda v: f"{len(v)} empty documents"),
    Case("pipeline.tokenise.encode_text", "empty", "text", st.sampled_from(["", " ", "\n\t "]),
         lambda v: (tokenise.encode_text, (v, VOCAB, "char"), {}), error=ValueError, expected="at least one token",
         got=lambda v: repr(v)),
    Case("pipeline.tokenise.encode_text", "tokens", "text", st.sampled_from(["垃圾", "@@@", "退货退货"]),
         lambda v: (tokenise.encode_text, (v, VOCAB, "char"), {}), error=ValueError,
         expected="at least one token of the vocabulary", got=lambda v: f"all {len(v)} tokens are <unk>"),
    kind_case("pipeline.tokenise.encode_text", "vocab", [None, ["好"]], lambda v: (tokenise.encode_text, ("好", v), {}),
              expected="a neuralnlp Vocabulary"),
    Case("pipeline.tokenise.encode_text", "kind", "vocab", st.just(None).map(lambda _: Vocabulary(["好", "看"])),
         lambda v: (tokenise.encode_text, ("好", v), {}), error=ValueError, expected="a vocabulary with <pad> at id 0",
         got="Vocabulary(2 tokens", note="no-pad"),
    size_case("pipeline.tokenise.encode_text", "max_len", lambda v: (tokenise.encode_text, ("好", VOCAB, "char", v), {})),
    valid_case("pipeline.tokenise.encode_text", "text", ["好 看", "好垃圾"], lambda v: (tokenise.encode_text, (v, VOCAB, "char"), {}),
               check=lambda ids, v: 1 <= len(ids) <= 3),
]

# batches
ZERO = torch.zeros(0, dtype=torch.int64)
CASES += [
    kind_case("pipeline.dataset.ReviewDataset", "texts", ["好看", None, 3],
              lambda v: (dataset.ReviewDataset, (v, [1], VOCAB, "char"), {}), expected="a list of str"),
    Case("pipeline.dataset.ReviewDataset", "kind", "texts[1]", st.sampled_from([None, 3, ["好"]]),
         lambda v: (dataset.ReviewDataset, (["好", v], [1, 0], VOCAB, "char"), {}), error=TypeError, expected="a str",
         got=lambda v: type(v).__name__, note="item"),
    Case("pipeline.dataset.ReviewDataset", "empty", "texts[0]", st.sampled_from(["", "  "]),
         lambda v: (dataset.ReviewDataset, ([v], [1], VOCAB, "char"), {}), error=ValueError,
         expected="at least one token", got=lambda v: repr(v)),
    Case("pipeline.dataset.ReviewDataset", "ids", "labels", st.sampled_from([[1, 2], [-1, 0], [0, 5]]),
         lambda v: (dataset.ReviewDataset, (["好", "差"], v, VOCAB, "char"), {}), error=IndexError,
         expected="class indices in [0, 1]", got=lambda v: str(next(x for x in v if x not in (0, 1)))),
    Case("pipeline.dataset.ReviewDataset", "shape", "labels", st.sampled_from([[1], [1, 0, 1]]),
         lambda v: (dataset.ReviewDataset, (["好", "差"], v, VOCAB, "char"), {}), error=ValueError,
         expected="shape (2,)", got=lambda v: f"shape ({len(v)},)"),
    size_case("pipeline.dataset.ReviewDataset", "max_len", lambda v: (dataset.ReviewDataset, (["好"], [1], VOCAB, "char", v), {})),
    size_case("pipeline.dataset.ReviewDataset", "n_classes",
              lambda v: (dataset.ReviewDataset, (["好"], [1], VOCAB, "char", 5, v), {}), minimum=2),
    Case("pipeline.dataset.pad_batch", "empty", "batch[1]", st.just(ZERO),
         lambda v: (dataset.pad_batch, ([(torch.tensor([2]), 1), (v, 0)],), {}), error=ValueError,
         expected="a sequence of at least 1 token", got="length 0"),
    Case("pipeline.dataset.pad_batch", "empty", "batch", st.sampled_from([[], ()]),
         lambda v: (dataset.pad_batch, (v,), {}), error=ValueError, expected="a non-empty list", got=lambda v: type(v).__name__),
    kind_case("pipeline.dataset.pad_batch", "batch[0]", [torch.tensor([2]), (torch.tensor([2]),), ([2], 1)],
              lambda v: (dataset.pad_batch, ([v],), {}), expected="an (ids tensor, label) pair"),
    Case("pipeline.dataset.pad_batch", "dtype", "batch[0]", st.sampled_from([torch.float32, torch.int32, torch.bool]),
         lambda t: (dataset.pad_batch, ([(torch.ones(2, dtype=t), 1)],), {}), error=TypeError,
         expected="1-D int64 ids", got=lambda t: str(t)),
    kind_case("pipeline.dataset.review_loader", "dataset", [None, [1, 2], "data"],
              lambda v: (dataset.review_loader, (v,), {}), expected="a ReviewDataset"),
    size_case("pipeline.dataset.review_loader", "batch_size", lambda v: (dataset.review_loader, (_data(), v), {})),
    size_case("pipeline.dataset.review_loader", "seed", lambda v: (dataset.review_loader, (_data(), 2, True, v), {}),
              minimum=0),
    kind_case("pipeline.dataset.review_loader", "bucket", ["yes", 1, None],
              lambda v: (dataset.review_loader, (_data(), 2, True, 0, v), {}), expected="True or False"),
    valid_case("pipeline.dataset.review_loader", "bucket", [True, False],
               lambda v: (dataset.review_loader, (_data(), 3, True, 0, v), {}),
               check=lambda loader, v: sum(len(b[2]) for b in loader) == 4),
]

# models
BATCH_IDS, BATCH_LENGTHS = _batch()
for name, kind in (("pipeline.models.MeanEmbeddingClassifier", "mean"), ("pipeline.models.RecurrentClassifier", "bigru")):
    cls = models.MeanEmbeddingClassifier if kind == "mean" else models.RecurrentClassifier
    CASES += [
        size_case(name, "vocab_size", lambda v, c=cls: (c, (v,), {})),
        size_case(name, "embedding_dim", lambda v, c=cls: (c, (10, v), {})),
        number_case(name, "dropout", lambda v, c=cls: (c, (10,), {"dropout": v}), minimum=0, maximum=1, max_open=True),
        Case(f"{name}.forward", "empty", "lengths", st.sampled_from([[0, 3], [2, 0]]),
             lambda v, k=kind: (_model(k), (BATCH_IDS, torch.tensor(v)), {}), error=ValueError, expected="every length in [1, 3]",
             got=lambda v: f"got 0 at position {v.index(0)}"),
        Case(f"{name}.forward", "shape", "lengths", st.sampled_from([[2], [2, 3, 1]]),
             lambda v, k=kind: (_model(k), (BATCH_IDS, torch.tensor(v)), {}), error=ValueError, expected="shape (2,)",
             got=lambda v: f"shape ({len(v)},)"),
        ids_case(f"{name}.forward", "ids", len(VOCAB), (2, 3), lambda ids, k=kind: (_model(k), (ids, BATCH_LENGTHS), {})),
        id_dtype_case(f"{name}.forward", "ids", (2, 3), lambda ids, k=kind: (_model(k), (ids, BATCH_LENGTHS), {})),
        Case(f"{name}.forward", "dtype", "lengths", st.sampled_from([torch.float32, torch.bool]),
             lambda t, k=kind: (_model(k), (BATCH_IDS, BATCH_LENGTHS.to(t)), {}), error=TypeError, expected="integer",
             got=lambda t: str(t).replace("torch.", "")),
        valid_case(f"{name}.forward", "lengths", [[1, 1], [2, 3], [3, 3]],
                   lambda v, k=kind: (_model(k), (BATCH_IDS, torch.tensor(v)), {}), check=lambda out, v: out.shape == (2, 2)),
    ]
CASES += [
    Case("pipeline.models.RecurrentClassifier", "kind", "cell", st.sampled_from(["rnn", "GRU", ""]),
         lambda v: (models.RecurrentClassifier, (10,), {"cell": v}), error=ValueError, expected="'gru' or 'lstm'", got=repr),
    size_case("pipeline.models.RecurrentClassifier", "num_layers", lambda v: (models.RecurrentClassifier, (10,), {"num_layers": v})),
    kind_case("pipeline.models.RecurrentClassifier", "bidirectional", ["yes", 1, None],
              lambda v: (models.RecurrentClassifier, (10,), {"bidirectional": v}), expected="True or False"),
    Case("pipeline.models.reverse_padded", "empty", "lengths", st.sampled_from([[0, 2], [3, 1]]),
         lambda v: (models.reverse_padded, (torch.zeros(2, 2, 1), torch.tensor(v)), {}), error=ValueError,
         expected="every length in [1, 2]", got=lambda v: f"got {next(x for x in v if not 1 <= x <= 2)}"),
    kind_case("pipeline.models.reverse_padded", "x", [None, [1, 2], torch.zeros(3)],
              lambda v: (models.reverse_padded, (v, torch.tensor([1])), {}), error=ValueError,
              expected="a tensor of shape (batch, seq, ...)", got=lambda v: type(v).__name__ if not torch.is_tensor(v) else "Tensor of shape (3,)"),
    kind_case("pipeline.models.build_classifier", "config", [None, "gru", ["gru"]],
              lambda v: (models.build_classifier, (v,), {}), expected="a dict of settings"),
    Case("pipeline.models.build_classifier", "kind", "config['model']", st.sampled_from(["rnn", "transformer", None]),
         lambda v: (models.build_classifier, ({**SMALL, "model": v},), {}), error=ValueError,
         expected="one of ['mean', 'gru', 'lstm', 'bigru', 'cnn']", got=lambda v: repr(v) if isinstance(v, str) else "None"),
    Case("pipeline.models.build_classifier", "kind", "config", st.sampled_from(["vocab_size", "dropout"]),
         lambda k: (models.build_classifier, ({x: y for x, y in SMALL.items() if x != k},), {}), error=KeyError,
         expected="the settings", got=lambda k: "got keys", note="missing"),
    kind_case("pipeline.models.embedding_from_word2vec", "vocab", [None, ["好"]],
              lambda v: (models.embedding_from_word2vec, (v, np.zeros((2, 3)), VOCAB), {}),
              expected="a neuralnlp Vocabulary"),
    kind_case("pipeline.models.embedding_from_word2vec", "word_vocab", [None, ["好"], {"好": 0}],
              lambda v: (models.embedding_from_word2vec, (VOCAB, np.zeros((2, 3)), v), {}),
              expected="a neuralnlp Vocabulary"),
    Case("pipeline.models.embedding_from_word2vec", "shape", "word_vectors", st.sampled_from([(3, 4), (len(VOCAB) + 1, 2), (5,)]),
         lambda s: (models.embedding_from_word2vec, (VOCAB, np.zeros(s), VOCAB), {}), error=ValueError,
         expected=f"shape ({len(VOCAB)}, d)", got=lambda s: f"shape {s}"),
    kind_case("pipeline.models.embedding_from_word2vec", "freeze", ["yes", 1, None],
              lambda v: (models.embedding_from_word2vec, (VOCAB, np.zeros((len(VOCAB), 2)), VOCAB, v), {}),
              expected="True or False"),
]

# training and evaluation
def _loader(batch_size=2):
    return dataset.review_loader(_data(), batch_size, shuffle=False)


CASES += [
    kind_case("pipeline.text_training.train_text_classifier", "model", [None, "gru", torch.zeros(2)],
              lambda v: (text_training.train_text_classifier, (v, _loader(), _loader()), {}),
              expected="a torch.nn.Module"),
    kind_case("pipeline.text_training.train_text_classifier", "train_loader", [None, [1, 2], _data()],
              lambda v: (text_training.train_text_classifier, (_model(), v, _loader()), {}), expected="a torch DataLoader"),
    kind_case("pipeline.text_training.train_text_classifier", "validation_loader", [None, _data()],
              lambda v: (text_training.train_text_classifier, (_model(), _loader(), v), {}), expected="a torch DataLoader"),
    size_case("pipeline.text_training.train_text_classifier", "epochs",
              lambda v: (text_training.train_text_classifier, (_model(), _loader(), _loader()), {"epochs": v})),
    size_case("pipeline.text_training.train_text_classifier", "patience",
              lambda v: (text_training.train_text_classifier, (_model(), _loader(), _loader()), {"patience": v})),
    number_case("pipeline.text_training.train_text_classifier", "lr",
                lambda v: (text_training.train_text_classifier, (_model(), _loader(), _loader()), {"lr": v}),
                minimum=0, min_open=True),
    number_case("pipeline.text_training.train_text_classifier", "max_grad_norm",
                lambda v: (text_training.train_text_classifier, (_model(), _loader(), _loader()), {"max_grad_norm": v}),
                minimum=0, min_open=True),
    number_case("pipeline.text_training.train_text_classifier", "weight_decay",
                lambda v: (text_training.train_text_classifier, (_model(), _loader(), _loader()), {"weight_decay": v}),
                minimum=0),
    kind_case("pipeline.text_training.evaluate_text_classifier", "model", [None, "gru"],
              lambda v: (text_training.evaluate_text_classifier, (v, _loader()), {}), expected="a torch.nn.Module"),
    kind_case("pipeline.text_training.evaluate_text_classifier", "loader", [None, _data(), [(BATCH_IDS, BATCH_LENGTHS)]],
              lambda v: (text_training.evaluate_text_classifier, (_model(), v), {}), expected="a torch DataLoader"),
]


# checkpoints
_TMP = tempfile.mkdtemp(prefix="bad-input-checkpoints-")


def _saved(name="good.pt", config=None):
    path = os.path.join(_TMP, name)
    model = _model()
    optimizer = __import__("neuralnlp").AdamW(model.parameters())
    checkpoint.save_checkpoint(path, model, optimizer, 1, VOCAB, config or SMALL)
    return path


def _corrupt(content: bytes):
    path = os.path.join(_TMP, "corrupt.pt")
    with open(path, "wb") as f:
        f.write(content)
    return path


OPT = lambda m: __import__("neuralnlp").AdamW(m.parameters())  # noqa: E731
CASES += [
    Case("pipeline.checkpoint.load_checkpoint", "kind", "path", st.sampled_from(["missing.pt", "nowhere/x.pt"]),
         lambda v: (checkpoint.load_checkpoint, (os.path.join(_TMP, v),), {}), error=FileNotFoundError,
         expected="an existing file", got=lambda v: v, note="missing"),
    Case("pipeline.checkpoint.load_checkpoint", "kind", "path", st.sampled_from([b"", b"not a checkpoint", b"PK\x03\x04xx"]),
         lambda v: (checkpoint.load_checkpoint, (_corrupt(v),), {}), error=ValueError,
         expected="a checkpoint written by save_checkpoint", got="corrupt.pt", note="corrupt"),
    kind_case("pipeline.checkpoint.load_checkpoint", "path", [None, 3, ["a.pt"]],
              lambda v: (checkpoint.load_checkpoint, (v,), {}), expected="a path"),
    Case("pipeline.checkpoint.load_checkpoint", "kind", "expected_vocab",
         st.sampled_from(["好看", "好差"]).map(lambda s: tokenise.build_text_vocabulary([list(s)], 1)),
         lambda v: (checkpoint.load_checkpoint, (_saved(),), {"expected_vocab": v}), error=ValueError,
         expected="the checkpoint's vocabulary", got="another one", note="other-vocab"),
    Case("pipeline.checkpoint.load_checkpoint", "kind", "expected_config",
         st.sampled_from([{"dropout": 0.5}, {"model": "gru"}, {"embedding_dim": 8}]),
         lambda v: (checkpoint.load_checkpoint, (_saved(),), {"expected_config": {**SMALL, **v}}), error=ValueError,
         expected="the checkpoint's config", got=lambda v: f"different values for {sorted(v)}", note="other-config"),
    valid_case("pipeline.checkpoint.load_checkpoint", "expected_vocab", [None, VOCAB],
               lambda v: (checkpoint.load_checkpoint, (_saved(),), {"expected_vocab": v}),
               check=lambda c, v: c.epoch == 1 and c.vocab.tokens == VOCAB.tokens),
    kind_case("pipeline.checkpoint.save_checkpoint", "model", [None, "model"],
              lambda v: (checkpoint.save_checkpoint, (os.path.join(_TMP, "x.pt"), v, OPT(_model()), 1, VOCAB, SMALL), {}),
              expected="a torch.nn.Module"),
    kind_case("pipeline.checkpoint.save_checkpoint", "optimizer", [None, "adam"],
              lambda v: (checkpoint.save_checkpoint, (os.path.join(_TMP, "x.pt"), _model(), v, 1, VOCAB, SMALL), {}),
              expected="our AdamW"),
    size_case("pipeline.checkpoint.save_checkpoint", "epoch",
              lambda v: (checkpoint.save_checkpoint, (os.path.join(_TMP, "x.pt"), _model(), OPT(_model()), v, VOCAB, SMALL), {}),
              minimum=0),
    Case("pipeline.checkpoint.save_checkpoint", "kind", "config", st.sampled_from([5, 100, None]),
         lambda v: (checkpoint.save_checkpoint, (os.path.join(_TMP, "x.pt"), _model(), OPT(_model()), 1, VOCAB,
                                                 {**SMALL, "vocab_size": v}), {}), error=ValueError,
         expected=f"vocab_size = len(vocab) = {len(VOCAB)}", got=lambda v: repr(v), note="other-vocab"),
    kind_case("pipeline.checkpoint.save_checkpoint", "path", [None, 3],
              lambda v: (checkpoint.save_checkpoint, (v, _model(), OPT(_model()), 1, VOCAB, SMALL), {}), expected="a path"),
    kind_case("pipeline.checkpoint.save_checkpoint", "vocab", [None, ["好"]],
              lambda v: (checkpoint.save_checkpoint, (os.path.join(_TMP, "x.pt"), _model(), OPT(_model()), 1, v, SMALL), {}),
              expected="a neuralnlp Vocabulary"),
]

# scores
CASES += [
    Case("pipeline.metrics.accuracy", "ids", "y_true", st.sampled_from([[0, 2], [-1, 1], [3, 0]]),
         lambda v: (metrics.accuracy, (v, [0, 1]), {}), error=IndexError, expected="class indices in [0, 1]",
         got=lambda v: str(next(x for x in v if x not in (0, 1)))),
    Case("pipeline.metrics.accuracy", "shape", "y_pred", st.sampled_from([[0], [0, 1, 1]]),
         lambda v: (metrics.accuracy, ([0, 1], v), {}), error=ValueError, expected="shape (2,)",
         got=lambda v: f"shape ({len(v)},)"),
    Case("pipeline.metrics.accuracy", "empty", "y_true", st.just([]), lambda v: (metrics.accuracy, (v, []), {}),
         error=ValueError, expected="at least one sample", got="0"),
    size_case("pipeline.metrics.accuracy", "n_classes", lambda v: (metrics.accuracy, ([0], [0], v), {}), minimum=2),
    Case("pipeline.metrics.macro_f1", "ids", "y_pred", st.sampled_from([[0, 2], [-1, 1]]),
         lambda v: (metrics.macro_f1, ([0, 1], v), {}), error=IndexError, expected="class indices in [0, 1]",
         got=lambda v: str(next(x for x in v if x not in (0, 1)))),
    size_case("pipeline.metrics.macro_f1", "n_classes", lambda v: (metrics.macro_f1, ([0], [0], v), {}), minimum=2),
    Case("pipeline.metrics.confusion_matrix", "ids", "y_true", st.sampled_from([[0, 3], [1, -1]]),
         lambda v: (metrics.confusion_matrix, (v, [0, 1], 3), {}), error=IndexError, expected="class indices in [0, 2]",
         got=lambda v: str(next(x for x in v if x not in (0, 1, 2)))),
    size_case("pipeline.metrics.confusion_matrix", "n_classes", lambda v: (metrics.confusion_matrix, ([0], [0], v), {}),
              minimum=2),
    kind_case("pipeline.metrics.bootstrap_interval", "metric", [None, "accuracy", 3],
              lambda v: (metrics.bootstrap_interval, ([0, 1], [0, 1], v), {}), expected="a function"),
    size_case("pipeline.metrics.bootstrap_interval", "n_resamples",
              lambda v: (metrics.bootstrap_interval, ([0, 1], [0, 1], metrics.accuracy, v), {}), minimum=10),
    number_case("pipeline.metrics.bootstrap_interval", "confidence",
                lambda v: (metrics.bootstrap_interval, ([0, 1], [0, 1], metrics.accuracy, 10, v), {}),
                minimum=0, maximum=1, min_open=True, max_open=True),
    Case("pipeline.metrics.bootstrap_interval", "shape", "y_pred", st.sampled_from([[0], [0, 1, 1]]),
         lambda v: (metrics.bootstrap_interval, ([0, 1], v), {}), error=ValueError, expected="shape (2,)",
         got=lambda v: f"shape ({len(v)},)"),
]

# baselines and predict
NB = lambda: baselines.NaiveBayesText().fit([["好"], ["差"]], [1, 0])  # noqa: E731
CASES += [
    Case("pipeline.baselines.majority_baseline", "empty", "train_labels", st.just([]),
         lambda v: (baselines.majority_baseline, (v, 3), {}), error=ValueError, expected="at least one label", got="0"),
    size_case("pipeline.baselines.majority_baseline", "n_samples", lambda v: (baselines.majority_baseline, ([0, 1, 1], v), {})),
    number_case("pipeline.baselines.NaiveBayesText", "alpha", lambda v: (baselines.NaiveBayesText, (v,), {}),
                minimum=0, min_open=True),
    size_case("pipeline.baselines.NaiveBayesText", "n_classes", lambda v: (baselines.NaiveBayesText, (1.0, v), {}), minimum=2),
    kind_case("pipeline.baselines.NaiveBayesText.fit", "docs", ["好看", ["好", "看"]],
              lambda v: (baselines.NaiveBayesText().fit, (v, [1, 0]), {}), expected="a list of token lists"),
    Case("pipeline.baselines.NaiveBayesText.fit", "ids", "labels", st.sampled_from([[1, 2], [-1, 0]]),
         lambda v: (baselines.NaiveBayesText().fit, ([["好"], ["差"]], v), {}), error=IndexError,
         expected="class indices in [0, 1]", got=lambda v: str(next(x for x in v if x not in (0, 1)))),
    Case("pipeline.baselines.NaiveBayesText.fit", "empty", "docs", st.just([]),
         lambda v: (baselines.NaiveBayesText().fit, (v, []), {}), error=ValueError, expected="at least one training text",
         got="0"),
    kind_case("pipeline.baselines.NaiveBayesText.predict_proba", "docs", ["好看", ["好", "看"], None],
              lambda v: (NB().predict_proba, (v,), {}), expected="a list of token lists"),
    Case("pipeline.baselines.NaiveBayesText.predict_proba", "kind", "predict_proba", st.just([["好"]]),
         lambda v: (baselines.NaiveBayesText().predict_proba, (v,), {}), error=RuntimeError,
         expected="a fitted model", got="an unfitted one", note="unfitted"),
    kind_case("pipeline.baselines.snownlp_sentiment_baseline", "train_texts", ["好看", None, [["好"]]],
              lambda v: (baselines.snownlp_sentiment_baseline, (v, [1], ["好"]), {}), expected="a list of str"),
    kind_case("pipeline.baselines.snownlp_sentiment_baseline", "test_texts", ["好看", None, [3]],
              lambda v: (baselines.snownlp_sentiment_baseline, (["好"], [1], v), {}), expected="a list of str"),
    Case("pipeline.baselines.snownlp_sentiment_baseline", "ids", "train_labels", st.sampled_from([[2], [-1]]),
         lambda v: (baselines.snownlp_sentiment_baseline, (["好"], v, ["好"]), {}), error=IndexError,
         expected="class indices in [0, 1]", got=lambda v: str(v[0])),
    Case("pipeline.predict.predict_sentiment", "empty", "text", st.sampled_from(["", "   "]),
         lambda v: (predict.predict_sentiment, (v, _model(), VOCAB, SMALL), {}), error=ValueError,
         expected="at least one token", got=lambda v: repr(v)),
    Case("pipeline.predict.predict_sentiment", "tokens", "text", st.sampled_from(["垃圾", "退货"]),
         lambda v: (predict.predict_sentiment, (v, _model(), VOCAB, SMALL), {}), error=ValueError,
         expected="at least one token of the vocabulary", got="tokens are <unk>"),
    kind_case("pipeline.predict.predict_sentiment", "model", [None, "gru"],
              lambda v: (predict.predict_sentiment, ("好", v, VOCAB, SMALL), {}), expected="a torch.nn.Module"),
    kind_case("pipeline.predict.predict_sentiment", "config", [None, "char"],
              lambda v: (predict.predict_sentiment, ("好", _model(), VOCAB, v), {}), expected="a dict of settings"),
    valid_case("pipeline.predict.predict_sentiment", "text", ["好", "很喜欢", "好垃圾"],
               lambda v: (predict.predict_sentiment, (v, _model(), VOCAB, SMALL), {}),
               check=lambda r, v: r[0] in ("negative", "positive") and 0.5 <= r[1] <= 1),
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


# =========================================================================================================
# ---- segmentation: the People's Daily reader, BMES tags, decoding, scores, the character tagger ---------
# =========================================================================================================
from neuralnlp.embeddings.vocab import Vocabulary  # noqa: E402
from neuralnlp.pipeline import people_daily as pd  # noqa: E402
from neuralnlp.pipeline import segmentation as seg  # noqa: E402

_SEG_SENTENCES = [["中国", "人民", "。"], ["人民", "很", "好", "。"]]
_SEG_VOCABULARY = Vocabulary.build("".join("".join(s) for s in _SEG_SENTENCES), specials=["<pad>"], unk="<unk>")


def _seg_tagger(size=len(_SEG_VOCABULARY)):
    torch.manual_seed(0)
    return seg.CharTagger(size, 4, 3, bidirectional=False)


_NOT_WORD_LISTS = ["中国人民", None, 3, [["中国"], ["人民"]]]

CASES += [
    # the reader
    kind_case("pipeline.people_daily.parse_people_daily_line", "line", [None, 3, ["迈向/v"]],
              lambda v: (pd.parse_people_daily_line, (v,), {}), expected="a str of word/tag tokens"),
    Case("pipeline.people_daily.parse_people_daily_line", "kind", "line", st.sampled_from(["迈向", "迈向/v  希望", "/v"]),
         lambda v: (pd.parse_people_daily_line, (v,), {}), error=ValueError, expected="tokens of the form word/tag",
         got="got '", note="untagged"),
    size_case("pipeline.people_daily.people_daily_sentences", "max_sentences",
              lambda n: (pd.people_daily_sentences, (n,), {}), optional=True),
    kind_case("pipeline.people_daily.people_daily_sentences", "path", [3, ["a.txt"]],
              lambda p: (pd.people_daily_sentences, (), {"path": p}), expected="a path"),
    Case("pipeline.people_daily.people_daily_sentences", "kind", "path", st.just("/nonexistent/199801.txt"),
         lambda p: (pd.people_daily_sentences, (), {"path": p}), error=FileNotFoundError,
         expected="an existing file", got="/nonexistent/199801.txt", note="missing"),
    number_case("pipeline.people_daily.people_daily_split", "held_out",
                lambda v: (pd.people_daily_split, (_SEG_SENTENCES * 10, v), {}), minimum=0, maximum=1,
                min_open=True, max_open=True),
    kind_case("pipeline.people_daily.people_daily_split", "sentences", ["中国人民", None, 3],
              lambda v: (pd.people_daily_split, (v,), {}), expected="a list of sentences"),
    Case("pipeline.people_daily.people_daily_split", "empty", "sentences", st.sampled_from([[], [["a"]], [["a"]] * 4]),
         lambda v: (pd.people_daily_split, (v, 0.1), {}), error=ValueError, expected="enough sentences",
         got=lambda v: f"got {len(v)} sentences"),
    valid_case("pipeline.people_daily.people_daily_split", "held_out", [0.5, 0.25],
               lambda v: (pd.people_daily_split, (_SEG_SENTENCES * 2, v), {})),
    # BMES tags
    kind_case("pipeline.segmentation.words_to_bmes", "words", ["中国人民", None, [["中国"]]],
              lambda v: (seg.words_to_bmes, (v,), {}), expected="a sequence of"),
    Case("pipeline.segmentation.words_to_bmes", "empty", "words", st.sampled_from([[""], ["中国", ""]]),
         lambda v: (seg.words_to_bmes, (v,), {}), error=ValueError, expected="non-empty words", got="got ''"),
    valid_case("pipeline.segmentation.words_to_bmes", "words", [[], ["的"], ("中国", "人")],
               lambda v: (seg.words_to_bmes, (v,), {})),
    Case("pipeline.segmentation.bmes_to_words", "kind", "tags",
         st.sampled_from([["B", "S"], ["M", "E"], ["B", "M"], ["S", "X"], ["S"], ["S", "S", "S"]]),
         lambda v: (seg.bmes_to_words, ("中国", v), {}), error=ValueError, expected="", got="", note="rules"),
    kind_case("pipeline.segmentation.bmes_to_words", "tags", ["BE", None, 3],
              lambda v: (seg.bmes_to_words, ("中国", v), {}), expected="a sequence of"),
    kind_case("pipeline.segmentation.bmes_to_words", "chars", [None, 3, [["中"], ["国"]]],
              lambda v: (seg.bmes_to_words, (v, ["B", "E"]), {}), expected="a sequence of"),
    kind_case("pipeline.segmentation.word_spans", "words", ["中国人民", None, [["中国"]]],
              lambda v: (seg.word_spans, (v,), {}), expected="a sequence of"),
    Case("pipeline.segmentation.word_spans", "empty", "words", st.just(["中国", ""]),
         lambda v: (seg.word_spans, (v,), {}), error=ValueError, expected="non-empty words", got="got ''"),
    # scores
    kind_case("pipeline.segmentation.segmentation_scores", "gold", ["中国", None, ["中国", "人民"]],
              lambda v: (seg.segmentation_scores, (v, [["中国"]]), {}), expected="a list of token lists"),
    kind_case("pipeline.segmentation.segmentation_scores", "predicted", ["中国", None, ["中国"]],
              lambda v: (seg.segmentation_scores, ([["中国"]], v), {}), expected="a list of token lists"),
    Case("pipeline.segmentation.segmentation_scores", "shape", "predicted",
         st.sampled_from([[["中华"]], [["中", "国"], ["人"]], [["中国人"]]]),
         lambda v: (seg.segmentation_scores, ([["中国"]], v), {}), error=ValueError, expected="", got=""),
    Case("pipeline.segmentation.segmentation_scores", "empty", "gold", st.just([]),
         lambda v: (seg.segmentation_scores, (v, []), {}), error=ValueError, expected="at least one sentence",
         got="an empty list"),
    # decoding
    kind_case("pipeline.segmentation.constrained_decode", "scores", [None, [[0.0] * 4]],
              lambda v: (seg.constrained_decode, (v,), {}), expected="a floating-point torch.Tensor"),
    Case("pipeline.segmentation.constrained_decode", "dtype", "scores", st.sampled_from([torch.long, torch.bool]),
         lambda t: (seg.constrained_decode, (torch.zeros(2, 4, dtype=t),), {}), error=TypeError,
         expected="a floating-point tensor", got=lambda t: f"dtype {t}"),
    Case("pipeline.segmentation.constrained_decode", "shape", "scores", st.sampled_from([(2, 3), (2, 0, 4), (0, 4), (4,)]),
         lambda s: (seg.constrained_decode, (torch.zeros(s),), {}), error=ValueError, expected="shape (batch, seq, 4)",
         got=lambda s: f"shape {s}"),
    Case("pipeline.segmentation.constrained_decode", "shape", "lengths", st.sampled_from([[3], [3, 3, 3], [[3, 3]]]),
         lambda v: (seg.constrained_decode, (torch.zeros(2, 3, 4), torch.tensor(v)), {}), error=ValueError,
         expected="shape (2,)", got="got shape"),
    Case("pipeline.segmentation.constrained_decode", "empty", "lengths", st.sampled_from([[0, 3], [3, 0]]),
         lambda v: (seg.constrained_decode, (torch.zeros(2, 3, 4), torch.tensor(v)), {}), error=ValueError,
         expected="every length in [1, 3]", got="got 0"),
    Case("pipeline.segmentation.constrained_decode", "size", "lengths", st.sampled_from([[4, 3], [3, -1]]),
         lambda v: (seg.constrained_decode, (torch.zeros(2, 3, 4), torch.tensor(v)), {}), error=ValueError,
         expected="every length in [1, 3]", got="got "),
    # the tagger
    size_case("pipeline.segmentation.CharTagger", "vocabulary_size", lambda n: (seg.CharTagger, (n, 4, 3), {})),
    size_case("pipeline.segmentation.CharTagger", "embedding_dim", lambda n: (seg.CharTagger, (5, n, 3), {})),
    size_case("pipeline.segmentation.CharTagger", "hidden_size", lambda n: (seg.CharTagger, (5, 4, n), {})),
    kind_case("pipeline.segmentation.CharTagger", "bidirectional", ["yes", None, 1],
              lambda v: (seg.CharTagger, (5, 4, 3), {"bidirectional": v}), expected="True or False"),
    Case("pipeline.segmentation.CharTagger.forward", "ids", "ids", st.sampled_from([[[1, 9]], [[-1, 2]]]),
         lambda v: (_seg_tagger(9), (torch.tensor(v), torch.tensor([2])), {}), error=IndexError,
         expected="in [0, 8]", got="got "),
    Case("pipeline.segmentation.CharTagger.forward", "ids", "ids", st.sampled_from([torch.float32, torch.bool]),
         lambda t: (_seg_tagger(9), (torch.zeros(1, 2, dtype=t), torch.tensor([2])), {}), error=TypeError,
         expected="integer", got=lambda t: f"dtype {t}", note="dtype"),
    Case("pipeline.segmentation.CharTagger.forward", "shape", "ids", st.sampled_from([(3,), (1, 0), (1, 2, 2)]),
         lambda s: (_seg_tagger(9), (torch.zeros(s, dtype=torch.long), torch.tensor([1])), {}), error=ValueError,
         expected="shape (batch, seq)", got=lambda s: f"shape {s}"),
    Case("pipeline.segmentation.CharTagger.forward", "empty", "lengths", st.sampled_from([[0], [2, 2]]),
         lambda v: (_seg_tagger(9), (torch.ones(1, 2, dtype=torch.long), torch.tensor(v)), {}), error=ValueError,
         expected="", got=""),
    Case("pipeline.segmentation.CharTagger.loss", "ids", "tags", st.sampled_from([[[0, 4]], [[-1, 0]]]),
         lambda v: (_seg_tagger(9).loss, (torch.ones(1, 2, dtype=torch.long), torch.tensor(v), torch.tensor([2])), {}),
         error=IndexError, expected="in [0, 3]", got="got "),
    Case("pipeline.segmentation.CharTagger.loss", "shape", "tags", st.sampled_from([(1, 3), (2,), (2, 2)]),
         lambda s: (_seg_tagger(9).loss, (torch.ones(1, 2, dtype=torch.long), torch.zeros(s, dtype=torch.long),
                                     torch.tensor([2])), {}),
         error=ValueError, expected="shape (1, 2)", got=lambda s: f"shape {s}"),
    # training and segmenting
    kind_case("pipeline.segmentation.train_char_tagger", "model", [None, torch.nn.Linear(2, 2)],
              lambda m: (seg.train_char_tagger, (m, _SEG_VOCABULARY, _SEG_SENTENCES), {"epochs": 1}),
              expected="a CharTagger"),
    kind_case("pipeline.segmentation.train_char_tagger", "vocabulary",
              [None, {"中": 1}, Vocabulary.build("中国人民很好。")],
              lambda v: (seg.train_char_tagger, (_seg_tagger(), v, _SEG_SENTENCES), {"epochs": 1}),
              expected="a Vocabulary with '<pad>' at id 0"),
    Case("pipeline.segmentation.train_char_tagger", "shape", "vocabulary", st.just(3),
         lambda n: (seg.train_char_tagger, (_seg_tagger(n), _SEG_VOCABULARY, _SEG_SENTENCES), {"epochs": 1}),
         error=ValueError, expected="3 ids", got=f"a vocabulary of {len(_SEG_VOCABULARY)}"),
    kind_case("pipeline.segmentation.train_char_tagger", "sentences", ["中国人民", None, ["中国", "人民"]],
              lambda v: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, v), {"epochs": 1}),
              expected="a list of token lists"),
    Case("pipeline.segmentation.train_char_tagger", "empty", "sentences", st.sampled_from([[], [[]], [["中国", ""]]]),
         lambda v: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, v), {"epochs": 1}), error=ValueError,
         expected="", got=""),
    size_case("pipeline.segmentation.train_char_tagger", "epochs",
              lambda n: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, _SEG_SENTENCES), {"epochs": n})),
    size_case("pipeline.segmentation.train_char_tagger", "batch_size",
              lambda n: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, _SEG_SENTENCES),
                         {"epochs": 1, "batch_size": n})),
    number_case("pipeline.segmentation.train_char_tagger", "lr",
                lambda v: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, _SEG_SENTENCES),
                           {"epochs": 1, "lr": v}), minimum=0, min_open=True),
    kind_case("pipeline.segmentation.segment", "model", [None, torch.nn.Linear(2, 2)],
              lambda m: (seg.segment, (m, _SEG_VOCABULARY, ["中国"]), {}), expected="a CharTagger"),
    kind_case("pipeline.segmentation.segment", "texts", ["中国", None, [["中国"]]],
              lambda v: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, v), {}), expected="a list of str"),
    Case("pipeline.segmentation.segment", "empty", "texts", st.sampled_from([[""], ["中国", ""]]),
         lambda v: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, v), {}), error=ValueError,
         expected="non-empty texts", got="got ''"),
    size_case("pipeline.segmentation.segment", "batch_size",
              lambda n: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, ["中国"]), {"batch_size": n})),
    valid_case("pipeline.segmentation.segment", "texts", [[], ["猫"], ("中国人民", "很好")],
               lambda v: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, v), {}),
               check=lambda words, v: ["".join(w) for w in words] == list(v)),
    kind_case("pipeline.segmentation.jieba_segment", "texts", ["中国", None, [["中国"]]],
              lambda v: (seg.jieba_segment, (v,), {}), expected="a list of str"),
    Case("pipeline.segmentation.jieba_segment", "empty", "texts", st.just(["中国", ""]),
         lambda v: (seg.jieba_segment, (v,), {}), error=ValueError, expected="non-empty texts", got="got ''"),
    kind_case("pipeline.segmentation.jieba_segment", "ascii_digits", ["yes", None, 1],
              lambda v: (seg.jieba_segment, (["中国"],), {"ascii_digits": v}), expected="True or False"),
    kind_case("pipeline.segmentation.half_width", "text", [None, 3, ["１"]],
              lambda v: (seg.half_width, (v,), {}), expected="a str"),
    kind_case("pipeline.segmentation.segmentation_disagreements", "gold", ["中国", None],
              lambda v: (seg.segmentation_disagreements, (v, [["中国"]]), {}), expected="a list of token lists"),
    Case("pipeline.segmentation.segmentation_disagreements", "shape", "predicted",
         st.sampled_from([[["中华"]], [["中", "国"], ["人"]]]),
         lambda v: (seg.segmentation_disagreements, ([["中国"]], v), {}), error=ValueError, expected="", got=""),
    kind_case("pipeline.people_daily.tag_group", "tags", ["nr", None, [["nr"]], [3]],
              lambda v: (pd.tag_group, (v,), {}), expected="a sequence of",
              got=lambda v: "int" if v == [3] else type(v).__name__),
    kind_case("pipeline.people_daily.parse_people_daily_line", "tags", ["yes", None],
              lambda v: (pd.parse_people_daily_line, ("迈向/v",), {"tags": v}), expected="True or False"),
    kind_case("pipeline.people_daily.people_daily_sentences", "tags", ["yes", None],
              lambda v: (pd.people_daily_sentences, (1,), {"tags": v}), expected="True or False"),
    kind_case("pipeline.segmentation.jieba_segment", "hmm", ["yes", None, 1],
              lambda v: (seg.jieba_segment, (["中国"],), {"hmm": v}), expected="True or False"),
]
# ---- end of the segmentation block ------------------------------------------------------------------------
