"""The committed page-weight results: the .txt is what the script renders from the .json, and the json adds up."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("page_weight")


def _data():
    return json.loads((RESULTS / "page_weight.json").read_text(encoding="utf-8"))


def test_committed_txt_is_rendered_from_committed_json():
    rendered = _benchmark_module().render(_data())
    assert (RESULTS / "page_weight.txt").read_text(encoding="utf-8") == rendered


def test_every_scenario_has_a_first_and_a_second_visit_in_every_repetition():
    data = _data()
    repeat = data["settings"]["repeat"]
    assert repeat >= 5
    scenarios = data["settings"]["scenarios"]
    assert {"zh", "en", "zh-math", "en-math"} <= set(scenarios)
    for name in scenarios:
        runs = [r for r in data["runs"] if r["scenario"] == name]
        assert sorted(r["repetition"] for r in runs) == list(range(repeat))
    assert [(r["scenario"], r["visit"]) for r in data["summary"]] == [
        (name, visit) for name in scenarios for visit in ("first", "second")]


def test_categories_add_up_to_the_total_and_bytes_repeat_exactly():
    bench = _benchmark_module()
    for run in _data()["runs"]:
        for visit in ("first", "second"):
            v = run[visit]
            assert list(v["by_category"]) == bench.CATEGORIES
            assert sum(v["by_category"].values()) == v["total_bytes"]
            if "detail" in v:
                assert sum(r["bytes"] for r in v["detail"]) == v["total_bytes"]
                assert len(v["detail"]) == v["requests"]
    # The same site served the same way transfers the same bytes every time (only timings vary).
    for row in _data()["summary"]:
        assert row["total_bytes_min"] == row["total_bytes_max"], row


def test_a_warm_cache_fetches_no_shared_asset_again():
    for row in _data()["summary"]:
        if row["visit"] == "second":
            for category in ("Material JS bundle", "Material CSS", "KaTeX JS/CSS", "search index", "search worker"):
                assert row["by_category"][category] == 0, (row["scenario"], category)
        else:
            for category in ("HTML", "Material JS bundle", "Material CSS", "KaTeX JS/CSS", "search index", "search worker"):
                assert row["by_category"][category] > 0, (row["scenario"], category)


def test_category_of_urls():
    # Worked by hand from the URLs the site serves.
    category = _benchmark_module().category
    base = "http://127.0.0.1:8000/"
    assert category(base) == "HTML"
    assert category(base + "en/basics/neurons/") == "HTML"
    assert category(base + "404.html") == "HTML"
    assert category(base + "assets/javascripts/bundle.a5f9d56c.min.js") == "Material JS bundle"
    assert category(base + "assets/javascripts/workers/search.a7633da7.min.js") == "search worker"
    assert category(base + "assets/stylesheets/main.57a0d79d.min.css") == "Material CSS"
    assert category(base + "assets/_mkdocstrings.css") == "Material CSS"
    assert category(base + "assets/katex/katex.min.js") == "KaTeX JS/CSS"
    assert category(base + "javascripts/katex.js") == "KaTeX JS/CSS"
    assert category(base + "assets/katex/fonts/KaTeX_Main-Regular.woff2") == "KaTeX fonts"
    assert category(base + "search/search_index.json") == "search index"
    assert category(base + "figures/neurons-gelu-dark.svg") == "images"
    assert category(base + "assets/images/favicon.png") == "images"
    assert category(base + "stylesheets/extra.css") == "other"


def test_goals_are_the_ones_of_issue_5():
    bench = _benchmark_module()
    assert (bench.GOAL_FIRST, bench.GOAL_NEXT) == (1_000_000, 200_000)
