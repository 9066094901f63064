"""A collection in a vector database (Milvus), with the checks Milvus Lite leaves out.

Each row of the collection has four fields::

    id      INT64, the primary key (chosen by the caller)
    vector  FLOAT_VECTOR of dim d, indexed with HNSW, metric COSINE
    text    VARCHAR (the review)
    label   INT64 (0 negative, 1 positive for the reviews)

A search returns, for each query q and each stored vector v that passes the filter, the score

    cos(q, v) = q · v / (‖q‖ ‖v‖)

best first, as ``scores, ids`` of shape (queries, k): float32 and int64, padded with -inf and -1
where fewer than k rows pass the filter (as FAISS pads, and as every index of this chapter does).

``VectorCollection`` wraps a ``pymilvus.MilvusClient``: the same code runs against Milvus Lite
(``MilvusClient("reviews.db")``), a Milvus server or cluster (``MilvusClient(uri=..., token=...)``)
or Zilliz Cloud. Every argument is checked before anything is sent, so a refused call leaves what
is stored exactly as it was. What raw Milvus Lite 3.2 does with the same mistakes:

- a vector of the wrong dimension: insert refused with a clear message; search refused with
  NumPy's internal ``matmul`` message;
- a NaN or inf vector: **stored** at insert, and a NaN query returns ``nan`` scores; a zero
  vector: stored, every score 0;
- an id that is already stored, given to ``insert``: the stored row is **silently replaced**;
- k larger than the collection: all rows, fewer than k (here: padded to k with -1 / -inf);
- a filter on an unknown field: refused, naming the field and the schema's fields (here the
  same, before the call, so that a server with another message says the same);
- an empty collection: no hits (here: every id -1);
- a dropped collection: ``collection 'name' does not exist`` (here: named, before any call).
"""

from __future__ import annotations

import re

import numpy as np

from neuralnlp._checks import (
    as_float_array,
    as_id_array,
    check_finite,
    check_instance,
    check_int,
    check_nonzero_rows,
    check_shape,
    check_str,
    check_texts,
)

FIELDS = ("id", "vector", "text", "label")
MAX_DIM = 32768  # Milvus's largest FLOAT_VECTOR dimension
MAX_K = 16384  # Milvus's largest limit (topk) for one search
MAX_ID = 2**63 - 1
MAX_LABEL = 2**31 - 1
# Words of Milvus's filter language that are not field names (operators, literals, keywords).
FILTER_KEYWORDS = frozenset({"and", "or", "not", "in", "like", "true", "false", "is", "null", "exists"})


def _client_class():
    from pymilvus import MilvusClient

    return MilvusClient


def filter_fields(expression: str) -> list[str]:
    """The field names an expression of Milvus's filter language mentions, in order of appearance.

    Quoted strings, numbers, keywords (``and``, ``in``, ``like``, ...) and function names (a word
    followed by ``(``, such as ``array_contains``) are not fields.

    Args:
        expression: a filter such as ``"label == 0 and id in [1, 2]"``.

    Raises:
        TypeError: not a str.
    """
    expression = check_str(expression, "expression")
    without_strings = re.sub(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", " ", expression)
    names = []
    for match in re.finditer(r"\b[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()", without_strings):
        word = match.group(0)
        if word.lower() not in FILTER_KEYWORDS and word not in names:
            names.append(word)
    return names


class VectorCollection:
    """A Milvus collection of (id, vector, text, label) rows, checked before every call.

    Args:
        client: a ``pymilvus.MilvusClient`` (Milvus Lite on a local ``.db`` file, or a server).
        name: the collection's name (letters, digits and underscores, not starting with a digit).
        dim: the vectors' dimension, in [1, 32768]. If the collection exists, it must have this
            dimension, and it is loaded (a collection reopened from a file starts released);
            otherwise it is created, with an HNSW index and the COSINE metric.
        max_text_length: the longest text, in characters, the ``text`` field holds (new collections).

    Attributes:
        client, name, dim, max_text_length: as given.

    ``len(collection)`` is the number of rows stored.

    Raises:
        TypeError: client is not a MilvusClient, name not a str, dim not an integer.
        ValueError: a name Milvus would refuse, dim out of range, or an existing collection of
            another dimension or with other fields.
    """

    def __init__(self, client, name: str, dim: int, max_text_length: int = 512):
        self.client = check_instance(client, _client_class(), "client", "a pymilvus.MilvusClient")
        self.name = check_str(name, "name")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,254}", name):
            raise ValueError(f"name: expected a collection name of letters, digits and underscores, not starting "
                             f"with a digit, got {name!r}")
        self.dim = check_int(dim, "dim", 1, MAX_DIM)
        self.max_text_length = check_int(max_text_length, "max_text_length", 1, 65535)
        if client.has_collection(name):
            self._check_existing()
        else:
            self._create()

    # --8<-- [start:create]
    def _create(self) -> None:
        from pymilvus import DataType

        schema = self.client.create_schema(auto_id=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=self.dim)
        schema.add_field("text", DataType.VARCHAR, max_length=self.max_text_length)
        schema.add_field("label", DataType.INT64)
        index = self.client.prepare_index_params()
        index.add_index(field_name="vector", index_type="HNSW", metric_type="COSINE")
        self.client.create_collection(self.name, schema=schema, index_params=index)
    # --8<-- [end:create]

    def _check_existing(self) -> None:
        fields = {f["name"]: f for f in self.client.describe_collection(self.name)["fields"]}
        if sorted(fields) != sorted(FIELDS):
            raise ValueError(f"name: expected a collection with the fields {list(FIELDS)}, got {self.name!r} "
                             f"with the fields {sorted(fields)}")
        stored_dim = int(fields["vector"]["params"]["dim"])
        if stored_dim != self.dim:
            raise ValueError(f"dim: expected {stored_dim} (the dimension of the stored collection {self.name!r}), "
                             f"got {self.dim}")
        self.client.load_collection(self.name)  # reopened from a file, a collection starts released

    def _require_collection(self) -> None:
        if not self.client.has_collection(self.name):
            raise ValueError(f"collection: expected an existing collection {self.name!r}, got none of that name "
                             f"(dropped?)")

    def __len__(self) -> int:
        self._require_collection()
        rows = self.client.query(self.name, filter="", output_fields=["count(*)"])
        return int(rows[0]["count(*)"])

    def __repr__(self) -> str:
        return f"VectorCollection(name={self.name!r}, dim={self.dim})"

    # --8<-- [start:checks]
    def _check_vectors(self, vectors, name: str, rows="n") -> np.ndarray:
        vectors = as_float_array(vectors, name)
        check_shape(vectors, (rows, self.dim), name)  # names expected d and the d got
        check_finite(vectors, name)  # Milvus Lite stores NaN and inf, and returns nan scores
        check_nonzero_rows(vectors, name)  # no direction: its cosine is undefined (Milvus Lite says 0)
        return vectors.astype(np.float32)

    def _check_ids(self, ids, name: str = "ids") -> np.ndarray:
        ids = as_id_array(ids, MAX_ID, name)
        check_shape(ids, ("n",), name)
        values, counts = np.unique(ids, return_counts=True)
        if (counts > 1).any():
            twice = int(values[np.argmax(counts > 1)])
            raise ValueError(f"{name}: expected distinct ids, got {twice} {int(counts.max())} times")
        return ids

    def _check_rows(self, ids, vectors, texts, labels):
        self._require_collection()
        ids = self._check_ids(ids)
        vectors = self._check_vectors(vectors, "vectors", rows=len(ids))
        texts = check_texts(texts, "texts")
        if len(texts) != len(ids):
            raise ValueError(f"texts: expected {len(ids)} texts, one per id, got {len(texts)}")
        for position, text in enumerate(texts):
            if len(text) > self.max_text_length:
                raise ValueError(f"texts[{position}]: expected at most {self.max_text_length} characters, "
                                 f"got {len(text)}")
        labels = as_id_array(labels, MAX_LABEL + 1, "labels", what="labels")
        check_shape(labels, (len(ids),), "labels")
        return [{"id": int(i), "vector": v.tolist(), "text": t, "label": int(c)}
                for i, v, t, c in zip(ids, vectors, texts, labels)]

    def _check_filter(self, filter: str) -> str:
        filter = check_str(filter, "filter")
        for field in filter_fields(filter):
            if field not in FIELDS or field == "vector":
                raise ValueError(f"filter: expected an expression over the fields ['id', 'text', 'label'], "
                                 f"got {filter!r} (unknown field {field!r})")
        return filter
    # --8<-- [end:checks]

    def _stored(self, ids: np.ndarray) -> list[int]:
        rows = self.client.get(self.name, ids=[int(i) for i in ids], output_fields=["id"])
        return sorted(int(row["id"]) for row in rows)

    def insert(self, ids, vectors, texts, labels) -> int:
        """Add new rows; an id that is already stored is refused (Milvus Lite would replace its row).

        Args:
            ids: (n,) distinct integer ids >= 0, none stored yet.
            vectors: (n, dim) finite float vectors, none all zero.
            texts: n str, each at most ``max_text_length`` characters.
            labels: (n,) integers >= 0.

        Returns:
            The number of rows added, n.

        Raises:
            TypeError: a wrong kind or dtype of argument.
            ValueError: a wrong shape, NaN or inf, a zero vector, repeated or stored ids, or the
                collection no longer exists.
        """
        rows = self._check_rows(ids, vectors, texts, labels)
        stored = self._stored(np.array([row["id"] for row in rows]))
        if stored:
            raise ValueError(f"ids: expected ids not stored yet (upsert replaces a row), got {len(stored)} stored "
                             f"already: {stored[:5]}")
        return int(self.client.insert(self.name, rows)["insert_count"])

    def upsert(self, ids, vectors, texts, labels) -> int:
        """Add rows, replacing the rows of ids that are already stored.

        Args:
            ids: (n,) distinct integer ids >= 0.
            vectors: (n, dim) finite float vectors, none all zero.
            texts: n str, each at most ``max_text_length`` characters.
            labels: (n,) integers >= 0.

        Returns:
            The number of rows written, n.

        Raises:
            TypeError: a wrong kind or dtype of argument.
            ValueError: a wrong shape, NaN or inf, a zero vector, repeated ids, or the collection no
                longer exists.
        """
        rows = self._check_rows(ids, vectors, texts, labels)
        return int(self.client.upsert(self.name, rows)["upsert_count"])

    def delete(self, ids) -> int:
        """Delete the rows of ``ids``; ids that are not stored are ignored.

        Args:
            ids: (n,) distinct integer ids >= 0.

        Returns:
            The number of rows deleted (the ids that were stored).

        Raises:
            TypeError: ids are not integers.
            ValueError: not 1-D, repeated ids, or the collection no longer exists.
        """
        self._require_collection()
        ids = self._check_ids(ids)
        stored = self._stored(ids) if len(ids) else []
        if stored:
            self.client.delete(self.name, ids=stored)
        return len(stored)

    # --8<-- [start:search]
    def search(self, queries, k: int, filter: str = ""):
        """The k stored vectors most similar (cosine) to each query among the rows that pass ``filter``.

        Args:
            queries: (q, dim) finite float vectors, none all zero.
            k: how many neighbours per query, in [1, 16384]. With fewer matching rows than k, the
                rest of the row is padded with id -1 and score -inf (an empty collection: all -1).
            filter: a Milvus boolean expression over id, text and label, e.g. ``"label == 0"``;
                "" keeps every row.

        Returns:
            scores (q, k) float32 and ids (q, k) int64, best first.

        Raises:
            TypeError: a wrong kind or dtype of argument.
            ValueError: a wrong shape, NaN or inf, a zero query, k out of range, a filter on a
                field the collection does not have, or the collection no longer exists.
        """
        self._require_collection()
        queries = self._check_vectors(queries, "queries", rows="q")
        k = check_int(k, "k", 1, MAX_K)
        filter = self._check_filter(filter)
        hits = self.client.search(self.name, data=queries.tolist(), limit=k, filter=filter,
                                  search_params={"metric_type": "COSINE"})
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        for row, found in enumerate(hits):
            for column, hit in enumerate(found):
                scores[row, column], ids[row, column] = hit["distance"], hit["id"]  # COSINE "distance" is cos
        return scores, ids
    # --8<-- [end:search]
