"""BMES tags both ways, Viterbi decoding under the tag rules (against brute force), word-span scores
(hand-worked), the character tagger's masking, training, segmenting, and jieba scored the same way."""

import itertools
import math

import pytest
import torch

from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.pipeline.people_daily import people_daily_sentences, tag_group
from neuralnlp.pipeline.segmentation import (
    ALLOWED_FIRST,
    ALLOWED_LAST,
    ALLOWED_NEXT,
    TAG_IDS,
    TAGS,
    CharTagger,
    bmes_to_words,
    constrained_decode,
    half_width,
    jieba_segment,
    segment,
    segmentation_disagreements,
    segmentation_scores,
    train_char_tagger,
    word_spans,
    words_to_bmes,
)


# ---- BMES -----------------------------------------------------------------------------------------------

def test_bmes_by_hand_with_single_character_words():
    assert words_to_bmes(["希望", "的", "新世纪", "。"]) == ["B", "E", "S", "B", "M", "E", "S"]
    assert words_to_bmes(["的"]) == ["S"]
    assert words_to_bmes([]) == []
    assert bmes_to_words("希望的新世纪。", ["B", "E", "S", "B", "M", "E", "S"]) == ["希望", "的", "新世纪", "。"]


def test_round_trip_on_the_corpus():
    for words in people_daily_sentences(3000):
        assert bmes_to_words("".join(words), words_to_bmes(words)) == words


@pytest.mark.parametrize("tags, message", [
    (["B", "S"], r"expected one of 'M', 'E' after 'B', got 'S' at position 1"),
    (["M", "E"], r"expected one of 'B', 'S' at the start, got 'M' at position 0"),
    (["S", "E"], r"expected one of 'B', 'S' after 'S', got 'E' at position 1"),
    (["B", "M"], r"expected the last tag to be 'E' or 'S'"),
    (["S", "X"], r"expected 'B', 'M', 'E' or 'S', got 'X' at position 1"),
    (["S"], r"expected one tag per character \(2\), got 1 tags"),
])
def test_tags_the_rules_forbid_are_refused_at_the_first_bad_position(tags, message):
    with pytest.raises(ValueError, match="tags: " + message):
        bmes_to_words("中国", tags)


def test_words_must_be_words():
    with pytest.raises(TypeError, match="words: expected a sequence of tokens"):
        words_to_bmes("中国人")
    with pytest.raises(ValueError, match="words: expected non-empty words, got '' at position 1"):
        words_to_bmes(["中国", ""])


# ---- decoding under the rules ----------------------------------------------------------------------------

def _valid(tags):
    return (tags[0] in ALLOWED_FIRST and tags[-1] in ALLOWED_LAST
            and all(b in ALLOWED_NEXT[a] for a, b in zip(tags, tags[1:])))


def _brute_force(scores):
    best = max((path for path in itertools.product(TAGS, repeat=len(scores)) if _valid(path)),
               key=lambda path: sum(float(scores[t, TAG_IDS[y]]) for t, y in enumerate(path)))
    return list(best)


@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_viterbi_finds_the_best_allowed_path(length):
    generator = torch.Generator().manual_seed(length)
    for _ in range(20):
        scores = torch.randn(length, 4, generator=generator, dtype=torch.float64)
        assert constrained_decode(scores) == _brute_force(scores)


def test_the_rules_override_the_best_tag_of_each_position():
    # Position by position the best tags are B, S: not a segmentation (a word begun and never ended).
    scores = torch.log(torch.tensor([[0.6, 0.1, 0.1, 0.2], [0.1, 0.1, 0.3, 0.5]]))
    assert [TAGS[i] for i in scores.argmax(1)] == ["B", "S"]
    # Allowed: B E (0.6 · 0.3 = 0.18) beats S S (0.2 · 0.5 = 0.10).
    assert constrained_decode(scores) == ["B", "E"]


def test_a_padded_batch_decodes_like_each_sequence_alone():
    generator = torch.Generator().manual_seed(0)
    scores = torch.randn(3, 6, 4, generator=generator)
    lengths = torch.tensor([6, 1, 4])
    batch = constrained_decode(scores, lengths)
    for b, length in enumerate(lengths.tolist()):
        assert batch[b] == constrained_decode(scores[b, :length])
        assert len(batch[b]) == length and _valid(batch[b])


def test_decoding_refuses_empty_sequences_and_wrong_shapes():
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 3\] .*, got 0 at position 1"):
        constrained_decode(torch.zeros(2, 3, 4), torch.tensor([3, 0]))
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 3\] .*, got 4 at position 1"):
        constrained_decode(torch.zeros(2, 3, 4), torch.tensor([3, 4]))
    with pytest.raises(ValueError, match=r"scores: expected shape \(batch, seq, 4\) or \(seq, 4\)"):
        constrained_decode(torch.zeros(2, 3, 5))


# ---- scores ------------------------------------------------------------------------------------------------

def test_word_spans_are_character_offsets():
    assert word_spans(["中国", "人民", "好"]) == {(0, 2), (2, 4), (4, 5)}


def test_scores_by_hand():
    gold = [["中国", "人民", "很", "好"], ["江", "泽民"]]
    predicted = [["中国人民", "很", "好"], ["江泽民"]]
    # Sentence 1: gold spans (0,2) (2,4) (4,5) (5,6); predicted (0,4) (4,5) (5,6): 2 correct.
    # Sentence 2: gold (0,1) (1,3); predicted (0,3): 0 correct. In all: 2 correct of 4 predicted, of 6 gold.
    scores = segmentation_scores(gold, predicted)
    assert (scores["correct"], scores["predicted_words"], scores["gold_words"]) == (2, 4, 6)
    assert scores["precision"] == pytest.approx(2 / 4)
    assert scores["recall"] == pytest.approx(2 / 6)
    assert scores["f1"] == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))  # 0.4
    assert segmentation_scores(gold, gold)["f1"] == 1.0


def test_scores_need_the_same_characters():
    with pytest.raises(ValueError, match=r"predicted: expected the characters of gold\[0\], '中国', got '中华' at position 0"):
        segmentation_scores([["中国"]], [["中华"]])
    with pytest.raises(ValueError, match="predicted: expected 2 sentences"):
        segmentation_scores([["中"], ["国"]], [["中"]])


# ---- the tagger ---------------------------------------------------------------------------------------------

def _tagger(bidirectional=True, vocabulary_size=20):
    torch.manual_seed(0)
    return CharTagger(vocabulary_size, 8, 6, bidirectional=bidirectional)


@pytest.mark.parametrize("bidirectional", [False, True])
def test_a_sentence_gets_the_same_scores_alone_or_padded_in_a_batch(bidirectional):
    model = _tagger(bidirectional)
    ids = torch.tensor([[3, 4, 5, 6, 7], [8, 9, 0, 0, 0]])
    batch = model(ids, torch.tensor([5, 2]))
    alone = model(ids[1:, :2], torch.tensor([2]))
    assert batch.shape == (2, 5, 4)
    torch.testing.assert_close(batch[1, :2], alone[0], rtol=0, atol=1e-6)


@pytest.mark.parametrize("bidirectional", [False, True])
def test_the_loss_is_the_mean_over_real_characters_only(bidirectional):
    model = _tagger(bidirectional)
    ids = torch.tensor([[3, 4, 5, 6, 7], [8, 9, 0, 0, 0]])
    tags = torch.tensor([[0, 2, 3, 0, 2], [0, 2, 0, 0, 0]])
    lengths = torch.tensor([5, 2])
    loss = model.loss(ids, tags, lengths)
    by_sentence = [model.loss(ids[b:b + 1, :n], tags[b:b + 1, :n], torch.tensor([n])) for b, n in enumerate([5, 2])]
    torch.testing.assert_close(loss, (5 * by_sentence[0] + 2 * by_sentence[1]) / 7, rtol=0, atol=1e-6)
    other_padding = ids.clone()
    other_padding[1, 2:] = 11
    other_tags = tags.clone()
    other_tags[1, 2:] = 3
    torch.testing.assert_close(model.loss(other_padding, other_tags, lengths), loss, rtol=0, atol=1e-6)


def test_the_tagger_refuses_bad_ids_and_lengths():
    model = _tagger()
    with pytest.raises(IndexError, match=r"ids: expected ids in \[0, 19\] \(vocabulary_size=20\), got 20"):
        model(torch.tensor([[1, 20]]), torch.tensor([2]))
    with pytest.raises(ValueError, match=r"lengths: expected shape \(1,\)"):
        model(torch.tensor([[1, 2]]), torch.tensor([2, 2]))
    with pytest.raises(ValueError, match=r"tags: expected shape \(1, 2\)"):
        model.loss(torch.tensor([[1, 2]]), torch.tensor([[1, 2, 3]]), torch.tensor([2]))


def _tiny_corpus():
    return [["中国", "人民", "。"], ["人民", "很", "好", "。"], ["中国", "很", "大", "。"], ["好", "人民", "。"]] * 8


def _vocabulary(sentences):
    return Vocabulary.build("".join("".join(s) for s in sentences), specials=["<pad>"], unk="<unk>")


def test_training_lowers_the_loss_and_is_seeded():
    sentences = _tiny_corpus()
    vocabulary = _vocabulary(sentences)
    runs = []
    for _ in range(2):
        model = _tagger(vocabulary_size=len(vocabulary))
        runs.append(train_char_tagger(model, vocabulary, sentences, epochs=15, batch_size=8, lr=0.02))
    assert runs[0]["loss"] == runs[1]["loss"]
    assert runs[0]["loss"][-1] < 0.2 * runs[0]["loss"][0]
    texts = ["".join(s) for s in sentences[:4]]
    assert segment(model, vocabulary, texts) == sentences[:4]


def test_segment_returns_words_that_join_back_into_the_text_even_with_unseen_characters():
    sentences = _tiny_corpus()
    vocabulary = _vocabulary(sentences)
    model = _tagger(vocabulary_size=len(vocabulary))
    texts = ["中国人民很好。", "猫", "从未见过的字符串，也能切分。"]
    words = segment(model, vocabulary, texts, batch_size=2)
    assert ["".join(w) for w in words] == texts
    assert words[1] == ["猫"]


def test_segment_checks_the_model_against_the_vocabulary():
    vocabulary = _vocabulary(_tiny_corpus())
    with pytest.raises(ValueError, match=f"vocabulary: expected 20 ids .* got a vocabulary of {len(vocabulary)}"):
        segment(_tagger(vocabulary_size=20), vocabulary, ["中国"])
    with pytest.raises(ValueError, match="texts: expected non-empty texts, got '' at position 1"):
        segment(_tagger(vocabulary_size=len(vocabulary)), vocabulary, ["中国", ""])


def test_jieba_is_scored_on_the_same_characters():
    texts = ["江泽民发表新年讲话。", "１９９８年来临之际"]
    words = jieba_segment(texts)
    assert ["".join(w) for w in words] == texts
    assert "江泽民" in words[0]  # jieba's dictionary keeps a full name whole; the People's Daily splits it
    assert segmentation_scores([["江", "泽民", "发表", "新年", "讲话", "。"]], words[:1])["correct"] == 4


# ---- where two segmentations disagree ------------------------------------------------------------------------

def test_disagreements_are_the_pieces_between_common_boundaries():
    gold = [["江", "泽民", "发表", "１９９８年", "新年", "讲话"]]
    predicted = [["江泽民", "发表", "１９９８", "年", "新年讲话"]]
    found = segmentation_disagreements(gold, predicted)
    assert [(d["gold"], d["predicted"], d["first_word"]) for d in found] == [
        (["江", "泽民"], ["江泽民"], 0), (["１９９８年"], ["１９９８", "年"], 3), (["新年", "讲话"], ["新年讲话"], 4)]
    assert segmentation_disagreements(gold, gold) == []


def test_every_word_outside_a_disagreement_is_a_correct_word():
    sentences = people_daily_sentences(300)
    predicted = jieba_segment(["".join(s) for s in sentences])
    scores = segmentation_scores(sentences, predicted)
    found = segmentation_disagreements(sentences, predicted)
    assert scores["gold_words"] - sum(len(d["gold"]) for d in found) == scores["correct"]
    assert scores["predicted_words"] - sum(len(d["predicted"]) for d in found) == scores["correct"]


def test_tag_groups():
    assert tag_group(["nr", "nr"]) == "person name"
    assert tag_group(["m", "t"]) == "time or date"  # the first group in TAG_GROUPS wins
    assert tag_group(["v", "u"]) == "other"


def test_half_width_keeps_one_character_for_one():
    assert half_width("１９９８年，ＴＣＬ") == "1998年,TCL"
    words = jieba_segment(["１９９７年９月"], ascii_digits=True)[0]
    assert "".join(words) == "１９９７年９月" and words[0] == "１９９７"
