"""Analogies: the reader on gensim's questions-words.txt, 3CosAdd and 3CosMul by hand, and equality with
gensim (most_similar, most_similar_cosmul, evaluate_word_analogies) on the same vectors."""

import math

import numpy as np
import pytest

from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir, read_line_corpus
from neuralnlp.search.analogy import evaluate_analogies, read_analogy_questions, section_kind, solve_analogies

QUESTIONS = gensim_test_data_dir() / "questions-words.txt"

# man, woman, king, queen, apple: "man is to woman as king is to ?"
S = 1 / math.sqrt(2)
TOY = np.array([[1, 0, 0], [0, 1, 0], [S, 0, S], [0, S, S], [0.6, 0.8, 0.0]], dtype=np.float32)
MAN, WOMAN, KING, QUEEN, APPLE = range(5)


def test_reader_finds_the_fourteen_sections_of_mikolov_et_al():
    sections = read_analogy_questions(QUESTIONS)
    assert len(sections) == 14
    assert sum(len(s.questions) for s in sections) == 19_544
    assert [s.kind for s in sections] == ["semantic"] * 5 + ["syntactic"] * 9  # the first five are semantic
    assert sections[0].name == "capital-common-countries" and len(sections[0].questions) == 506
    assert sections[0].questions[0] == ("Athens", "Greece", "Baghdad", "Iraq")
    assert sections[4].name == "family" and sections[5].name == "gram1-adjective-to-adverb"
    assert sum(len(s.questions) for s in sections if s.kind == "semantic") == 8_869
    assert section_kind("gram3-comparative") == "syntactic" and section_kind("currency") == "semantic"


def test_reader_skips_malformed_lines_and_refuses_a_question_without_a_section(tmp_path):
    good = tmp_path / "q.txt"
    good.write_text(": one\na b c d\nonly three words\n\n: gram-two\ne f g h\n")
    sections = read_analogy_questions(good)
    assert [(s.name, s.kind, s.questions) for s in sections] == [
        ("one", "semantic", [("a", "b", "c", "d")]), ("gram-two", "syntactic", [("e", "f", "g", "h")])]
    bad = tmp_path / "bad.txt"
    bad.write_text("a b c d\n: one\n")
    with pytest.raises(ValueError, match="path: expected a section header"):
        read_analogy_questions(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text(": one\n")
    with pytest.raises(ValueError, match="path: expected sections of questions"):
        read_analogy_questions(empty)


def test_3cosadd_by_hand():
    # b − a + a* = king − man + woman = (S − 1, 1, S); its cosine with queen (0, S, S):
    target_norm = math.sqrt((S - 1) ** 2 + 1 + S**2)
    scores, ids = solve_analogies(TOY, [MAN], [WOMAN], [KING], topn=2)
    assert ids.tolist() == [[QUEEN, APPLE]]
    assert scores[0, 0] == pytest.approx((S + S * S) / target_norm, abs=1e-6)  # 0.9586
    assert scores[0, 1] == pytest.approx(((S - 1) * 0.6 + 0.8) / target_norm, abs=1e-6)
    # without the exclusion, woman (a*) beats apple: the query words compete with the answer
    _, ids = solve_analogies(TOY, [MAN], [WOMAN], [KING], topn=3, exclude=False)
    assert ids.tolist() == [[QUEEN, WOMAN, APPLE]]


def test_3cosmul_by_hand():
    def s(x, y):  # cosine shifted to [0, 1]
        return (TOY[x] @ TOY[y] / np.linalg.norm(TOY[x]) / np.linalg.norm(TOY[y]) + 1) / 2

    expected = {x: s(x, KING) * s(x, WOMAN) / (s(x, MAN) + 0.001) for x in (QUEEN, APPLE)}
    scores, ids = solve_analogies(TOY, [MAN], [WOMAN], [KING], method="3cosmul", topn=2)
    assert ids.tolist() == [[QUEEN, APPLE]]  # queen: 0.854 · 0.854 / (0.5 + 0.001)
    assert scores[0] == pytest.approx([expected[QUEEN], expected[APPLE]], rel=1e-6)


def test_chunks_restriction_padding_and_norms():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    a, a_star, b = (rng.integers(0, 50, 30) for _ in range(3))
    for method in ("3cosadd", "3cosmul"):
        whole = solve_analogies(vectors, a, a_star, b, method=method, topn=4)
        chunked = solve_analogies(vectors, a, a_star, b, method=method, topn=4, chunk=7)
        np.testing.assert_array_equal(chunked[1], whole[1])
        np.testing.assert_allclose(chunked[0], whole[0], atol=1e-6)  # another blocking of the matrix product
        scaled = solve_analogies(vectors * rng.uniform(0.1, 10, (50, 1)).astype(np.float32), a, a_star, b,
                                 method=method, topn=4)
        np.testing.assert_array_equal(scaled[1], whole[1])  # only directions count
    _, ids = solve_analogies(vectors, a, a_star, b, topn=5, restrict_vocab=10)
    assert ids.max() < 10
    scores, ids = solve_analogies(vectors, [0], [1], [2], topn=5, restrict_vocab=5)  # 3 of 5 excluded
    assert ids[0, 2:].tolist() == [-1, -1, -1] and np.isinf(scores[0, 2:]).all() and ids[0, 0] in (3, 4)


@pytest.mark.parametrize("call, error, words", [
    (lambda: solve_analogies(TOY, [0], [1], [2], method="add"), ValueError, "method: expected '3cosadd' or '3cosmul'"),
    (lambda: solve_analogies(TOY, [0], [1], [9]), IndexError, r"b: expected .*in \[0, 4\]"),
    (lambda: solve_analogies(TOY, [0], [1, 2], [3]), ValueError, "a_star: expected a 1-D array of 1 row ids"),
    (lambda: solve_analogies(TOY, [0.0], [1], [2]), TypeError, "a: expected integer"),
    (lambda: solve_analogies(np.zeros((3, 2)), [0], [1], [2]), ValueError, "vectors: expected vectors with at least one non-zero value"),
    (lambda: solve_analogies(TOY, [0], [1], [2], topn=6), ValueError, r"topn: expected an integer in \[1, 5\]"),
    (lambda: solve_analogies(TOY, [0], [1], [2], epsilon=0), ValueError, "epsilon: expected"),
    (lambda: evaluate_analogies(TOY, ["a", "b"], QUESTIONS), ValueError, r"vectors: expected shape \(2, d\)"),
])
def test_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


# ---- equality with gensim on vectors gensim trained on the Lee corpus ----

@pytest.fixture(scope="module")
def gensim_vectors():
    from gensim.models import Word2Vec

    docs = read_line_corpus(gensim_test_data_dir() / "lee_background.cor")
    model = Word2Vec(docs, sg=1, vector_size=50, window=5, negative=5, min_count=5, sample=1e-3, workers=1,
                     seed=0, epochs=10)
    return model.wv


def _three_known(kv):
    rows = [[kv.key_to_index[w.lower()] for w in q[:3]] for s in read_analogy_questions(QUESTIONS)
            for q in s.questions if all(w.lower() in kv.key_to_index for w in q[:3])]
    return np.array(rows)


@pytest.mark.timeout(60)
def test_answers_equal_gensims_most_similar_and_most_similar_cosmul(gensim_vectors):
    kv = gensim_vectors
    rows = _three_known(kv)
    assert len(rows) > 300  # questions whose three query words are in Lee's vocabulary
    for method, epsilon, gensim_call in (("3cosadd", 0.001, kv.most_similar),
                                         ("3cosmul", 1e-6, kv.most_similar_cosmul)):  # gensim's ε is 1e-6
        scores, ids = solve_analogies(kv.vectors, rows[:, 0], rows[:, 1], rows[:, 2], method=method, topn=3,
                                      epsilon=epsilon)
        for (a, a_star, b), our_ids, our_scores in zip(rows, ids, scores):
            words = [kv.index_to_key[i] for i in (b, a_star, a)]
            theirs = gensim_call(positive=words[:2], negative=[words[2]], topn=3)
            assert [kv.key_to_index[w] for w, _ in theirs] == our_ids.tolist()
            np.testing.assert_allclose([s for _, s in theirs], our_scores, atol=2e-6)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("restrict_vocab", [300_000, 400])
def test_section_counts_equal_gensims_evaluate_word_analogies(gensim_vectors, restrict_vocab):
    kv = gensim_vectors
    _, theirs = kv.evaluate_word_analogies(str(QUESTIONS), restrict_vocab=restrict_vocab)
    ours = evaluate_analogies(kv.vectors, kv.index_to_key, QUESTIONS, restrict_vocab=restrict_vocab)
    assert [(s["section"], len(s["correct"]), len(s["correct"]) + len(s["incorrect"])) for s in theirs] == \
        [(s.name, s.correct, s.answered) for s in ours.sections] + [("Total accuracy", ours.overall.correct,
                                                                     ours.overall.answered)]
    assert ours.overall.total == 19_544 and ours.overall.answered < 200  # Lee covers under 1% of the questions
    assert ours.semantic.answered + ours.syntactic.answered == ours.overall.answered


def test_case_variants_of_a_query_word_are_not_answers_as_in_gensim():
    """A vocabulary with "Paris" and "paris": gensim upper-cases, keeps the more frequent spelling as the
    word, and skips an answer that is a query word in another spelling. Ours does the same."""
    from gensim.models import KeyedVectors

    rng = np.random.default_rng(1)
    words = ["athens", "greece", "baghdad", "iraq", "Greece", "BAGHDAD", "paris", "france", "rome", "italy"]
    vectors = rng.normal(size=(len(words), 6)).astype(np.float32)
    vectors[4] = vectors[1] + vectors[2] - vectors[0]  # "Greece" is the nearest row to the 3CosAdd target
    kv = KeyedVectors(6)
    kv.add_vectors(words, vectors)
    _, theirs = kv.evaluate_word_analogies(str(QUESTIONS))
    ours = evaluate_analogies(vectors, words, QUESTIONS)
    assert [(len(s["correct"]), len(s["correct"]) + len(s["incorrect"])) for s in theirs[:-1]] == \
        [(s.correct, s.answered) for s in ours.sections]
    assert ours.overall.answered > 0


@pytest.mark.timeout(60)
def test_3cosmul_evaluation_equals_gensims_procedure_with_most_similar_cosmul(gensim_vectors):
    """gensim 4.4's evaluate_word_analogies ignores its similarity_function argument (it always calls
    most_similar), so its procedure is replayed here with most_similar_cosmul."""
    kv = gensim_vectors
    ours = evaluate_analogies(kv.vectors, kv.index_to_key, QUESTIONS, method="3cosmul", epsilon=1e-6)
    for section in read_analogy_questions(QUESTIONS):
        correct = answered = 0
        for q in section.questions:
            a, a_star, b, expected = (w.lower() for w in q)
            if not all(w in kv.key_to_index for w in (a, a_star, b, expected)):
                continue
            answered += 1
            top = kv.most_similar_cosmul(positive=[b, a_star], negative=[a], topn=5)
            correct += next(w for w, _ in top if w not in (a, a_star, b)) == expected
        score = next(s for s in ours.sections if s.name == section.name)
        assert (score.correct, score.answered) == (correct, answered)
