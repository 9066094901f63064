"""The committed LSTM-vs-GRU memory table is what benchmarks/lstm_memory.py renders from the committed raw
numbers, every contender has every delay and seed, and its GRU at seed 0 is the GRU page's GRU."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("lstm_memory")


def _data():
    return json.loads((RESULTS / "lstm_memory.json").read_text())


def test_txt_is_rendered_from_json():
    assert (RESULTS / "lstm_memory.txt").read_text() == _benchmark_module().render(_data())


def test_every_contender_has_every_delay_and_seed():
    data, module = _data(), _benchmark_module()
    assert set(data["accuracy"]) == set(module.CONTENDERS) and data["settings"] == module.SETTINGS
    assert len(data["seeds"]) >= 3 and 0 in data["seeds"]
    for per_delay in data["accuracy"].values():
        assert set(per_delay) == {str(n) for n in data["settings"]["delays"]}
        assert all(len(values) == len(data["seeds"]) and all(0 <= v <= 1 for v in values) for values in per_delay.values())
    # parameters: GRU 3(md + m² + 2m), LSTM 4(md + m² + 2m) with d = 8, m = 32
    assert data["parameters"]["GRU"] == 3 * (32 * 8 + 32 * 32 + 64)
    assert data["parameters"]["LSTM"] == data["parameters"]["LSTM b_f+3"] == 4 * (32 * 8 + 32 * 32 + 64)


def test_gru_at_seed_0_is_the_gru_pages_gru():
    # The GRU page's snippet trains the same GRU the same way with seed 0; its printed column must agree.
    data = _data()
    lines = (ROOT / "snippets" / "recurrent" / "gru_memory_task.out").read_text().splitlines()
    page = {int(line.split()[0]): float(line.split()[2]) for line in lines if line.strip()[:1].isdigit()}
    seed0 = data["seeds"].index(0)
    assert page == {n: round(data["accuracy"]["GRU"][str(n)][seed0], 3) for n in data["settings"]["delays"]}
