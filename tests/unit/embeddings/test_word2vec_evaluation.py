"""neuralnlp.embeddings.word2vec.evaluation: Spearman from ranks vs scipy, word-pair evaluation vs gensim."""

import numpy as np
import pytest
import scipy.stats as stats  # the reference: a test dependency, so a missing one fails, never skips
import torch

from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
from neuralnlp.embeddings.word2vec.evaluation import average_ranks, evaluate_word_pairs, read_word_pairs, spearman

DATA = gensim_test_data_dir()


def test_average_ranks_by_hand():
    # sorted: 5 (rank 1), 10 (rank 2), 20, 20 share ranks 3 and 4 -> 3.5 each
    np.testing.assert_array_equal(average_ranks([10.0, 20.0, 20.0, 5.0]), [2.0, 3.5, 3.5, 1.0])
    np.testing.assert_array_equal(average_ranks([7.0, 7.0, 7.0]), [2.0, 2.0, 2.0])


def test_spearman_by_hand():
    # no ties: rho = 1 - 6 sum d^2 / (n (n^2 - 1)); d = (0, 1, 1, 0) -> 1 - 6*2/(4*15) = 0.8
    assert spearman([1.0, 2.0, 3.0, 4.0], [10.0, 30.0, 20.0, 40.0]) == pytest.approx(0.8, abs=1e-15)
    assert spearman([1.0, 2.0, 3.0], [9.0, 5.0, 1.0]) == pytest.approx(-1.0, abs=1e-15)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_spearman_matches_scipy_with_ties(seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 12, size=200).astype(np.float64)  # many ties
    y = x + rng.normal(0, 4, size=200).round(0)  # ties in y too
    assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-12)


def test_spearman_errors():
    with pytest.raises(TypeError, match=r"^x: expected an array of real numbers \(integers or floats\), got dtype bool$"):
        spearman([True, False, True], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"^x: expected finite values, got nan at index \(2,\)$"):
        spearman([1.0, 2.0, np.nan, 4.0], [1.0, 2.0, 3.0, 4.0])
    assert spearman([1, 2, 3], [1.0, 2.0, 3.0]) == 1.0  # integer scores, such as ratings, are fine
    with pytest.raises(ValueError, match=r"expected two 1-D arrays of the same length >= 2, got shapes \(3,\) and \(2,\)"):
        spearman([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="constant sample"):
        spearman([1.0, 1.0, 1.0], [1.0, 2.0, 3.0])


@pytest.fixture(scope="module")
def lee_vectors():
    """Random vectors for the Lee corpus vocabulary (min_count 5, most frequent first), plus 'Tiger'."""
    from collections import Counter

    counts = Counter(w for doc in read_line_corpus(DATA / LEE_FILE) for w in doc)
    words = [w for w, c in sorted(counts.items(), key=lambda wc: -wc[1]) if c >= 5]
    words.insert(3, "Tiger")  # a capitalised spelling ranked before "tiger": case-insensitive lookup must pick it
    vectors = np.random.default_rng(0).normal(size=(len(words), 20)).astype(np.float32)
    return words, vectors


@pytest.mark.parametrize("name", ["wordsim353.tsv", "simlex999.txt"])
def test_evaluate_word_pairs_matches_gensim(lee_vectors, name):
    from gensim.models import KeyedVectors

    words, vectors = lee_vectors
    kv = KeyedVectors(vector_size=vectors.shape[1])
    kv.add_vectors(words, vectors)
    _, (rho_gensim, _), oov_percent = kv.evaluate_word_pairs(str(DATA / name))
    ours = evaluate_word_pairs(vectors, words, DATA / name)
    assert ours.spearman == pytest.approx(rho_gensim, abs=1e-9)
    assert 100 * ours.oov / (ours.pairs + ours.oov) == pytest.approx(oov_percent, abs=1e-12)
    assert ours.pairs + ours.oov == len(read_word_pairs(DATA / name)) == {"wordsim353.tsv": 353, "simlex999.txt": 999}[name]
    # torch input gives the same result
    assert evaluate_word_pairs(torch.from_numpy(vectors), words, DATA / name) == ours


def test_evaluate_word_pairs_by_hand(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("# comment\nA\tb\t3.0\na\tc\t1.0\nb\tc\t2.0\nb\tzebra\t5.0\nbad line\nx\ty\tnot-a-number\n", encoding="utf8")
    words = ["a", "b", "c"]
    # cosines: a.b = 1 (same direction), a.c = 0, b.c = 0 -> model ranks (3, 1.5, 1.5), human ranks (3, 1, 2)
    vectors = np.array([[1.0, 0.0], [2.0, 0.0], [0.0, 1.0]])
    score = evaluate_word_pairs(vectors, words, path)
    assert (score.pairs, score.oov) == (3, 1)  # "zebra" is OOV; the two malformed lines are not pairs
    # centred ranks: human (1, -1, 0), model (1, -0.5, -0.5) -> rho = 1.5 / sqrt(2 * 1.5) = sqrt(3)/2
    assert score.spearman == pytest.approx(np.sqrt(3) / 2, abs=1e-15)


def test_restrict_vocab_counts_only_the_first_words_as_known(tmp_path):
    """restrict_vocab = n: only vocab[:n] (the n most frequent words) are known; a pair with a later word is OOV,
    exactly as if that word were missing. With n = 3 the pairs with "d" drop out and the by-hand case above remains."""
    path = tmp_path / "pairs.tsv"
    path.write_text("A\tb\t3.0\na\tc\t1.0\nb\tc\t2.0\na\td\t4.0\nd\tc\t0.5\n", encoding="utf8")
    words = ["a", "b", "c", "d"]
    vectors = np.array([[1.0, 0.0], [2.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    restricted = evaluate_word_pairs(vectors, words, path, restrict_vocab=3)
    assert (restricted.pairs, restricted.oov) == (3, 2)
    assert restricted.spearman == pytest.approx(np.sqrt(3) / 2, abs=1e-15)
    assert evaluate_word_pairs(vectors, words, path, restrict_vocab=4)[1:] == (5, 0)
    assert evaluate_word_pairs(vectors, words, path)[1:] == (5, 0)  # the default, 300,000, keeps all four
    with pytest.raises(ValueError, match=r"expected at least two pairs|expected two 1-D arrays"):
        evaluate_word_pairs(vectors, words, path, restrict_vocab=2)  # one pair left (a, b): no correlation


def test_evaluate_word_pairs_errors(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("x\ty\t1.0\n", encoding="utf8")
    with pytest.raises(ValueError, match=r"vectors: expected shape \(2, d\), one row per word, got \(3, 4\)"):
        evaluate_word_pairs(np.zeros((3, 4)), ["a", "b"], path)
    with pytest.raises(ValueError, match="expected pairs with both words in the vocabulary, got 1 OOV pairs only"):
        evaluate_word_pairs(np.ones((2, 4)), ["a", "b"], path)
    with pytest.raises(TypeError, match="vectors: expected a floating-point array"):
        evaluate_word_pairs(np.ones((2, 4), dtype=np.int64), ["a", "b"], path)
