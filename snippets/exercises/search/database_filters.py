"""Exercise: combine a label filter with a text filter, and check every hit against both."""

import os
import tempfile

from milvus_lite.server_manager import server_manager_instance
from pymilvus import MilvusClient

from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.search.database import VectorCollection
from neuralnlp.search.synthetic import synthetic_vectors

reviews = load_reviews()
texts, labels = [t[:200] for t in reviews.test_texts[:300]], reviews.test_labels[:300]
vectors = synthetic_vectors(300, 16, clusters=10, seed=0)  # synthetic: a filter does not look at the vectors

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "filters.db")
    reviews_db = VectorCollection(MilvusClient(path), "reviews", dim=16)
    reviews_db.insert(range(300), vectors, texts, labels)
    expression = "label == 0 and text like '%酒店%'"
    matching = [i for i in range(300) if labels[i] == 0 and "酒店" in texts[i]]
    scores, ids = reviews_db.search(vectors[:2], k=100, filter=expression)
    found = ids[ids >= 0]
    print("rows that match:", len(matching), " found per query:", (ids >= 0).sum(axis=1).tolist())
    print("every hit negative and about a hotel:", all(labels[i] == 0 and "酒店" in texts[i] for i in found))
    print("each query found exactly the matching rows:", all(sorted(row[row >= 0]) == matching for row in ids))
    server_manager_instance.release_server(path)
