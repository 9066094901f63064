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


# `make test` runs the suite on every core (pytest-xdist, --dist loadgroup). What is expensive to set up
# is set up once per worker that needs it, so the tests that share it keep to one worker: the tests of
# one page share that page's visits in Chromium (tests/browser/conftest.py), and the build guarantees
# share the project copy they break.
def xdist_group(item) -> str | None:
    fixtures = getattr(item, "fixturenames", ())
    if {"reports", "phone_facts"} & set(fixtures):
        page = getattr(item, "callspec", None) and item.callspec.params.get("page")
        return f"browser-page:{page.path}" if page else "browser-all-pages"
    if "built_copy" in fixtures:
        return "build"
    return None


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook, which reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        group = xdist_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
