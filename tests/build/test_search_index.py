"""The search index serves both languages: one index, Chinese segmented by jieba, English stemmed."""

import json


def index(built_copy):
    return json.loads((built_copy / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_both_languages_are_in_one_index(built_copy):
    locations = [doc["location"] for doc in index(built_copy)["docs"]]
    assert any(loc.startswith("basics/training/") for loc in locations)
    assert any(loc.startswith("en/basics/training/") for loc in locations)


def test_chinese_text_is_segmented_into_words(built_copy):
    # jieba separates words with zero-width spaces, and the separator splits on them
    data = index(built_copy)
    assert "\\u200b" in data["config"]["separator"]
    training = next(doc for doc in data["docs"] if doc["location"] == "basics/training/")
    assert "反向\u200b传播" in training["text"] or "\u200b反向传播\u200b" in training["text"]


def test_lunr_uses_the_english_pipeline_only(built_copy):
    # With 'zh' added by mkdocs-static-i18n, English queries stopped matching (see hooks/search_language.py).
    assert index(built_copy)["config"]["lang"] == ["en"]
