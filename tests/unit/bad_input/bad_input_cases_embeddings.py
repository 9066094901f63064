"""Bad-input cases for ``neuralnlp.embeddings``: the vocabulary, the embedding layer, similarity and
vector search, and every module of ``word2vec``."""

from __future__ import annotations

import atexit
import bz2
import math
import shutil
import tempfile
from pathlib import Path

import numpy as np
import torch
from hypothesis import strategies as st

from bad_input_harness import (
    Case,
    finite_case,
    float_dtype_case,
    id_dtype_case,
    ids_case,
    kind_case,
    number_case,
    size_case,
    valid_case,
)
from neuralnlp.embeddings import embedding, similarity, vector_search, vocab
from neuralnlp.embeddings.word2vec import (
    corpus,
    evaluation,
    hierarchical_softmax as hs,
    huffman,
    models,
    negative_sampling as ns,
    subsampling,
    training,
    windows,
)

CASES: list[Case] = []


def _positive(counts):
    """Counts made positive, except the one NaN, inf or -inf a finite case put there."""
    return np.where(np.isfinite(counts), np.abs(counts) + 1, counts)


def _bools_or_type(value):
    return "dtype bool" if isinstance(value, list) and value and isinstance(value[0], bool) else type(value).__name__


TMP = Path(tempfile.mkdtemp(prefix="neuralnlp-bad-input-"))
atexit.register(shutil.rmtree, TMP, ignore_errors=True)
PAIRS = TMP / "pairs.tsv"
PAIRS.write_text("# word1\tword2\tscore\ncat\tdog\t7.5\ncat\tcar\t1.0\ndog\tcar\t2.0\n", encoding="utf8")
NO_PAIRS = TMP / "no-pairs.tsv"
NO_PAIRS.write_text("cat dog 7.5\n\n", encoding="utf8")
NOT_BZ2 = TMP / "dump.xml"
NOT_BZ2.write_text("<mediawiki></mediawiki>", encoding="utf8")
BROKEN_XML = TMP / "broken.xml.bz2"
BROKEN_XML.write_bytes(bz2.compress(b"<mediawiki><page><title>x</title>"))
MISSING = TMP / "missing.tsv"
WORDS = ["cat", "dog", "car"]
DOCS = [["the", "cat", "sat", "on", "the", "mat"], ["the", "dog", "sat", "on", "the", "log"]] * 3

# ---- the vocabulary -----------------------------------------------------------------------------------------
VOCAB = vocab.Vocabulary(["a", "b", "c"])
CASES += [
    Case("embeddings.vocab.Vocabulary", "tokens", "tokens", st.sampled_from([[["a"], ["b"]], [("a", "b")], [np.zeros(2)]]),
         lambda t: (vocab.Vocabulary, (t,), {}), error=TypeError, expected="a sequence of tokens",
         got=lambda t: type(t[0]).__name__),
    Case("embeddings.vocab.Vocabulary", "kind", "tokens", st.sampled_from([["a", "b", "a"], ["x", "x"]]),
         lambda t: (vocab.Vocabulary, (t,), {}), error=ValueError, expected="each token once",
         got=lambda t: f"{t[-1]!r} at ids", note="repeated"),
    Case("embeddings.vocab.Vocabulary", "size", "counts[1]", st.sampled_from([-3, 2.5, "4", None]),
         lambda c: (vocab.Vocabulary, (["a", "b"], [1, c]), {}), error=lambda c: ValueError if isinstance(c, int) else TypeError,
         expected="an integer >= 0", got=lambda c: str(c) if isinstance(c, int) else type(c).__name__),
    Case("embeddings.vocab.Vocabulary", "shape", "counts", st.sampled_from([[1], [1, 2, 3]]),
         lambda c: (vocab.Vocabulary, (["a", "b"], c), {}), error=ValueError, expected="2 counts, one per token",
         got=lambda c: str(len(c))),
    Case("embeddings.vocab.Vocabulary", "kind", "unk", st.sampled_from(["<unk>", ["a"]]),
         lambda u: (vocab.Vocabulary, (["a", "b"],), {"unk": u}), error=ValueError, expected="one of the tokens",
         got=lambda u: repr(u), note="unk"),
    Case("embeddings.vocab.Vocabulary.build", "tokens", "specials", st.sampled_from(["<pad>", "<unk>"]),
         lambda s: (vocab.Vocabulary.build, ("the cat sat".split(),), {"specials": s}), error=TypeError,
         expected="a sequence of tokens", got=lambda s: f"str {s!r}"),
    Case("embeddings.vocab.Vocabulary.build", "tokens", "tokens", st.sampled_from([[["the", "cat"], ["a"]], [("the",)]]),
         lambda t: (vocab.Vocabulary.build, (t,), {}), error=TypeError, expected="an iterable of tokens",
         got="sequences among them"),
    kind_case("embeddings.vocab.Vocabulary.build", "tokens", [None, 3], lambda t: (vocab.Vocabulary.build, (t,), {}),
              expected="an iterable of tokens", note="not iterable"),
    size_case("embeddings.vocab.Vocabulary.build", "min_count", lambda n: (vocab.Vocabulary.build, (["a"],),
                                                                         {"min_count": n}), minimum=0),
    kind_case("embeddings.vocab.Vocabulary.build", "by_frequency", ["yes", 1, None],
              lambda v: (vocab.Vocabulary.build, (["a"],), {"by_frequency": v}), expected="True or False"),
    valid_case("embeddings.vocab.Vocabulary.build", "tokens", ["狗咬人", "abca"], lambda t: (vocab.Vocabulary.build, (t,), {}),
               check=lambda v, t: len(v) == len(set(t)), note="a str is its characters"),
    kind_case("embeddings.vocab.Vocabulary.token_to_id", "token", [["a"], {"a": 1}, ("a",)],
              lambda t: (VOCAB.token_to_id, (t,), {}), expected="one token"),
    Case("embeddings.vocab.Vocabulary.token_to_id", "tokens", "token", st.sampled_from(["z", "A", ""]),
         lambda t: (VOCAB.token_to_id, (t,), {}), error=KeyError, expected="a token of the vocabulary",
         got=lambda t: repr(t), note="unknown"),
    Case("embeddings.vocab.Vocabulary.id_to_token", "ids", "token_id", st.integers(3, 100) | st.integers(-100, -1),
         lambda i: (VOCAB.id_to_token, (i,), {}), error=IndexError, expected="an id in [0, 2]", got=lambda i: str(i)),
    kind_case("embeddings.vocab.Vocabulary.id_to_token", "token_id", [1.0, "1", None, True],
              lambda i: (VOCAB.id_to_token, (i,), {}), expected="an integer"),
    kind_case("embeddings.vocab.Vocabulary.count", "token", [["a"], {"a"}], lambda t: (VOCAB.count, (t,), {}),
              expected="one token"),
    Case("embeddings.vocab.Vocabulary.encode", "tokens", "tokens", st.sampled_from([[["a", "b"]], [["a"], "b"]]),
         lambda t: (VOCAB.encode, (t,), {}), error=TypeError, expected="a sequence of tokens", got="list"),
    Case("embeddings.vocab.Vocabulary.encode", "kind", "tokens", st.sampled_from(["z", "A"]),
         lambda w: (VOCAB.encode, (["a", w],), {}), error=KeyError, expected="a token of the vocabulary",
         got=lambda w: f"{w!r} at position 1", note="unknown"),
    ids_case("embeddings.vocab.Vocabulary.decode", "ids", 3, (4,), lambda ids: (VOCAB.decode, (ids,), {})),
    id_dtype_case("embeddings.vocab.Vocabulary.decode", "ids", (2,), lambda ids: (VOCAB.decode, (ids,), {})),
    Case("embeddings.vocab.Vocabulary.decode", "shape", "ids", st.sampled_from([(2, 2), (1, 3)]),
         lambda s: (VOCAB.decode, (torch.zeros(s, dtype=torch.long),), {}), error=ValueError,
         expected="one sequence of ids", got=lambda s: f"shape {s}"),
]

# ---- the embedding layer -------------------------------------------------------------------------------------
EMB = embedding.Embedding
CASES += [
    ids_case("embeddings.embedding.check_ids", "ids", 5, (2, 3), lambda ids: (embedding.check_ids, (ids, 5), {})),
    id_dtype_case("embeddings.embedding.check_ids", "ids", (2, 3), lambda ids: (embedding.check_ids, (ids, 5), {})),
    size_case("embeddings.embedding.check_ids", "num_embeddings", lambda n: (embedding.check_ids, ([0, 1], n), {})),
    valid_case("embeddings.embedding.check_ids", "ids", [[], np.zeros(0, dtype=np.int64), [[1, 2], [0, 3]], np.int64(2)],
               lambda ids: (embedding.check_ids, (ids, 5), {}), check=lambda r, ids: r.dtype == torch.long),
    size_case("embeddings.embedding.one_hot", "num_classes", lambda n: (embedding.one_hot, (torch.tensor([0, 1]), n), {})),
    ids_case("embeddings.embedding.one_hot", "ids", 6, (3,), lambda ids: (embedding.one_hot, (ids, 6), {})),
    kind_case("embeddings.embedding.one_hot", "dtype", ["float32", np.float32, None],
              lambda d: (embedding.one_hot, (torch.tensor([0, 1]), 3), {"dtype": d}), expected="a torch.dtype"),
    valid_case("embeddings.embedding.one_hot", "dtype", [torch.long, torch.float64, torch.bool],
               lambda d: (embedding.one_hot, (torch.tensor([0, 2]), 3), {"dtype": d}),
               check=lambda r, d: r.dtype == d and r.shape == (2, 3)),
    kind_case("embeddings.embedding.one_hot_embedding", "weight", [np.ones((5, 2)), [[1.0, 2.0]], None],
              lambda w: (embedding.one_hot_embedding, (torch.tensor([0]), w), {}), expected="a floating-point torch.Tensor"),
    Case("embeddings.embedding.one_hot_embedding", "shape", "weight", st.sampled_from([(5,), (5, 2, 1), (0, 2)]),
         lambda s: (embedding.one_hot_embedding, (torch.tensor([0]), torch.ones(s)), {}), error=ValueError,
         expected="a 2-D tensor (num_embeddings, embedding_dim)", got=lambda s: f"shape {s}"),
    ids_case("embeddings.embedding.one_hot_embedding", "ids", 5, (2, 2),
             lambda ids: (embedding.one_hot_embedding, (ids, torch.ones(5, 3)), {})),
    size_case("embeddings.embedding.Embedding", "num_embeddings", lambda n: (EMB, (n, 4), {})),
    size_case("embeddings.embedding.Embedding", "embedding_dim", lambda n: (EMB, (10, n), {})),
    size_case("embeddings.embedding.Embedding", "padding_idx", lambda p: (EMB, (10, 4), {"padding_idx": p}),
              minimum=-10, maximum=9, optional=True),
    kind_case("embeddings.embedding.Embedding", "dtype", [torch.long, "float32", np.float64],
              lambda d: (EMB, (10, 4), {"dtype": d}), expected="a floating-point torch.dtype"),
    kind_case("embeddings.embedding.Embedding", "sparse", ["yes", 1, None], lambda v: (EMB, (10, 4), {"sparse": v}),
              expected="True or False"),
    valid_case("embeddings.embedding.Embedding", "num_embeddings", [np.int64(10), np.int32(10)],
               lambda n: (EMB, (n, np.int64(4)), {"padding_idx": np.int64(-1)}), check=lambda e, n: e.padding_idx == 9),
    ids_case("embeddings.embedding.Embedding.forward", "ids", 10, (3, 4), lambda ids: (EMB(10, 4), (ids,), {})),
    id_dtype_case("embeddings.embedding.Embedding.forward", "ids", (3,), lambda ids: (EMB(10, 4), (ids,), {})),
    Case("embeddings.embedding.Embedding.forward", "device", "ids", st.just("meta"),
         lambda d: (EMB(10, 4), (torch.zeros(3, dtype=torch.long, device=d),), {}), error=ValueError,
         expected="device cpu", got="device meta"),
    Case("embeddings.embedding.Embedding.from_pretrained", "shape", "embeddings", st.sampled_from([(5,), (2, 3, 4), (0, 3)]),
         lambda s: (EMB.from_pretrained, (torch.ones(s),), {}), error=ValueError, expected="a 2-D tensor",
         got=lambda s: f"shape {s}"),
    finite_case("embeddings.embedding.Embedding.from_pretrained", "embeddings", (4, 3),
                lambda w: (EMB.from_pretrained, (torch.as_tensor(w),), {})),
    Case("embeddings.embedding.Embedding.from_pretrained", "dtype", "embeddings", st.sampled_from([torch.long, torch.bool]),
         lambda t: (EMB.from_pretrained, (torch.ones(4, 3, dtype=t),), {}), error=TypeError,
         expected="a floating-point tensor", got=lambda t: f"dtype {t}"),
    kind_case("embeddings.embedding.Embedding.from_pretrained", "freeze", ["no", None],
              lambda v: (EMB.from_pretrained, (torch.ones(4, 3),), {"freeze": v}), expected="True or False"),
    valid_case("embeddings.embedding.Embedding.from_pretrained", "embeddings", [np.ones((4, 3)), [[1.0, 2.0]]],
               lambda w: (EMB.from_pretrained, (w,), {}), check=lambda e, w: e.weight.shape == np.shape(w)),
]

# ---- similarity and vector search -----------------------------------------------------------------------------
M = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
NN = similarity.nearest_neighbours
CASES += [
    Case("embeddings.similarity.normalize", "number", "x", st.sampled_from([0, 1, 2]),
         lambda row: (similarity.normalize, (_with_zero_row(row),), {}), error=ValueError,
         expected="non-zero vectors", got=lambda row: f"index ({row},)", note="zero vector"),
    float_dtype_case("embeddings.similarity.normalize", "x", (2, 3), lambda a: (similarity.normalize, (a,), {})),
    Case("embeddings.similarity.normalize", "shape", "x", st.just(()), lambda s: (similarity.normalize, (np.ones(s),), {}),
         error=ValueError, expected="shape (..., d)", got="shape ()"),
    Case("embeddings.similarity.cosine_similarity", "shape", "b", st.sampled_from([(4,), (2, 2)]),
         lambda s: (similarity.cosine_similarity, (np.ones(3), np.ones(s)), {}), error=ValueError,
         expected="shape (..., 3)", got=lambda s: f"shape {s}"),
    kind_case("embeddings.similarity.cosine_similarity", "a and b", [torch.ones(3, dtype=torch.float64)],
              lambda t: (similarity.cosine_similarity, (np.ones(3), t), {}), expected="both NumPy arrays or both torch tensors",
              got="ndarray and Tensor"),
    Case("embeddings.similarity.cosine_similarity", "device", "b", st.just("meta"),
         lambda d: (similarity.cosine_similarity, (torch.ones(3), torch.ones(3, device=d)), {}), error=ValueError,
         expected="device cpu", got="device meta"),
    Case("embeddings.similarity.cosine_similarity", "number", "b", st.sampled_from([0, 1]),
         lambda i: (similarity.cosine_similarity, (np.ones((2, 3)), np.eye(3)[:2] * np.array([[i], [1 - i]])), {}),
         error=ValueError, expected="non-zero vectors", got="zero vector", note="zero vector"),
    finite_case("embeddings.similarity.nearest_neighbours", "query", (3,), lambda q: (NN, (q, M, 2), {})),
    finite_case("embeddings.similarity.nearest_neighbours", "matrix", (4, 3), lambda m: (NN, (np.ones(3), m, 1), {})),
    ids_case("embeddings.similarity.nearest_neighbours", "exclude", 4, (2,), lambda e: (NN, (M[0], M, 1), {"exclude": e}),
             torch_tensor=False, what="row indices"),
    Case("embeddings.similarity.nearest_neighbours", "empty", "exclude", st.sampled_from([range(4), [0, 1, 2, 3, 3]]),
         lambda e: (NN, (M[0], M, 1), {"exclude": e}), error=ValueError, expected="at least one row of matrix left",
         got="all 4 rows excluded"),
    kind_case("embeddings.similarity.nearest_neighbours", "exclude", ["0", 1.5, [0.0]],
              lambda e: (NN, (M[0], M, 1), {"exclude": e}), error=TypeError, expected="",
              got=lambda e: "str" if isinstance(e, str) else "dtype float64" if isinstance(e, list) else "float"),
    size_case("embeddings.similarity.nearest_neighbours", "k", lambda k: (NN, (M[0], M, k), {"exclude": [0]}),
              maximum=3),
    Case("embeddings.similarity.nearest_neighbours", "shape", "query", st.sampled_from([(2,), (1, 1, 3), ()]),
         lambda s: (NN, (np.ones(s), M, 1), {}), error=ValueError, expected="", got=lambda s: f"shape {s}"),
    valid_case("embeddings.similarity.nearest_neighbours", "exclude", [0, np.int64(0), [0], (0, 0)],
               lambda e: (NN, (M[0], M, 2), {"exclude": e}), check=lambda r, e: r[0].tolist() == [1, 2]),
    valid_case("embeddings.similarity.nearest_neighbours", "matrix", [np.vstack([np.zeros(3), M])],
               lambda m: (NN, (M[0], m, 2), {"exclude": 0}), check=lambda r, m: r[0].tolist() == [1, 2],
               note="an excluded zero row"),
    Case("embeddings.similarity.sentence_vector", "kind", "how", st.sampled_from(["max", "MEAN", None]),
         lambda h: (similarity.sentence_vector, (np.ones((3, 2)), h), {}), error=ValueError, expected="'mean' or 'sum'",
         got=lambda h: repr(h) if isinstance(h, str) else "NoneType"),
    Case("embeddings.similarity.sentence_vector", "empty", "token_vectors", st.sampled_from([(0, 3), (2, 0, 3)]),
         lambda s: (similarity.sentence_vector, (np.ones(s),), {}), error=ValueError, expected="T >= 1 tokens",
         got=lambda s: f"shape {s}"),
    float_dtype_case("embeddings.similarity.sentence_vector", "token_vectors", (3, 2),
                     lambda a: (similarity.sentence_vector, (a,), {})),
]


def _with_zero_row(row):
    x = np.ones((3, 3))
    x[row] = 0.0
    return x


def _index(n=2):
    index = vector_search.BruteForceIndex(3)
    if n:
        index.add(list("xyz")[:n], M[:n])
    return index


CASES += [
    size_case("embeddings.vector_search.BruteForceIndex", "dim", lambda d: (vector_search.BruteForceIndex, (d,), {})),
    Case("embeddings.vector_search.BruteForceIndex.add", "tokens", "ids", st.sampled_from(["ab", [["a"], ["b"]],
                                                                                          [torch.tensor(1), torch.tensor(2)]]),
         lambda ids: (_index().add, (ids, M[2:]), {}), error=TypeError, expected="a sequence of tokens",
         got=lambda ids: "str" if isinstance(ids, str) else type(ids[0]).__name__),
    Case("embeddings.vector_search.BruteForceIndex.add", "kind", "ids", st.sampled_from([["x", "w"], ["w", "w"]]),
         lambda ids: (_index().add, (ids, M[2:]), {}), error=ValueError, expected="distinct ids",
         got=lambda ids: "duplicates", note="repeated"),
    finite_case("embeddings.vector_search.BruteForceIndex.add", "vectors", (2, 3),
                lambda v: (_index().add, (["u", "w"], v), {})),
    Case("embeddings.vector_search.BruteForceIndex.add", "shape", "vectors", st.sampled_from([(2, 4), (3,), (2, 3, 1)]),
         lambda s: (_index().add, (["u", "w"], np.ones(s)), {}), error=ValueError, expected="shape",
         got=lambda s: f"shape {s}"),
    valid_case("embeddings.vector_search.BruteForceIndex.add", "ids", [torch.tensor([5, 6]), np.array([5, 6]), range(5, 7)],
               lambda ids: (_index().add, (ids, M[2:]), {})),
    finite_case("embeddings.vector_search.BruteForceIndex.search", "query", (3,), lambda q: (_index().search, (q, 1), {})),
    size_case("embeddings.vector_search.BruteForceIndex.search", "k", lambda k: (_index().search, (M[0], k), {}),
              maximum=2),
    Case("embeddings.vector_search.BruteForceIndex.search", "empty", "index", st.just(1),
         lambda k: (_index(0).search, (M[0], k), {}), error=ValueError, expected="at least one stored vector",
         got="an empty index"),
]

# ---- word2vec: windows, sub-sampling ---------------------------------------------------------------------------
SENTENCE = ["never", "too", "late", "to", "learn"]
for fn in ("context_windows", "skipgram_pairs", "cbow_examples"):
    f = getattr(windows, fn)
    name = f"embeddings.word2vec.windows.{fn}"
    CASES += [
        Case(name, "tokens", "tokens", st.sampled_from(["never too late", b"bytes"]), lambda t, f=f: (f, (t, 1), {}),
             error=TypeError, expected="a sequence of tokens", got=lambda t: type(t).__name__),
        Case(name, "tokens", "tokens", st.sampled_from([[SENTENCE, SENTENCE], [["a"], "b"]]), lambda t, f=f: (f, (t, 1), {}),
             error=TypeError, expected="a sequence of tokens", got="list", note="a list of sentences"),
        size_case(name, "window", lambda w, f=f: (f, (SENTENCE, w), {})),
        kind_case(name, "dynamic", ["yes", 1, None], lambda d, f=f: (f, (SENTENCE, 2), {"dynamic": d}),
                  expected="True or False"),
        kind_case(name, "rng", [None, 0, "seed"], lambda r, f=f: (f, (SENTENCE, 2), {"dynamic": True, "rng": r}),
                  expected="a numpy.random.Generator"),
    ]
CASES += [
    Case("embeddings.word2vec.windows.expected_context_weight", "number", "distance", st.integers(-100, 0),
         lambda d: (windows.expected_context_weight, ([1, d], 3), {}), error=ValueError, expected="integers >= 1",
         got=lambda d: str(d)),
    Case("embeddings.word2vec.windows.expected_context_weight", "dtype", "distance", st.sampled_from([[1.5], [1.0, 2.0]]),
         lambda d: (windows.expected_context_weight, (d, 3), {}), error=TypeError, expected="integer distances",
         got="dtype float64"),
    size_case("embeddings.word2vec.windows.expected_context_weight", "window",
              lambda w: (windows.expected_context_weight, ([1, 2], w), {})),
]
for fn in ("keep_probability", "paper_discard_probability"):
    f = getattr(subsampling, fn)
    name = f"embeddings.word2vec.subsampling.{fn}"
    CASES += [
        finite_case(name, "counts", (5,), lambda c, f=f: (f, (_positive(c),), {}), note="nan or inf"),
        Case(name, "number", "counts", st.integers(-10**6, -1), lambda c, f=f: (f, ([5, c, 3],), {}), error=ValueError,
             expected="counts >= 0", got=lambda c: f"{c} at index 1"),
        Case(name, "shape", "counts", st.sampled_from([(2, 2), (), (0,)]), lambda s, f=f: (f, (np.ones(s),), {}),
             error=ValueError, expected="a 1-D array of at least 1 word counts", got=lambda s: f"shape {s}"),
        kind_case(name, "counts", [["a", "b"], [True, False], None], lambda c, f=f: (f, (c,), {}),
                  expected="an array of real numbers", got=_bools_or_type),
        Case(name, "number", "counts", st.sampled_from([[0, 0], [0.0]]), lambda c, f=f: (f, (c,), {}), error=ValueError,
             expected="a positive total count", got="zero", note="all zero"),
    ]
CASES += [
    number_case("embeddings.word2vec.subsampling.keep_probability", "sample",
                lambda s: (subsampling.keep_probability, ([5, 3, 1],), {"sample": s}), minimum=0, maximum=1, max_open=True),
    number_case("embeddings.word2vec.subsampling.paper_discard_probability", "sample",
                lambda s: (subsampling.paper_discard_probability, ([5, 3, 1],), {"sample": s}), minimum=0, maximum=1,
                min_open=True, max_open=True),
    ids_case("embeddings.word2vec.subsampling.subsample", "ids", 3, (6,),
             lambda ids: (subsampling.subsample, (ids, np.ones(3), np.random.default_rng(0)), {}), torch_tensor=False,
             what="token ids"),
    id_dtype_case("embeddings.word2vec.subsampling.subsample", "ids", (3,),
                  lambda ids: (subsampling.subsample, (ids, np.ones(3), np.random.default_rng(0)), {}), torch_tensor=False),
    Case("embeddings.word2vec.subsampling.subsample", "number", "keep_prob", st.floats(1.0001, 10) | st.floats(-10, -1e-4),
         lambda p: (subsampling.subsample, ([0, 1], np.array([0.5, p]), np.random.default_rng(0)), {}), error=ValueError,
         expected="values in [0, 1]", got="values in"),
    kind_case("embeddings.word2vec.subsampling.subsample", "rng", [0, None, torch.Generator()],
              lambda r: (subsampling.subsample, ([0, 1], np.ones(2), r), {}), expected="a numpy.random.Generator"),
    valid_case("embeddings.word2vec.subsampling.subsample", "ids", [[], np.zeros(0, dtype=np.int64)],
               lambda ids: (subsampling.subsample, (ids, np.ones(2), np.random.default_rng(0)), {}),
               check=lambda r, ids: r.size == 0),
]

# ---- word2vec: Huffman tree and hierarchical softmax -----------------------------------------------------------
CODES, POINTS = huffman.build_huffman_tree([5, 3, 2, 1])
INNER = np.zeros((3, 2))
CASES += [
    finite_case("embeddings.word2vec.huffman.build_huffman_tree", "counts", (5,),
                lambda c: (huffman.build_huffman_tree, (_positive(c),), {}), timeout=20.0),
    Case("embeddings.word2vec.huffman.build_huffman_tree", "number", "counts", st.integers(-10**6, -1),
         lambda c: (huffman.build_huffman_tree, ([5, c, 3],), {}), error=ValueError, expected="counts >= 0",
         got=lambda c: f"{c} at index 1"),
    Case("embeddings.word2vec.huffman.build_huffman_tree", "shape", "counts", st.sampled_from([(1,), (0,), (2, 2)]),
         lambda s: (huffman.build_huffman_tree, (np.ones(s),), {}), error=ValueError,
         expected="a 1-D array of at least 2 word counts", got=lambda s: f"shape {s}"),
    kind_case("embeddings.word2vec.huffman.build_huffman_tree", "counts", [["3", "1"], None, [None, 1]],
              lambda c: (huffman.build_huffman_tree, (c,), {}), expected="an array of real numbers"),
]
for fn in ("hs_log_probability", "hs_grad"):
    f = getattr(hs, fn)
    name = f"embeddings.word2vec.hierarchical_softmax.{fn}"
    CASES += [
        ids_case(name, "point", 3, (2,), lambda p, f=f: (f, (np.ones(2), INNER, [0, 1], p), {}), torch_tensor=False,
                 what="inner-node indices"),
        ids_case(name, "code", 2, (3,), lambda c, f=f: (f, (np.ones(2), INNER, c, [2, 1, 0]), {}), torch_tensor=False,
                 what="branches (0 or 1)", note="code"),
        Case(name, "shape", "code, point", st.sampled_from([([0, 1], [2]), ([[0, 1]], [[2, 1]])]),
             lambda cp, f=f: (f, (np.ones(2), INNER, *cp), {}), error=ValueError, expected="two 1-D arrays of equal length",
             got="shapes"),
        Case(name, "shape", "center", st.sampled_from([(1, 2), (2, 2), ()]),
             lambda s, f=f: (f, (np.ones(s), INNER, CODES[0], POINTS[0]), {}), error=ValueError, expected="shape",
             got=lambda s: f"shape {s}", note="center"),
        float_dtype_case(name, "inner_vectors", (3, 2), lambda a, f=f: (f, (np.ones(2), a, CODES[0], POINTS[0]), {})),
    ]
CASES += [
    Case("embeddings.word2vec.hierarchical_softmax.hs_probabilities", "shape", "points", st.sampled_from([2, 3, 5]),
         lambda n: (hs.hs_probabilities, (np.ones(2), INNER, CODES, (POINTS * 2)[:n]), {}), error=ValueError,
         expected="4 (V = len(inner_vectors) + 1) paths", got=lambda n: str(n)),
    kind_case("embeddings.word2vec.hierarchical_softmax.hs_probabilities", "codes", [None, "0101", np.zeros((4, 3))],
              lambda c: (hs.hs_probabilities, (np.ones(2), INNER, c, POINTS), {}), expected="a list of 1-D arrays"),
    Case("embeddings.word2vec.hierarchical_softmax.padded_paths", "empty", "codes", st.just([]),
         lambda c: (hs.padded_paths, (c, []), {}), error=ValueError, expected="at least one", got="0"),
    Case("embeddings.word2vec.hierarchical_softmax.padded_paths", "shape", "points", st.sampled_from([1, 2, 3]),
         lambda n: (hs.padded_paths, (CODES, POINTS[:n]), {}), error=ValueError, expected="4 paths, one per word",
         got=lambda n: str(n)),
    kind_case("embeddings.word2vec.hierarchical_softmax.padded_paths", "codes", [None, "01", np.zeros((4, 2))],
              lambda c: (hs.padded_paths, (c, POINTS), {}), expected="a list of 1-D arrays"),
    ids_case("embeddings.word2vec.hierarchical_softmax.padded_paths", "code", 2, (2,),
             lambda c: (hs.padded_paths, ([c, np.array([1, 0])], [np.array([0, 0]), np.array([0, 0])]), {}),
             torch_tensor=False, what="branches (0 or 1)"),
]

# ---- word2vec: negative sampling ---------------------------------------------------------------------------------
C2 = np.zeros((2, 3))
CASES += [
    finite_case("embeddings.word2vec.negative_sampling.noise_distribution", "counts", (4,),
                lambda c: (ns.noise_distribution, (_positive(c),), {})),
    Case("embeddings.word2vec.negative_sampling.noise_distribution", "number", "counts", st.sampled_from([[0, 0], [1, -1]]),
         lambda c: (ns.noise_distribution, (c,), {}), error=ValueError, expected="", got=lambda c: "zero" if c == [0, 0]
         else "-1 at index 1"),
    number_case("embeddings.word2vec.negative_sampling.noise_distribution", "power",
                lambda p: (ns.noise_distribution, ([3, 1],), {"power": p}), minimum=0),
    finite_case("embeddings.word2vec.negative_sampling.NegativeSampler", "counts", (4,),
                lambda c: (ns.NegativeSampler, (_positive(c),), {})),
    Case("embeddings.word2vec.negative_sampling.NegativeSampler", "kind", "method", st.sampled_from(["table", "Alias", None]),
         lambda m: (ns.NegativeSampler, ([3, 1],), {"method": m}), error=ValueError, expected="'alias' or 'cumulative'",
         got=lambda m: repr(m) if isinstance(m, str) else "NoneType"),
    kind_case("embeddings.word2vec.negative_sampling.NegativeSampler", "rng", ["0", 1.5, -1],
              lambda r: (ns.NegativeSampler, ([3, 1],), {"rng": r}), error=lambda r: ValueError if r == -1 else TypeError,
              expected="a seed (an integer >= 0)"),
    size_case("embeddings.word2vec.negative_sampling.NegativeSampler.sample", "size",
              lambda n: (ns.NegativeSampler([3, 1]).sample, (n,), {}), minimum=0),
    Case("embeddings.word2vec.negative_sampling.NegativeSampler.sample", "size", "size[1]", st.sampled_from([-1, 2.5, "3"]),
         lambda n: (ns.NegativeSampler([3, 1]).sample, ((2, n),), {}),
         error=lambda n: ValueError if isinstance(n, int) else TypeError, expected="an integer >= 0",
         got=lambda n: str(n) if isinstance(n, int) else type(n).__name__, note="tuple"),
]
for fn in ("sgns_loss", "sgns_grad"):
    f = getattr(ns, fn)
    name = f"embeddings.word2vec.negative_sampling.{fn}"
    CASES += [
        Case(name, "shape", "negatives", st.sampled_from([(2, 3), (3, 1, 3), (2, 1, 4)]),
             lambda s, f=f: (f, (C2, C2, np.zeros(s)), {}), error=ValueError, expected="shape (2, k, 3)",
             got=lambda s: f"shape {s}"),
        Case(name, "shape", "context", st.sampled_from([(2, 4), (3, 3), (2,)]),
             lambda s, f=f: (f, (C2, np.zeros(s), np.zeros((2, 1, 3))), {}), error=ValueError,
             expected="shape (2, 3) like center", got=lambda s: f"shape {s}", note="context"),
        float_dtype_case(name, "center", (2, 3), lambda a, f=f: (f, (a, C2, np.zeros((2, 1, 3))), {})),
    ]
CASES += [
    Case("embeddings.word2vec.negative_sampling.sgns_loss", "empty", "center", st.just((0, 3)),
         lambda s: (ns.sgns_loss, (np.zeros(s), np.zeros(s), np.zeros((0, 2, 3))), {}), error=ValueError,
         expected="at least one sample", got="empty batch"),
]

# ---- word2vec: the models ----------------------------------------------------------------------------------------
V_W2V = 7
COUNTS = list(range(1, V_W2V + 1))


def model(cls, loss):
    torch.manual_seed(0)
    return cls(V_W2V, 3, loss, counts=COUNTS)


for cls_name in ("SkipGram", "CBOW"):
    cls = getattr(models, cls_name)
    name = f"embeddings.word2vec.models.{cls_name}"
    CASES += [
        size_case(name, "vocab_size", lambda n, c=cls: (c, (n, 3), {})),
        size_case(name, "vocab_size", lambda n, c=cls: (c, (n, 3, "hierarchical"), {"counts": [1] * max(int(n), 0)
                                                                                        if isinstance(n, (int, np.integer)) and n < 50 else [1, 1]}),
                  minimum=2, note="hierarchical"),
        size_case(name, "embedding_dim", lambda n, c=cls: (c, (V_W2V, n), {})),
        Case(name, "kind", "loss", st.sampled_from(["nce", "Softmax", None]), lambda l, c=cls: (c, (V_W2V, 3, l), {}),
             error=ValueError, expected="one of ['softmax', 'negative', 'hierarchical']",
             got=lambda l: repr(l) if isinstance(l, str) else "NoneType"),
        Case(name, "shape", "counts", st.sampled_from([None, [1, 2, 3], list(range(10))]),
             lambda cts, c=cls: (c, (V_W2V, 3, "hierarchical"), {"counts": cts}), error=ValueError,
             expected="7 word counts", got=lambda cts: "None" if cts is None else f"{len(cts)} counts"),
        finite_case(name, "counts", (V_W2V,), lambda cts, c=cls: (c, (V_W2V, 3, "hierarchical"), {"counts": _positive(cts)}),
                    timeout=20.0),
        kind_case(name, "dtype", [torch.long, "float64"], lambda d, c=cls: (c, (V_W2V, 3), {"dtype": d}),
                  expected="a floating-point torch.dtype"),
    ]
NEG = torch.zeros(2, 3, dtype=torch.long)
for loss in ("softmax", "negative", "hierarchical"):
    CASES += [
        ids_case("embeddings.word2vec.models.SkipGram.forward", "context", V_W2V, (2,),
                 lambda c, l=loss: (model(models.SkipGram, l), (torch.tensor([1, 2]), c, NEG), {}), what="word ids",
                 note=loss),
        ids_case("embeddings.word2vec.models.SkipGram.forward", "target", V_W2V, (2,),
                 lambda t, l=loss: (model(models.SkipGram, l), (t, torch.tensor([1, 2]), NEG), {}), what="word ids",
                 note=f"target {loss}"),
        id_dtype_case("embeddings.word2vec.models.SkipGram.forward", "context", (2,),
                      lambda c, l=loss: (model(models.SkipGram, l), (torch.tensor([1, 2]), c, NEG), {}), note=f"dtype {loss}"),
        ids_case("embeddings.word2vec.models.CBOW.forward", "target", V_W2V, (2,),
                 lambda t, l=loss: (model(models.CBOW, l), (torch.tensor([[1, 2], [3, -1]]), t, NEG), {}),
                 what="word ids", note=loss),
        Case("embeddings.word2vec.models.CBOW.forward", "ids", "contexts", st.sampled_from([-2, -100, V_W2V, 99]),
             lambda bad, l=loss: (model(models.CBOW, l), (torch.tensor([[1, bad], [3, -1]]), torch.tensor([0, 1]), NEG), {}),
             error=IndexError, expected="or -1 for padding", got=lambda bad: f"got {bad} at position (0, 1)",
             note=f"padding {loss}"),
    ]
CASES += [
    Case("embeddings.word2vec.models.SkipGram.forward", "shape", "negatives", st.sampled_from([(2,), (3, 2), (2, 2, 1)]),
         lambda s: (model(models.SkipGram, "negative"), (torch.tensor([1, 2]), torch.tensor([3, 4]),
                                                           torch.zeros(s, dtype=torch.long)), {}),
         error=ValueError, expected="shape (2, k)", got=lambda s: f"shape {s}"),
    Case("embeddings.word2vec.models.SkipGram.forward", "shape", "context", st.sampled_from([(3,), (1,), (2, 1)]),
         lambda s: (model(models.SkipGram, "softmax"), (torch.tensor([1, 2]), torch.zeros(s, dtype=torch.long)), {}),
         error=ValueError, expected="shape (2,)", got=lambda s: f"shape {s}", note="context"),
    Case("embeddings.word2vec.models.SkipGram.forward", "empty", "target", st.sampled_from([(0,), (2, 2)]),
         lambda s: (model(models.SkipGram, "softmax"), (torch.zeros(s, dtype=torch.long), torch.zeros(s, dtype=torch.long)),
                    {}), error=ValueError, expected="a non-empty batch", got=lambda s: f"shape {s}"),
    Case("embeddings.word2vec.models.SkipGram.forward", "kind", "negatives", st.just(None),
         lambda n: (model(models.SkipGram, "negative"), (torch.tensor([1]), torch.tensor([2]), n), {}), error=ValueError,
         expected="a (batch, k) tensor of noise word ids", got="None", note="missing"),
    Case("embeddings.word2vec.models.CBOW.forward", "shape", "contexts", st.sampled_from([(2,), (0, 2), (2, 0)]),
         lambda s: (model(models.CBOW, "softmax"), (torch.zeros(s, dtype=torch.long), torch.tensor([0, 1])), {}),
         error=ValueError, expected="a non-empty batch of shape (batch, C)", got=lambda s: f"shape {s}"),
    Case("embeddings.word2vec.models.CBOW.forward", "shape", "target", st.sampled_from([(3,), (1,)]),
         lambda s: (model(models.CBOW, "softmax"), (torch.zeros(2, 2, dtype=torch.long), torch.zeros(s, dtype=torch.long)),
                    {}), error=ValueError, expected="shape (2,)", got=lambda s: f"shape {s}", note="target"),
    Case("embeddings.word2vec.models.CBOW.forward", "empty", "contexts", st.just([[-1, -1]]),
         lambda c: (model(models.CBOW, "softmax"), (torch.tensor(c), torch.tensor([0])), {}), error=ValueError,
         expected="at least one context word", got="an all-padding row"),
]

# ---- word2vec: training ---------------------------------------------------------------------------------------------
SENTENCES = [" ".join(d) for d in DOCS]
CASES += [
    Case("embeddings.word2vec.training.build_vocabulary", "tokens", "docs", st.sampled_from([SENTENCES, SENTENCES[:1]]),
         lambda d: (training.build_vocabulary, (d,), {"min_count": 1}), error=TypeError,
         expected="a list of token lists", got="a list of str"),
    Case("embeddings.word2vec.training.build_vocabulary", "tokens", "docs", st.sampled_from(["the cat sat", None]),
         lambda d: (training.build_vocabulary, (d,), {}), error=TypeError, expected="a list of token lists",
         got=lambda d: type(d).__name__, note="not a list"),
    size_case("embeddings.word2vec.training.build_vocabulary", "min_count",
              lambda n: (training.build_vocabulary, (DOCS,), {"min_count": n})),
    Case("embeddings.word2vec.training.encode_corpus", "tokens", "docs", st.sampled_from([SENTENCES, DOCS[0]]),
         lambda d: (training.encode_corpus, (d, training.build_vocabulary(DOCS, 1)), {}), error=TypeError,
         expected="a list of token lists", got="a list of str"),
    kind_case("embeddings.word2vec.training.encode_corpus", "vocab", [["the", "cat"], {"the": 0}, None],
              lambda v: (training.encode_corpus, (DOCS, v), {}), expected="a Vocabulary"),
    ids_case("embeddings.word2vec.training.chunk_pairs", "ids", 4, (6,),
             lambda ids: (training.chunk_pairs, (ids, np.zeros(6, dtype=np.int64), np.ones(4), 2, np.random.default_rng(0)),
                          {}), torch_tensor=False, what="word ids"),
    Case("embeddings.word2vec.training.chunk_pairs", "shape", "ids, doc_index", st.sampled_from([5, 7, 1]),
         lambda n: (training.chunk_pairs, (np.zeros(6, dtype=np.int64), np.zeros(n, dtype=np.int64), np.ones(4), 2,
                                           np.random.default_rng(0)), {}), error=ValueError,
         expected="two 1-D arrays of the same length", got=lambda n: f"({n},)"),
    Case("embeddings.word2vec.training.chunk_pairs", "number", "keep_prob", st.floats(1.001, 10) | st.floats(-5, -0.001),
         lambda p: (training.chunk_pairs, (np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64), np.array([p, 1.0]), 2,
                                           np.random.default_rng(0)), {}), error=ValueError, expected="values in [0, 1]",
         got="values in"),
    size_case("embeddings.word2vec.training.chunk_pairs", "window",
              lambda w: (training.chunk_pairs, (np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64), np.ones(2), w,
                                                np.random.default_rng(0)), {})),
    kind_case("embeddings.word2vec.training.chunk_pairs", "rng", [0, None],
              lambda r: (training.chunk_pairs, (np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64), np.ones(2), 2, r),
                         {}), expected="a numpy.random.Generator"),
    id_dtype_case("embeddings.word2vec.training.chunk_pairs", "ids", (3,),
                  lambda ids: (training.chunk_pairs, (ids, np.zeros(3, dtype=np.int64), np.ones(4), 2,
                                                      np.random.default_rng(0)), {}), torch_tensor=False),
]


def sgd_step(inputs=None, outputs=None, lr=0.1, w_out_dtype=torch.float32, **kw):
    torch.manual_seed(0)
    w_in, w_out = torch.rand(6, 3), torch.rand(6, 3, dtype=w_out_dtype)
    inputs = torch.tensor([0, 1, 2]) if inputs is None else inputs
    outputs = torch.tensor([[1, 2], [2, 3], [3, 4]]) if outputs is None else outputs
    return training.sgns_sgd_step, (w_in, w_out, inputs, outputs, lr), kw


CASES += [
    ids_case("embeddings.word2vec.training.sgns_sgd_step", "inputs", 6, (3,), lambda i: sgd_step(inputs=i), what="word ids"),
    ids_case("embeddings.word2vec.training.sgns_sgd_step", "outputs", 6, (3, 2), lambda o: sgd_step(outputs=o),
             what="word ids"),
    Case("embeddings.word2vec.training.sgns_sgd_step", "shape", "outputs", st.sampled_from([(3,), (2, 2), (4, 3)]),
         lambda s: sgd_step(outputs=torch.zeros(s, dtype=torch.long)), error=ValueError, expected="shape (3, 1 + K)",
         got=lambda s: f"{s} (outputs)"),
    Case("embeddings.word2vec.training.sgns_sgd_step", "dtype", "w_out", st.sampled_from([torch.float64, torch.float16]),
         lambda t: sgd_step(w_out_dtype=t), error=TypeError, expected="dtype torch.float32", got=lambda t: f"dtype {t}"),
    number_case("embeddings.word2vec.training.sgns_sgd_step", "lr", lambda lr: sgd_step(lr=lr), minimum=0, min_open=True),
    id_dtype_case("embeddings.word2vec.training.sgns_sgd_step", "inputs", (3,), lambda i: sgd_step(inputs=i)),
    valid_case("embeddings.word2vec.training.sgns_sgd_step", "inputs", [0],
               lambda _: sgd_step(inputs=torch.zeros(0, dtype=torch.long), outputs=torch.zeros(0, 6, dtype=torch.long)),
               check=lambda loss, _: loss == 0.0, note="an empty batch"),
]
TRAIN = training.train_skipgram


def train(docs=DOCS, **kw):
    args = dict(vector_size=4, min_count=1, epochs=1, workers=1)
    args.update(kw)
    return TRAIN, (docs,), args


CASES += [
    Case("embeddings.word2vec.training.train_skipgram", "tokens", "docs", st.sampled_from([SENTENCES, DOCS[0]]),
         lambda d: train(d), error=TypeError, expected="a list of token lists", got="a list of str", examples=2),
    number_case("embeddings.word2vec.training.train_skipgram", "alpha", lambda a: train(alpha=a), minimum=0,
                min_open=True, examples=6),
    number_case("embeddings.word2vec.training.train_skipgram", "min_alpha", lambda a: train(min_alpha=a), minimum=0,
                maximum=0.025, examples=6),
    number_case("embeddings.word2vec.training.train_skipgram", "sample", lambda s: train(sample=s), minimum=0, maximum=1,
                max_open=True, examples=6),
    size_case("embeddings.word2vec.training.train_skipgram", "vector_size", lambda n: train(vector_size=n), examples=6),
    size_case("embeddings.word2vec.training.train_skipgram", "window", lambda n: train(window=n), examples=6),
    size_case("embeddings.word2vec.training.train_skipgram", "negative", lambda n: train(negative=n), examples=6),
    size_case("embeddings.word2vec.training.train_skipgram", "workers", lambda n: train(workers=n), examples=6),
    kind_case("embeddings.word2vec.training.train_skipgram", "seed", ["0", -1, 1.5], lambda s: train(seed=s),
              error=lambda s: ValueError if s == -1 else TypeError, expected="an integer >= 0",
              got=lambda s: "-1" if s == -1 else type(s).__name__),
    valid_case("embeddings.word2vec.training.train_skipgram", "vector_size", [np.int64(4)],
               lambda n: train(vector_size=n, window=np.int32(2), epochs=np.int64(1)),
               check=lambda r, n: r.input_vectors.shape[1] == 4, examples=1),
]

# ---- word2vec: evaluation and corpus ----------------------------------------------------------------------------------
VECTORS = np.array([[1.0, 0.2], [0.9, 0.4], [0.1, 1.0]])
CASES += [
    finite_case("embeddings.word2vec.evaluation.average_ranks", "x", (5,), lambda x: (evaluation.average_ranks, (x,), {})),
    Case("embeddings.word2vec.evaluation.average_ranks", "shape", "x", st.sampled_from([(2, 2), ()]),
         lambda s: (evaluation.average_ranks, (np.ones(s),), {}), error=ValueError, expected="a 1-D array",
         got=lambda s: f"shape {s}"),
    kind_case("embeddings.word2vec.evaluation.average_ranks", "x", [["a", "b"], [True, False], None],
              lambda x: (evaluation.average_ranks, (x,), {}), expected="an array of real numbers", got=_bools_or_type),
    finite_case("embeddings.word2vec.evaluation.spearman", "x", (5,), lambda x: (evaluation.spearman, (x, np.arange(5.0)), {})),
    finite_case("embeddings.word2vec.evaluation.spearman", "y", (5,), lambda y: (evaluation.spearman, (np.arange(5.0), y), {})),
    Case("embeddings.word2vec.evaluation.spearman", "shape", "x, y", st.sampled_from([2, 4, 1]),
         lambda n: (evaluation.spearman, (np.arange(3.0), np.arange(float(n))), {}), error=ValueError,
         expected="two 1-D arrays of the same length >= 2", got=lambda n: f"({n},)"),
    kind_case("embeddings.word2vec.evaluation.spearman", "x", [["a", "b"], None], lambda x: (evaluation.spearman, (x, [1, 2]), {}),
              expected="an array of real numbers"),
    valid_case("embeddings.word2vec.evaluation.spearman", "x", [[1, 2, 3], np.array([3, 1, 2], dtype=np.int8)],
               lambda x: (evaluation.spearman, (x, [1.0, 2.0, 3.0]), {}), check=lambda r, x: -1 <= r <= 1),
    kind_case("embeddings.word2vec.evaluation.read_word_pairs", "path", [None, 3, ["pairs.tsv"]],
              lambda p: (evaluation.read_word_pairs, (p,), {}), expected="a path"),
    Case("embeddings.word2vec.evaluation.read_word_pairs", "kind", "path", st.just(MISSING),
         lambda p: (evaluation.read_word_pairs, (p,), {}), error=FileNotFoundError, expected="an existing file",
         got="missing.tsv", note="missing"),
    Case("embeddings.word2vec.evaluation.evaluate_word_pairs", "number", "vectors", st.sampled_from([0, 1, 2]),
         lambda row: (evaluation.evaluate_word_pairs, (_zero_row(row), WORDS, PAIRS), {}), error=ValueError,
         expected="non-zero vectors", got=lambda row: f"row {row} ({WORDS[row]!r})", note="zero vector"),
    finite_case("embeddings.word2vec.evaluation.evaluate_word_pairs", "vectors", (3, 2),
                lambda v: (evaluation.evaluate_word_pairs, (v, WORDS, PAIRS), {})),
    Case("embeddings.word2vec.evaluation.evaluate_word_pairs", "shape", "vectors", st.sampled_from([(2, 2), (4, 2), (3,)]),
         lambda s: (evaluation.evaluate_word_pairs, (np.ones(s), WORDS, PAIRS), {}), error=ValueError,
         expected="shape (3, d)", got=lambda s: str(s)),
    Case("embeddings.word2vec.evaluation.evaluate_word_pairs", "tokens", "vocab", st.sampled_from([[0, 1, 2], "cat"]),
         lambda v: (evaluation.evaluate_word_pairs, (VECTORS, v, PAIRS), {}), error=TypeError, expected="a sequence of",
         got=lambda v: "int" if isinstance(v, list) else "str"),
    Case("embeddings.word2vec.evaluation.evaluate_word_pairs", "empty", "path", st.just(NO_PAIRS),
         lambda p: (evaluation.evaluate_word_pairs, (VECTORS, WORDS, p), {}), error=ValueError,
         expected="lines 'word1<TAB>word2<TAB>score'", got="none"),
    size_case("embeddings.word2vec.evaluation.evaluate_word_pairs", "restrict_vocab",
              lambda n: (evaluation.evaluate_word_pairs, (VECTORS, WORDS, PAIRS), {"restrict_vocab": n})),
]


def _zero_row(row):
    v = VECTORS.copy()
    v[row] = 0.0
    return v


CASES += [
    kind_case("embeddings.word2vec.corpus.tokenize", "text", [b"bytes", None, ["a text"]],
              lambda t: (corpus.tokenize, (t,), {}), expected="a str"),
    size_case("embeddings.word2vec.corpus.tokenize", "min_len", lambda n: (corpus.tokenize, ("a text",), {"min_len": n})),
    size_case("embeddings.word2vec.corpus.tokenize", "max_len", lambda n: (corpus.tokenize, ("a text",),
                                                                         {"min_len": 3, "max_len": n}), minimum=3),
    kind_case("embeddings.word2vec.corpus.strip_wiki_markup", "text", [b"{{x}}", None, 3],
              lambda t: (corpus.strip_wiki_markup, (t,), {}), expected="a str"),
    valid_case("embeddings.word2vec.corpus.strip_wiki_markup", "text",
               ["|" + "a=" * 50_000, "[[" * 25_000 + "]]" * 25_000, "{{" * 25_000 + "}}" * 25_000, "<!--" * 25_000,
                "<ref>" * 20_000, "[a://" + "x" * 100_000, "File:" * 20_000, "\n" * 100_000],
               lambda t: (corpus.strip_wiki_markup, (t,), {}), examples=8, timeout=20.0,
               note="100,000 characters of broken markup"),
    kind_case("embeddings.word2vec.corpus.read_line_corpus", "path", [None, 3], lambda p: (corpus.read_line_corpus, (p,), {}),
              expected="a path"),
    Case("embeddings.word2vec.corpus.read_line_corpus", "kind", "path", st.just(MISSING),
         lambda p: (corpus.read_line_corpus, (p,), {}), error=FileNotFoundError, expected="an existing file",
         got="missing.tsv", note="missing"),
    Case("embeddings.word2vec.corpus.iter_wiki_articles", "kind", "path", st.just(NOT_BZ2),
         lambda p: (corpus.iter_wiki_articles, (p,), {}), error=ValueError, expected="a bz2-compressed MediaWiki dump",
         got="not bz2"),
    Case("embeddings.word2vec.corpus.iter_wiki_articles", "kind", "path", st.just(BROKEN_XML),
         lambda p: (lambda: list(corpus.iter_wiki_articles(p)), (), {}), error=ValueError,
         expected="a well-formed MediaWiki XML dump", got="ParseError", note="broken XML"),
    kind_case("embeddings.word2vec.corpus.iter_wiki_articles", "path", [None, 3],
              lambda p: (corpus.iter_wiki_articles, (p,), {}), expected="a path", note="type"),
    Case("embeddings.word2vec.corpus.read_wiki_dump", "kind", "path", st.sampled_from([NOT_BZ2, MISSING]),
         lambda p: (corpus.read_wiki_dump, (p,), {}), error=lambda p: ValueError if p == NOT_BZ2 else FileNotFoundError,
         expected="", got=lambda p: p.name),
    size_case("embeddings.word2vec.corpus.read_wiki_dump", "min_tokens",
              lambda n: (corpus.read_wiki_dump, (BROKEN_XML,), {"min_tokens": n}), minimum=0),
    Case("embeddings.word2vec.corpus.split_long_documents", "tokens", "docs", st.sampled_from([SENTENCES, "text"]),
         lambda d: (corpus.split_long_documents, (d,), {}), error=TypeError, expected="a list of token lists",
         got=lambda d: "str"),
    size_case("embeddings.word2vec.corpus.split_long_documents", "max_len",
              lambda n: (corpus.split_long_documents, (DOCS,), {"max_len": n})),
    kind_case("embeddings.word2vec.corpus.load_real_corpus", "data_dir", [3, ["dir"]],
              lambda d: (corpus.load_real_corpus, (d,), {}), expected="a path"),
    Case("embeddings.word2vec.corpus.load_real_corpus", "kind", "data_dir", st.sampled_from([TMP / "nowhere", PAIRS]),
         lambda d: (corpus.load_real_corpus, (d,), {}), error=FileNotFoundError, expected="an existing directory",
         got=lambda d: d.name, note="missing"),
    size_case("embeddings.word2vec.corpus.load_real_corpus", "max_len",
              lambda n: (corpus.load_real_corpus, (TMP,), {"max_len": n})),
]
