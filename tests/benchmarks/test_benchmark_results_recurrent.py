"""The committed benchmark table is what benchmarks/recurrent.py renders from the committed raw numbers."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("recurrent")


def test_txt_is_rendered_from_json():
    data = json.loads((RESULTS / "recurrent.json").read_text())
    assert (RESULTS / "recurrent.txt").read_text() == _benchmark_module().render(data)


def test_json_has_every_row_the_page_discusses():
    data = json.loads((RESULTS / "recurrent.json").read_text())
    rows = {(r["ours"], r["size"], r["pass"]) for r in data["results"]}
    for module in ("RNN", "GRU"):
        for size in ("small", "large"):
            for pass_ in ("forward", "forward+backward"):
                assert (f"ours {module}", size, pass_) in rows
        assert (f"naive {module}", "small", "forward+backward") in rows
    assert data["settings"]["repeat"] >= 15
    for r in data["results"]:
        assert len(r["ours_times_s"]) == len(r["theirs_times_s"]) == data["settings"]["repeat"]
