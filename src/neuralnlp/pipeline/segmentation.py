"""Chinese word segmentation as character tagging (BMES), a recurrent tagger, and word-level scores.

Written Chinese has no spaces, so a segmenter decides, between every two characters, whether a
word ends there. Xue (2003) turned this into tagging: each character gets one of four tags,

    B  the first character of a word of two or more characters
    M  a character in the middle of such a word
    E  its last character
    S  a word of a single character

so 迈向/充满/希望/的/新/世纪 is 迈B 向E 充B 满E 希B 望E 的S 新S 世B 纪E. Not every tag sequence
is a segmentation: after B or M comes M or E, after E or S comes B or S; a sentence starts with B or
S and ends with E or S. ``constrained_decode`` finds the best sequence that obeys these rules
(Viterbi over the allowed transitions), so every output of the tagger is a segmentation.

The tagger (``CharTagger``): for character ids c_1 … c_T,

    e_t = E[c_t]                               embedding, (batch, T, d)
    h_t = [h→_t ; h←_t]                        a bidirectional GRU, (batch, T, 2·hidden)
    s_t = W h_t + b                            one score per tag, (batch, T, 4)

and the loss is the cross-entropy of the tags, averaged over the real characters only: the padded
positions of a batch are masked out, and ``lengths`` keeps the backward direction from reading them.

Scores: a segmentation is a set of word spans [start, end) over the characters; with G the gold
spans and P the predicted ones,

    precision = |G ∩ P| / |P|,   recall = |G ∩ P| / |G|,   F1 = 2·precision·recall / (precision + recall)

summed over all sentences before dividing (micro-average), the measure of the SIGHAN bakeoffs.
"""

from __future__ import annotations

import time
from typing import Optional

import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp._checks import (
    as_id_tensor,
    as_lengths_tensor,
    brief,
    check_bool,
    check_documents,
    check_float_tensor,
    check_int,
    check_positive_int,
    check_real,
    check_tokens,
)

TAGS = ("B", "M", "E", "S")
TAG_IDS = {tag: i for i, tag in enumerate(TAGS)}
# --8<-- [start:rules]
ALLOWED_NEXT = {"B": "ME", "M": "ME", "E": "BS", "S": "BS"}  # which tag may follow which
ALLOWED_FIRST, ALLOWED_LAST = "BS", "ES"
# --8<-- [end:rules]


def _check_words(words, name: str) -> list[str]:
    words = check_tokens(words, name, of=str)
    for position, word in enumerate(words):
        if not word:
            raise ValueError(f"{name}: expected non-empty words, got '' at position {position}")
    return words


# --8<-- [start:bmes]
def words_to_bmes(words) -> list[str]:
    """One tag per character: B, M…, E for a word of several characters, S for a single one.

    ``words_to_bmes(["希望", "的", "新世纪"])`` is ``["B", "E", "S", "B", "M", "E"]``.

    Raises:
        TypeError: ``words`` is a str (not split into words) or holds something other than str.
        ValueError: an empty word.
    """
    tags = []
    for word in _check_words(words, "words"):
        tags += ["S"] if len(word) == 1 else ["B"] + ["M"] * (len(word) - 2) + ["E"]
    return tags


def bmes_to_words(chars, tags) -> list[str]:
    """The words that ``tags`` mark on ``chars`` (a str or a list of characters): the inverse of words_to_bmes.

    Raises:
        TypeError: ``tags`` (or a list ``chars``) is not a sequence of str.
        ValueError: not one tag per character; a tag other than "B", "M", "E", "S"; a sequence
            the rules forbid (B followed by S, a sentence ending in B, ...), naming the first bad position.
    """
    chars = list(chars) if isinstance(chars, str) else check_tokens(chars, "chars", of=str)
    tags = check_tokens(tags, "tags", of=str)
    if len(tags) != len(chars):
        raise ValueError(f"tags: expected one tag per character ({len(chars)}), got {len(tags)} tags")
    words, current, previous = [], "", None
    for position, (char, tag) in enumerate(zip(chars, tags)):
        if tag not in TAG_IDS:
            raise ValueError(f"tags: expected 'B', 'M', 'E' or 'S', got {tag!r} at position {position}")
        allowed = ALLOWED_FIRST if previous is None else ALLOWED_NEXT[previous]
        if tag not in allowed:
            after = "at the start" if previous is None else f"after {previous!r}"
            raise ValueError(f"tags: expected one of {', '.join(map(repr, allowed))} {after}, "
                             f"got {tag!r} at position {position}")
        current += char
        if tag in "ES":  # a word ends here
            words.append(current)
            current = ""
        previous = tag
    if previous is not None and previous not in ALLOWED_LAST:
        raise ValueError(f"tags: expected the last tag to be 'E' or 'S' (a word must end), got {previous!r}")
    return words
# --8<-- [end:bmes]


def word_spans(words) -> set[tuple[int, int]]:
    """The words as spans of character offsets [start, end): ``["中国", "人"]`` -> {(0, 2), (2, 3)}.

    Raises:
        TypeError: ``words`` is a str or holds something other than str.
        ValueError: an empty word.
    """
    spans, start = set(), 0
    for word in _check_words(words, "words"):
        spans.add((start, start + len(word)))
        start += len(word)
    return spans


# --8<-- [start:scores]
def segmentation_scores(gold, predicted) -> dict:
    """Word-level precision, recall and F1 of ``predicted`` against ``gold``, summed over sentences.

    A predicted word counts as correct when the very same span of characters is a gold word.

    Args:
        gold: the reference segmentation, a list of sentences (lists of words).
        predicted: the segmentation to score, the same sentences in the same order.

    Returns:
        {"precision", "recall", "f1", "correct", "gold_words", "predicted_words"}.

    Raises:
        TypeError: not lists of word lists.
        ValueError: different numbers of sentences, no sentence, or a sentence whose characters
            differ from the gold one (both are shown).
    """
    gold, predicted = check_documents(gold, "gold"), check_documents(predicted, "predicted")
    if len(predicted) != len(gold):
        raise ValueError(f"predicted: expected {len(gold)} sentences (as many as gold), got {len(predicted)}")
    if not gold:
        raise ValueError("gold: expected at least one sentence, got an empty list")
    correct = n_gold = n_predicted = 0
    for i, (g, p) in enumerate(zip(gold, predicted)):
        if "".join(g) != "".join(p):
            raise ValueError(f"predicted: expected the characters of gold[{i}], {''.join(g)[:30]!r}, "
                             f"got {''.join(p)[:30]!r} at position {i}")
        g_spans, p_spans = word_spans(g), word_spans(p)
        correct += len(g_spans & p_spans)
        n_gold += len(g_spans)
        n_predicted += len(p_spans)
    precision = correct / n_predicted if n_predicted else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "correct": correct,
            "gold_words": n_gold, "predicted_words": n_predicted}
# --8<-- [end:scores]


def segmentation_disagreements(gold, predicted) -> list[dict]:
    """The stretches of text on which two segmentations of the same sentences disagree.

    The text is cut wherever both segmentations have a word boundary; a piece whose words differ
    is a disagreement. ``gold`` 江/泽民/发表 against ``predicted`` 江泽民/发表 gives one piece,
    江泽民, with gold words [江, 泽民] and predicted words [江泽民].

    Args:
        gold: a list of sentences (lists of words).
        predicted: the same sentences segmented another way.

    Returns:
        One dict per disagreement, in text order: {"sentence": its index, "gold": gold words,
        "predicted": predicted words, "first_word": the index of its first gold word}.

    Raises:
        TypeError: not lists of word lists.
        ValueError: different numbers of sentences, or a sentence whose characters differ.
    """
    segmentation_scores(gold, predicted)  # the same checks: as many sentences, the same characters
    found = []
    for i, (g, p) in enumerate(zip(gold, predicted)):
        gi = pi = g_end = p_end = first = 0
        g_piece, p_piece = [], []
        while gi < len(g) or pi < len(p):
            if g_end <= p_end and gi < len(g):  # move whichever segmentation is behind by one word
                g_piece.append(g[gi])
                g_end += len(g[gi])
                gi += 1
            else:
                p_piece.append(p[pi])
                p_end += len(p[pi])
                pi += 1
            if g_end == p_end:  # a boundary both have: the piece is complete
                if g_piece != p_piece:
                    found.append({"sentence": i, "gold": g_piece, "predicted": p_piece, "first_word": first})
                g_piece, p_piece, first = [], [], gi
    return found


def _transition_matrix(dtype) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Additive scores 0 (allowed) or -1e9 (forbidden): transitions (from, to), first tag, last tag."""
    forbidden = -1e9  # not -inf: -inf + -inf - (-inf) would give nan in the max
    transitions = torch.full((4, 4), forbidden, dtype=dtype)
    for previous, allowed in ALLOWED_NEXT.items():
        for tag in allowed:
            transitions[TAG_IDS[previous], TAG_IDS[tag]] = 0.0
    first = torch.tensor([0.0 if t in ALLOWED_FIRST else forbidden for t in TAGS], dtype=dtype)
    last = torch.tensor([0.0 if t in ALLOWED_LAST else forbidden for t in TAGS], dtype=dtype)
    return transitions, first, last


# --8<-- [start:viterbi]
def constrained_decode(scores: torch.Tensor, lengths=None) -> list[list[str]]:
    """The best tag sequence that obeys the BMES rules, for each sequence of a batch (Viterbi).

    With s_t(y) the score of tag y at position t (log-probabilities, so that they add up), the
    best allowed path maximises Σ_t s_t(y_t) over sequences whose first tag is B or S, last tag E
    or S, and every step an allowed transition. δ_t(y) = s_t(y) + max over allowed y' of δ_{t−1}(y')
    is computed for all sequences at once; the path is read back from the last real position.

    Args:
        scores: (batch, seq, 4) or (seq, 4) tag scores in the order B, M, E, S.
        lengths: (batch,) the real length of each sequence (None: all are seq long).

    Returns:
        A list of tag lists (one list for a 2-D ``scores``), each as long as its sequence.

    Raises:
        TypeError: ``scores`` is not a float tensor; ``lengths`` not integers.
        ValueError: ``scores`` does not end in 4 tags, is not 2-D or 3-D, or has no position;
            a length outside [1, seq], or ``lengths`` of the wrong shape.
    """
    check_float_tensor(scores, "scores")
    if scores.dim() not in (2, 3) or scores.shape[-1] != 4 or scores.shape[-2] == 0:
        raise ValueError(f"scores: expected shape (batch, seq, 4) or (seq, 4) with seq >= 1, "
                         f"got shape {tuple(scores.shape)}")
    single = scores.dim() == 2
    scores = scores.detach().unsqueeze(0) if single else scores.detach()
    batch, seq, _ = scores.shape
    lengths = torch.full((batch,), seq) if lengths is None else as_lengths_tensor(lengths, batch, seq)
    transitions, first, last = _transition_matrix(scores.dtype)
    delta = scores[:, 0] + first  # (batch, 4): the best score of a path ending in each tag
    backpointers = []
    for t in range(1, seq):
        best, previous = (delta.unsqueeze(2) + transitions).max(dim=1)  # over the previous tag
        still_running = (t < lengths).unsqueeze(1)
        delta = torch.where(still_running, best + scores[:, t], delta)  # finished sequences keep theirs
        backpointers.append(previous)
    tag = (delta + last).argmax(dim=1).tolist()
    pointers = torch.stack(backpointers, dim=1).tolist() if backpointers else [[] for _ in range(batch)]
    paths = []
    for b, length in enumerate(lengths.tolist()):
        path = [tag[b]]
        for t in range(length - 1, 0, -1):  # pointers[b][t - 1] holds the best tag before tag t
            path.append(pointers[b][t - 1][path[-1]])
        paths.append([TAGS[y] for y in reversed(path)])
    return paths[0] if single else paths
# --8<-- [end:viterbi]


def _bidirectional_gru(input_size: int, hidden_size: int, bidirectional: bool) -> nn.Module:
    from neuralnlp.recurrent.gru import GRU

    if bidirectional:
        return GRU(input_size, hidden_size, batch_first=True, bidirectional=True)
    return GRU(input_size, hidden_size, batch_first=True)


class CharTagger(nn.Module):
    r"""A character tagger: embedding, a (bidirectional) GRU of ours, and a linear layer per position.

    $$e_t = E[c_t], \qquad h_t = [\overrightarrow{h}_t ; \overleftarrow{h}_t], \qquad s_t = W h_t + b$$

    Args:
        vocabulary_size: number of character ids (id 0 is padding).
        embedding_dim: length of each character vector.
        hidden_size: length of the state of each direction.
        bidirectional: read the sentence in both directions (True) or left to right only.

    Shapes:
        ids: (batch, seq) integer ids, padded with 0 after each sequence's end;
        lengths: (batch,) the real lengths;
        returns scores (batch, seq, 4): one score per tag B, M, E, S (logits).

    Raises:
        TypeError: ids not integers.
        IndexError: an id outside [0, vocabulary_size).
        ValueError: ids not 2-D, lengths of the wrong shape, a length of 0 or longer than seq.
    """

    def __init__(self, vocabulary_size: int, embedding_dim: int = 64, hidden_size: int = 64,
                 bidirectional: bool = True):
        super().__init__()
        from neuralnlp.embeddings.embedding import Embedding

        self.vocabulary_size = check_positive_int(vocabulary_size, "vocabulary_size")
        self.embedding_dim = check_positive_int(embedding_dim, "embedding_dim")
        self.hidden_size = check_positive_int(hidden_size, "hidden_size")
        self.bidirectional = check_bool(bidirectional, "bidirectional")
        self.embedding = Embedding(vocabulary_size, embedding_dim, padding_idx=0)
        self.rnn = _bidirectional_gru(embedding_dim, hidden_size, bidirectional)
        self.output = nn.Linear((2 if bidirectional else 1) * hidden_size, len(TAGS))

    def _checked(self, ids, lengths) -> tuple[torch.Tensor, torch.Tensor]:
        ids = as_id_tensor(ids, self.vocabulary_size, "ids", size_name="vocabulary_size",
                           device=self.output.weight.device)
        if ids.dim() != 2 or ids.shape[1] == 0:
            raise ValueError(f"ids: expected shape (batch, seq) with seq >= 1, got shape {tuple(ids.shape)}")
        return ids, as_lengths_tensor(lengths, ids.shape[0], ids.shape[1])

    # --8<-- [start:forward]
    def forward(self, ids, lengths) -> torch.Tensor:
        """Tag scores (batch, seq, 4) for padded character ids (batch, seq); see the class docstring."""
        ids, lengths = self._checked(ids, lengths)
        embedded = self.embedding(ids)  # (batch, seq, embedding_dim)
        if self.bidirectional:  # lengths: the backward direction starts at each sequence's last real character
            states, _ = self.rnn(embedded, lengths=lengths)  # (batch, seq, 2·hidden)
        else:
            states, _ = self.rnn(embedded)  # left to right: padding comes after, so it is never read
        return self.output(states)
    # --8<-- [end:forward]

    # --8<-- [start:loss]
    def loss(self, ids, tags, lengths) -> torch.Tensor:
        """Cross-entropy of the tags, averaged over the real characters (padded positions are masked out).

        Args:
            ids: (batch, seq) padded character ids.
            tags: (batch, seq) tag ids 0-3 (B, M, E, S); the values at padded positions (any
                tag id, such as 0) are ignored.
            lengths: (batch,) real lengths.

        Raises:
            TypeError: tags not integers.
            IndexError: a tag outside [0, 3] at a real position.
            ValueError: tags not shaped like ids; as ``forward``.
        """
        scores = self(ids, lengths)
        tags = as_id_tensor(tags, len(TAGS), "tags", what="tag ids (0-3 for B, M, E, S)")
        if tags.shape != scores.shape[:2]:
            raise ValueError(f"tags: expected shape {tuple(scores.shape[:2])}, the shape of ids, "
                             f"got shape {tuple(tags.shape)}")
        real = torch.arange(scores.shape[1]) < torch.as_tensor(lengths).unsqueeze(1)  # (batch, seq) mask
        return F.cross_entropy(scores[real], tags[real])  # padded positions take no part
    # --8<-- [end:loss]


def _encode(sentences, vocabulary) -> list[tuple[list[int], list[int]]]:
    """(character ids, tag ids) for each sentence of words."""
    return [(vocabulary.encode(list("".join(words))), [TAG_IDS[t] for t in words_to_bmes(words)])
            for words in sentences]


def _pad(rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    lengths = torch.tensor([len(r) for r in rows])
    padded = torch.zeros(len(rows), int(lengths.max()), dtype=torch.long)
    for i, row in enumerate(rows):
        padded[i, : len(row)] = torch.tensor(row)
    return padded, lengths


def _check_vocabulary(vocabulary) -> None:
    from neuralnlp.embeddings.vocab import Vocabulary

    if not isinstance(vocabulary, Vocabulary) or vocabulary.unk is None or vocabulary.tokens[0] != "<pad>":
        raise TypeError(f"vocabulary: expected a Vocabulary with '<pad>' at id 0 and an unk token "
                        f"(Vocabulary.build(chars, specials=['<pad>'], unk='<unk>')), got {brief(vocabulary)}")


def _check_model(model, vocabulary) -> None:
    """The model is a CharTagger, the vocabulary a character Vocabulary of the model's size."""
    if not isinstance(model, CharTagger):
        raise TypeError(f"model: expected a CharTagger, got {brief(model)}")
    _check_vocabulary(vocabulary)
    if model.vocabulary_size != len(vocabulary):
        raise ValueError(f"vocabulary: expected {model.vocabulary_size} ids (the model's vocabulary_size), "
                         f"got a vocabulary of {len(vocabulary)}")


def _check_sentences(sentences, name: str) -> list[list[str]]:
    sentences = check_documents(sentences, name)
    if not sentences:
        raise ValueError(f"{name}: expected at least one sentence, got an empty list")
    for i, words in enumerate(sentences):
        if not words:
            raise ValueError(f"{name}: expected non-empty sentences, got {words!r} at position {i}")
        if not all(words):
            raise ValueError(f"{name}: expected non-empty words, got '' in sentence {i} at position "
                             f"{list(words).index('')}")
    return sentences


# --8<-- [start:train]
def train_char_tagger(model: CharTagger, vocabulary, sentences, *, epochs: int, batch_size: int = 32,
                      lr: float = 3e-3, max_norm: float = 5.0, seed: int = 0) -> dict:
    """Train ``model`` on segmented sentences with our Adam; return the loss of each epoch.

    Sentences are sorted by length and cut into batches, so a batch holds sentences of similar
    length and little padding; the order of the batches is shuffled every epoch (seeded).

    Args:
        model: the CharTagger to train (in place).
        vocabulary: its character Vocabulary ('<pad>' at id 0, an unk token for unseen characters).
        sentences: training sentences, lists of words.
        epochs: passes over the sentences.
        batch_size: sentences per batch.
        lr: Adam's learning rate.
        max_norm: gradients are clipped to this global norm.
        seed: seed of the batch order.

    Returns:
        {"loss": [mean loss per character, one per epoch], "seconds": [time per epoch]}.

    Raises:
        TypeError: a wrong kind of model, vocabulary or sentences.
        ValueError: no sentence, an empty sentence or word; a size or rate out of range.
    """
    from neuralnlp.recurrent.gradient_flow import clip_grad_norm
    from neuralnlp.training.optimisers import Adam

    _check_model(model, vocabulary)
    sentences = _check_sentences(sentences, "sentences")
    epochs, batch_size = check_positive_int(epochs, "epochs"), check_positive_int(batch_size, "batch_size")
    lr = check_real(lr, "lr", 0, min_open=True)
    max_norm = check_real(max_norm, "max_norm", 0, min_open=True)
    seed = check_int(seed, "seed", minimum=0)
    examples = sorted(_encode(sentences, vocabulary), key=lambda e: len(e[0]))
    batches = [examples[i:i + batch_size] for i in range(0, len(examples), batch_size)]
    generator = torch.Generator().manual_seed(seed)
    optimizer = Adam(model.parameters(), lr=lr)
    history = {"loss": [], "seconds": []}
    model.train()
    for _ in range(epochs):
        start, total, characters = time.perf_counter(), 0.0, 0
        for b in torch.randperm(len(batches), generator=generator).tolist():
            ids, lengths = _pad([e[0] for e in batches[b]])
            tags, _ = _pad([e[1] for e in batches[b]])
            loss = model.loss(ids, tags, lengths)
            optimizer.zero_grad()
            loss.backward()
            clip_grad_norm(model.parameters(), max_norm)
            optimizer.step()
            total += loss.item() * int(lengths.sum())
            characters += int(lengths.sum())
        history["loss"].append(total / characters)
        history["seconds"].append(time.perf_counter() - start)
    return history
# --8<-- [end:train]


def _check_texts(texts) -> list[str]:
    if isinstance(texts, (str, bytes)) or texts is None or not hasattr(texts, "__iter__"):
        raise TypeError(f"texts: expected a list of str (sentences without spaces), got {brief(texts)}")
    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts: expected a list of str, got {brief(text)} at position {i}")
        if not text:
            raise ValueError(f"texts: expected non-empty texts, got '' at position {i}")
    return texts


# --8<-- [start:segment]
def segment(model: CharTagger, vocabulary, texts, batch_size: int = 128) -> list[list[str]]:
    """Segment each text into words: tag its characters with ``model``, then decode with the BMES rules.

    Args:
        model: a trained CharTagger.
        vocabulary: the Vocabulary it was trained with (unseen characters map to its unk token).
        texts: a list of str, one sentence each (no spaces needed).
        batch_size: texts tagged at once (sorted by length, so little padding).

    Returns:
        One list of words per text; the words of a text join back into it.

    Raises:
        TypeError: a wrong kind of model, vocabulary or texts.
        ValueError: an empty text; a vocabulary of another size than the model's.
    """
    _check_model(model, vocabulary)
    texts = _check_texts(texts)
    batch_size = check_positive_int(batch_size, "batch_size")
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    words: list[Optional[list[str]]] = [None] * len(texts)
    was_training = model.training
    model.eval()
    with torch.no_grad():
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            ids, lengths = _pad([vocabulary.encode(list(texts[i])) for i in chunk])
            scores = F.log_softmax(model(ids, lengths), dim=-1)  # log-probabilities add up along a path
            for i, tags in zip(chunk, constrained_decode(scores, lengths)):
                words[i] = bmes_to_words(texts[i], tags)
    model.train(was_training)
    return words
# --8<-- [end:segment]


# --8<-- [start:jieba]
def half_width(text: str) -> str:
    """Full-width ASCII (１９９８, ＴＣＬ, ．) as ordinary ASCII, one character for one, so offsets are kept.

    The People's Daily text writes digits and Latin letters full-width (U+FF01 to U+FF5E); jieba's
    dictionary and its HMM only know the ASCII forms.

    Raises:
        TypeError: ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {brief(text)}")
    return text.translate(_HALF_WIDTH)


_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def jieba_segment(texts, hmm: bool = True, ascii_digits: bool = False) -> list[list[str]]:
    """jieba's segmentation of each text (its default mode: dictionary, then an HMM for unknown words).

    Args:
        texts: a list of str.
        hmm: let jieba's HMM join characters the dictionary does not know (jieba's default).
        ascii_digits: show jieba the text with full-width digits and letters made ASCII
            (``half_width``); the words it returns are cut from the original text at the same offsets.

    Returns:
        One list of words per text; they join back into the text.

    Raises:
        TypeError: texts is not a list of str; hmm or ascii_digits not a bool.
        ValueError: an empty text.
    """
    import logging

    import jieba

    texts = _check_texts(texts)
    hmm, ascii_digits = check_bool(hmm, "hmm"), check_bool(ascii_digits, "ascii_digits")
    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" lines in the output
    segmented = []
    for text in texts:
        words, start = [], 0
        for word in jieba.lcut(half_width(text) if ascii_digits else text, HMM=hmm):
            words.append(text[start:start + len(word)])  # the same characters as the original text
            start += len(word)
        segmented.append(words)
    return segmented
# --8<-- [end:jieba]
