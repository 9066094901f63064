"""Bad-input cases for ``neuralnlp.pipeline``.

Each helper of the pipeline chapter keeps its cases in its own block below, so that the blocks merge
side by side."""

from __future__ import annotations

import torch
from hypothesis import strategies as st

from bad_input_harness import Case, kind_case, number_case, size_case, valid_case

CASES: list[Case] = []

# =========================================================================================================
# ---- segmentation: the People's Daily reader, BMES tags, decoding, scores, the character tagger ---------
# =========================================================================================================
from neuralnlp.embeddings.vocab import Vocabulary  # noqa: E402
from neuralnlp.pipeline import people_daily as pd  # noqa: E402
from neuralnlp.pipeline import segmentation as seg  # noqa: E402

_SEG_SENTENCES = [["中国", "人民", "。"], ["人民", "很", "好", "。"]]
_SEG_VOCABULARY = Vocabulary.build("".join("".join(s) for s in _SEG_SENTENCES), specials=["<pad>"], unk="<unk>")


def _seg_tagger(size=len(_SEG_VOCABULARY)):
    torch.manual_seed(0)
    return seg.CharTagger(size, 4, 3, bidirectional=False)


_NOT_WORD_LISTS = ["中国人民", None, 3, [["中国"], ["人民"]]]

CASES += [
    # the reader
    kind_case("pipeline.people_daily.parse_people_daily_line", "line", [None, 3, ["迈向/v"]],
              lambda v: (pd.parse_people_daily_line, (v,), {}), expected="a str of word/tag tokens"),
    Case("pipeline.people_daily.parse_people_daily_line", "kind", "line", st.sampled_from(["迈向", "迈向/v  希望", "/v"]),
         lambda v: (pd.parse_people_daily_line, (v,), {}), error=ValueError, expected="tokens of the form word/tag",
         got="got '", note="untagged"),
    size_case("pipeline.people_daily.people_daily_sentences", "max_sentences",
              lambda n: (pd.people_daily_sentences, (n,), {}), optional=True),
    kind_case("pipeline.people_daily.people_daily_sentences", "path", [3, ["a.txt"]],
              lambda p: (pd.people_daily_sentences, (), {"path": p}), expected="a path"),
    Case("pipeline.people_daily.people_daily_sentences", "kind", "path", st.just("/nonexistent/199801.txt"),
         lambda p: (pd.people_daily_sentences, (), {"path": p}), error=FileNotFoundError,
         expected="an existing file", got="/nonexistent/199801.txt", note="missing"),
    number_case("pipeline.people_daily.people_daily_split", "held_out",
                lambda v: (pd.people_daily_split, (_SEG_SENTENCES * 10, v), {}), minimum=0, maximum=1,
                min_open=True, max_open=True),
    kind_case("pipeline.people_daily.people_daily_split", "sentences", ["中国人民", None, 3],
              lambda v: (pd.people_daily_split, (v,), {}), expected="a list of sentences"),
    Case("pipeline.people_daily.people_daily_split", "empty", "sentences", st.sampled_from([[], [["a"]], [["a"]] * 4]),
         lambda v: (pd.people_daily_split, (v, 0.1), {}), error=ValueError, expected="enough sentences",
         got=lambda v: f"got {len(v)} sentences"),
    valid_case("pipeline.people_daily.people_daily_split", "held_out", [0.5, 0.25],
               lambda v: (pd.people_daily_split, (_SEG_SENTENCES * 2, v), {})),
    # BMES tags
    kind_case("pipeline.segmentation.words_to_bmes", "words", ["中国人民", None, [["中国"]]],
              lambda v: (seg.words_to_bmes, (v,), {}), expected="a sequence of"),
    Case("pipeline.segmentation.words_to_bmes", "empty", "words", st.sampled_from([[""], ["中国", ""]]),
         lambda v: (seg.words_to_bmes, (v,), {}), error=ValueError, expected="non-empty words", got="got ''"),
    valid_case("pipeline.segmentation.words_to_bmes", "words", [[], ["的"], ("中国", "人")],
               lambda v: (seg.words_to_bmes, (v,), {})),
    Case("pipeline.segmentation.bmes_to_words", "kind", "tags",
         st.sampled_from([["B", "S"], ["M", "E"], ["B", "M"], ["S", "X"], ["S"], ["S", "S", "S"]]),
         lambda v: (seg.bmes_to_words, ("中国", v), {}), error=ValueError, expected="", got="", note="rules"),
    kind_case("pipeline.segmentation.bmes_to_words", "tags", ["BE", None, 3],
              lambda v: (seg.bmes_to_words, ("中国", v), {}), expected="a sequence of"),
    kind_case("pipeline.segmentation.bmes_to_words", "chars", [None, 3, [["中"], ["国"]]],
              lambda v: (seg.bmes_to_words, (v, ["B", "E"]), {}), expected="a sequence of"),
    kind_case("pipeline.segmentation.word_spans", "words", ["中国人民", None, [["中国"]]],
              lambda v: (seg.word_spans, (v,), {}), expected="a sequence of"),
    Case("pipeline.segmentation.word_spans", "empty", "words", st.just(["中国", ""]),
         lambda v: (seg.word_spans, (v,), {}), error=ValueError, expected="non-empty words", got="got ''"),
    # scores
    kind_case("pipeline.segmentation.segmentation_scores", "gold", ["中国", None, ["中国", "人民"]],
              lambda v: (seg.segmentation_scores, (v, [["中国"]]), {}), expected="a list of token lists"),
    kind_case("pipeline.segmentation.segmentation_scores", "predicted", ["中国", None, ["中国"]],
              lambda v: (seg.segmentation_scores, ([["中国"]], v), {}), expected="a list of token lists"),
    Case("pipeline.segmentation.segmentation_scores", "shape", "predicted",
         st.sampled_from([[["中华"]], [["中", "国"], ["人"]], [["中国人"]]]),
         lambda v: (seg.segmentation_scores, ([["中国"]], v), {}), error=ValueError, expected="", got=""),
    Case("pipeline.segmentation.segmentation_scores", "empty", "gold", st.just([]),
         lambda v: (seg.segmentation_scores, (v, []), {}), error=ValueError, expected="at least one sentence",
         got="an empty list"),
    # decoding
    kind_case("pipeline.segmentation.constrained_decode", "scores", [None, [[0.0] * 4]],
              lambda v: (seg.constrained_decode, (v,), {}), expected="a floating-point torch.Tensor"),
    Case("pipeline.segmentation.constrained_decode", "dtype", "scores", st.sampled_from([torch.long, torch.bool]),
         lambda t: (seg.constrained_decode, (torch.zeros(2, 4, dtype=t),), {}), error=TypeError,
         expected="a floating-point tensor", got=lambda t: f"dtype {t}"),
    Case("pipeline.segmentation.constrained_decode", "shape", "scores", st.sampled_from([(2, 3), (2, 0, 4), (0, 4), (4,)]),
         lambda s: (seg.constrained_decode, (torch.zeros(s),), {}), error=ValueError, expected="shape (batch, seq, 4)",
         got=lambda s: f"shape {s}"),
    Case("pipeline.segmentation.constrained_decode", "shape", "lengths", st.sampled_from([[3], [3, 3, 3], [[3, 3]]]),
         lambda v: (seg.constrained_decode, (torch.zeros(2, 3, 4), torch.tensor(v)), {}), error=ValueError,
         expected="shape (2,)", got="got shape"),
    Case("pipeline.segmentation.constrained_decode", "empty", "lengths", st.sampled_from([[0, 3], [3, 0]]),
         lambda v: (seg.constrained_decode, (torch.zeros(2, 3, 4), torch.tensor(v)), {}), error=ValueError,
         expected="every length in [1, 3]", got="got 0"),
    Case("pipeline.segmentation.constrained_decode", "size", "lengths", st.sampled_from([[4, 3], [3, -1]]),
         lambda v: (seg.constrained_decode, (torch.zeros(2, 3, 4), torch.tensor(v)), {}), error=ValueError,
         expected="every length in [1, 3]", got="got "),
    # the tagger
    size_case("pipeline.segmentation.CharTagger", "vocabulary_size", lambda n: (seg.CharTagger, (n, 4, 3), {})),
    size_case("pipeline.segmentation.CharTagger", "embedding_dim", lambda n: (seg.CharTagger, (5, n, 3), {})),
    size_case("pipeline.segmentation.CharTagger", "hidden_size", lambda n: (seg.CharTagger, (5, 4, n), {})),
    kind_case("pipeline.segmentation.CharTagger", "bidirectional", ["yes", None, 1],
              lambda v: (seg.CharTagger, (5, 4, 3), {"bidirectional": v}), expected="True or False"),
    Case("pipeline.segmentation.CharTagger.forward", "ids", "ids", st.sampled_from([[[1, 9]], [[-1, 2]]]),
         lambda v: (_seg_tagger(9), (torch.tensor(v), torch.tensor([2])), {}), error=IndexError,
         expected="in [0, 8]", got="got "),
    Case("pipeline.segmentation.CharTagger.forward", "ids", "ids", st.sampled_from([torch.float32, torch.bool]),
         lambda t: (_seg_tagger(9), (torch.zeros(1, 2, dtype=t), torch.tensor([2])), {}), error=TypeError,
         expected="integer", got=lambda t: f"dtype {t}", note="dtype"),
    Case("pipeline.segmentation.CharTagger.forward", "shape", "ids", st.sampled_from([(3,), (1, 0), (1, 2, 2)]),
         lambda s: (_seg_tagger(9), (torch.zeros(s, dtype=torch.long), torch.tensor([1])), {}), error=ValueError,
         expected="shape (batch, seq)", got=lambda s: f"shape {s}"),
    Case("pipeline.segmentation.CharTagger.forward", "empty", "lengths", st.sampled_from([[0], [2, 2]]),
         lambda v: (_seg_tagger(9), (torch.ones(1, 2, dtype=torch.long), torch.tensor(v)), {}), error=ValueError,
         expected="", got=""),
    Case("pipeline.segmentation.CharTagger.loss", "ids", "tags", st.sampled_from([[[0, 4]], [[-1, 0]]]),
         lambda v: (_seg_tagger(9).loss, (torch.ones(1, 2, dtype=torch.long), torch.tensor(v), torch.tensor([2])), {}),
         error=IndexError, expected="in [0, 3]", got="got "),
    Case("pipeline.segmentation.CharTagger.loss", "shape", "tags", st.sampled_from([(1, 3), (2,), (2, 2)]),
         lambda s: (_seg_tagger(9).loss, (torch.ones(1, 2, dtype=torch.long), torch.zeros(s, dtype=torch.long),
                                     torch.tensor([2])), {}),
         error=ValueError, expected="shape (1, 2)", got=lambda s: f"shape {s}"),
    # training and segmenting
    kind_case("pipeline.segmentation.train_char_tagger", "model", [None, torch.nn.Linear(2, 2)],
              lambda m: (seg.train_char_tagger, (m, _SEG_VOCABULARY, _SEG_SENTENCES), {"epochs": 1}),
              expected="a CharTagger"),
    kind_case("pipeline.segmentation.train_char_tagger", "vocabulary",
              [None, {"中": 1}, Vocabulary.build("中国人民很好。")],
              lambda v: (seg.train_char_tagger, (_seg_tagger(), v, _SEG_SENTENCES), {"epochs": 1}),
              expected="a Vocabulary with '<pad>' at id 0"),
    Case("pipeline.segmentation.train_char_tagger", "shape", "vocabulary", st.just(3),
         lambda n: (seg.train_char_tagger, (_seg_tagger(n), _SEG_VOCABULARY, _SEG_SENTENCES), {"epochs": 1}),
         error=ValueError, expected="3 ids", got=f"a vocabulary of {len(_SEG_VOCABULARY)}"),
    kind_case("pipeline.segmentation.train_char_tagger", "sentences", ["中国人民", None, ["中国", "人民"]],
              lambda v: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, v), {"epochs": 1}),
              expected="a list of token lists"),
    Case("pipeline.segmentation.train_char_tagger", "empty", "sentences", st.sampled_from([[], [[]], [["中国", ""]]]),
         lambda v: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, v), {"epochs": 1}), error=ValueError,
         expected="", got=""),
    size_case("pipeline.segmentation.train_char_tagger", "epochs",
              lambda n: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, _SEG_SENTENCES), {"epochs": n})),
    size_case("pipeline.segmentation.train_char_tagger", "batch_size",
              lambda n: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, _SEG_SENTENCES),
                         {"epochs": 1, "batch_size": n})),
    number_case("pipeline.segmentation.train_char_tagger", "lr",
                lambda v: (seg.train_char_tagger, (_seg_tagger(), _SEG_VOCABULARY, _SEG_SENTENCES),
                           {"epochs": 1, "lr": v}), minimum=0, min_open=True),
    kind_case("pipeline.segmentation.segment", "model", [None, torch.nn.Linear(2, 2)],
              lambda m: (seg.segment, (m, _SEG_VOCABULARY, ["中国"]), {}), expected="a CharTagger"),
    kind_case("pipeline.segmentation.segment", "texts", ["中国", None, [["中国"]]],
              lambda v: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, v), {}), expected="a list of str"),
    Case("pipeline.segmentation.segment", "empty", "texts", st.sampled_from([[""], ["中国", ""]]),
         lambda v: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, v), {}), error=ValueError,
         expected="non-empty texts", got="got ''"),
    size_case("pipeline.segmentation.segment", "batch_size",
              lambda n: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, ["中国"]), {"batch_size": n})),
    valid_case("pipeline.segmentation.segment", "texts", [[], ["猫"], ("中国人民", "很好")],
               lambda v: (seg.segment, (_seg_tagger(), _SEG_VOCABULARY, v), {}),
               check=lambda words, v: ["".join(w) for w in words] == list(v)),
    kind_case("pipeline.segmentation.jieba_segment", "texts", ["中国", None, [["中国"]]],
              lambda v: (seg.jieba_segment, (v,), {}), expected="a list of str"),
    Case("pipeline.segmentation.jieba_segment", "empty", "texts", st.just(["中国", ""]),
         lambda v: (seg.jieba_segment, (v,), {}), error=ValueError, expected="non-empty texts", got="got ''"),
    kind_case("pipeline.segmentation.jieba_segment", "ascii_digits", ["yes", None, 1],
              lambda v: (seg.jieba_segment, (["中国"],), {"ascii_digits": v}), expected="True or False"),
    kind_case("pipeline.segmentation.half_width", "text", [None, 3, ["１"]],
              lambda v: (seg.half_width, (v,), {}), expected="a str"),
    kind_case("pipeline.segmentation.segmentation_disagreements", "gold", ["中国", None],
              lambda v: (seg.segmentation_disagreements, (v, [["中国"]]), {}), expected="a list of token lists"),
    Case("pipeline.segmentation.segmentation_disagreements", "shape", "predicted",
         st.sampled_from([[["中华"]], [["中", "国"], ["人"]]]),
         lambda v: (seg.segmentation_disagreements, ([["中国"]], v), {}), error=ValueError, expected="", got=""),
    kind_case("pipeline.people_daily.tag_group", "tags", ["nr", None, [["nr"]], [3]],
              lambda v: (pd.tag_group, (v,), {}), expected="a sequence of",
              got=lambda v: "int" if v == [3] else type(v).__name__),
    kind_case("pipeline.people_daily.parse_people_daily_line", "tags", ["yes", None],
              lambda v: (pd.parse_people_daily_line, ("迈向/v",), {"tags": v}), expected="True or False"),
    kind_case("pipeline.people_daily.people_daily_sentences", "tags", ["yes", None],
              lambda v: (pd.people_daily_sentences, (1,), {"tags": v}), expected="True or False"),
    kind_case("pipeline.segmentation.jieba_segment", "hmm", ["yes", None, 1],
              lambda v: (seg.jieba_segment, (["中国"],), {"hmm": v}), expected="True or False"),
]
# ---- end of the segmentation block ------------------------------------------------------------------------
