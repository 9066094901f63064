"""Bad-input cases for ``neuralnlp.search``'s IVF part: spherical k-means and the IVF index.

Every path into the index checks its vectors the same way (floats, shape (n, d), finite, no zero
row), and every search checks the state the index is in (trained, not empty) and its plain
attribute ``nprobe``, since a reader may set it to anything between searches.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from bad_input_harness import (Case, finite_case, float_dtype_case, kind_case, number_case, size_case,
                               valid_case)
from neuralnlp.search import ivf, kmeans

CASES: list[Case] = []

X = np.array([[1.0, 0.0, 0.0], [0.9, 0.1, 0.0], [0.0, 1.0, 0.0], [0.0, 0.9, 0.1], [0.0, 0.0, 1.0], [0.1, 0.0, 0.9]])
C = np.eye(3)


def trained(nlist: int = 3, nprobe: int = 1):
    index = ivf.IVFIndex(3, nlist, nprobe=nprobe)
    index.set_centroids(C[:nlist])
    return index


def filled(nprobe: int = 1):
    index = trained(nprobe=nprobe)
    index.add(X)
    return index


def with_zero_row(row: int) -> np.ndarray:
    x = X.copy()
    x[row] = 0.0
    return x


def wrong_shapes(d: int = 3):
    return st.sampled_from([np.zeros((2, d + 1)), np.zeros((2, d - 1)), np.ones(d), np.ones((1, 2, d)),
                            np.zeros((0, d))])


def shape_expected(a) -> str:
    if a.ndim == 2 and a.shape[0] == 0:
        return "at least one row"
    return "shape (n, 3)" if a.ndim != 2 else "shape (..., 3)"


ZERO_ROWS = st.integers(0, len(X) - 1)

# ---- kmeans.nearest_centroid and kmeans.spherical_kmeans ------------------------------------------------------------------

CASES += [
    float_dtype_case("search.kmeans.nearest_centroid", "vectors", (4, 3), lambda v: (kmeans.nearest_centroid, (v, C), {})),
    float_dtype_case("search.kmeans.nearest_centroid", "centroids", (2, 3), lambda c: (kmeans.nearest_centroid, (X, c), {})),
    finite_case("search.kmeans.nearest_centroid", "vectors", (4, 3), lambda v: (kmeans.nearest_centroid, (v, C), {})),
    finite_case("search.kmeans.nearest_centroid", "centroids", (2, 3), lambda c: (kmeans.nearest_centroid, (X, c), {})),
    Case("search.kmeans.nearest_centroid", "shape", "vectors", wrong_shapes(), lambda v: (kmeans.nearest_centroid, (v, C), {}),
         error=ValueError, expected=shape_expected, got=lambda v: f"shape {v.shape}"),
    size_case("search.kmeans.nearest_centroid", "chunk", lambda c: (kmeans.nearest_centroid, (X, C), {"chunk": c})),
    valid_case("search.kmeans.nearest_centroid", "chunk", [1, 2, 6, 10**6], lambda c: (kmeans.nearest_centroid, (X, C), {"chunk": c}),
               check=lambda out, _: out[0].tolist() == [0, 0, 1, 1, 2, 2]),
    float_dtype_case("search.kmeans.spherical_kmeans", "vectors", (6, 3), lambda v: (kmeans.spherical_kmeans, (v, 2), {})),
    finite_case("search.kmeans.spherical_kmeans", "vectors", (6, 3), lambda v: (kmeans.spherical_kmeans, (v, 2), {})),
    Case("search.kmeans.spherical_kmeans", "shape", "vectors", st.sampled_from([np.ones(3), np.ones((1, 2, 3)), np.zeros((0, 3))]),
         lambda v: (kmeans.spherical_kmeans, (v, 1), {}),
         error=ValueError, expected=lambda v: "at least one row" if v.size == 0 and v.ndim == 2 else "shape (n, d)",
         got=lambda v: f"shape {v.shape}", note="no d to compare with"),
    Case("search.kmeans.spherical_kmeans", "shape", "vectors", ZERO_ROWS, lambda r: (kmeans.spherical_kmeans, (with_zero_row(r), 2), {}),
         error=ValueError, expected="vectors with at least one non-zero value", got=lambda r: f"an all-zero row at index {r}",
         note="zero row"),
    size_case("search.kmeans.spherical_kmeans", "k", lambda k: (kmeans.spherical_kmeans, (X, k), {}), maximum=6),
    size_case("search.kmeans.spherical_kmeans", "iterations", lambda i: (kmeans.spherical_kmeans, (X, 2), {"iterations": i}), minimum=0),
    size_case("search.kmeans.spherical_kmeans", "chunk", lambda c: (kmeans.spherical_kmeans, (X, 2), {"chunk": c})),
    kind_case("search.kmeans.spherical_kmeans", "seed", ["0", 1.5, [0]], lambda s: (kmeans.spherical_kmeans, (X, 2), {"seed": s}),
              expected="a seed (an integer >= 0), a numpy.random.Generator or None"),
    kind_case("search.kmeans.spherical_kmeans", "init", ["kmeans++", "k-means", "Random"],
              lambda i: (kmeans.spherical_kmeans, (X, 2), {"init": i}), error=ValueError,
              expected="'k-means++' or 'random'", got=lambda i: repr(i)),
    valid_case("search.kmeans.spherical_kmeans", "k", [1, 3, 6], lambda k: (kmeans.spherical_kmeans, (X, k), {}),
               check=lambda out, k: out[0].shape == (k, 3) and len(set(out[1].tolist())) == k),
]

# ---- ivf.IVFIndex ---------------------------------------------------------------------------------------

CASES += [
    size_case("search.ivf.IVFIndex", "dim", lambda d: (ivf.IVFIndex, (d, 4), {})),
    size_case("search.ivf.IVFIndex", "nlist", lambda n: (ivf.IVFIndex, (3, n), {})),
    size_case("search.ivf.IVFIndex", "nprobe", lambda p: (ivf.IVFIndex, (3, 4), {"nprobe": p}), maximum=4),
    size_case("search.ivf.IVFIndex", "seed", lambda s: (ivf.IVFIndex, (3, 4), {"seed": s}), minimum=0),
    float_dtype_case("search.ivf.IVFIndex.train", "vectors", (6, 3), lambda v: (ivf.IVFIndex(3, 2).train, (v,), {})),
    finite_case("search.ivf.IVFIndex.train", "vectors", (6, 3), lambda v: (ivf.IVFIndex(3, 2).train, (v,), {})),
    Case("search.ivf.IVFIndex.train", "shape", "vectors", wrong_shapes(), lambda v: (ivf.IVFIndex(3, 1).train, (v,), {}),
         error=ValueError, expected=shape_expected, got=lambda v: f"shape {v.shape}"),
    Case("search.ivf.IVFIndex.train", "size", "vectors", st.integers(1, 3),
         lambda n: (ivf.IVFIndex(3, 4).train, (X[:n],), {}), error=ValueError,
         expected="at least nlist = 4 training vectors", got=lambda n: f"got {n}", note="fewer than nlist"),
    size_case("search.ivf.IVFIndex.train", "iterations", lambda i: (ivf.IVFIndex(3, 2).train, (X, i), {}), minimum=0),
    float_dtype_case("search.ivf.IVFIndex.set_centroids", "centroids", (3, 3),
                     lambda c: (ivf.IVFIndex(3, 3).set_centroids, (c,), {})),
    finite_case("search.ivf.IVFIndex.set_centroids", "centroids", (3, 3),
                lambda c: (ivf.IVFIndex(3, 3).set_centroids, (c,), {})),
    Case("search.ivf.IVFIndex.set_centroids", "shape", "centroids", st.sampled_from([np.eye(3)[:2], np.ones((4, 3))]),
         lambda c: (ivf.IVFIndex(3, 3).set_centroids, (c,), {}), error=ValueError,
         expected="shape (3, 3), one per list", got=lambda c: f"shape {c.shape}"),
    Case("search.ivf.IVFIndex.set_centroids", "shape", "centroids", st.integers(0, 2),
         lambda r: (ivf.IVFIndex(3, 3).set_centroids, (with_zero_row(r)[:3] if r else np.zeros((3, 3)),), {}),
         error=ValueError, expected="vectors with at least one non-zero value", got="an all-zero row", note="zero row"),
    Case("search.ivf.IVFIndex.set_centroids", "empty", "centroids", st.just(C),
         lambda c: (filled().set_centroids, (c,), {}), error=ValueError, expected="an empty index",
         got="6 stored vectors", note="after add"),
    float_dtype_case("search.ivf.IVFIndex.add", "vectors", (2, 3), lambda v: (trained().add, (v,), {})),
    finite_case("search.ivf.IVFIndex.add", "vectors", (2, 3), lambda v: (trained().add, (v,), {})),
    Case("search.ivf.IVFIndex.add", "shape", "vectors", wrong_shapes(), lambda v: (trained().add, (v,), {}),
         error=ValueError, expected=shape_expected, got=lambda v: f"shape {v.shape}"),
    Case("search.ivf.IVFIndex.add", "shape", "vectors", ZERO_ROWS, lambda r: (trained().add, (with_zero_row(r),), {}),
         error=ValueError, expected="vectors with at least one non-zero value", got=lambda r: f"an all-zero row at index {r}", note="zero row"),
    Case("search.ivf.IVFIndex.add", "empty", "vectors", st.just(X), lambda v: (ivf.IVFIndex(3, 3).add, (v,), {}),
         error=ValueError, expected="a trained index", got="an untrained IVFIndex", note="untrained"),
    float_dtype_case("search.ivf.IVFIndex.probe", "queries", (2, 3), lambda q: (filled().probe, (q,), {})),
    finite_case("search.ivf.IVFIndex.probe", "queries", (2, 3), lambda q: (filled().probe, (q,), {})),
    Case("search.ivf.IVFIndex.probe", "shape", "queries", wrong_shapes(), lambda q: (filled().probe, (q,), {}),
         error=ValueError, expected=shape_expected, got=lambda q: f"shape {q.shape}"),
    Case("search.ivf.IVFIndex.probe", "empty", "queries", st.just(X), lambda q: (ivf.IVFIndex(3, 3).probe, (q,), {}),
         error=ValueError, expected="a trained index", got="an untrained IVFIndex", note="untrained"),
    Case("search.ivf.IVFIndex.probe", "size", "nprobe", st.sampled_from([0, 4, -1, 2.0, None]),
         lambda p: (_with_nprobe(p).probe, (X[:1],), {}), error=lambda p: ValueError if isinstance(p, int) else TypeError,
         expected=lambda p: "an integer in [1, 3]", got=lambda p: str(p) if isinstance(p, int) else type(p).__name__,
         note="attribute"),
    Case("search.ivf.IVFIndex.candidates", "shape", "query", st.sampled_from([X[:2], np.ones((1, 1, 3)), np.array(1.0)]),
         lambda q: (filled().candidates, (q,), {}), error=ValueError, expected="shape (3,), one vector",
         got=lambda q: f"shape {tuple(np.shape(q))}"),
    Case("search.ivf.IVFIndex.candidates", "shape", "query", st.sampled_from([np.ones(2), np.ones(4)]),
         lambda q: (filled().candidates, (q,), {}), error=ValueError, expected="shape (..., 3)",
         got=lambda q: f"shape ({len(q)},)", note="length"),
    float_dtype_case("search.ivf.IVFIndex.candidates", "query", (3,), lambda q: (filled().candidates, (q,), {})),
    finite_case("search.ivf.IVFIndex.candidates", "query", (3,), lambda q: (filled().candidates, (q,), {})),
    valid_case("search.ivf.IVFIndex.candidates", "query", [np.array([1.0, 0.0, 0.0]), [0.0, 2.0, 0.1]],
               lambda q: (filled().candidates, (q,), {}), check=lambda out, _: len(out) == 2),
    float_dtype_case("search.ivf.IVFIndex.search", "queries", (2, 3), lambda q: (filled().search, (q, 1), {})),
    finite_case("search.ivf.IVFIndex.search", "queries", (2, 3), lambda q: (filled().search, (q, 1), {})),
    Case("search.ivf.IVFIndex.search", "shape", "queries", wrong_shapes(), lambda q: (filled().search, (q, 1), {}),
         error=ValueError, expected=shape_expected, got=lambda q: f"shape {q.shape}"),
    Case("search.ivf.IVFIndex.search", "shape", "queries", st.integers(0, 1),
         lambda r: (filled().search, (with_zero_row(r)[:2], 1), {}), error=ValueError, expected="vectors with at least one non-zero value",
         got=lambda r: f"an all-zero row at index {r}", note="zero row"),
    size_case("search.ivf.IVFIndex.search", "k", lambda k: (filled().search, (X[:1], k), {}), maximum=6),
    Case("search.ivf.IVFIndex.search", "empty", "index", st.just(X[:1]), lambda q: (trained().search, (q, 1), {}),
         error=ValueError, expected="at least one stored vector", got="an empty index", note="nothing added"),
    Case("search.ivf.IVFIndex.search", "empty", "queries", st.just(X[:1]),
         lambda q: (ivf.IVFIndex(3, 3).search, (q, 1), {}), error=ValueError, expected="a trained index",
         got="an untrained IVFIndex", note="untrained"),
    Case("search.ivf.IVFIndex.search", "size", "nprobe", st.sampled_from([0, 4, -1, 2.0, "2", None]),
         lambda p: (_with_nprobe(p).search, (X[:1], 2), {}), error=lambda p: ValueError if isinstance(p, int) else TypeError,
         expected="an integer in [1, 3]", got=lambda p: str(p) if isinstance(p, int) else type(p).__name__,
         note="attribute"),
    valid_case("search.ivf.IVFIndex.search", "k", [1, 3, 6], lambda k: (filled(nprobe=1).search, (X[:1], k), {}),
               check=lambda out, k: out[1].shape == (1, k) and (out[1][0, 2:] == -1).all()),
]


def _with_nprobe(value):
    index = filled()
    index.nprobe = value
    return index
