"""Bad-input cases for ``neuralnlp.search.exact``: the exact index, its function form and 2 − 2 cos."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from bad_input_harness import Case, finite_case, float_dtype_case, kind_case, size_case, valid_case
from neuralnlp.search import exact

CASES: list[Case] = []

X = np.array([[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [1.0, 1.0, 0.0]])  # three stored rows, d = 3


def _index(rows=X, chunk_rows=2):
    index = exact.ExactIndex(3, chunk_rows=chunk_rows)
    if len(rows):
        index.add(rows)
    return index


def _with_zero_row(row):
    x = np.ones((3, 3))
    x[row] = 0.0
    return x


def _search_with_chunk(chunk_rows):
    index = _index()
    index.chunk_rows = chunk_rows  # a plain attribute, validated when searching
    return index.search(X, 1)


SHAPES = st.sampled_from([(2, 4), (3,), (2, 3, 1), (0, 3)])


def _shape_got(shape):
    return f"shape {shape}"


CASES += [
    size_case("search.exact.ExactIndex", "dim", lambda d: (exact.ExactIndex, (d,), {})),
    size_case("search.exact.ExactIndex", "chunk_rows", lambda c: (exact.ExactIndex, (3,), {"chunk_rows": c})),
    finite_case("search.exact.ExactIndex.add", "vectors", (2, 3), lambda v: (_index().add, (v,), {})),
    Case("search.exact.ExactIndex.add", "shape", "vectors", SHAPES, lambda s: (_index().add, (np.ones(s),), {}),
         error=ValueError, expected="", got=_shape_got),
    float_dtype_case("search.exact.ExactIndex.add", "vectors", (2, 3), lambda v: (_index().add, (v,), {})),
    Case("search.exact.ExactIndex.add", "kind", "vectors", st.sampled_from([0, 1, 2]),
         lambda row: (_index().add, (_with_zero_row(row),), {}), error=ValueError, expected="vectors with at least one non-zero value",
         got=lambda row: f"an all-zero row at index {row}", note="zero"),
    valid_case("search.exact.ExactIndex.add", "vectors", [X, X.astype(np.float32), X.tolist(), 1e30 * X],
               lambda v: (_index(()).add, (v,), {})),
    finite_case("search.exact.ExactIndex.search", "queries", (2, 3), lambda q: (_index().search, (q, 1), {})),
    Case("search.exact.ExactIndex.search", "shape", "queries", SHAPES, lambda s: (_index().search, (np.ones(s), 1), {}),
         error=ValueError, expected="", got=_shape_got),
    float_dtype_case("search.exact.ExactIndex.search", "queries", (2, 3), lambda q: (_index().search, (q, 1), {})),
    size_case("search.exact.ExactIndex.search", "k", lambda k: (_index().search, (X, k), {})),
    Case("search.exact.ExactIndex.search", "empty", "index", st.just(1),
         lambda k: (_index(()).search, (X, k), {}), error=ValueError, expected="at least one stored vector",
         got="an empty index"),
    Case("search.exact.ExactIndex.search", "size", "chunk_rows", st.sampled_from([0, -3, 2.5, None]),
         lambda c: (_search_with_chunk, (c,), {}),
         error=lambda c: ValueError if isinstance(c, int) else TypeError,
         expected=lambda c: "an integer >= 1", got=lambda c: str(c) if isinstance(c, int) else type(c).__name__,
         note="attribute"),
    valid_case("search.exact.ExactIndex.search", "k", [1, 3, 5, np.int64(2)], lambda k: (_index().search, (X, k), {}),
               check=lambda out, k: out[1].shape == (3, k) and (out[1][:, 3:] == -1).all()),
]



CASES += [
    finite_case("search.exact.exact_search", "queries", (2, 3), lambda q: (exact.exact_search, (q, X, 1), {})),
    finite_case("search.exact.exact_search", "vectors", (2, 3), lambda v: (exact.exact_search, (X, v, 1), {})),
    Case("search.exact.exact_search", "shape", "vectors", st.sampled_from([(3,), (2, 3, 1), (0, 3)]), lambda s: (exact.exact_search, (X, np.ones(s), 1), {}),
         error=ValueError, expected="", got=_shape_got),
    Case("search.exact.exact_search", "shape", "queries", st.sampled_from([(2, 4), (3,), (0, 3)]),
         lambda s: (exact.exact_search, (np.ones(s), X, 1), {}), error=ValueError, expected="", got=_shape_got),
    float_dtype_case("search.exact.exact_search", "vectors", (2, 3), lambda v: (exact.exact_search, (X, v, 1), {})),
    size_case("search.exact.exact_search", "k", lambda k: (exact.exact_search, (X, X, k), {})),
    size_case("search.exact.exact_search", "chunk_rows", lambda c: (exact.exact_search, (X, X, 1), {"chunk_rows": c})),
    Case("search.exact.exact_search", "kind", "queries", st.sampled_from([0, 2]),
         lambda row: (exact.exact_search, (_with_zero_row(row), X, 1), {}), error=ValueError,
         expected="vectors with at least one non-zero value", got=lambda row: f"an all-zero row at index {row}", note="zero"),
    valid_case("search.exact.exact_search", "chunk_rows", [1, 2, 3, 10**9],
               lambda c: (exact.exact_search, (X, X, 3), {"chunk_rows": c}),
               check=lambda out, _: out[1][:, 0].tolist() == [0, 1, 2]),
]

CASES += [
    float_dtype_case("search.exact.squared_distance_from_cosine", "cosine", (4,),
                     lambda c: (exact.squared_distance_from_cosine, (c,), {})),
    finite_case("search.exact.squared_distance_from_cosine", "cosine", (2, 2),
                lambda c: (exact.squared_distance_from_cosine, (c,), {})),
    kind_case("search.exact.squared_distance_from_cosine", "cosine", ["0.5", None],
              lambda c: (exact.squared_distance_from_cosine, (c,), {}), expected="a floating-point array",
              got=lambda c: "str" if isinstance(c, str) else "None"),
    valid_case("search.exact.squared_distance_from_cosine", "cosine", [np.array([1.0, -1.0]), np.float64(0.5)],
               lambda c: (exact.squared_distance_from_cosine, (c,), {})),
]
