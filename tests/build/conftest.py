"""Fixtures that build temporary copies of the project, so tests can break them safely."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_COPIED = shutil.ignore_patterns(".venv", "site", ".cache", ".git", "__pycache__", ".pytest_cache", "screenshots", "*.egg-info")


def build(project: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in ``project``, as `make build` runs it; output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


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
