"""The committed segmentation benchmark: the table is rendered from the raw numbers, and the numbers add up."""

import json
from pathlib import Path

import pytest

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("segmentation")


def _data():
    return json.loads((RESULTS / "segmentation.json").read_text(encoding="utf-8"))


def test_txt_is_rendered_from_json():
    assert (RESULTS / "segmentation.txt").read_text(encoding="utf-8") == _benchmark_module().render(_data())


def test_every_system_is_scored_on_the_same_held_out_words():
    data = _data()
    assert set(data["systems"]) == {"ours", "jieba", "jieba_ascii", "jieba_no_hmm"}
    for name, r in data["systems"].items():
        assert r["gold_words"] == data["corpus"]["held_out_words"], name
        assert r["precision"] == pytest.approx(r["correct"] / r["predicted_words"], abs=1e-12)
        assert r["recall"] == pytest.approx(r["correct"] / r["gold_words"], abs=1e-12)
        assert r["f1"] == pytest.approx(2 * r["precision"] * r["recall"] / (r["precision"] + r["recall"]), abs=1e-12)
        # every gold word outside a disagreement is a correct word, so the groups account for all the others
        in_disagreements = sum(g["gold_words"] for g in r["disagreements"].values())
        assert r["gold_words"] - in_disagreements == r["correct"], name


def test_the_run_is_the_one_the_page_describes():
    data = _data()
    assert data["settings"]["threads"] == 1 and data["settings"]["max_chars"] == 100
    assert data["corpus"]["held_out_sentences"] == round(data["corpus"]["sentences"] * 0.1)
    assert len(data["training"]["loss"]) == len(data["training"]["epoch_seconds"]) == data["settings"]["epochs"]
    assert data["training"]["loss"][-1] < data["training"]["loss"][0]
    assert set(data["machine"]) >= {"cpu", "cores", "torch", "jieba", "python"}
