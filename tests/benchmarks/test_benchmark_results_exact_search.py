"""The committed exact-search benchmark: the table is rendered from the raw numbers, the run covers what the
page reports (N = 10⁵ and 10⁶ at d = 384, ours and FAISS interleaved, equal answers), and --quick still runs."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _data():
    return json.loads((RESULTS / "exact_search.json").read_text())


def test_txt_is_rendered_from_json():
    assert (RESULTS / "exact_search.txt").read_text() == benchmark_module("exact_search").render(_data())


def test_speed_rows_cover_both_sizes_with_equal_answers():
    data = _data()
    assert {(r["n"], r["dim"]) for r in data["speed"]} == {(100_000, 384), (1_000_000, 384)}
    assert {r["threads"] for r in data["speed"]} == set(data["threads"]) >= {1}
    for row in data["speed"] + data["cost_n"] + data["cost_d"]:
        runs = {len(row[f"{who}_seconds"]) for who in ("ours", "faiss", "faiss_blas")}
        assert len(runs) == 1 and runs.pop() >= data["repeat"] >= 3  # interleaved: as many runs of each
        for suffix in ("", "_blas"):  # FAISS as it comes and on its BLAS path give the same answers
            assert row[f"max_score_difference{suffix}"] <= 1e-5  # the tolerance, at every size measured
            assert row[f"same_ids{suffix}"] >= 0.99  # synthetic clusters may hold near-ties; unit tests handle them
    assert [r["n"] for r in data["cost_n"]] == sorted(r["n"] for r in data["cost_n"])
    assert len(data["cost_n"]) >= 3 and len(data["cost_d"]) >= 3
    assert set(data["machine"]) >= {"cpu", "cores", "torch", "faiss", "numpy"}


def test_quick_mode_runs_and_prints_the_table(capsys):
    benchmark_module("exact_search").main(["--quick"])  # small sizes; writes no file without --save
    out = capsys.readouterr().out
    assert "Speed (goal: ours <= 2x FAISS" in out and "SYNTHETIC" in out
