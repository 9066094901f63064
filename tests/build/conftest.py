"""Fixtures that build temporary copies of the project, so tests can break them safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from project_copies import NOT_COPIED, ROOT, build


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory) -> Path:
    """A pristine copy of the project, built once. Its build must succeed: the control for every
    test that breaks a copy and expects failure.

    It starts from the checkout's own build cache when there is one (`make test` builds the
    checkout first), so the tests exercise the cache exactly as a contributor's rebuild does: each
    edit they make must be noticed through it.
    """
    project = tmp_path_factory.mktemp("baseline") / "project"
    shutil.copytree(ROOT, project, ignore=NOT_COPIED)
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", project / ".cache", ignore=shutil.ignore_patterns("failed"))
    result = build(project)
    assert result.returncode == 0, f"the untouched copy does not build:\n{result.stdout}\n{result.stderr}"
    return project


@pytest.fixture
def project_copy(built_copy, tmp_path) -> Path:
    """A fresh copy of the built project, with its snippet cache warm, to break in one test."""
    project = tmp_path / "project"
    shutil.copytree(built_copy, project, ignore=shutil.ignore_patterns("site"))
    return project
