"""What Milvus Lite 3 really does: unflushed rows are searched by brute force, whatever the index says."""

import json
import os
import tempfile
from pathlib import Path

import faiss
import numpy as np
from milvus_lite.server_manager import server_manager_instance
from pymilvus import DataType, MilvusClient

from neuralnlp.search.recall import recall_at_k
from neuralnlp.search.synthetic import synthetic_vectors

faiss.omp_set_num_threads(1)  # one thread builds the same HNSW graph on every run
vectors = synthetic_vectors(3000, 32, clusters=30, seed=0)  # synthetic: clustered unit vectors
queries = synthetic_vectors(100, 32, clusters=30, seed=1)
exact = np.argsort(-(queries @ vectors.T), axis=1, kind="stable")[:, :10]  # unit rows: cosine = dot product

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "limits.db")
    client = MilvusClient(path)
    schema = client.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=32)
    index = client.prepare_index_params()
    index.add_index(field_name="vector", index_type="HNSW", metric_type="COSINE")
    client.create_collection("points", schema=schema, index_params=index)
    client.insert("points", [{"id": i, "vector": v.tolist()} for i, v in enumerate(vectors)])

    def recall(ef):
        hits = client.search("points", data=queries.tolist(), limit=10, search_params={"params": {"ef": ef}})
        return recall_at_k(np.array([[hit["id"] for hit in row] for row in hits]), exact)

    index_files = lambda: sorted(p.name for p in Path(path).rglob("*.idx"))  # noqa: E731
    info = client.describe_index("points", "vector")
    print("describe_index:", {key: info[key] for key in ("index_type", "state", "indexed_rows")})
    print("index files:", index_files())
    print("recall@10 before restart, ef = 10:", f"{recall(10):.3f}")

    client.close()
    server_manager_instance.release_server(path)  # a restart: closing flushes the rows into a segment,
    client = MilvusClient(path)  # and the segment gets its HNSW index, which the next process loads
    client.load_collection("points")
    print("index files:", index_files())
    for ef in (10, 40, 160):
        print(f"recall@10 after restart, ef = {ef}:", f"{recall(ef):.3f}")

    manifest = json.loads(Path(path, "collections", "points", "manifest.json").read_text())
    print("limits.db is a directory:", sorted(os.listdir(path)))
    print("manifest_format_version:", manifest["manifest_format_version"])
    client.close()
    server_manager_instance.release_server(path)
