"""The committed pipeline benchmark: the table is rendered from the raw numbers, and the numbers agree with each other."""

import json
from pathlib import Path

import pytest

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("pipeline_sentiment")


@pytest.fixture(scope="module")
def data():
    return json.loads((RESULTS / "pipeline_sentiment.json").read_text(encoding="utf-8"))


def test_txt_is_rendered_from_json(data):
    assert (RESULTS / "pipeline_sentiment.txt").read_text(encoding="utf-8") == _benchmark_module().render(data)


def test_every_model_and_baseline_was_run_on_the_same_split(data):
    module = _benchmark_module()
    assert list(data["networks"]) == [n for n in module.NETWORKS if n in data["networks"]]
    assert {"mean", "gru", "lstm", "bigru", "cnn"} <= {r["model"] for r in data["networks"].values()}
    assert set(data["baselines"]) == set(module.BASELINES)
    assert data["split"] == {"train": 13891, "validation": 1736, "test": 1736}  # the page's data_counts.out
    assert data["settings"] == module.SETTINGS


def test_scores_intervals_and_confusion_matrices_agree(data):
    n = data["split"]["test"]
    for name, r in {**data["networks"], **data["baselines"]}.items():
        confusion = r["confusion"]
        assert sum(map(sum, confusion)) == n, name
        assert r["accuracy"] == pytest.approx((confusion[0][0] + confusion[1][1]) / n, abs=1e-12), name
        for score in ("accuracy", "macro_f1"):
            low, high = r[f"{score}_95"]
            assert low <= r[score] <= high and high - low < 0.1, (name, score)


def test_networks_were_reloaded_from_their_best_epoch_and_record_their_mistakes(data):
    n = data["split"]["test"]
    for name, r in data["networks"].items():
        assert r["checkpoint_epoch"] == r["best_epoch"] <= r["epochs_run"] <= data["settings"]["epochs"], name
        assert len(r["history"]["val_loss"]) == r["epochs_run"], name
        assert r["best_epoch"] == 1 + r["history"]["val_loss"].index(min(r["history"]["val_loss"])), name
        assert len(r["misclassified"]) == round((1 - r["accuracy"]) * n), name
        assert r["seconds_per_epoch"] == pytest.approx(sum(r["history"]["seconds"]) / r["epochs_run"]), name
