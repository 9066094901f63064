"""Bad-input cases for ``neuralnlp.search.analogy``: the analogy reader, solver and evaluator."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from bad_input_harness import (Case, finite_case, float_dtype_case, id_dtype_case, ids_case, kind_case, number_case,
                               size_case, valid_case)
from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir
from neuralnlp.search import analogy

CASES: list[Case] = []

VECTORS = np.random.default_rng(0).normal(size=(6, 3))
WORDS = ["athens", "greece", "baghdad", "iraq", "paris", "france"]
QUESTIONS = gensim_test_data_dir() / "questions-words.txt"
SOLVE = "search.analogy.solve_analogies"
EVALUATE = "search.analogy.evaluate_analogies"


def _solve(**kwargs):
    return analogy.solve_analogies, (kwargs.pop("vectors", VECTORS), kwargs.pop("a", [0]), kwargs.pop("a_star", [1]),
                                     kwargs.pop("b", [2])), kwargs


def _evaluate(**kwargs):
    return analogy.evaluate_analogies, (kwargs.pop("vectors", VECTORS), kwargs.pop("vocab", WORDS), QUESTIONS), kwargs


CASES += [
    finite_case(SOLVE, "vectors", (6, 3), lambda v: _solve(vectors=v)),
    float_dtype_case(SOLVE, "vectors", (6, 3), lambda v: _solve(vectors=v)),
    Case(SOLVE, "shape", "vectors", st.sampled_from([np.ones(4), np.ones((0, 3)), np.ones((2, 0))]),
         lambda v: _solve(vectors=v, a=[0], a_star=[0], b=[0]), error=ValueError,
         expected="a 2-D array of shape (n, d) with at least one row", got=lambda v: f"shape {v.shape}"),
    Case(SOLVE, "empty", "vectors", st.sampled_from([np.zeros((6, 3)), np.r_[VECTORS[:5], np.zeros((1, 3))]]),
         lambda v: _solve(vectors=v), error=ValueError, expected="vectors with at least one non-zero value", got="an all-zero row at"),
    ids_case(SOLVE, "a", 6, (3,), lambda ids: _solve(a=ids, a_star=[1, 1, 1], b=[2, 2, 2]), torch_tensor=False),
    ids_case(SOLVE, "b", 6, (2,), lambda ids: _solve(a=[0, 0], a_star=[1, 1], b=ids), torch_tensor=False),
    id_dtype_case(SOLVE, "a_star", (1,), lambda ids: _solve(a_star=ids)),
    Case(SOLVE, "shape", "a_star", st.sampled_from([[1, 2], [[1]], []]), lambda ids: _solve(a_star=ids),
         error=ValueError, expected="a 1-D array of 1 row ids, like a",
         got=lambda ids: f"shape {np.asarray(ids, dtype=np.int64).shape}"),
    kind_case(SOLVE, "method", ["3CosAdd", "add", "cosmul", None, 3], lambda m: _solve(method=m), error=ValueError,
              expected="'3cosadd' or '3cosmul'", got=lambda m: repr(m) if isinstance(m, str) else str(m)),
    size_case(SOLVE, "topn", lambda n: _solve(topn=n), maximum=6),
    size_case(SOLVE, "restrict_vocab", lambda n: _solve(restrict_vocab=n), optional=True),
    size_case(SOLVE, "chunk", lambda n: _solve(chunk=n)),
    number_case(SOLVE, "epsilon", lambda e: _solve(method="3cosmul", epsilon=e), minimum=0, min_open=True),
    kind_case(SOLVE, "exclude", [None, "yes", 1, 0.0], lambda x: _solve(exclude=x), expected="True or False"),
    valid_case(SOLVE, "restrict_vocab", [None, 1, 6, 10**6], lambda n: _solve(restrict_vocab=n),
               check=lambda out, _: out[1].shape == (1, 1)),
    valid_case(SOLVE, "a", [np.array([], dtype=np.int64), [3], np.array([5], dtype=np.int32)],
               lambda ids: _solve(a=ids, a_star=[1] * len(ids), b=[2] * len(ids)),
               check=lambda out, ids: out[1].shape == (len(ids), 1)),
]

CASES += [
    finite_case(EVALUATE, "vectors", (6, 3), lambda v: _evaluate(vectors=v)),
    float_dtype_case(EVALUATE, "vectors", (6, 3), lambda v: _evaluate(vectors=v)),
    Case(EVALUATE, "shape", "vectors", st.sampled_from([np.ones((5, 3)), np.ones(6), np.ones((7, 2))]),
         lambda v: _evaluate(vectors=v), error=ValueError, expected="shape (6, d), one row per word of vocab",
         got=lambda v: str(v.shape)),
    kind_case(EVALUATE, "vocab", ["athens greece", [1, 2, 3, 4, 5, 6], None],
              lambda w: _evaluate(vocab=w), expected="a sequence of", got=lambda w: ""),
    size_case(EVALUATE, "restrict_vocab", lambda n: _evaluate(restrict_vocab=n)),
    kind_case(EVALUATE, "method", ["3CosMul", "mul"], lambda m: _evaluate(method=m), error=ValueError,
              expected="'3cosadd' or '3cosmul'", got=lambda m: repr(m)),
    kind_case(EVALUATE, "exclude", [None, "no"], lambda x: _evaluate(exclude=x), expected="True or False"),
    number_case(EVALUATE, "epsilon", lambda e: _evaluate(epsilon=e), minimum=0, min_open=True),
    size_case(EVALUATE, "chunk", lambda n: _evaluate(chunk=n)),
    kind_case(EVALUATE, "path", ["/no/such/questions.txt"], lambda p: (analogy.evaluate_analogies, (VECTORS, WORDS, p),
                                                                       {}),
              error=FileNotFoundError, expected="", got=lambda p: p),
    valid_case(EVALUATE, "restrict_vocab", [1, 4, 300_000], lambda n: _evaluate(restrict_vocab=n),
               check=lambda out, _: out.overall.total == 19_544),
]

CASES += [
    kind_case("search.analogy.read_analogy_questions", "path", ["/no/such/questions.txt", 3, None],
              lambda p: (analogy.read_analogy_questions, (p,), {}),
              error=lambda p: FileNotFoundError if isinstance(p, str) else TypeError, expected="",
              got=lambda p: str(p) if isinstance(p, str) else ""),
    kind_case("search.analogy.section_kind", "name", [None, 3, b"gram1"],
              lambda n: (analogy.section_kind, (n,), {}), expected="a section name (str)",
              got=lambda n: type(n).__name__),
    valid_case("search.analogy.section_kind", "name", ["gram1-adjective-to-adverb", "family", ""],
               lambda n: (analogy.section_kind, (n,), {}), check=lambda out, n: out in ("semantic", "syntactic")),
]
