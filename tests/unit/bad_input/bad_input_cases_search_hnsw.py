"""Bad-input cases for ``neuralnlp.search.hnsw``: the HNSW index's constructor, add, search and its two
inspection methods (search_trace, neighbours)."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from bad_input_harness import (Case, finite_case, float_dtype_case, kind_case, size_case, valid_case)
from neuralnlp.search import hnsw

CASES: list[Case] = []
D = 4
BASE = np.random.default_rng(0).standard_normal((30, D))


def built(ef_search: int = 16) -> hnsw.HNSWIndex:
    index = hnsw.HNSWIndex(D, M=4, ef_construction=8, ef_search=ef_search)
    index.add(BASE)
    return index


def with_ef(ef):
    index = built()
    index.ef_search = ef  # a plain attribute: checked when the search runs
    return index


NAME = "search.hnsw.HNSWIndex"
CASES += [
    size_case(NAME, "dim", lambda d: (hnsw.HNSWIndex, (d,), {})),
    size_case(NAME, "M", lambda m: (hnsw.HNSWIndex, (D,), {"M": m}), minimum=2),
    size_case(NAME, "ef_construction", lambda e: (hnsw.HNSWIndex, (D,), {"ef_construction": e})),
    size_case(NAME, "ef_search", lambda e: (hnsw.HNSWIndex, (D,), {"ef_search": e})),
    Case(NAME, "kind", "selection", st.sampled_from(["greedy", "Heuristic", "", None, 4]),
         lambda s: (hnsw.HNSWIndex, (D,), {"selection": s}), error=ValueError,
         expected="'heuristic' or 'simple'", got=lambda s: repr(s) if isinstance(s, str) else type(s).__name__),
    kind_case(NAME, "seed", ["0", 1.5, [0]], lambda s: (hnsw.HNSWIndex, (D,), {"seed": s}),
              expected="an int", got=lambda s: type(s).__name__),
    valid_case(NAME, "M", [2, 3, np.int64(16)], lambda m: (hnsw.HNSWIndex, (D,), {"M": m}),
               check=lambda index, m: index.M0 == 2 * int(m)),
]

NAME = "search.hnsw.HNSWIndex.add"
CASES += [
    Case(NAME, "shape", "vectors", st.sampled_from([np.ones(D), np.ones((3, D + 1)), np.ones((0, D)),
                                                    np.ones((2, 1, D))]),
         lambda v: (hnsw.HNSWIndex(D).add, (v,), {}), error=ValueError,
         expected=lambda v: (f"a 2-D array of shape (n, {D})" if v.ndim != 2 else
                             "at least one row" if len(v) == 0 else f"shape (..., {D})"),
         got=lambda v: f"shape {v.shape}"),
    finite_case(NAME, "vectors", (5, D), lambda v: (hnsw.HNSWIndex(D).add, (v,), {})),
    float_dtype_case(NAME, "vectors", (3, D), lambda v: (hnsw.HNSWIndex(D).add, (v,), {})),
    Case(NAME, "number", "vectors", st.integers(0, 4).map(lambda r: np.vstack([np.ones((r, D)), np.zeros((1, D))])),
         lambda v: (hnsw.HNSWIndex(D).add, (v,), {}), error=ValueError,
         expected="vectors with at least one non-zero value", got=lambda v: f"an all-zero row at index {len(v) - 1}"),
    valid_case(NAME, "vectors", [BASE[:1], BASE, BASE.astype(np.float32)],
               lambda v: (hnsw.HNSWIndex(D).add, (v,), {})),
]

NAME = "search.hnsw.HNSWIndex.search"
CASES += [
    size_case(NAME, "k", lambda k: (built().search, (BASE[:2], k), {}), optional=True),
    Case(NAME, "shape", "queries", st.sampled_from([np.ones(D), np.ones((2, D - 1)), np.ones((0, D))]),
         lambda q: (built().search, (q, 3), {}), error=ValueError,
         expected=lambda q: (f"a 2-D array of shape (n, {D})" if q.ndim != 2 else
                             "at least one row" if len(q) == 0 else f"shape (..., {D})"),
         got=lambda q: f"shape {q.shape}"),
    finite_case(NAME, "queries", (2, D), lambda q: (built().search, (q, 3), {})),
    Case(NAME, "empty", "index", st.just(np.ones((1, D))), lambda q: (hnsw.HNSWIndex(D).search, (q, 1), {}),
         error=ValueError, expected="at least one stored vector", got="an empty index"),
    size_case(NAME, "ef_search", lambda e: (with_ef(e).search, (BASE[:2], 3), {})),
    valid_case(NAME, "k", [1, 10, 30, 50], lambda k: (built().search, (BASE[:2], k), {}),
               check=lambda out, k: out[1].shape == (2, k) and (out[1][:, 30:] == -1).all()),
]

NAME = "search.hnsw.HNSWIndex.search_trace"
CASES += [
    size_case(NAME, "k", lambda k: (built().search_trace, (BASE[0], k), {}), optional=True),
    Case(NAME, "shape", "query", st.sampled_from([np.ones((2, D)), np.ones(D + 2)]),
         lambda q: (built().search_trace, (q, 3), {}), error=ValueError,
         expected=lambda q: "one vector" if q.ndim == 2 else f"shape (..., {D})",
         got=lambda q: "2" if q.ndim == 2 else f"shape (1, {D + 2})"),
    finite_case(NAME, "query", (D,), lambda q: (built().search_trace, (q, 3), {})),
    valid_case(NAME, "query", [BASE[0], BASE[:1]], lambda q: (built().search_trace, (q, 3), {}),
               check=lambda out, _: out[0][-1][0] == 0 and out[1][0] == 0),
]

NAME = "search.hnsw.HNSWIndex.neighbours"
CASES += [
    size_case(NAME, "node", lambda n: (built().neighbours, (n,), {}), minimum=0, maximum=29, optional=True),
    size_case(NAME, "layer", lambda layer: (built().neighbours, (0, layer), {}), minimum=0, optional=True),
    valid_case(NAME, "layer", [0, 1, 50], lambda layer: (built().neighbours, (0, layer), {}),
               check=lambda out, _: out.dtype == np.int64 and 0 not in out),
]
