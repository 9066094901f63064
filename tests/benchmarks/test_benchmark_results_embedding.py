"""The committed embedding-lookup benchmark results: the .txt is what the script renders from the .json."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("embedding_lookup")


def _data():
    return json.loads((RESULTS / "embedding_lookup.json").read_text(encoding="utf-8"))


def test_committed_txt_is_rendered_from_committed_json():
    rendered = _benchmark_module().render(_data())
    assert (RESULTS / "embedding_lookup.txt").read_text(encoding="utf-8") == rendered


def test_results_cover_every_size_route_and_pass():
    bench = _benchmark_module()
    data = _data()
    assert {r["V"] for r in data["results"]} == {100, 1_000, 10_000, 100_000}
    keys = {(r["V"], r["route"], r["pass"]) for r in data["results"]}
    assert len(keys) == 4 * len(bench.ROUTES) * len(bench.PASSES) == len(data["results"])
    for row in data["results"]:
        assert len(row["times_s"]) == data["settings"]["repeat"][str(row["V"])]


def test_one_hot_memory_is_at_least_the_one_hot_matrix():
    # The (4096, V) float32 one-hot must be resident during the call, so a measured rise below its
    # size would mean the measurement is wrong. F.one_hot builds it in int64 first: twice as big again.
    data = _data()
    n_ids = data["settings"]["n_ids"]
    checked = []
    for row in data["results"]:
        matrix = n_ids * row["V"] * 4
        if row["V"] >= 10_000 and row["route"] == "one-hot @ W":
            assert row["peak_rss_increase_bytes"] >= 0.95 * matrix
            checked.append(row["route"])
        if row["V"] >= 10_000 and row["route"] == "F.one_hot @ W":
            assert row["peak_rss_increase_bytes"] >= 0.95 * 3 * matrix
            checked.append(row["route"])
    # the checks above must have run: a renamed route would otherwise pass without asserting anything
    assert checked.count("one-hot @ W") >= 2 and checked.count("F.one_hot @ W") >= 2, checked


def test_the_plot_is_drawn_from_the_committed_json_not_committed():
    # The page's plot is drawn at build time by a snippet that reads the json; no image is committed.
    snippet = (ROOT / "snippets" / "embeddings" / "diagram_lookup_benchmark.py").read_text(encoding="utf-8")
    assert '"results" / "embedding_lookup.json"' in snippet
    assert not (ROOT / "docs" / "assets" / "benchmarks").exists()
    script = (ROOT / "benchmarks" / "embedding_lookup.py").read_text(encoding="utf-8")
    assert '"docs"' not in script and "savefig" not in script and "save_themed" not in script
