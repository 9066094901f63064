"""A tiny English-like language whose best possible perplexity is known exactly.

Sentences are drawn from a small probabilistic grammar, one after another:

    sentence → subject (near noun-phrase)? verb object "."
    subject, object, noun-phrase → determiner adjective? noun

with number agreement: "a" takes a singular noun, "some" a plural one, "the" either; the verb
agrees with the subject's noun, even when "near the dogs" stands between them ("the cat near the
dogs sees a bird ."). A model therefore has to remember the subject across a few words.

The grammar is a probabilistic finite-state source whose next state follows from the current
state and the word emitted, so the probability of the next word given *all* earlier words is one
row of its transition table (``next_token_probabilities``). Its entropy rate

    H = Σ_s π(s) · (−Σ_w P(w | s) ln P(w | s))      (nats per token; π: stationary distribution of states)

is the lowest mean cross-entropy any model can reach on long text from this source, and exp(H) the
lowest perplexity (``entropy_rate``). Everything is generated from a seed: no downloads.

Tokens are words; ``VOCABULARY`` fixes their ids (``encode`` / ``decode``).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from neuralnlp._checks import as_id_array, as_numpy_generator, check_positive_int, check_tokens

DETERMINERS = {"a": ("sg", 0.3), "the": (None, 0.5), "some": ("pl", 0.2)}  # word: (number it forces, probability)
ADJECTIVES = ("small", "big", "black")
NOUNS = {"sg": ("cat", "dog", "bird"), "pl": ("cats", "dogs", "birds")}
VERBS = {"sg": ("sees", "chases", "likes"), "pl": ("see", "chase", "like")}
P_ADJECTIVE = 0.3  # a noun phrase has an adjective
P_NEAR = 0.25  # the subject is followed by "near" + a noun phrase
END = "."

VOCABULARY = (END, *DETERMINERS, *ADJECTIVES, *NOUNS["sg"], *NOUNS["pl"], "near", *VERBS["sg"], *VERBS["pl"])
TOKEN_TO_ID = {token: i for i, token in enumerate(VOCABULARY)}

# A state says what comes next: ("det", role, subject number), ("adj" | "noun", role, subject number, number
# allowed by the determiner), ("post", subject number), ("verb", subject number) or ("end",).
# role is "subj", "pp" (after "near") or "obj". Every sentence starts in START.
START = ("det", "subj", None)


def _after_noun(role, subject_number, noun_number):
    if role == "subj":
        return ("post", noun_number)
    if role == "pp":
        return ("verb", subject_number)
    return ("end",)


@lru_cache(maxsize=None)
def _transitions(state) -> tuple:
    """The words a state can emit, as ((word, probability, next state), ...)."""
    kind = state[0]
    if kind == "det":
        _, role, subj = state
        return tuple((w, p, ("adj", role, subj, n)) for w, (n, p) in DETERMINERS.items())
    if kind in ("adj", "noun"):
        _, role, subj, n = state
        numbers = (n,) if n else ("sg", "pl")
        nouns = [(noun, number) for number in numbers for noun in NOUNS[number]]
        p_noun = (1.0 - P_ADJECTIVE) if kind == "adj" else 1.0
        out = [(noun, p_noun / len(nouns), _after_noun(role, subj, number)) for noun, number in nouns]
        if kind == "adj":
            out = [(a, P_ADJECTIVE / len(ADJECTIVES), ("noun", role, subj, n)) for a in ADJECTIVES] + out
        return tuple(out)
    if kind == "post":
        n = state[1]
        verbs = [(v, (1.0 - P_NEAR) / len(VERBS[n]), ("det", "obj", None)) for v in VERBS[n]]
        return (("near", P_NEAR, ("det", "pp", n)), *verbs)
    if kind == "verb":
        n = state[1]
        return tuple((v, 1.0 / len(VERBS[n]), ("det", "obj", None)) for v in VERBS[n])
    return ((END, 1.0, START),)


@lru_cache(maxsize=None)
def _states() -> tuple:
    """All states reachable from START, START first."""
    seen, todo = [START], [START]
    while todo:
        for _, _, nxt in _transitions(todo.pop()):
            if nxt not in seen:
                seen.append(nxt)
                todo.append(nxt)
    return tuple(seen)


def _step(state, token: str):
    for word, p, nxt in _transitions(state):
        if word == token:
            return p, nxt
    return 0.0, None


# --8<-- [start:generate]
def generate(n_sentences: int, seed: int = 0) -> list[str]:
    """Draw ``n_sentences`` sentences from the grammar and return their words, each sentence ending in ".".

    The same ``n_sentences`` and ``seed`` always give the same list (NumPy ``default_rng(seed)``).
    """
    check_positive_int(n_sentences, "n_sentences")
    rng = as_numpy_generator(seed, "seed")
    tokens, state, done = [], START, 0
    while done < n_sentences:
        u, cumulative = rng.random(), 0.0
        for word, p, next_state in _transitions(state):  # inverse-CDF draw of the next word
            cumulative += p
            if u < cumulative:
                break
        tokens.append(word)
        state = next_state
        done += word == END
    return tokens
# --8<-- [end:generate]


def encode(tokens) -> list[int]:
    """Token ids of ``tokens`` (ids index ``VOCABULARY``). Raises ``KeyError`` naming an unknown token."""
    ids = []
    for position, token in enumerate(check_tokens(tokens, of=str)):
        if token not in TOKEN_TO_ID:
            raise KeyError(f"tokens: expected words of VOCABULARY, got {token!r} at position {position}")
        ids.append(TOKEN_TO_ID[token])
    return ids


def decode(ids) -> list[str]:
    """The words of token ids ``ids``, one sequence (n,) of ints in [0, len(VOCABULARY) − 1].

    Raises ``TypeError`` for non-integer ids, ``ValueError`` for a batch (decode one row at a time),
    ``IndexError`` naming an id out of range and its position.
    """
    ids = as_id_array(ids, len(VOCABULARY), "ids", size_name="len(VOCABULARY)")
    if ids.ndim != 1:
        raise ValueError(f"ids: expected one sequence of shape (n,), got shape {ids.shape} (decode one row at a time)")
    return [VOCABULARY[i] for i in ids.tolist()]


def next_token_probabilities(prefix) -> dict[str, float]:
    """P(next word | all words of ``prefix``), for text that starts at the beginning of a sentence.

    Returns {word: probability} over the words that can follow (probabilities sum to 1).
    Raises ``ValueError`` if ``prefix`` cannot be produced by the grammar, naming the first bad word.
    """
    state = START
    for position, token in enumerate(check_tokens(prefix, "prefix", of=str)):
        p, state = _step(state, token)
        if state is None:
            raise ValueError(f"prefix: expected a grammatical start of text, got {token!r} at position {position}")
    return {word: p for word, p, _ in _transitions(state)}


def source_cross_entropy(tokens) -> float:
    """Mean cross-entropy of the true source on ``tokens``, predicting tokens[1:] from all earlier words.

        CE = −1/(N−1) · Σ_{t=1}^{N−1} ln P(w_t | w_0 … w_{t−1})     (nats per token)

    This is what ``neuralnlp.recurrent.language_model.perplexity`` measures for a model (ln of it), on the same
    positions, so exp(CE) is the perplexity of a perfect model on this very text. ``tokens`` must start
    at the beginning of a sentence; an ungrammatical word gives ``inf``.
    """
    tokens = check_tokens(tokens, of=str)
    if len(tokens) < 2:
        raise ValueError(f"tokens: expected at least 2 tokens, got {len(tokens)}")
    p, state = _step(START, tokens[0])
    total = 0.0
    for position, token in enumerate(tokens[1:], 1):
        if state is None:
            return math.inf
        p, state = _step(state, token)
        if p == 0.0:
            return math.inf
        total -= math.log(p)
    return total / (len(tokens) - 1)


def split_sentences(tokens) -> list[list[str]]:
    """Split a token list after every "."; an unfinished last sentence is dropped."""
    sentences, current = [], []
    for token in check_tokens(tokens, of=str):
        current.append(token)
        if token == END:
            sentences.append(current)
            current = []
    return sentences


def is_sentence(tokens) -> bool:
    """True if ``tokens`` is exactly one complete sentence of the grammar (ending in ".")."""
    state = START
    tokens = check_tokens(tokens, of=str)
    for position, token in enumerate(tokens):
        if state is None or (state == START and position > 0):
            return False
        _, state = _step(state, token)
    return len(tokens) > 0 and state == START


# --8<-- [start:entropy-rate]
def entropy_rate() -> float:
    """Exact entropy rate of the source in nats per token: H = Σ_s π(s) · H(next word | s).

    π is the stationary distribution of the chain of states (π P = π, Σ π = 1), found by solving
    the linear system; H(next word | s) = −Σ_w P(w|s) ln P(w|s) is the entropy of state s's row.
    exp(entropy_rate()) is the lowest perplexity a model can reach on long text from this source.
    """
    states = _states()
    index = {s: i for i, s in enumerate(states)}
    P = np.zeros((len(states), len(states)))
    row_entropy = np.zeros(len(states))
    for s in states:
        for _, p, nxt in _transitions(s):
            P[index[s], index[nxt]] += p
            row_entropy[index[s]] -= p * math.log(p)
    # π (P − I) = 0 has one redundant equation; replace it by Σ π = 1.
    A = (P - np.eye(len(states))).T
    A[-1, :] = 1.0
    b = np.zeros(len(states))
    b[-1] = 1.0
    pi = np.linalg.solve(A, b)
    return float(pi @ row_entropy)
# --8<-- [end:entropy-rate]
