"""Bad input: what Milvus Lite 3 does with it, and what VectorCollection says before anything is sent."""

import logging
import os
import tempfile
import warnings

import numpy as np
from milvus_lite.server_manager import server_manager_instance
from pymilvus import MilvusClient

from neuralnlp.search.database import VectorCollection

logging.getLogger("pymilvus").setLevel(logging.CRITICAL)  # pymilvus logs every failed call with a traceback,
logging.getLogger("milvus_lite").setLevel(logging.CRITICAL)  # and so does the embedded server
warnings.filterwarnings("ignore", category=RuntimeWarning)  # NumPy's "invalid value" inside its cosine

vectors = np.random.default_rng(0).standard_normal((20, 8))
nan = np.full((1, 8), np.nan)


def outcome(call):
    """What a call did: its result, or the first line of its error message."""
    try:
        result = call()
    except Exception as error:  # noqa: BLE001 - every error is shown
        message = getattr(error, "message", None) or str(error)
        return "error: " + message.splitlines()[0][:100]
    return result


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "checks.db")
    client = MilvusClient(path)
    checked = VectorCollection(client, "checked", dim=8)
    VectorCollection(client, "raw", dim=8)  # the same schema, used through the plain client below
    for name in ("checked", "raw"):
        client.insert(name, [{"id": i, "vector": v.tolist(), "text": f"review {i}", "label": i % 2}
                             for i, v in enumerate(vectors)])
    rows_before = client.query("checked", filter="id >= 0", output_fields=["*"])
    one = [vectors[0].tolist()]
    count = lambda name: client.get_collection_stats(name)["row_count"]  # noqa: E731
    distances = lambda hits: [round(hit["distance"], 3) for hit in hits[0]]  # noqa: E731

    cases = {
        "k = 25, 20 rows": (lambda: f"{len(client.search('raw', data=one, limit=25)[0])} hits",
                            lambda: f"ids {checked.search(vectors[:1], 25)[1].shape}, "
                                    f"{(checked.search(vectors[:1], 25)[1] == -1).sum()} of them -1"),
        "query of dimension 7": (lambda: client.search("raw", data=[[1.0] * 7], limit=3),
                                 lambda: checked.search(np.ones((1, 7)), 3)),
        "NaN query": (lambda: distances(client.search("raw", data=nan.tolist(), limit=3)),
                      lambda: checked.search(nan, 3)),
        "NaN vector inserted": (lambda: (client.insert("raw", [{"id": 50, "vector": nan[0].tolist(), "text": "x",
                                                                 "label": 0}]), f"rows now {count('raw')}")[1],
                                lambda: checked.insert([50], nan, ["x"], [0])),
        "zero query": (lambda: distances(client.search("raw", data=[[0.0] * 8], limit=3)),
                       lambda: checked.search(np.zeros((1, 8)), 3)),
        "insert an id stored": (lambda: (client.insert("raw", [{"id": 3, "vector": one[0], "text": "replaced",
                                                                 "label": 1}]),
                                         "row 3 now: " + client.get("raw", ids=[3])[0]["text"])[1],
                                lambda: checked.insert([3], vectors[:1], ["replaced"], [1])),
        "unknown field": (lambda: client.search("raw", data=one, limit=3, filter="stars >= 4"),
                          lambda: checked.search(vectors[:1], 3, filter="stars >= 4")),
    }
    for case, (raw, wrapped) in cases.items():
        print(f"{case}\n  Milvus Lite:      {outcome(raw)}\n  VectorCollection: {outcome(wrapped)}")

    rows_after = client.query("checked", filter="id >= 0", output_fields=["*"])
    print("checked collection unchanged:", count("checked"), "rows,", rows_before == rows_after)

    empty = VectorCollection(client, "empty", dim=8)
    print(f"empty collection\n  Milvus Lite:      {client.search('empty', data=one, limit=3)[0]}"
          f"\n  VectorCollection: {empty.search(vectors[:1], 3)[1].tolist()}")
    client.drop_collection("raw")
    client.drop_collection("checked")
    print(f"dropped collection\n  Milvus Lite:      {outcome(lambda: client.search('raw', data=one, limit=3))}"
          f"\n  VectorCollection: {outcome(lambda: checked.search(vectors[:1], 3))}")
    client.close()
    server_manager_instance.release_server(path)
