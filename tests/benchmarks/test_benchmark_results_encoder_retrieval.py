"""The committed encoder comparison: the table is rendered from the raw numbers, and the numbers agree with each other."""

import json
from pathlib import Path

import numpy as np
import pytest

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


@pytest.fixture(scope="module")
def module():
    return benchmark_module("encoder_retrieval")


@pytest.fixture(scope="module")
def data():
    return json.loads((RESULTS / "encoder_retrieval.json").read_text(encoding="utf-8"))


def test_txt_is_rendered_from_json(data, module):
    assert (RESULTS / "encoder_retrieval.txt").read_text(encoding="utf-8") == module.render(data)


def test_every_encoder_ran_on_the_full_splits_with_the_pipeline_settings(data, module):
    assert list(data["encoders"]) == list(module.ENCODERS)
    assert data["split"] == {"queries (test)": 1736, "collection (train)": 13891}  # the pipeline page's split
    assert data["settings"] == module.SETTINGS
    assert data["ks"] == list(module.KS) and "--quick" not in data["command"]
    for r in data["encoders"].values():
        assert sorted(r["agreement"], key=int) == [str(k) for k in module.KS]
        assert r["seconds_per_1000"] >= 0 and r["training_seconds"] >= 0


def test_base_rate_is_the_sum_of_label_shares(data):
    q, c = np.array(data["label_counts"]["queries"]), np.array(data["label_counts"]["collection"])
    assert q.sum() == 1736 and c.sum() == 13891
    assert data["base_rate"] == pytest.approx(float((q / q.sum()) @ (c / c.sum())), abs=1e-12)


def test_the_ranges_the_page_relies_on(data):
    """Ranges, not exact figures: a re-run on another machine moves them a little."""
    base, agreement = data["base_rate"], {n: r["agreement"] for n, r in data["encoders"].items()}
    assert all(abs(a - base) < 0.03 for a in agreement["random"].values())  # random vectors sit at the base rate
    for name in ("word2vec-mean", "gru", "minilm"):
        assert all(a > base + 0.05 for a in agreement[name].values()), name  # every encoder beats chance
    assert all(agreement["gru"][k] > max(agreement["word2vec-mean"][k], agreement["minilm"][k]) for k in agreement["gru"])
    assert data["encoders"]["minilm"]["unk_share"] > 0.3  # an English vocabulary reading Chinese


def test_saved_examples_are_the_rule_s_queries_with_real_neighbours(data, module):
    low, high = module.EXAMPLE_CHARS
    assert len(data["queries"]) == module.EXAMPLES
    assert all(low <= len(q["text"]) <= high for q in data["queries"])
    for r in data["encoders"].values():
        assert len(r["examples"]) == module.EXAMPLES
        for neighbours in r["examples"]:
            assert len(neighbours) == 3 and all(0 <= n["id"] < 13891 and n["label"] in (0, 1) for n in neighbours)
            assert [n["score"] for n in neighbours] == sorted((n["score"] for n in neighbours), reverse=True)
