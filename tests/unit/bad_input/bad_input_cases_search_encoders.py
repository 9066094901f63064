"""Bad-input cases for the encoders page: exact cosine neighbours, label agreement@k and its base rate
(``search.retrieval_quality``), and the sentence vectors of the pipeline's classifiers (``search.encoders``)."""

from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st

from bad_input_harness import Case, finite_case, float_dtype_case, ids_case, id_dtype_case, kind_case, size_case, valid_case
from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.pipeline import dataset, models, tokenise
from neuralnlp.search import encoders, retrieval_quality as rq

CASES: list[Case] = []

RNG = np.random.default_rng(0)
QUERIES, COLLECTION = RNG.standard_normal((3, 4)), RNG.standard_normal((6, 4))
LABELS = np.array([0, 1, 0, 1, 1, 0])
IDS = np.array([[0, 1], [2, 3], [4, 5]])

# ---- cosine_neighbours ---------------------------------------------------------------------------------
CN = "search.retrieval_quality.cosine_neighbours"
CASES += [
    size_case(CN, "k", lambda k: (rq.cosine_neighbours, (QUERIES, COLLECTION, k), {}), maximum=6),
    size_case(CN, "k", lambda k: (rq.cosine_neighbours, (COLLECTION, COLLECTION, k), {"exclude_self": True}),
              maximum=5, note="exclude_self: at most n - 1"),
    size_case(CN, "chunk", lambda c: (rq.cosine_neighbours, (QUERIES, COLLECTION, 2), {"chunk": c})),
    finite_case(CN, "queries", (3, 4), lambda q: (rq.cosine_neighbours, (q, COLLECTION, 2), {})),
    finite_case(CN, "collection", (6, 4), lambda c: (rq.cosine_neighbours, (QUERIES, c, 2), {})),
    float_dtype_case(CN, "queries", (3, 4), lambda q: (rq.cosine_neighbours, (q, COLLECTION, 2), {})),
    float_dtype_case(CN, "collection", (6, 4), lambda c: (rq.cosine_neighbours, (QUERIES, c, 2), {})),
    Case(CN, "shape", "queries", st.sampled_from([np.zeros(4), np.zeros((0, 4))]),
         lambda q: (rq.cosine_neighbours, (q + 1, COLLECTION, 2), {}), error=ValueError,
         expected="a 2-D array of shape (n, 4) with at least one row", got=lambda q: f"shape {q.shape}"),
    Case(CN, "shape", "queries", st.just(np.zeros((3, 5))),
         lambda q: (rq.cosine_neighbours, (q + 1, COLLECTION, 2), {}), error=ValueError,
         expected="4 features on the last axis", got="shape (3, 5)", note="last axis"),
    Case(CN, "shape", "collection", st.sampled_from([np.zeros(4), np.zeros((0, 4)), np.zeros((2, 2, 2))]),
         lambda c: (rq.cosine_neighbours, (QUERIES, c + 1, 1), {}), error=ValueError,
         expected="a 2-D array of shape (n, d) with at least one row", got=lambda c: f"shape {c.shape}"),
    Case(CN, "shape", "queries", st.sampled_from([1, 2]),
         lambda row: (rq.cosine_neighbours, (np.where(np.arange(3)[:, None] == row, 0.0, QUERIES), COLLECTION, 2), {}),
         error=ValueError, expected="vectors with at least one non-zero value", got=lambda row: f"an all-zero row at index {row}",
         note="zero row"),
    Case(CN, "shape", "queries", st.sampled_from([QUERIES, COLLECTION[:5]]),
         lambda q: (rq.cosine_neighbours, (q, COLLECTION, 2), {"exclude_self": True}), error=ValueError,
         expected="6 rows, the collection itself", got=lambda q: str(len(q)), note="exclude_self"),
    kind_case(CN, "exclude_self", ["yes", 1, None], lambda v: (rq.cosine_neighbours, (QUERIES, COLLECTION, 2),
                                                               {"exclude_self": v}), expected="True or False"),
    valid_case(CN, "k", [1, 6], lambda k: (rq.cosine_neighbours, (QUERIES, COLLECTION, k), {}),
               check=lambda out, k: out[1].shape == (3, k) and out[1].dtype == np.int64),
]

# ---- label agreement --------------------------------------------------------------------------------------
for name, fn in (("search.retrieval_quality.label_agreement_per_query", rq.label_agreement_per_query),
                 ("search.retrieval_quality.label_agreement_at_k", rq.label_agreement_at_k)):
    CASES += [
        size_case(name, "k", lambda k, f=fn: (f, (IDS, [0, 1, 0], LABELS, k), {}), maximum=2, optional=True),
        ids_case(name, "neighbour_ids", 6, (3, 2), lambda ids, f=fn: (f, (ids, [0, 1, 0], LABELS), {}),
                 torch_tensor=False),
        id_dtype_case(name, "neighbour_ids", (3, 2), lambda ids, f=fn: (f, (ids, [0, 1, 0], LABELS), {}),
                      torch_tensor=False),
        Case(name, "shape", "neighbour_ids", st.sampled_from([np.array([0, 1]), np.zeros((0, 2), int)]),
             lambda ids, f=fn: (f, (ids, [0, 1, 0], LABELS), {}), error=ValueError,
             expected="a non-empty (queries, k) matrix of ids", got=lambda ids: f"shape {ids.shape}"),
        Case(name, "shape", "query_labels", st.sampled_from([[0, 1], [0, 1, 0, 1], [[0, 1, 0]]]),
             lambda y, f=fn: (f, (IDS, y, LABELS), {}), error=ValueError,
             expected="shape (3,), one class index per sample", got=lambda y: f"shape {np.shape(y)}"),
        id_dtype_case(name, "collection_labels", (6,), lambda y, f=fn: (f, (IDS, [0, 1, 0], y), {}),
                      torch_tensor=False),
    ]
CASES.append(valid_case("search.retrieval_quality.label_agreement_at_k", "k", [1, 2, None],
                        lambda k: (rq.label_agreement_at_k, (IDS, [0, 1, 0], LABELS, k), {}),
                        check=lambda out, k: abs(out - {1: 1 / 3, 2: 1 / 2, None: 1 / 2}[k]) < 1e-12))

# ---- base rate ------------------------------------------------------------------------------------------------
BR = "search.retrieval_quality.label_base_rate"
CASES += [
    Case(BR, "empty", "query_labels", st.sampled_from([[], np.zeros(0, np.int64)]),
         lambda y: (rq.label_base_rate, (y, LABELS), {}), error=ValueError, expected="at least one label",
         got=lambda y: "shape (0,)"),
    Case(BR, "empty", "collection_labels", st.sampled_from([[], np.zeros(0, np.int64)]),
         lambda y: (rq.label_base_rate, ([0, 1], y), {}), error=ValueError, expected="at least one label",
         got=lambda y: "shape (0,)"),
    id_dtype_case(BR, "query_labels", (3,), lambda y: (rq.label_base_rate, (y, LABELS), {}), torch_tensor=False),
    Case(BR, "shape", "query_labels", st.sampled_from([[0, 1], [1, 1, 0, 1, 1, 0]]),
         lambda y: (rq.label_base_rate, (y, LABELS), {"exclude_self": True}), error=ValueError,
         expected="the collection's own 6 labels", got=lambda y: "list"),
    kind_case(BR, "exclude_self", ["no", 0, None], lambda v: (rq.label_base_rate, (LABELS, LABELS), {"exclude_self": v}),
              expected="True or False"),
    valid_case(BR, "collection_labels", [[0, 0, 0, 1]], lambda y: (rq.label_base_rate, ([0, 1], y), {}),
               check=lambda out, _: abs(out - 0.5) < 1e-12),
]

# ---- sentence vectors of the pipeline's classifiers -----------------------------------------------------------
VOCAB = tokenise.build_text_vocabulary([list("好看不好差很喜欢")], min_count=1)


def _data():
    return dataset.ReviewDataset(["好看", "差", "很喜欢", "不好"], [1, 0, 1, 0], VOCAB, "char", 10)


def _model(kind="gru"):
    torch.manual_seed(0)
    return models.build_classifier(dict(model=kind, vocab_size=len(VOCAB), embedding_dim=4, hidden_size=3,
                                        n_classes=2, dropout=0.5))


CSV = "search.encoders.classifier_sentence_vectors"
CASES += [
    kind_case(CSV, "model", [None, "gru", torch.nn.Linear(4, 2), torch.nn.Sequential()],
              lambda m: (encoders.classifier_sentence_vectors, (m, _data()), {}),
              expected="a pipeline classifier whose last layer is an nn.Linear named output"),
    kind_case(CSV, "dataset", [None, ["好看"], [(torch.tensor([2, 3]), 1)]],
              lambda d: (encoders.classifier_sentence_vectors, (_model(), d), {}), expected="a ReviewDataset"),
    size_case(CSV, "batch_size", lambda b: (encoders.classifier_sentence_vectors, (_model(), _data(), b), {})),
    valid_case(CSV, "model", ["mean", "gru", "bigru"], lambda kind: (encoders.classifier_sentence_vectors,
                                                                     (_model(kind), _data(), 3), {}),
               check=lambda out, kind: out.shape == (4, {"mean": 4, "gru": 3, "bigru": 6}[kind])),
]

WORD_VOCAB = Vocabulary.build(list("好看不差很"), min_count=1)
MW = "search.encoders.mean_word2vec_model"
CASES += [
    kind_case(MW, "vocab", [None, ["好"], WORD_VOCAB],
              lambda v: (encoders.mean_word2vec_model, (v, np.ones((5, 3)), WORD_VOCAB), {}),
              error=lambda v: ValueError if isinstance(v, Vocabulary) else TypeError,
              expected=lambda v: "a vocabulary with <pad> at id 0" if isinstance(v, Vocabulary) else "a neuralnlp Vocabulary",
              got=lambda v: "Vocabulary" if isinstance(v, Vocabulary) else type(v).__name__),
    kind_case(MW, "word_vocab", [None, ["好"], {"好": 0}],
              lambda v: (encoders.mean_word2vec_model, (VOCAB, np.ones((5, 3)), v), {}),
              expected="a neuralnlp Vocabulary"),
    float_dtype_case(MW, "word_vectors", (5, 3), lambda w: (encoders.mean_word2vec_model, (VOCAB, w, WORD_VOCAB), {})),
    Case(MW, "shape", "word_vectors", st.sampled_from([np.ones((4, 3)), np.ones(5)]),
         lambda w: (encoders.mean_word2vec_model, (VOCAB, w, WORD_VOCAB), {}), error=ValueError,
         expected="shape (5, d), one row per word of word_vocab", got=lambda w: f"shape {w.shape}"),
    size_case(MW, "seed", lambda s: (encoders.mean_word2vec_model, (VOCAB, np.ones((5, 3)), WORD_VOCAB, s), {}),
              minimum=0),
    valid_case(MW, "word_vectors", [np.arange(15, dtype=np.float32).reshape(5, 3)],
               lambda w: (encoders.mean_word2vec_model, (VOCAB, w, WORD_VOCAB), {}),
               check=lambda model, w: model.embedding.weight.shape == (len(VOCAB), 3)
               and not model.embedding.weight.requires_grad),
]
