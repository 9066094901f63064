"""Milvus Lite, embedded: a collection of review vectors, a filtered search, upsert, delete, and a restart."""

import os
import subprocess
import sys
import tempfile

import numpy as np
from milvus_lite.server_manager import server_manager_instance
from pymilvus import DataType, MilvusClient

from neuralnlp.embeddings.word2vec.training import train_skipgram
from neuralnlp.pipeline.reviews import load_reviews

# Vectors: character word2vec trained here on 2,000 training reviews (1 epoch),
# a review = the mean of its characters' vectors (characters seen fewer than 5 times are masked out),
# minus the mean over the training reviews: every mean shares that direction, which would make every cos near 1.
reviews = load_reviews()
w2v = train_skipgram([list(t) for t in reviews.train_texts[:2000]], vector_size=64, epochs=1, workers=1, seed=0)
char_id = {c: i for i, c in enumerate(w2v.vocab.tokens)}


def mean_vectors(texts):
    rows = [[char_id[c] for c in t if c in char_id] for t in texts]
    return np.stack([w2v.input_vectors[r].mean(axis=0) for r in rows])


common = mean_vectors(reviews.train_texts[:2000]).mean(axis=0)
encode = lambda texts: (mean_vectors(texts) - common).astype(np.float32)  # noqa: E731


pick = np.random.default_rng(0).permutation(len(reviews.test_texts))[:200]
texts = [reviews.test_texts[i][:200] for i in pick]
labels = reviews.test_labels[pick]
vectors = encode(texts)

with tempfile.TemporaryDirectory() as folder:
    # The only line that changes for a Milvus server, a cluster or Zilliz Cloud:
    #   URI, TOKEN = "http://localhost:19530", "root:Milvus"   or   "https://<endpoint>", "<API key>"
    URI, TOKEN = os.path.join(folder, "reviews.db"), ""
    client = MilvusClient(uri=URI, token=TOKEN)

    schema = client.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=vectors.shape[1])
    schema.add_field("text", DataType.VARCHAR, max_length=512)
    schema.add_field("label", DataType.INT64)  # 0 negative, 1 positive
    index = client.prepare_index_params()
    index.add_index(field_name="vector", index_type="HNSW", metric_type="COSINE")
    client.create_collection("reviews", schema=schema, index_params=index)

    rows = [{"id": i, "vector": v.tolist(), "text": t, "label": int(y)}
            for i, (v, t, y) in enumerate(zip(vectors, texts, labels))]
    print("inserted:", client.insert("reviews", rows)["insert_count"],
          " negative:", int((labels == 0).sum()), " positive:", int((labels == 1).sum()))

    query = "质量太差了，用了两天就坏了，不推荐。"
    print("query:", query)
    every = client.search("reviews", data=encode([query]).tolist(), limit=10, output_fields=["label"])[0]
    print("labels of the top 10, no filter:  ", [hit["entity"]["label"] for hit in every])
    hits = client.search("reviews", data=encode([query]).tolist(), limit=3, filter="label == 0",
                         output_fields=["text", "label"])[0]
    print("top 3 with filter='label == 0':")
    for hit in hits:
        print(f"  id {hit['id']:3d}  cos {hit['distance']:.3f}  label {hit['entity']['label']}  "
              f"{hit['entity']['text'][:24]}")

    first = hits[0]["id"]
    client.upsert("reviews", [{"id": first, "vector": rows[first]["vector"], "text": "（已删改）", "label": 1}])
    client.delete("reviews", ids=[hits[1]["id"], hits[2]["id"]])
    label = client.get("reviews", ids=[first], output_fields=["label"])[0]["label"]
    print("after upsert and delete:", client.get_collection_stats("reviews")["row_count"], f"rows; id {first} has label",
          label)

    # A restart: a new Python process opens the same file. While this process holds it, it cannot.
    reader = """
import sys
from pymilvus import MilvusClient
try:
    client = MilvusClient(sys.argv[1])
except Exception as error:
    print("refused:", error)
else:
    client.load_collection("reviews")  # a reopened collection starts released: load it before get or search
    label = client.get("reviews", ids=[int(sys.argv[2])], output_fields=["label"])[0]["label"]
    rows = client.get_collection_stats("reviews")["row_count"]
    print(f"rows: {rows}; id {sys.argv[2]} has label {label}")
"""
    run = lambda: subprocess.run([sys.executable, "-c", reader, URI, str(first)], capture_output=True,  # noqa: E731
                                 text=True).stdout.strip()
    print("second process, file held: ", run())
    client.close()
    server_manager_instance.release_server(URI)  # close() leaves the embedded server, and its lock, running
    print("second process, file freed:", run())
