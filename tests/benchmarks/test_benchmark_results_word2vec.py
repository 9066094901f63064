"""The committed word2vec benchmark table is exactly what the script renders from the committed raw numbers."""

import json
from pathlib import Path

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"


def _benchmark_module():
    return benchmark_module("word2vec_gensim")


def test_txt_is_rendered_from_json():
    data = json.loads((RESULTS / "word2vec_gensim.json").read_text())
    assert (RESULTS / "word2vec_gensim.txt").read_text() == _benchmark_module().render(data)


def test_json_has_both_trainers_for_every_epoch_count():
    data = json.loads((RESULTS / "word2vec_gensim.json").read_text())
    for epochs in data["epochs"]:
        runs = data["runs"][str(epochs)]
        assert len(runs["gensim"]) == len(runs["ours"]) == data["repeat"] >= 1
        for run in runs["gensim"] + runs["ours"]:
            assert run["vocab"] == data["corpus"]["vocab"]  # same vocabulary threshold, same corpus
            assert run["oov_wordsim353"] + run["pairs_wordsim353"] == 353
            assert run["oov_simlex999"] + run["pairs_simlex999"] == 999
            assert run["words_per_second"] * run["seconds"] == __import__("pytest").approx(
                data["corpus"]["words"] * epochs, rel=1e-9)
    assert set(data["machine"]) >= {"cpu", "cores", "torch", "numpy", "gensim"}
