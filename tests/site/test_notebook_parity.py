"""Each notebook exists in both languages with the same code cells: only the prose is translated."""

import jupytext
import pytest

from pages import DOCS, nav_pages

NOTEBOOKS = sorted(p for p in (DOCS / "notebooks").glob("*.py") if not p.name.endswith(".en.py"))


def test_there_are_notebooks():
    """The parametrized tests below check nothing when NOTEBOOKS is empty (a moved folder, a renamed suffix)."""
    assert len(NOTEBOOKS) >= 2, NOTEBOOKS


def code_cells(path):
    return [c.source for c in jupytext.read(path).cells if c.cell_type == "code"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_both_languages_have_the_same_code_cells(notebook):
    english = notebook.with_name(notebook.name[: -len(".py")] + ".en.py")
    assert english.exists(), f"{english.name} is missing"
    assert code_cells(notebook) == code_cells(english)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_is_in_the_nav(notebook):
    assert f"notebooks/{notebook.name}" in nav_pages()


def test_every_english_notebook_has_a_chinese_one():
    for english in (DOCS / "notebooks").glob("*.en.py"):
        assert english.with_name(english.name[: -len(".en.py")] + ".py").exists()
