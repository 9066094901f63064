"""The committed CNN-vs-RNN table is what benchmarks/cnn_vs_rnn.py renders from the committed raw numbers."""

import json
import statistics
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("cnn_vs_rnn")


def test_txt_is_rendered_from_json():
    data = json.loads((RESULTS / "cnn_vs_rnn.json").read_text())
    assert (RESULTS / "cnn_vs_rnn.txt").read_text() == _benchmark_module().render(data)


def test_json_has_every_row_the_page_discusses_and_medians_match_the_raw_times():
    module = _benchmark_module()
    data = json.loads((RESULTS / "cnn_vs_rnn.json").read_text())
    s = data["settings"]
    assert s["repeat"] >= 15
    assert {(r["threads"], r["seq"]) for r in data["results"]} == {(t, n) for t in s["threads"] for n in s["seq_lengths"]}
    assert 1 in s["threads"] and 200 in s["seq_lengths"]
    for row in data["results"]:
        assert set(row["times_s"]) == set(module.MODELS)
        for name, times in row["times_s"].items():
            assert len(times) == s["repeat"]
            assert row["median_s"][name] == statistics.median(times)
    assert data["multiply_adds"] == module.multiply_adds_per_token()
    assert "load_start" in data and "load_end" in data
