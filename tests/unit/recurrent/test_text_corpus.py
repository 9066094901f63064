"""neuralnlp.recurrent.text_corpus: the generated language, its true next-word probabilities and its entropy rate."""

import math
from functools import lru_cache

import pytest

from neuralnlp.recurrent import text_corpus as tc


def test_vocabulary_has_twenty_distinct_words():
    assert len(tc.VOCABULARY) == 20 == len(set(tc.VOCABULARY))
    assert [tc.TOKEN_TO_ID[w] for w in tc.VOCABULARY] == list(range(20))


def test_generate_is_deterministic_and_seeded():
    assert tc.generate(50, seed=3) == tc.generate(50, seed=3)
    assert tc.generate(50, seed=3) != tc.generate(50, seed=4)


def test_generate_makes_whole_grammatical_sentences():
    tokens = tc.generate(200, seed=0)
    assert tokens[-1] == "." and tokens.count(".") == 200
    sentences = tc.split_sentences(tokens)
    assert len(sentences) == 200 and sum(map(len, sentences)) == len(tokens)
    assert all(tc.is_sentence(s) for s in sentences)


def test_encode_decode_round_trip():
    tokens = tc.generate(5, seed=1)
    ids = tc.encode(tokens)
    assert all(isinstance(i, int) for i in ids)
    assert tc.decode(ids) == tokens


def test_split_sentences_drops_an_unfinished_one():
    tokens = "a cat sees a dog . the birds like some cats . a dog".split()
    assert tc.split_sentences(tokens) == [tokens[:6], tokens[6:12]]


def test_is_sentence_checks_agreement_and_completeness():
    assert tc.is_sentence("the dogs near a cat see some birds .".split())
    assert not tc.is_sentence("the dogs near a cat sees some birds .".split())  # verb agrees with "cat", not "dogs"
    assert not tc.is_sentence("a dogs see the cat .".split())  # "a" needs a singular noun
    assert not tc.is_sentence("a dog sees the cat".split())  # no full stop
    assert not tc.is_sentence("a dog sees the cat . a dog sees the cat .".split())  # two sentences
    assert not tc.is_sentence([])


def test_next_token_probabilities_remember_the_subject_across_near():
    # The state after the noun of the "near" phrase is ("verb", sg): 3 singular verbs, 1/3 each.
    probs = tc.next_token_probabilities("the cat near the dogs".split())
    assert probs == pytest.approx({"sees": 1 / 3, "chases": 1 / 3, "likes": 1 / 3}, abs=1e-15)


def test_next_token_probabilities_sum_to_one_everywhere():
    tokens = tc.generate(30, seed=2)
    for t in range(len(tokens)):
        probs = tc.next_token_probabilities(tokens[:t])
        assert math.isclose(sum(probs.values()), 1.0, abs_tol=1e-12)
        assert tokens[t] in probs


def test_source_cross_entropy_by_hand():
    # P(cat | a) = 0.7/3 (no adjective, 3 singular nouns); P(sees | a cat) = 0.75/3 (no "near", 3 verbs);
    # P(the | …) = 0.5; P(dogs | … the) = 0.7/6 (no adjective, any of 6 nouns); P(. | …) = 1.
    expected = -(math.log(0.7 / 3) + math.log(0.25) + math.log(0.5) + math.log(0.7 / 6) + 0.0) / 5
    assert tc.source_cross_entropy("a cat sees the dogs .".split()) == pytest.approx(expected, rel=1e-14)


def test_source_cross_entropy_of_ungrammatical_text_is_infinite():
    assert tc.source_cross_entropy("a cat see the dogs .".split()) == math.inf


def _per_sentence_entropy_and_length():
    """H(sentence) and E[sentence length] by recursion over the grammar, from START back to START."""

    @lru_cache(maxsize=None)
    def rest(state):
        entropy = length = 0.0
        for word, p, nxt in tc._transitions(state):
            h, n = (0.0, 0.0) if nxt == tc.START else rest(nxt)
            entropy += p * (-math.log(p) + h)
            length += p * (1 + n)
        return entropy, length

    return rest(tc.START)


def test_expected_sentence_length_by_hand():
    # noun phrase: determiner + adjective (0.3) + noun = 2.3 words. Sentence: subject 2.3, then either
    # "near" + noun phrase + verb (0.25 · 4.3) or a verb (0.75 · 1), then object 2.3 and "." 1:
    # 2.3 + 1.075 + 0.75 + 2.3 + 1 = 7.425
    assert _per_sentence_entropy_and_length()[1] == pytest.approx(7.425, rel=1e-14)


def test_entropy_rate_equals_sentence_entropy_per_word():
    # Sentences are independent and "." ends each one, so H per word = H(sentence) / E[length]: a different
    # computation from the stationary distribution that entropy_rate() uses.
    h_sentence, length = _per_sentence_entropy_and_length()
    assert tc.entropy_rate() == pytest.approx(h_sentence / length, rel=1e-12)


def test_entropy_rate_matches_a_long_sample():
    # Mean −ln P over ~150k words; seeds 0–4 give |difference| < 5e-4 nats.
    tokens = tc.generate(20_000, seed=5)
    assert abs(tc.source_cross_entropy(tokens) - tc.entropy_rate()) < 0.005


@pytest.mark.parametrize("n, error", [(0, ValueError), (-1, ValueError), (2.5, TypeError), (True, TypeError)])
def test_generate_rejects_a_bad_count(n, error):
    with pytest.raises(error, match=r"^n_sentences: expected an integer >= 1, got"):
        tc.generate(n)


def test_encode_names_an_unknown_word():
    with pytest.raises(KeyError, match=r"expected words of VOCABULARY, got 'cow' at position 1"):
        tc.encode(["a", "cow"])


def test_decode_names_a_bad_id():
    with pytest.raises(IndexError, match=r"^ids: expected ids in \[0, 19\] \(len\(VOCABULARY\)=20\), got 20 at position \(2,\)$"):
        tc.decode([0, 1, 20])
    with pytest.raises(ValueError, match=r"^ids: expected one sequence of shape \(n,\), got shape \(2, 2\)"):
        tc.decode([[0, 1], [2, 3]])
    with pytest.raises(TypeError, match=r"^ids: expected integer ids, got dtype bool$"):
        tc.decode([True, False])


def test_words_are_refused_as_a_string_and_ids_as_words():
    with pytest.raises(TypeError, match=r"^tokens: expected a sequence of tokens such as \['the', 'cat'\], got str"):
        tc.encode("a cat sees a dog .")
    with pytest.raises(TypeError, match=r"^tokens: expected a sequence of str tokens, got int 1 at position 0 \(decode ids to words first\)$"):
        tc.source_cross_entropy([1, 2, 3])


def test_next_token_probabilities_names_an_ungrammatical_word():
    with pytest.raises(ValueError, match=r"expected a grammatical start of text, got 'sees' at position 1"):
        tc.next_token_probabilities(["a", "sees"])


def test_source_cross_entropy_needs_two_tokens():
    with pytest.raises(ValueError, match=r"tokens: expected at least 2 tokens, got 1"):
        tc.source_cross_entropy(["a"])
