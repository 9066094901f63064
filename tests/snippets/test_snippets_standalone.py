"""Every snippet runs as a reader would run it after copying it: `python snippet.py` in a fresh
process, in an empty folder, with only the installed packages. Its output must equal the `.out`
file that its page shows.

The build runs the snippets too, but in forked children of one process (to pay `import torch`
once). This test makes sure that shortcut hides nothing. Like the build, it asks torch for its
AVX2 kernels on x86-64 (``reproducible_kernels``), the kernels the .out files were recorded with.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from snippet_runner import reproducible_kernels  # hooks/, on pytest's pythonpath

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = sorted(p for p in (ROOT / "snippets").rglob("*.py") if "__pycache__" not in p.parts)
PAGE_FILES = sorted((ROOT / "docs").rglob("*.md"))
PAGES = [p.read_text(encoding="utf-8") for p in PAGE_FILES]
ZH_PAGES = [text for path, text in zip(PAGE_FILES, PAGES) if not path.name.endswith(".en.md")]
EN_PAGES = [text for path, text in zip(PAGE_FILES, PAGES) if path.name.endswith(".en.md")]


def is_diagram(snippet: Path) -> bool:
    """A diagram script (``diagram_*.py``) draws a page's figures; its code is not shown."""
    return snippet.name.startswith("diagram_")


def test_there_are_snippets():
    assert SNIPPETS


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: str(p.relative_to(ROOT / "snippets")))
def test_snippet_runs_as_copied(snippet, tmp_path):
    copied = tmp_path / snippet.name
    copied.write_bytes(snippet.read_bytes())
    run = subprocess.run(
        [sys.executable, copied.name], cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"MPLBACKEND": "Agg"} | reproducible_kernels(),
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == snippet.with_suffix(".out").read_text(), f"{snippet.name}: output differs from its .out"
    # Every figure it draws is on a page, each language's twin on a page of that language.
    for figure in sorted(p.name for p in tmp_path.glob("*.svg")):
        pages = ZH_PAGES if "-zh-" in figure else EN_PAGES if "-en-" in figure else PAGES
        assert any(f"figures/{figure}" in page for page in pages), f"{snippet.name} draws {figure}, which no page shows"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: str(p.relative_to(ROOT / "snippets")))
def test_snippet_and_its_output_are_shown_on_a_page(snippet):
    rel = snippet.relative_to(ROOT).as_posix()
    out = snippet.with_suffix(".out").relative_to(ROOT).as_posix()
    if is_diagram(snippet):  # shown through its figures (checked above), and prints nothing
        assert not snippet.with_suffix(".out").read_text(), f"{out}: a diagram script prints nothing"
        return
    assert any(f'"{rel}"' in page for page in PAGES), f"{rel} is not included by any page"
    if snippet.with_suffix(".out").read_text().strip():
        assert any(f'"{out}"' in page for page in PAGES), f"{out} is not included by any page"
