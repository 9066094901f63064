"""The committed HNSW benchmark: the .txt is what the script renders from the .json, the collections are the
ones the page describes, and our recall stays within 0.05 of FAISS's at every efSearch."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _data():
    return json.loads((RESULTS / "hnsw_faiss.json").read_text(encoding="utf-8"))


def test_committed_txt_is_rendered_from_committed_json():
    assert (RESULTS / "hnsw_faiss.txt").read_text(encoding="utf-8") == benchmark_module("hnsw_faiss").render(_data())


def test_collections_settings_and_recall_margin():
    data = _data()
    assert data["settings"] == {"M": 16, "ef_construction": 40, "k": 10, "ef_search": [10, 16, 32, 64, 128]}
    names = [c["name"] for c in data["collections"]]
    assert names == ["synthetic", "word2vec (Lee corpus)"]
    assert data["collections"][0]["n"] == 10_000 and data["collections"][0]["dim"] == 128
    for c in data["collections"]:
        assert [r["ef_search"] for r in c["rows"]] == data["settings"]["ef_search"]
        for r in c["rows"]:
            assert r["recall_ours"] >= r["recall_faiss"] - 0.05, (c["name"], r)
        assert c["rows"][-1]["recall_ours"] >= 0.9
        assert c["build_s_ours"] > 0 and c["build_s_faiss"] > 0


@pytest.mark.timeout(120)
def test_quick_mode_runs_and_saves_nothing():
    before = (RESULTS / "hnsw_faiss.json").read_bytes()
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "hnsw_faiss.py"), "--quick"], check=True,
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin"},
                         timeout=110).stdout
    assert "synthetic (quick): 2,000 vectors" in out and "Command: " in out
    assert (RESULTS / "hnsw_faiss.json").read_bytes() == before
