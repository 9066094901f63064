"""Bad-input cases for ``neuralnlp.search``'s shared pieces: recall@k and the synthetic vectors.

The indexes, the database wrapper, the analogies and the encoders have their own files
(``bad_input_cases_search_<part>.py``), so that each part of the chapter keeps its cases beside it.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from bad_input_harness import Case, finite_case, kind_case, number_case, size_case, valid_case
from neuralnlp.search import recall, synthetic

CASES: list[Case] = []

EXACT = np.array([[0, 1, 2], [3, 4, 5]])

CASES += [
    kind_case("search.recall.recall_at_k", "found", [np.array([[0.5, 1, 2], [3, 4, 5]]), np.array([[True] * 3] * 2)],
              lambda f: (recall.recall_at_k, (f, EXACT), {}), expected="integer ids", got=lambda f: f"dtype {f.dtype}"),
    Case("search.recall.recall_at_k", "shape", "found", st.sampled_from([np.array([0, 1, 2]), np.zeros((3, 3), int)]),
         lambda f: (recall.recall_at_k, (f, EXACT), {}), error=ValueError,
         expected=lambda f: "a non-empty (queries, k) matrix of ids" if f.ndim == 1 else "2 rows, one per query of exact",
         got=lambda f: f"shape {f.shape}" if f.ndim == 1 else "3"),
    Case("search.recall.recall_at_k", "ids", "exact", st.sampled_from([np.array([[0, -2, 1]]), np.array([[-5]])]),
         lambda e: (recall.recall_at_k, (np.zeros_like(e), e), {}), error=ValueError,
         expected="ids >= 0, or -1 for a missing result", got=lambda e: str(e.min())),
    size_case("search.recall.recall_at_k", "k", lambda k: (recall.recall_at_k, (EXACT, EXACT, k), {}),
              maximum=3, optional=True),
    valid_case("search.recall.recall_at_k", "found", [np.array([[0, 1, -1], [5, 4, 3]])],
               lambda f: (recall.recall_at_k, (f, EXACT), {}), check=lambda out, _: abs(out - 5 / 6) < 1e-12),
    size_case("search.recall.recall_per_query", "k", lambda k: (recall.recall_per_query, (EXACT, EXACT, k), {}),
              maximum=3, optional=True),
    kind_case("search.recall.recall_per_query", "exact", [np.array([[0.0, 1.0, 2.0]] * 2)],
              lambda e: (recall.recall_per_query, (EXACT, e), {}), expected="integer ids", got=lambda e: f"dtype {e.dtype}"),
]

CASES += [
    size_case("search.synthetic.synthetic_vectors", "n", lambda n: (synthetic.synthetic_vectors, (n, 4), {"clusters": 1})),
    size_case("search.synthetic.synthetic_vectors", "dim", lambda d: (synthetic.synthetic_vectors, (10, d), {"clusters": 2})),
    size_case("search.synthetic.synthetic_vectors", "clusters",
              lambda c: (synthetic.synthetic_vectors, (10, 4), {"clusters": c}), maximum=10),
    number_case("search.synthetic.synthetic_vectors", "spread",
                lambda s: (synthetic.synthetic_vectors, (10, 4), {"clusters": 2, "spread": s}), minimum=0),
    size_case("search.synthetic.synthetic_vectors", "chunk",
              lambda c: (synthetic.synthetic_vectors, (10, 4), {"clusters": 2, "chunk": c})),
    valid_case("search.synthetic.synthetic_vectors", "chunk", [1, 3, 10, 10**6],
               lambda c: (synthetic.synthetic_vectors, (10, 4), {"clusters": 2, "chunk": c}),
               check=lambda out, _: out.shape == (10, 4)),
]

from neuralnlp.search import vectors  # noqa: E402  (kept beside its cases)

CASES += [
    Case("search.vectors.unit_rows", "shape", "x", st.sampled_from([np.ones(3), np.zeros((0, 3)), np.ones((2, 3, 1))]),
         lambda x: (vectors.unit_rows, (x, "x"), {}), error=ValueError,
         expected="a 2-D array of shape (n, d) with at least one row", got=lambda x: f"shape {x.shape}"),
    Case("search.vectors.unit_rows", "shape", "x", st.just(np.ones((2, 4))),
         lambda x: (vectors.unit_rows, (x, "x", 3), {}), error=ValueError, expected="3", got="4", note="dim"),
    finite_case("search.vectors.unit_rows", "x", (3, 2), lambda x: (vectors.unit_rows, (x, "x"), {})),
    Case("search.vectors.unit_rows", "kind", "x", st.sampled_from([np.zeros((2, 3)), np.array([[1.0, 2.0], [0.0, 0.0]])]),
         lambda x: (vectors.unit_rows, (x, "x"), {}), error=ValueError,
         expected="vectors with at least one non-zero value", got="an all-zero row", note="zero row"),
    kind_case("search.vectors.unit_rows", "x", [np.ones((2, 2), dtype=int), [["a", "b"]]],
              lambda x: (vectors.unit_rows, (x, "x"), {}), expected="", got=lambda x: ""),
    valid_case("search.vectors.unit_rows", "x", [np.array([[3e30, 4e30]], dtype=np.float32), np.array([[3e-40, 4e-40]])],
               lambda x: (vectors.unit_rows, (x, "x"), {}), check=lambda out, _: np.allclose(out, [[0.6, 0.8]])),
    Case("search.vectors.as_vector_rows", "shape", "x", st.sampled_from([np.ones(3), np.zeros((0, 3))]),
         lambda x: (vectors.as_vector_rows, (x, "x"), {}), error=ValueError,
         expected="a 2-D array of shape (n, d) with at least one row", got=lambda x: f"shape {x.shape}"),
    finite_case("search.vectors.as_vector_rows", "x", (3, 2), lambda x: (vectors.as_vector_rows, (x, "x"), {})),
    valid_case("search.vectors.as_vector_rows", "x", [np.zeros((1, 2))], lambda x: (vectors.as_vector_rows, (x, "x"), {}),
               check=lambda out, _: out.shape == (1, 2)),
]
