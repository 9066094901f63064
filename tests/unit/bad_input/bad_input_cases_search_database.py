"""Bad-input cases for ``neuralnlp.search.database``: VectorCollection on Milvus Lite, and filter_fields.

The cases share one Milvus Lite file in a temporary directory, opened at the first call (importing
this file opens nothing) and released and deleted when the process exits. Whether a refused call
left the stored rows unchanged is tested in ``tests/unit/search/test_database.py``.
"""

from __future__ import annotations

import atexit
import functools
import multiprocessing.util
import os
import shutil
import tempfile

import numpy as np
from hypothesis import strategies as st

from bad_input_harness import (Case, finite_case, float_dtype_case, id_dtype_case, kind_case, size_case,
                               valid_case)
from neuralnlp.search import database

DIM = 4
NAME = "search.database.VectorCollection"


@functools.lru_cache(maxsize=None)
def client():
    import logging

    from milvus_lite.server_manager import server_manager_instance
    from pymilvus import MilvusClient

    logging.getLogger("pymilvus").setLevel(logging.CRITICAL)
    directory = tempfile.mkdtemp(prefix="bad_input_milvus_")
    path = os.path.join(directory, "cases.db")

    def clean_up():
        server_manager_instance.release_server(path)
        shutil.rmtree(directory, ignore_errors=True)

    atexit.register(clean_up)  # pytest exits normally; the counter's forked workers skip atexit, but not:
    multiprocessing.util.Finalize(None, clean_up, exitpriority=10)
    return MilvusClient(path)


@functools.lru_cache(maxsize=None)
def collection():
    stored = database.VectorCollection(client(), "cases", DIM)
    if len(stored) == 0:
        vectors = np.random.default_rng(0).standard_normal((5, DIM))
        stored.insert(np.arange(5), vectors, [f"text {i}" for i in range(5)], [0, 1, 0, 1, 0])
    return stored


def rows(n):
    return np.random.default_rng(1).standard_normal((n, DIM))


def insert(**changes):
    args = {"ids": np.arange(100, 102), "vectors": rows(2), "texts": ["a", "b"], "labels": [0, 1], **changes}
    return collection().insert, (), args


def upsert(**changes):
    args = {"ids": np.arange(100, 102), "vectors": rows(2), "texts": ["a", "b"], "labels": [0, 1], **changes}
    return collection().upsert, (), args


CASES: list[Case] = []

CASES += [
    kind_case("search.database.filter_fields", "expression", [None, 3, ["label == 0"], b"label == 0"],
              lambda e: (database.filter_fields, (e,), {}), expected="a str"),
    valid_case("search.database.filter_fields", "expression", ["", "label == 0", "text like 'id%'"],
               lambda e: (database.filter_fields, (e,), {}), check=lambda out, e: out == ([] if not e else
                                                                                      ["label"] if "label" in e else ["text"])),
]

CASES += [
    kind_case(NAME, "client", [None, "cases.db", 3, {"uri": "cases.db"}],
              lambda c: (database.VectorCollection, (c, "cases", DIM), {}), expected="a pymilvus.MilvusClient"),
    kind_case(NAME, "name", [None, 3, b"cases"], lambda n: (database.VectorCollection, (client(), n, DIM), {}),
              expected="a str"),
    Case(NAME, "kind", "name", st.sampled_from(["", "1st", "two words", "naïve", "a-b"]),
         lambda n: (database.VectorCollection, (client(), n, DIM), {}), error=ValueError,
         expected="a collection name of letters, digits and underscores", got=repr, note="value"),
    size_case(NAME, "dim", lambda d: (database.VectorCollection, (client(), "never_created", d), {}),
              maximum=database.MAX_DIM),
    Case(NAME, "shape", "dim", st.sampled_from([3, 5, 384]),
         lambda d: (database.VectorCollection, (client(), collection().name, d), {}), error=ValueError,
         expected=f"{DIM} (the dimension of the stored collection", got=lambda d: f"got {d}", note="stored"),
]

CASES += [
    finite_case(f"{NAME}.insert", "vectors", (2, DIM), lambda v: insert(vectors=v)),
    float_dtype_case(f"{NAME}.insert", "vectors", (2, DIM), lambda v: insert(vectors=v)),
    Case(f"{NAME}.insert", "shape", "vectors", st.sampled_from([(2, DIM - 1), (2, DIM + 1), (3, DIM), (DIM,)]),
         lambda s: insert(vectors=np.ones(s)), error=ValueError, expected=lambda s: f"shape (2, {DIM})",
         got=lambda s: "shape (" + ", ".join(map(str, s)) + ("," if len(s) == 1 else "") + ")"),
    Case(f"{NAME}.insert", "finite", "vectors", st.integers(0, 1),
         lambda r: insert(vectors=np.where(np.arange(2)[:, None] == r, 0.0, rows(2))), error=ValueError,
         expected="vectors with at least one non-zero value", got=lambda r: f"an all-zero row at index {r}",
         note="zero"),
    id_dtype_case(f"{NAME}.insert", "ids", (2,), lambda d: insert(ids=d), torch_tensor=False),
    Case(f"{NAME}.insert", "ids", "ids", st.sampled_from([[0, 100], [100, 4]]), lambda i: insert(ids=np.array(i)),
         error=ValueError, expected="ids not stored yet", got="1 stored already", note="stored"),
    Case(f"{NAME}.insert", "ids", "ids", st.sampled_from([[100, 100], [7, 7]]), lambda i: insert(ids=np.array(i)),
         error=ValueError, expected="distinct ids", got=lambda i: f"{i[0]} 2 times", note="repeated"),
    kind_case(f"{NAME}.insert", "texts", ["one text", None, 3], lambda t: insert(texts=t),
              expected="a list of texts (str)"),
    Case(f"{NAME}.insert", "shape", "texts", st.sampled_from([["a"], ["a", "b", "c"]]), lambda t: insert(texts=t),
         error=ValueError, expected="2 texts, one per id", got=lambda t: str(len(t))),
    id_dtype_case(f"{NAME}.insert", "labels", (2,), lambda d: insert(labels=d), torch_tensor=False),
]

CASES += [
    finite_case(f"{NAME}.upsert", "vectors", (2, DIM), lambda v: upsert(vectors=v)),
    id_dtype_case(f"{NAME}.upsert", "ids", (2,), lambda d: upsert(ids=d), torch_tensor=False),
    Case(f"{NAME}.upsert", "shape", "vectors", st.sampled_from([(2, DIM - 1), (2, 2 * DIM)]),
         lambda s: upsert(vectors=np.ones(s)), error=ValueError, expected=f"shape (2, {DIM})",
         got=lambda s: f"shape {s}"),
    kind_case(f"{NAME}.upsert", "texts", ["one text", None], lambda t: upsert(texts=t), expected="a list of texts"),
]

CASES += [
    id_dtype_case(f"{NAME}.delete", "ids", (2,), lambda d: (collection().delete, (d,), {}), torch_tensor=False),
    Case(f"{NAME}.delete", "shape", "ids", st.sampled_from([np.zeros((2, 2), int), np.array(3)]),
         lambda i: (collection().delete, (i,), {}), error=ValueError, expected="shape (n,)",
         got=lambda i: f"shape ({', '.join(map(str, i.shape))}{',' if i.ndim == 1 else ''})"),
]

CASES += [
    finite_case(f"{NAME}.search", "queries", (2, DIM), lambda q: (collection().search, (q, 3), {})),
    float_dtype_case(f"{NAME}.search", "queries", (1, DIM), lambda q: (collection().search, (q, 3), {})),
    Case(f"{NAME}.search", "shape", "queries", st.sampled_from([(1, DIM - 1), (2, 384), (DIM,)]),
         lambda s: (collection().search, (np.ones(s), 3), {}), error=ValueError, expected=f"shape (q, {DIM})",
         got=lambda s: "shape (" + ", ".join(map(str, s)) + ("," if len(s) == 1 else "") + ")"),
    Case(f"{NAME}.search", "finite", "queries", st.just(None), lambda _: (collection().search, (np.zeros((1, DIM)), 3), {}),
         error=ValueError, expected="vectors with at least one non-zero value", got="an all-zero row at index 0",
         note="zero"),
    size_case(f"{NAME}.search", "k", lambda k: (collection().search, (rows(1), k), {}), maximum=database.MAX_K),
    kind_case(f"{NAME}.search", "filter", [None, 0, ["label == 0"]],
              lambda f: (collection().search, (rows(1), 3), {"filter": f}), expected="a str"),
    Case(f"{NAME}.search", "kind", "filter", st.sampled_from(["stars >= 4", "label == 0 and lang == 'zh'", "vector == 1"]),
         lambda f: (collection().search, (rows(1), 3), {"filter": f}), error=ValueError,
         expected="an expression over the fields ['id', 'text', 'label']",
         got=lambda f: f"(unknown field {database.filter_fields(f)[-1]!r})", note="field"),
    valid_case(f"{NAME}.search", "k", [1, 5, 6, 100, np.int64(2)], lambda k: (collection().search, (rows(2), k), {}),
               check=lambda out, k: out[1].shape == (2, int(k)) and (out[1][:, min(int(k), 5):] == -1).all()),
    valid_case(f"{NAME}.search", "filter", ["", "label == 0", "id in [1, 3]"],
               lambda f: (collection().search, (rows(1), 5), {"filter": f}),
               check=lambda out, f: (out[1] >= 0).sum() == {"": 5, "label == 0": 3, "id in [1, 3]": 2}[f]),
]
