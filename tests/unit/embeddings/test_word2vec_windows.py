"""neuralnlp.embeddings.word2vec.windows: windows worked by hand, the dynamic window's statistics, and errors."""

import numpy as np
import pytest

from neuralnlp.embeddings.word2vec.windows import cbow_examples, context_windows, expected_context_weight, skipgram_pairs

SENTENCE = "never too late to learn".split()


def test_window_one_by_hand():
    # A span of 3 words = one word each side of the target.
    assert list(context_windows(SENTENCE, 1)) == [
        ("never", ["too"]),
        ("too", ["never", "late"]),
        ("late", ["too", "to"]),
        ("to", ["late", "learn"]),
        ("learn", ["to"]),
    ]


def test_skipgram_pairs_window_two_by_hand():
    pairs = skipgram_pairs(SENTENCE, 2)
    assert pairs[:5] == [("never", "too"), ("never", "late"), ("too", "never"), ("too", "late"), ("too", "to")]
    # Each unordered pair at distance <= 2 appears once in each direction: 2 * (4 + 3) = 14.
    assert len(pairs) == 14
    assert sorted(pairs) == sorted((c, t) for t, c in pairs)


def test_cbow_examples_are_windows_turned_around():
    assert cbow_examples(SENTENCE, 1)[2] == (["too", "to"], "late")
    assert len(cbow_examples(SENTENCE, 10)) == 5
    assert cbow_examples(SENTENCE, 10)[0] == (SENTENCE[1:], "never")


def test_works_on_ids_and_skips_empty_windows():
    assert skipgram_pairs(np.array([4, 7]), 3) == [(4, 7), (7, 4)]
    assert list(context_windows(["alone"], 2)) == []


def test_dynamic_window_frequencies_match_expected_weight():
    window, n = 4, 20000
    tokens = list(range(n))
    counts = np.zeros(window + 1)
    for t, contexts in context_windows(tokens, window, dynamic=True, rng=np.random.default_rng(0)):
        for c in contexts:
            counts[abs(c - t)] += 1
    # Targets far from both ends have 2 slots per distance; ends change counts by < 2 * window.
    freq = counts[1:] / (2 * n)
    expected = expected_context_weight(np.arange(1, window + 1), window)
    # Binomial standard error sqrt(p(1-p)/n) <= 0.0036 for n = 20000 targets; allow 4 of them.
    assert np.all(np.abs(freq - expected) < 0.015)


def test_dynamic_window_is_reproducible_and_never_wider():
    a = skipgram_pairs(SENTENCE, 2, dynamic=True, rng=np.random.default_rng(1))
    b = skipgram_pairs(SENTENCE, 2, dynamic=True, rng=np.random.default_rng(1))
    assert a == b
    assert set(a) <= set(skipgram_pairs(SENTENCE, 2))


def test_expected_context_weight_by_hand():
    # W = 3: P(b >= d) for b uniform on {1, 2, 3} is 3/3, 2/3, 1/3, then 0.
    np.testing.assert_allclose(expected_context_weight([1, 2, 3, 4], 3), [1, 2 / 3, 1 / 3, 0], rtol=0, atol=1e-15)


@pytest.mark.parametrize("window, error", [(0, ValueError), (-1, ValueError), (1.5, TypeError), (True, TypeError),
                                           ("3", TypeError)])
def test_bad_window_raises(window, error):
    with pytest.raises(error, match=r"window: expected an integer >= 1, got"):
        context_windows(SENTENCE, window)  # at the call, not at the first next()


def test_dynamic_without_rng_raises():
    with pytest.raises(TypeError, match="rng: expected a numpy.random.Generator when dynamic=True, got NoneType None"):
        skipgram_pairs(SENTENCE, 2, dynamic=True)


def test_a_string_or_a_list_of_sentences_is_not_a_token_sequence():
    with pytest.raises(TypeError, match=r"^tokens: expected a sequence of tokens such as \['the', 'cat'\], got str"):
        skipgram_pairs("never too late", 1)
    with pytest.raises(TypeError, match=r"^tokens: expected a sequence of tokens \(str or int\), got list \['never'\] at position 0"):
        cbow_examples([["never"], ["late"]], 1)


def test_bad_distance_raises():
    with pytest.raises(ValueError, match="^distance: expected integers >= 1, got 0$"):
        expected_context_weight([0, 1], 3)
    with pytest.raises(TypeError, match="^distance: expected integer distances, got dtype float64$"):
        expected_context_weight([1.5], 3)
