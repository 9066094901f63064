"""Temporary copies of the project, and the strict build that `make build` runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_COPIED = shutil.ignore_patterns(".venv", "site", ".cache", ".git", "__pycache__", ".pytest_cache", "screenshots", "*.egg-info")


def build(project: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in ``project``, as `make build` runs it; output captured.
    Keyword arguments are extra environment variables."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
