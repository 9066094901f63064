"""The committed transformer benchmark table is what benchmarks/transformer_encoder.py renders from the committed
raw numbers, and holds every row the page discusses."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("transformer_encoder")


def _data():
    return json.loads((RESULTS / "transformer_encoder.json").read_text())


def test_txt_is_rendered_from_json():
    assert (RESULTS / "transformer_encoder.txt").read_text() == _benchmark_module().render(_data())


def test_json_has_both_batch_sizes_at_each_thread_count():
    data = _data()
    rows = {(r["threads"], r["batch"]) for r in data["results"]}
    assert rows == {(t, b) for t in (1, 2) for b in (1, 32)}
    assert data["settings"]["repeat"] >= 15
    for r in data["results"]:
        assert r["seq_len"] == 128
        assert len(r["ours_times_s"]) == len(r["reference_times_s"]) == data["settings"]["repeat"]
        assert r["max_abs_difference"] <= 1e-4  # the two encoders computed the same thing


def test_sentence_embeddings_agree_as_the_unit_tests_require():
    agreement = _data()["sentence_embeddings"]
    assert agreement["texts"] >= 100 and agreement["max_abs_difference"] <= 1e-5
    assert agreement["min_tokens"] < 10 and agreement["max_tokens"] == 256  # varied lengths, truncation included
