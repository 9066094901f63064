"""Word analogies by vector arithmetic: "a is to a* as b is to ?" answered with word vectors.

Write x̂ = x / ‖x‖ for the unit vector of a word and cos(x, y) = x̂ · ŷ. The answer b* is the word of
the vocabulary that scores highest, with the three query words a, a*, b **excluded** from the
candidates (otherwise the answer is nearly always b or a* itself):

    3CosAdd (Mikolov et al. 2013):  b* = argmax_x cos(x, b̂ − â + â*)
    3CosMul (Levy & Goldberg 2014): b* = argmax_x  s(x, b) · s(x, a*) / (s(x, a) + ε),
                                     s(x, y) = (cos(x, y) + 1) / 2  ∈ [0, 1],  ε = 0.001

3CosAdd ranks x by cos(x, b) − cos(x, a) + cos(x, a*) (the same order, as b̂ − â + â* is a fixed
vector); 3CosMul multiplies the same three similarities instead of adding them, so one large term
cannot outweigh the other two.

Shapes: ``vectors`` (V, d), one row per word; a batch of q questions is three id vectors (q,);
the scores of one chunk of questions against all candidates are a (chunk, V) matrix, so memory
stays bounded however many questions there are. Answers are (q, topn) ids and their scores.

The benchmark file ``questions-words.txt`` (Mikolov et al. 2013a, shipped with gensim) has 14
sections of lines "a a* b b*", each started by ": name". The first five sections (capitals,
currencies, cities in states, family) are **semantic**, the nine ``gram*`` sections
**syntactic**. ``evaluate_analogies`` scores it as gensim's ``KeyedVectors.evaluate_word_analogies``
does: words are upper-cased on both sides (the most frequent spelling wins), only the first
``restrict_vocab`` words count as known and as candidates, a question with an unknown word is
skipped and counted, and the answer is the best candidate whose upper-cased spelling is not one of
the three query words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import torch

from neuralnlp._checks import (as_float_array, as_id_array, check_bool, check_choice, check_int, check_path,
                               check_positive_int, check_real, check_tokens)
from neuralnlp.search.vectors import unit_rows

METHODS = ("3cosadd", "3cosmul")
SEMANTIC, SYNTACTIC = "semantic", "syntactic"


class AnalogySection(NamedTuple):
    """One section of an analogy file: its ``name``, its ``kind`` ("semantic" or "syntactic") and its
    ``questions``, tuples (a, a*, b, b*) of words as written in the file."""

    name: str
    kind: str
    questions: list


class SectionScore(NamedTuple):
    """How one section (or a group of sections) fared: ``correct`` of the ``answered`` questions whose
    four words are all known, out of ``total`` questions. Accuracy = correct / answered, coverage =
    answered / total."""

    name: str
    kind: str
    correct: int
    answered: int
    total: int


class AnalogyScore(NamedTuple):
    """Result of :func:`evaluate_analogies`: one ``SectionScore`` per section, and the ``semantic``,
    ``syntactic`` and ``overall`` sums."""

    sections: list
    semantic: SectionScore
    syntactic: SectionScore
    overall: SectionScore


def section_kind(name: str) -> str:
    """"syntactic" for the ``gram*`` sections of questions-words.txt, "semantic" for the others."""
    if not isinstance(name, str):
        raise TypeError(f"name: expected a section name (str), got {type(name).__name__}")
    return SYNTACTIC if name.startswith("gram") else SEMANTIC


# --8<-- [start:read]
def read_analogy_questions(path: str | Path) -> list[AnalogySection]:
    """The sections of an analogy file such as gensim's ``questions-words.txt``, in file order.

    A line ": name" starts a section; every other line with exactly four words is a question
    (a, a*, b, b*); lines with another number of words are skipped, as gensim skips them.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: a question before the first section header, or no question at all.
    """
    sections: list[AnalogySection] = []
    with open(check_path(path), encoding="utf8") as f:
        for line_no, line in enumerate(f, start=1):
            if line.startswith(": "):
                name = line[2:].strip()
                sections.append(AnalogySection(name, section_kind(name), []))
                continue
            words = line.split()
            if len(words) != 4:
                continue
            if not sections:
                raise ValueError(f"path: expected a section header ': name' before the first question, got "
                                 f"{line.strip()!r} at line {line_no} of {path}")
            sections[-1].questions.append(tuple(words))
    if not any(s.questions for s in sections):
        raise ValueError(f"path: expected sections of questions 'a a* b b*', got none in {path}")
    return sections
# --8<-- [end:read]


# --8<-- [start:solve]
def solve_analogies(vectors, a, a_star, b, method: str = "3cosadd", topn: int = 1, exclude: bool = True,
                    restrict_vocab: int | None = None, epsilon: float = 0.001, chunk: int = 1024):
    """Answer q questions "a is to a* as b is to ?" at once: the ``topn`` best rows of ``vectors`` each.

    Args:
        vectors: (V, d) float word vectors (NumPy or torch), any norms but none zero.
        a: (q,) row ids of the words a.
        a_star: (q,) row ids of the words a*.
        b: (q,) row ids of the words b.
        method: "3cosadd" (argmax cos(x, b − a + a*)) or "3cosmul" (Levy and Goldberg's product).
        topn: how many answers per question, best first.
        exclude: leave the question's own three rows out of the candidates (the standard protocol).
        restrict_vocab: only rows 0 … restrict_vocab − 1 are candidates (default: all V).
        epsilon: 3CosMul's ε, which keeps the division finite (Levy and Goldberg: 0.001; gensim's
            most_similar_cosmul uses 1e-6).
        chunk: questions scored per matrix product; memory is about chunk × V floats.

    Returns:
        ``(scores, ids)``: float32 (q, topn) and int64 (q, topn), best first. For 3CosAdd a score is
        the cosine with b̂ − â + â*; for 3CosMul the product above. Where fewer than ``topn``
        candidates remain, ids are -1 and scores -inf (as FAISS pads).

    Raises:
        TypeError: vectors not floats, ids not integers.
        ValueError: bad shapes, NaN or inf, a zero row, an unknown method, ids of different lengths,
            topn or restrict_vocab out of range, epsilon not > 0.
        IndexError: an id outside [0, V).
    """
    unit = torch.from_numpy(unit_rows(vectors.detach().cpu().numpy() if isinstance(vectors, torch.Tensor) else vectors))
    n_rows = len(unit)
    method = check_choice(method, METHODS, "method")
    exclude = check_bool(exclude, "exclude")
    restrict = n_rows if restrict_vocab is None else check_positive_int(restrict_vocab, "restrict_vocab")
    restrict = min(restrict, n_rows)
    topn = check_int(topn, "topn", 1, restrict)  # at most the number of candidate rows
    epsilon = check_real(epsilon, "epsilon", 0, min_open=True)
    chunk = check_positive_int(chunk, "chunk")
    ids = [as_id_array(x, n_rows, name, size_name="len(vectors)") for name, x in (("a", a), ("a_star", a_star),
                                                                                   ("b", b))]
    for name, x in zip(("a", "a_star", "b"), ids):
        if x.ndim != 1 or len(x) != len(ids[0]):
            raise ValueError(f"{name}: expected a 1-D array of {len(ids[0])} row ids, like a, got shape {x.shape}")
    a, a_star, b = (torch.from_numpy(x) for x in ids)
    candidates = unit[:restrict]
    all_scores, all_ids = [], []
    for start in range(0, len(a), chunk):
        qa, qs, qb = a[start:start + chunk], a_star[start:start + chunk], b[start:start + chunk]
        if method == "3cosadd":
            target = unit[qb] - unit[qa] + unit[qs]
            target = target / target.norm(dim=1, keepdim=True).clamp_min(1e-30)
            scores = target @ candidates.T                                    # (chunk, restrict) cosines
        else:
            def shifted(rows):
                return (unit[rows] @ candidates.T + 1) / 2                    # cosines moved to [0, 1]
            scores = shifted(qb) * shifted(qs) / (shifted(qa) + epsilon)
        if exclude:
            rows = torch.arange(len(qa)).repeat(3)
            cols = torch.cat([qa, qs, qb])
            keep = cols < restrict
            scores[rows[keep], cols[keep]] = -torch.inf
        top = torch.topk(scores, topn, dim=1)
        all_scores.append(top.values)
        all_ids.append(torch.where(torch.isinf(top.values), -1, top.indices))
    if not all_scores:
        return np.zeros((0, topn), np.float32), np.zeros((0, topn), np.int64)
    return torch.cat(all_scores).numpy(), torch.cat(all_ids).numpy().astype(np.int64)
# --8<-- [end:solve]


# --8<-- [start:evaluate]
def evaluate_analogies(vectors, vocab: Sequence[str], path: str | Path, method: str = "3cosadd",
                       restrict_vocab: int = 300_000, exclude: bool = True, epsilon: float = 0.001,
                       chunk: int = 1024) -> AnalogyScore:
    """Accuracy on an analogy file, per section and summed, scored as gensim's ``evaluate_word_analogies``.

    Args:
        vectors: (V, d) float word vectors; row i belongs to ``vocab[i]``.
        vocab: the V words in row order, most frequent first.
        path: an analogy file such as gensim's ``questions-words.txt``.
        method: "3cosadd" or "3cosmul" (see :func:`solve_analogies`).
        restrict_vocab: only the first ``restrict_vocab`` words are known and may be answers.
        exclude: leave the three query words out of the answers (False shows why one must).
        epsilon: 3CosMul's ε.
        chunk: questions scored per matrix product.

    Returns:
        ``AnalogyScore``: per section ``SectionScore(name, kind, correct, answered, total)``, where
        a question counts as answered when its four words are known; questions with an unknown
        word are skipped (gensim's default) and only lower the coverage answered / total.

    Raises:
        TypeError: vectors not floats, vocab not words.
        ValueError: vectors not (len(vocab), d), and what :func:`solve_analogies` and
            :func:`read_analogy_questions` refuse.
    """
    if isinstance(vectors, torch.Tensor):
        vectors = vectors.detach().cpu().numpy()
    words = check_tokens(vocab, "vocab", of=str)
    vectors = as_float_array(vectors, "vectors")
    if vectors.ndim != 2 or len(vectors) != len(words):
        raise ValueError(f"vectors: expected shape ({len(words)}, d), one row per word of vocab, got {vectors.shape}")
    restrict_vocab = check_positive_int(restrict_vocab, "restrict_vocab")
    exclude = check_bool(exclude, "exclude")
    sections = read_analogy_questions(path)
    known = words[:restrict_vocab]
    row_of = {w.upper(): i for i, w in reversed(list(enumerate(known)))}  # the most frequent spelling wins
    asked = [(s, q) for s, section in enumerate(sections) for q in section.questions
             if all(w.upper() in row_of for w in q)]
    rows = np.array([[row_of[w.upper()] for w in q] for _, q in asked], dtype=np.int64).reshape(-1, 4)
    # five answers, then the first that is not a query word in another spelling (gensim does the same)
    topn = min(5, len(known)) if exclude else 1
    _, found = solve_analogies(vectors, rows[:, 0], rows[:, 1], rows[:, 2], method=method, topn=topn,
                               exclude=exclude, restrict_vocab=restrict_vocab, epsilon=epsilon, chunk=chunk)
    correct = np.zeros(len(sections), dtype=np.int64)
    answered = np.zeros(len(sections), dtype=np.int64)
    for (s, q), answers in zip(asked, found):
        ignore = {w.upper() for w in q[:3]} if exclude else set()
        predicted = None
        for row in answers[answers >= 0]:
            predicted = known[row].upper()
            if predicted not in ignore:
                break
        answered[s] += 1
        correct[s] += predicted == q[3].upper()
    scores = [SectionScore(sec.name, sec.kind, int(c), int(n), len(sec.questions))
              for sec, c, n in zip(sections, correct, answered)]

    def total(name, kind, kinds):
        group = [s for s in scores if s.kind in kinds]
        return SectionScore(name, kind, sum(s.correct for s in group), sum(s.answered for s in group),
                            sum(s.total for s in group))

    return AnalogyScore(scores, total("semantic", SEMANTIC, {SEMANTIC}), total("syntactic", SYNTACTIC, {SYNTACTIC}),
                        total("overall", "all", {SEMANTIC, SYNTACTIC}))
# --8<-- [end:evaluate]
