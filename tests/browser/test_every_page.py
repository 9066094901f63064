"""Every page, in both languages, checked in Chromium the way a reader meets it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jupytext
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from site_server import PHONE, ROOT, source_pages  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "site"))
from pages import expand_includes, parse  # noqa: E402

PAGES = source_pages()
IDS = [str(page) for page, _ in PAGES]

# Console errors proven harmless, by exact pattern. Keep this list empty unless a message is understood.
HARMLESS_CONSOLE_ERRORS: list[re.Pattern] = []

RAW_TEX = re.compile(r"\$\$|(?<![\w$])\$[^$\n]{1,200}\$(?![\w$])|\\\(|\\\[|\\begin\{|\\frac|\\mathbf")


def expected_code_blocks(source: Path) -> list[str]:
    """What each code block of a page must copy, in page order: the file or section each include embeds
    (a Markdown page), or each code cell (a notebook)."""
    if source.suffix == ".py":
        return [c.source for c in jupytext.read(source).cells if c.cell_type == "code"]
    return [expand_includes(f'--8<-- "{include}"') for include in parse(source).includes]


def normalise(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines())


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_the_console_is_clean(reports, page, source):
    report = reports[page.path]
    errors = [e for e in report.console_errors if not any(p.search(e) for p in HARMLESS_CONSOLE_ERRORS)]
    assert not errors, "\n".join(errors + report.failed_requests)


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_no_request_leaves_localhost(reports, page, source):
    assert not reports[page.path].foreign_requests


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_every_formula_is_rendered(reports, page, source):
    facts = reports[page.path].facts
    assert not facts["unrenderedMath"], f"math left unrendered: {facts['unrenderedMath']}"
    assert not facts["katexErrors"], f"KaTeX errors: {facts['katexErrors']}"
    raw = RAW_TEX.findall(facts["text"])
    assert not raw, f"raw TeX in the text: {raw[:5]}"
    if "$$" in source.read_text(encoding="utf-8"):
        assert facts["renderedMath"] > 0


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_the_language_switcher_leads_to_the_counterpart_page(reports, base_url, page, source):
    assert reports[page.path].switched_to == base_url + page.counterpart
    switcher = reports[page.path].facts["switcher"]
    other = "zh" if page.language == "en" else "en"
    assert switcher.get(other) == base_url + page.counterpart, switcher
    assert switcher.get(page.language) == base_url + page.path, switcher


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_the_page_is_in_its_language(reports, page, source):
    assert reports[page.path].facts["lang"] == page.language


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_every_code_block_copies_exactly_the_embedded_code(reports, page, source):
    report = reports[page.path]
    facts = report.facts
    if source.suffix == ".py":
        assert facts["notebookCopyButtons"] == facts["notebookCells"]
    else:
        assert facts["copyButtons"] == facts["codeBlocks"], "a code block has no copy button"
    expected = expected_code_blocks(source)
    if source.name.startswith("reference."):
        return  # code there comes from docstrings, not includes
    assert [normalise(c) for c in report.copied] == [normalise(e) for e in expected]
    includes = parse(source).includes
    for include, copied in zip(includes, report.copied):
        assert "--8<--" not in copied
        if include.split(":")[0].endswith(".py"):
            # Python as copied must run: no prompts, no shell signs, no line numbers. (A recorded output may well
            # have lines that start with a number and two spaces, such as a table's first column.)
            assert not re.search(r"^(>>>|\$ |\d+\s{2})", copied, re.M), copied


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_every_page_has_an_edit_link_to_its_own_source(reports, page, source):
    link = reports[page.path].facts["editLink"]
    assert link and link.endswith("/edit/main/docs/" + source.relative_to(ROOT / "docs").as_posix()), link
