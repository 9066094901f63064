"""Every public name of neuralnlp, given bad input, raises a clear error; valid edge cases are accepted.

The cases live in ``bad_input_cases_<chapter>.py`` (one public name, one kind of mistake, a hypothesis
strategy drawing such mistakes); ``bad_input_harness.py`` judges each call. A bad input must raise the
expected exception type with a message ``"<arg>: expected <what>, got <what>"`` that names the argument,
says what was expected and shows what was received, and must leave every argument as it was.

Every public name the API reference lists (functions, classes, their public methods and properties,
found by walking the package as ``tests/site/test_reference.py`` does) must have bad-input cases, or
be listed in ``NO_ARGUMENTS`` or ``RESULT_RECORDS`` for a reason these tests check. A module added later
without cases makes ``test_every_public_name_has_bad_input_cases`` fail, naming what is missing.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import neuralnlp
from bad_input_harness import KINDS, SETTINGS, all_cases, judge

CASES = all_cases()

# Public names that take no argument at all (beyond self or cls): nothing can be passed wrongly.
NO_ARGUMENTS = {
    "basics.datasets.xor", "basics.dense.Dense.in_features", "basics.dense.Dense.out_features",
    "basics.dense.Dense.parameter_count", "basics.neuron.Neuron.in_features", "basics.graph.Value.tanh",
    "basics.graph.Value.sigmoid", "basics.graph.Value.relu", "basics.graph.Value.backward",
    "embeddings.embedding.Embedding.reset_parameters", "embeddings.word2vec.corpus.gensim_test_data_dir",
    "recurrent.text_corpus.entropy_rate", "plotting.theme_colours", "diagrams.Shape.centre",
    "training.schedules.LRSchedule.step", "training.schedules.LRSchedule.get_last_lr", "transformer.bert.BertConfig.base",
    "transformer.sentence_encoder.minilm_directory",
    "pipeline.conv.Conv1d.reset_parameters",
}
# Records the library returns (NamedTuple or dataclass with no checks of its own): readers read them.
RESULT_RECORDS = {
    "basics.activations.ApproximationError", "embeddings.word2vec.evaluation.WordPairScore",
    "embeddings.word2vec.training.Word2VecResult",
    "pipeline.reviews.ReviewSplits", "pipeline.text_training.TextTrainingResult",
    "pipeline.checkpoint.TextClassifierCheckpoint",
    "pipeline.filters.FilterNgram",
    "search.analogy.AnalogySection", "search.analogy.SectionScore", "search.analogy.AnalogyScore",
}
NOT_DOCUMENTED = {"extra_repr"}  # as in tests/site/test_reference.py


def public_names() -> dict[str, object]:
    """name -> object for every public function, class, method and property of every public module."""
    found = {}
    for info in pkgutil.walk_packages(neuralnlp.__path__, "neuralnlp."):
        if info.ispkg or any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        prefix = info.name.removeprefix("neuralnlp.")
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                found[f"{prefix}.{name}"] = obj
                if inspect.isclass(obj):
                    for attr, member in vars(obj).items():
                        if not attr.startswith("_") and attr not in NOT_DOCUMENTED and (
                                inspect.isfunction(member) or isinstance(member, (classmethod, staticmethod, property))):
                            found[f"{prefix}.{name}.{attr}"] = member
    return found


PUBLIC = public_names()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_gets_a_clear_error_and_valid_input_is_accepted(case):
    wanted = "ok" if case.kind == "valid" else "clear"

    @settings(max_examples=case.examples, **SETTINGS)
    @given(st.data())
    def check(data):
        value = data.draw(case.draw)
        outcome = judge(case, value)
        assert outcome.cls == wanted, f"{outcome.cls}: {outcome.detail}"

    check()


def test_every_public_name_has_bad_input_cases():
    covered = {case.name for case in CASES if case.kind != "valid"}
    missing = sorted(set(PUBLIC) - covered - NO_ARGUMENTS - RESULT_RECORDS)
    assert not missing, ("public names without bad-input cases (add cases to bad_input_cases_<chapter>.py): "
                         + ", ".join(missing))


def test_cases_and_exemptions_name_public_names():
    stale = sorted({case.name for case in CASES} - set(PUBLIC)) + sorted((NO_ARGUMENTS | RESULT_RECORDS) - set(PUBLIC))
    assert not stale, f"not public names of neuralnlp: {stale}"


def test_exempt_names_really_take_no_argument():
    for name in NO_ARGUMENTS:
        obj = PUBLIC[name]
        if isinstance(obj, property):
            continue
        function = getattr(obj, "__func__", obj)
        params = [p for p in inspect.signature(function).parameters.values() if p.name not in ("self", "cls")]
        assert not params, f"{name} takes {[p.name for p in params]}: give it bad-input cases"
    for name in RESULT_RECORDS:
        record = PUBLIC[name]
        assert dataclasses.is_dataclass(record) or (issubclass(record, tuple) and hasattr(record, "_fields")), name
        assert record.__init__ is tuple.__init__ or dataclasses.is_dataclass(record), name


def test_case_ids_are_unique_and_every_kind_is_used():
    repeated = [case_id for case_id, n in Counter(case.id for case in CASES).items() if n > 1]
    assert not repeated, f"repeated case ids (add a note): {repeated}"
    assert set(KINDS) == {case.kind for case in CASES}
