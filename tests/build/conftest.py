"""Fixtures that build temporary copies of the project, so tests can break them safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from project_copies import NOT_COPIED, ROOT, build


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory) -> Path:
    """A pristine copy of the project, built once. Its build must succeed: the control for every
    test that breaks a copy and expects failure."""
    project = tmp_path_factory.mktemp("baseline") / "project"
    shutil.copytree(ROOT, project, ignore=NOT_COPIED)
    result = build(project)
    assert result.returncode == 0, f"the untouched copy does not build:\n{result.stdout}\n{result.stderr}"
    return project


@pytest.fixture
def project_copy(built_copy, tmp_path) -> Path:
    """A fresh copy of the built project, with its snippet cache warm, to break in one test."""
    project = tmp_path / "project"
    shutil.copytree(built_copy, project, ignore=shutil.ignore_patterns("site"))
    return project
