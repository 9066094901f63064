"""Chinese paragraphs must not break a line between two Chinese characters: browsers show it as a space."""

import pytest

from pages import DOCS, cjk_line_breaks, cjk_line_breaks_in, notebook_markdown, zh_pages

NOTEBOOKS = sorted(p for p in (DOCS / "notebooks").glob("*.py") if not p.name.endswith(".en.py"))


@pytest.mark.parametrize("page", zh_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_no_line_break_between_chinese_characters(page):
    found = cjk_line_breaks(page)
    assert not found, f"{page.relative_to(DOCS)}: join line(s) {found} with the next line"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_line_break_between_chinese_characters_in_notebooks(notebook):
    # line numbers count within the notebook's prose (its markdown cells joined)
    found = cjk_line_breaks_in(notebook_markdown(notebook))
    assert not found, f"{notebook.name}: join the line(s) of its prose at {found} with the next line"


def test_the_checker_finds_a_break(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("第一行，\n第二行。\n\n- 列表，\n- 另一项\n\nEnglish,\n中文\n", encoding="utf-8")
    assert cjk_line_breaks(page) == [1]
