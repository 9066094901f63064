"""Notebook pages: executed by the build in both languages, failing it when a cell raises, offered as .ipynb."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import pytest

from project_copies import ROOT, build

NOTEBOOKS = sorted(p for p in (ROOT / "docs" / "notebooks").glob("*.py") if not p.name.endswith(".en.py"))


def page_dir(site: Path, notebook: Path, language: str) -> Path:
    stem = notebook.name.split(".")[0]
    return site / ("en/" if language == "en" else "") / "notebooks" / stem


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_build_executes_each_notebook_in_each_language(built_copy, notebook, language):
    html = (page_dir(built_copy / "site", notebook, language) / "index.html").read_text(encoding="utf-8")
    source = notebook if language == "zh" else notebook.with_name(notebook.name[: -len(".py")] + ".en.py")
    code_cells = [c for c in jupytext.read(source).cells if c.cell_type == "code" and c.source.strip()]
    assert code_cells, f"{source.name} has no code cells"
    # nbconvert renders each executed output in an output area; an unexecuted notebook has none
    assert html.count("jp-OutputArea-output") >= 1, f"{source.name}: no cell outputs on the page, so it did not run"
    # and every code cell's prompt carries its execution count, In [1]: ... In [n]: in order; a cell that did not
    # run shows "In [ ]:" and is missing from this list
    counts = re.findall(r"In\xa0\[(\d+)\]:", html)
    assert counts == [str(i) for i in range(1, len(code_cells) + 1)], (
        f"{source.name}: execution counts {counts} on the page, expected 1 to {len(code_cells)}: not every cell ran")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_notebook_page_offers_the_ipynb(built_copy, notebook, language):
    folder = page_dir(built_copy / "site", notebook, language)
    name = notebook.name.split(".")[0] + ".ipynb"
    assert f'href="{name}" download' in (folder / "index.html").read_text(encoding="utf-8")
    downloaded = json.loads((folder / name).read_text(encoding="utf-8"))
    source = notebook if language == "zh" else notebook.with_name(notebook.name[: -len(".py")] + ".en.py")
    expected = [c.source for c in jupytext.read(source).cells if c.cell_type == "code"]
    got = ["".join(c["source"]) for c in downloaded["cells"] if c["cell_type"] == "code"]
    assert got == expected


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_the_language_switcher_of_an_english_notebook_leads_to_the_chinese_one(built_copy, notebook):
    html = (page_dir(built_copy / "site", notebook, "en") / "index.html").read_text(encoding="utf-8")
    stem = notebook.name.split(".")[0]
    assert f'href="../../../notebooks/{stem}/" hreflang="zh"' in html


def test_a_notebook_cell_that_raises_fails_the_build(project_copy):
    notebook = project_copy / "docs" / "notebooks" / NOTEBOOKS[0].name
    notebook.write_text(notebook.read_text() + '\n# %%\nraise RuntimeError("deliberately broken notebook")\n')
    result = build(project_copy)
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build succeeded although a notebook cell raises:\n{log[-3000:]}"
    assert "deliberately broken notebook" in log
