"""VectorCollection on Milvus Lite, and what Milvus Lite itself does (the page states both).

Every test opens its own ``.db`` in a temporary directory and releases it at the end: pymilvus's
``client.close()`` does not stop the embedded server, which holds the file's lock until the process
exits, so the fixture stops it through milvus_lite's ``server_manager_instance.release_server``.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest

pymilvus = pytest.importorskip("pymilvus")
pytest.importorskip("milvus_lite")

from milvus_lite.server_manager import server_manager_instance  # noqa: E402
from pymilvus import MilvusClient  # noqa: E402
from pymilvus.exceptions import MilvusException  # noqa: E402

from neuralnlp.search.database import VectorCollection, filter_fields  # noqa: E402

DIM = 16


@pytest.fixture(autouse=True)
def quiet_pymilvus():
    """pymilvus logs every failed RPC with a traceback at ERROR; the tests look at the exceptions."""
    logger = logging.getLogger("pymilvus")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


@pytest.fixture
def db_path():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "test.db")
        yield path
        server_manager_instance.release_server(path)


@pytest.fixture
def client(db_path):
    client = MilvusClient(db_path)
    yield client
    client.close()


def unit_rows(n, seed=0, dim=DIM):
    return np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)


def exact_cosine(stored, queries, k):
    a = stored / np.linalg.norm(stored, axis=1, keepdims=True)
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    scores = q @ a.T
    ids = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(scores, ids, axis=1), ids


def filled(client, n=20, seed=0):
    collection = VectorCollection(client, "reviews", DIM)
    vectors = unit_rows(n, seed)
    collection.insert(np.arange(n), vectors, [f"review {i}" for i in range(n)], np.arange(n) % 2)
    return collection, vectors


def contents(client, name="reviews"):
    """Every stored row, sorted by id: what a failed call must leave unchanged."""
    rows = client.query(name, filter="id >= 0", output_fields=["id", "vector", "text", "label"])
    return sorted((int(r["id"]), tuple(np.float32(r["vector"]).tolist()), r["text"], int(r["label"])) for r in rows)


# ---- the workflow -------------------------------------------------------------------------------

def test_search_equals_exact_cosine_and_the_filter_keeps_only_its_label(client):
    collection, vectors = filled(client, n=300)
    queries = unit_rows(25, seed=1)
    scores, ids = collection.search(queries, 10)
    want_scores, want_ids = exact_cosine(vectors, queries, 10)
    np.testing.assert_array_equal(ids, want_ids)
    np.testing.assert_allclose(scores, want_scores, atol=1e-5)
    scores, ids = collection.search(queries, 10, filter="label == 0")
    assert (ids % 2 == 0).all()  # label = id % 2
    even = np.arange(0, 300, 2)
    want_scores, want_local = exact_cosine(vectors[even], queries, 10)
    np.testing.assert_array_equal(ids, even[want_local])


def test_upsert_replaces_and_delete_removes(client):
    collection, vectors = filled(client)
    new = unit_rows(1, seed=5)
    assert collection.upsert([3], new, ["replaced"], [1]) == 1
    assert len(collection) == 20
    row = client.get("reviews", ids=[3], output_fields=["text", "vector"])[0]
    assert row["text"] == "replaced"
    np.testing.assert_allclose(row["vector"], new[0], rtol=1e-6)
    assert collection.delete([3, 4, 999]) == 2  # 999 was never stored
    assert len(collection) == 18
    assert 3 not in collection.search(new, 20)[1]


def test_an_existing_collection_is_reopened_and_its_dimension_checked(client):
    filled(client)
    assert len(VectorCollection(client, "reviews", DIM)) == 20
    with pytest.raises(ValueError, match=r"dim: expected 16 \(the dimension of the stored collection 'reviews'\), got 8"):
        VectorCollection(client, "reviews", 8)


def test_a_collection_reopened_from_its_file_is_loaded_and_searchable(client, db_path):
    _, vectors = filled(client)
    client.close()
    server_manager_instance.release_server(db_path)
    reopened = MilvusClient(db_path)
    with pytest.raises(MilvusException, match="state 'released'; call load"):  # raw: released after a restart
        reopened.get("reviews", ids=[0])
    collection = VectorCollection(reopened, "reviews", DIM)
    assert len(collection) == 20
    np.testing.assert_array_equal(collection.search(vectors[:3], 1)[1][:, 0], [0, 1, 2])


def test_filter_fields_skips_strings_keywords_numbers_and_functions():
    expression = "label == 0 and text like 'id%' or array_contains(tags, 1) and id in [1, 2e3] and x == \"and\""
    assert filter_fields(expression) == ["label", "text", "tags", "id", "x"]
    assert filter_fields("") == []


# ---- bad input: a clear error, and nothing stored is lost or changed ------------------------------

BAD_CALLS = {
    "insert, wrong dimension": (lambda c, v: c.insert([50], unit_rows(1, dim=DIM - 1), ["x"], [0]),
                                ValueError, r"vectors: expected shape \(1, 16\), got shape \(1, 15\)"),
    "insert, NaN": (lambda c, v: c.insert([50], np.full((1, DIM), np.nan), ["x"], [0]),
                    ValueError, r"vectors: expected finite values, got nan at index \(0, 0\)"),
    "insert, inf": (lambda c, v: c.insert([50, 51], np.where(np.eye(2, DIM) > 0, np.inf, 1.0), ["x", "y"], [0, 1]),
                    ValueError, r"vectors: expected finite values, got inf at index \(0, 0\)"),
    "insert, zero vector": (lambda c, v: c.insert([50], np.zeros((1, DIM)), ["x"], [0]),
                            ValueError, r"vectors: expected vectors with at least one non-zero value"),
    "insert, id stored already": (lambda c, v: c.insert([50, 3], unit_rows(2), ["x", "y"], [0, 1]),
                                  ValueError, r"ids: expected ids not stored yet .* got 1 stored already: \[3\]"),
    "insert, an id twice": (lambda c, v: c.insert([50, 50], unit_rows(2), ["x", "y"], [0, 1]),
                            ValueError, r"ids: expected distinct ids, got 50 2 times"),
    "insert, fewer texts": (lambda c, v: c.insert([50, 51], unit_rows(2), ["x"], [0, 1]),
                            ValueError, r"texts: expected 2 texts, one per id, got 1"),
    "insert, text too long": (lambda c, v: c.insert([50], unit_rows(1), ["x" * 513], [0]),
                              ValueError, r"texts\[0\]: expected at most 512 characters, got 513"),
    "insert, float labels": (lambda c, v: c.insert([50], unit_rows(1), ["x"], [0.5]),
                             TypeError, r"labels: expected integer labels, got dtype float64"),
    "upsert, NaN": (lambda c, v: c.upsert([3], np.full((1, DIM), np.nan), ["x"], [0]),
                    ValueError, r"vectors: expected finite values"),
    "upsert, wrong dimension": (lambda c, v: c.upsert([3], unit_rows(1, dim=DIM + 1), ["x"], [0]),
                                ValueError, r"vectors: expected shape \(1, 16\), got shape \(1, 17\)"),
    "search, wrong dimension": (lambda c, v: c.search(unit_rows(2, dim=DIM - 1), 3),
                                ValueError, r"queries: expected shape \(q, 16\), got shape \(2, 15\)"),
    "search, NaN": (lambda c, v: c.search(np.full((1, DIM), np.nan), 3),
                    ValueError, r"queries: expected finite values, got nan at index \(0, 0\)"),
    "search, inf": (lambda c, v: c.search(np.where(np.eye(1, DIM) > 0, -np.inf, 1.0), 3),
                    ValueError, r"queries: expected finite values, got -inf at index \(0, 0\)"),
    "search, zero query": (lambda c, v: c.search(np.zeros((1, DIM)), 3),
                           ValueError, r"queries: expected vectors with at least one non-zero value"),
    "search, unknown field": (lambda c, v: c.search(v[:1], 3, filter="stars >= 4"),
                              ValueError, r"filter: expected an expression over the fields \['id', 'text', 'label'\], "
                                          r"got 'stars >= 4' \(unknown field 'stars'\)"),
    "search, k = 0": (lambda c, v: c.search(v[:1], 0), ValueError, r"k: expected an integer in \[1, 16384\], got 0"),
    "delete, float ids": (lambda c, v: c.delete([1.0]), TypeError, r"ids: expected integer ids, got dtype float64"),
}


@pytest.mark.parametrize("call, error, message", BAD_CALLS.values(), ids=BAD_CALLS.keys())
def test_bad_input_is_refused_clearly_and_nothing_stored_changes(client, call, error, message):
    collection, vectors = filled(client)
    before = contents(client)
    with pytest.raises(error, match=message):
        call(collection, vectors)
    assert contents(client) == before
    assert len(collection) == 20


def test_k_larger_than_the_collection_returns_every_row_then_pads(client):
    collection, vectors = filled(client)
    scores, ids = collection.search(vectors[:2], 25)
    assert ids.shape == (2, 25)
    assert sorted(ids[0, :20]) == list(range(20))
    assert (ids[:, 20:] == -1).all() and np.isneginf(scores[:, 20:]).all()
    _, ids = collection.search(vectors[:1], 5, filter="id < 3")  # fewer rows pass the filter than k
    assert sorted(ids[0, :3]) == [0, 1, 2] and (ids[0, 3:] == -1).all()


def test_an_empty_collection_returns_only_padding(client):
    collection = VectorCollection(client, "reviews", DIM)
    scores, ids = collection.search(unit_rows(3), 4)
    assert (ids == -1).all() and np.isneginf(scores).all()
    assert len(collection) == 0


def test_a_dropped_collection_is_named_in_the_error(client):
    collection, vectors = filled(client)
    client.drop_collection("reviews")
    for call in (lambda: collection.search(vectors[:1], 3), lambda: len(collection),
                 lambda: collection.insert([1], vectors[:1], ["x"], [0]), lambda: collection.delete([1])):
        with pytest.raises(ValueError, match=r"collection: expected an existing collection 'reviews', got none"):
            call()
    assert not client.has_collection("reviews")  # the failed calls did not create it again


# ---- what raw Milvus Lite 3.x does (the page's table; a new version that changes it fails here) ----

def raw(client, n=20):
    collection, vectors = filled(client, n)  # the same schema, written through the wrapper
    return vectors


def test_raw_milvus_lite_stores_nan_and_inf_and_returns_nan_scores(client):
    vectors = raw(client)
    client.insert("reviews", [{"id": 50, "vector": [float("nan")] * DIM, "text": "x", "label": 0}])
    assert len(VectorCollection(client, "reviews", DIM)) == 21  # stored
    hits = client.search("reviews", data=[[float("nan")] * DIM], limit=3)[0]
    assert len(hits) == 3 and all(np.isnan(hit["distance"]) for hit in hits)
    hits = client.search("reviews", data=[vectors[0].tolist()], limit=21)[0]
    assert any(np.isnan(hit["distance"]) for hit in hits)  # the stored NaN row poisons every later search


def test_raw_milvus_lite_insert_silently_replaces_a_stored_id(client):
    raw(client)
    client.insert("reviews", [{"id": 3, "vector": [1.0] * DIM, "text": "overwritten", "label": 1}])
    assert client.get("reviews", ids=[3], output_fields=["text"])[0]["text"] == "overwritten"
    assert client.get_collection_stats("reviews")["row_count"] == 20


def test_raw_milvus_lite_messages_for_the_other_mistakes(client):
    vectors = raw(client)
    with pytest.raises(MilvusException, match="expected dim 16, got 15"):  # insert: clear
        client.insert("reviews", [{"id": 50, "vector": [1.0] * 15, "text": "x", "label": 0}])
    with pytest.raises(MilvusException, match="matmul"):  # search: NumPy's internal message
        client.search("reviews", data=[[1.0] * 15], limit=3)
    with pytest.raises(MilvusException, match=r"unknown field 'stars'(.|\n)*available fields"):
        client.search("reviews", data=[vectors[0].tolist()], limit=3, filter="stars >= 4")
    assert len(client.search("reviews", data=[vectors[0].tolist()], limit=100)[0]) == 20  # k > n: every row
    zero = client.search("reviews", data=[[0.0] * DIM], limit=3)[0]
    assert [hit["distance"] for hit in zero] == [0.0, 0.0, 0.0]  # a zero query: every score 0
    client.drop_collection("reviews")
    with pytest.raises(MilvusException, match="collection 'reviews' does not exist"):
        client.search("reviews", data=[vectors[0].tolist()], limit=3)


# ---- the limits of Milvus Lite -------------------------------------------------------------------

def index_files(db_path):
    return sorted(p.name for p in Path(db_path).rglob("*.idx"))


def test_unflushed_rows_are_searched_exactly_and_describe_index_does_not_say_so(client, db_path):
    collection, vectors = filled(client, n=3000)
    info = client.describe_index("reviews", "vector")
    assert (info["index_type"], info["state"], info["indexed_rows"]) == ("HNSW", "Finished", 3000)
    assert index_files(db_path) == []  # yet no index exists: the rows are in the memtable
    queries = unit_rows(50, seed=1)
    _, exact_ids = exact_cosine(vectors, queries, 10)
    search = lambda: np.array([[h["id"] for h in hits] for hits in client.search(  # noqa: E731
        "reviews", data=queries.tolist(), limit=10, search_params={"params": {"ef": 10}})])
    assert (search() == exact_ids).all()  # brute force: exact, whatever ef says
    client.close()
    server_manager_instance.release_server(db_path)  # closing flushes the memtable into a segment, indexed
    client = MilvusClient(db_path)
    client.load_collection("reviews")
    assert index_files(db_path) == ["data_000001_003000.vector.hnsw.idx"]
    found = search()
    recall = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact_ids)])
    assert recall < 0.95  # now HNSW with ef = 10 answers, and misses neighbours


CHILD = """
import sys
from pymilvus import MilvusClient
try:
    client = MilvusClient(sys.argv[1])
except Exception as error:
    print("refused:", type(error).__name__, error)
else:
    print("rows:", client.get_collection_stats("reviews")["row_count"])
"""


def child(db_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", CHILD, db_path], capture_output=True, text=True, timeout=60, env=env)
    return done.stdout.strip(), done.stderr


@pytest.mark.timeout(120)
def test_one_process_per_file_and_the_rows_persist_across_processes(client, db_path):
    filled(client)
    out, err = child(db_path)  # this process holds the lock: the second one fails at once (it does not wait)
    assert out.startswith("refused: ConnectionConfigException") and "Open local milvus failed" in out
    assert "DataDirLockedError" in err  # milvus_lite logs the real cause on stderr
    client.close()
    out, _ = child(db_path)
    assert out.startswith("refused")  # close() does not release the file ...
    server_manager_instance.release_server(db_path)  # ... stopping the embedded server does
    out, _ = child(db_path)
    assert out == "rows: 20"


def test_the_v3_format_is_a_directory_with_format_versions_and_a_file_is_refused(client, db_path):
    filled(client)
    client.flush("reviews")
    root = Path(db_path)
    assert root.is_dir() and (root / "LOCK").is_file()
    manifest = json.loads((root / "collections" / "reviews" / "manifest.json").read_text())
    schema = json.loads((root / "collections" / "reviews" / "schema.json").read_text())
    assert manifest["manifest_format_version"] == 2 and schema["schema_format_version"] == 2
    # Milvus Lite 2.x handed its .db path, a file, to its C++ engine; version 3 neither reads nor changes a file there.
    old = root.parent / "old.db"
    old.write_bytes(b"not a v3 database")
    with pytest.raises(pymilvus.exceptions.ConnectionConfigException, match="Open local milvus failed"):
        MilvusClient(str(old))
    assert old.read_bytes() == b"not a v3 database"
