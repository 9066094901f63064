"""Test set-up shared by the unit tests and by pytest-markdown-docs over docs/.

pytest-markdown-docs runs every ```python fence of a page. Our fences hold only a
``--8<-- "file"`` include line, so before parsing we expand those lines with pymdownx.snippets'
own preprocessor, configured as in mkdocs.yml: a page is tested with exactly the code it shows.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pages import expand_includes  # tests/site/pages.py (on pytest's pythonpath)

ROOT = Path(__file__).resolve().parent
os.environ.setdefault("MPLBACKEND", "Agg")

# Notebooks are jupytext .py files; pytest-markdown-docs would import (run) them during collection.
# The build executes them instead (hooks/notebooks.py).
collect_ignore_glob = ["docs/notebooks/*.py"]


@pytest.hookimpl
def pytest_markdown_docs_markdown_it():
    from markdown_it import MarkdownIt

    class IncludeExpandingMarkdownIt(MarkdownIt):
        def parse(self, src, env=None):
            return super().parse(expand_includes(src), env)

    return IncludeExpandingMarkdownIt(config="commonmark")


@pytest.fixture(autouse=True)
def _run_in_tmp_dir(tmp_path, monkeypatch):
    """Snippets save figures into the working directory; keep those out of the repository."""
    monkeypatch.chdir(tmp_path)


# `make test` runs the suite on every core (pytest-xdist, --dist loadgroup). A session fixture that is
# expensive to build is built once per worker that needs it, so the tests that share one are kept on
# one worker: the site visited page by page in Chromium, the same at phone width, and the project
# copy that the build guarantees break.
SHARED_FIXTURE_GROUPS = {"reports": "browser-desktop", "phone_facts": "browser-phone", "built_copy": "build"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        group = next((g for fixture, g in SHARED_FIXTURE_GROUPS.items() if fixture in getattr(item, "fixturenames", ())), None)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
