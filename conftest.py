"""Test set-up shared by the unit tests and by pytest-markdown-docs over docs/.

pytest-markdown-docs runs every ```python fence of a page. Our fences hold only a
``--8<-- "file"`` include line, so before parsing we expand those lines with pymdownx.snippets'
own preprocessor, configured as in mkdocs.yml: a page is tested with exactly the code it shows.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import pytest

try:
    import resource  # POSIX only: the memory cap is skipped where the platform has no setrlimit
except ImportError:  # pragma: no cover
    resource = None

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


# ---- every test is time-boxed and memory-capped -----------------------------------------------------------------
# pytest-timeout (pyproject.toml: timeout = 120, timeout_method = "signal") stops any test that runs longer than its
# limit and fails it by name ("Failed: Timeout >120.0s"). A test or a module may set its own limit with
# @pytest.mark.timeout(seconds) / pytestmark; a test without one gets the limit of its directory below, or the
# default. The signal method raises in the test itself, in the main thread of the process or of its xdist worker.
LONGER_TIMEOUTS = {  # seconds
    "tests/build": 1800,    # strict builds of project copies (up to 600 s each, project_copies.build), the
                            # first one building the shared baseline copy
    "tests/browser": 900,   # Chromium on the built site (the first test of a worker starts the browser, and
                            # builds the site too when BROWSER_SITE is not set)
    "tests/snippets": 360,  # one snippet run as a script in a subprocess (which has its own 300 s limit)
    "docs": 240,            # a page's code fences run in-process (each snippet <= 15 s in the build's budget)
}
# Address space per test (RLIMIT_AS, soft limit, set before each test and restored after it). The largest honest
# process measured: the whole of tests/unit in one process, sentence-transformers and the MiniLM model loaded,
# peaked at 2.5 GB of address space (1.5 GB resident). 6 GB is 2.4 times that, and a runaway allocation stops
# there with a MemoryError naming the test instead of taking the machine down (an endless loop in
# build_huffman_tree once grew to 24 GB before the kernel killed it). NEURALNLP_TEST_MEMORY_GB overrides it.
MEMORY_LIMIT = int(float(os.environ.get("NEURALNLP_TEST_MEMORY_GB", "6")) * 2**30)
# Not capped: these start Chromium and whole mkdocs builds as child processes, which inherit the limit; Chromium
# reserves far more address space than it uses (its sandbox and V8's cage) and would not start.
NO_MEMORY_LIMIT = ("tests/browser", "tests/build")


def _directory_of(item) -> str:
    try:
        return Path(item.path).resolve().relative_to(ROOT).as_posix()
    except ValueError:  # a test outside the repository (pytest run on another path)
        return ""


def _under(path: str, prefixes) -> str | None:
    return next((p for p in prefixes if path == p or path.startswith(p + "/")), None)


@pytest.hookimpl(trylast=True)  # after the markers of the test files themselves are known
def pytest_itemcollected(item):
    if item.get_closest_marker("timeout") is None:
        directory = _under(_directory_of(item), LONGER_TIMEOUTS)
        if directory:
            item.add_marker(pytest.mark.timeout(LONGER_TIMEOUTS[directory]))


def _capped(item) -> bool:
    return resource is not None and MEMORY_LIMIT > 0 and not _under(_directory_of(item), NO_MEMORY_LIMIT)


def _with_memory_cap(item):
    """Lower the soft address-space limit for one phase of a test (set-up or call) and lift it right after, before
    pytest reports: a test that failed by exhausting the cap still holds its memory until its frames are cleared."""
    if not _capped(item):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = min(v for v in (MEMORY_LIMIT, soft, hard) if v != resource.RLIM_INFINITY)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


pytest_runtest_setup = pytest.hookimpl(hookwrapper=True)(_with_memory_cap)
pytest_runtest_call = pytest.hookimpl(hookwrapper=True)(_with_memory_cap)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    yield
    # pytest keeps the last failure's traceback (sys.last_traceback, for post-mortem debugging), and with it the
    # failed test's locals: after a runaway allocation those would hold gigabytes through the next tests
    if _capped(item) and getattr(sys, "last_traceback", None) is not None:
        traceback.clear_frames(sys.last_traceback)
