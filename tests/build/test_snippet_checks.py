"""What fails the build, decided without building: ``build_errors`` of hooks/verified_snippets.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from verified_snippets import Result, build_errors  # hooks/, on pytest's pythonpath


@pytest.fixture
def snippet(tmp_path, monkeypatch) -> Path:
    import verified_snippets

    path = tmp_path / "snippets" / "basics" / "x.py"
    path.parent.mkdir(parents=True)
    path.write_text("print(1)\n")
    path.with_suffix(".out").write_text("1\n")
    monkeypatch.setattr(verified_snippets, "ROOT", tmp_path)  # messages name paths relative to the project
    return path


def result(snippet, status="ok", stdout="1\n", stderr=""):
    return Result(snippet, status, stdout, stderr, snippet.parent / "files")


def test_a_matching_output_passes(snippet):
    assert build_errors([result(snippet)], outputs_comparable=True) == []


def test_a_different_output_fails_where_outputs_are_recorded(snippet):
    [message] = build_errors([result(snippet, stdout="2\n")], outputs_comparable=True)
    assert "snippets/basics/x.py prints something other than what its page shows" in message and "+2" in message


def test_a_different_output_is_only_reported_on_other_machines(snippet):
    assert build_errors([result(snippet, stdout="2\n")], outputs_comparable=False) == []


@pytest.mark.parametrize("outputs_comparable", [True, False])
def test_raising_hanging_or_unrecorded_snippets_fail_everywhere(snippet, outputs_comparable):
    raised = result(snippet, status="error", stderr="Traceback ...\nValueError: boom")
    hung = result(snippet, status="timeout")
    assert len(build_errors([raised, hung], outputs_comparable)) == 2
    snippet.with_suffix(".out").unlink()
    [message] = build_errors([result(snippet)], outputs_comparable)
    assert "has no expected output file" in message
