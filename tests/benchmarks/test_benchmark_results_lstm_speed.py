"""The committed LSTM speed table is what benchmarks/lstm_speed.py renders from the committed raw numbers."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("lstm_speed")


def test_txt_is_rendered_from_json():
    data = json.loads((RESULTS / "lstm_speed.json").read_text())
    assert (RESULTS / "lstm_speed.txt").read_text() == _benchmark_module().render(data)


def test_json_has_every_size_and_pass():
    data, module = json.loads((RESULTS / "lstm_speed.json").read_text()), _benchmark_module()
    assert {(r["size"], r["pass"]) for r in data["results"]} == {(s, p) for s in module.SIZES for p in module.PASSES}
    assert data["settings"]["repeat"] >= 15
    for r in data["results"]:
        assert len(r["ours_times_s"]) == len(r["theirs_times_s"]) == len(r["no_onednn_times_s"]) == data["settings"]["repeat"]
        assert r["shape"] == list(module.SIZES[r["size"]])
