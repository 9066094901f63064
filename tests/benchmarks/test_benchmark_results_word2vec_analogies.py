"""The committed analogy table is what the script renders from the committed raw numbers; the raw numbers
hang together (same questions answered by both trainers, gensim's own evaluation agreeing); --quick runs."""

import json
from pathlib import Path

import pytest

from benchmark_script import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"
NAME = "word2vec_analogies"


def _data():
    return json.loads((RESULTS / f"{NAME}.json").read_text())


def test_txt_is_rendered_from_json():
    assert (RESULTS / f"{NAME}.txt").read_text() == benchmark_module(NAME).render(_data())


def test_both_trainers_answer_the_same_questions_and_gensim_agrees_with_our_evaluation():
    data = _data()
    answered = {}
    for corpus, runs in data["runs"].items():
        for trainer in ("ours", "gensim"):
            assert len(runs[trainer]) == len(data["seeds"])
            for run in runs[trainer]:
                assert run["vocab"] == data["corpora"][corpus]["vocab"]
                for method, result in run["methods"].items():
                    overall = result["overall"]
                    assert overall["total"] == 19_544
                    assert result["semantic"]["answered"] + result["syntactic"]["answered"] == overall["answered"]
                    assert 0 <= overall["correct"] <= overall["answered"]
                    assert sum(result["no_exclusion"].values()) == overall["answered"]
                    answered.setdefault(corpus, set()).add(overall["answered"])
        assert all(run["gensim_evaluate_agrees"] for run in runs["gensim"])
    assert answered == {"lee": {146}, "lee+wiki": {4383}}  # fixed by the vocabularies (min_count 5)


def test_queen_is_not_in_the_lee_vocabulary_but_is_in_lee_plus_wiki():
    runs = _data()["runs"]
    assert runs["lee"]["ours"][0]["examples"][0]["missing"] == []  # king, man, woman are there...
    assert all(w != "queen" for w, _ in runs["lee"]["ours"][0]["examples"][0]["excluded"])  # ...queen is not
    assert any(w == "queen" for w, _ in runs["lee+wiki"]["gensim"][0]["examples"][0]["excluded"])


@pytest.mark.timeout(180)
def test_quick_mode_runs_and_renders():
    module = benchmark_module(NAME)
    data = module.main(["--quick"])
    assert list(data["runs"]) == ["lee"] and data["epochs"] == 2
    assert all(run["gensim_evaluate_agrees"] for run in data["runs"]["lee"]["gensim"])
    assert "Corpus lee:" in module.render(data)
