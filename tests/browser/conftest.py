"""Browser tests: every page of the built site, in both languages, as a reader's Chromium shows it.

The site under test is $BROWSER_SITE (`make test` builds it first and sets it), or else site/.
Each page is visited once per viewport and what the tests need is collected in one pass.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from site_server import DESKTOP, SitePage, VisitedPages, build_site, chromium, figure_facts, serve, site_dir, source_pages  # noqa: E402

COLLECT = """() => {
  const content = document.querySelector('.md-content');
  const clone = content.cloneNode(true);
  clone.querySelectorAll('pre, code, .katex, script, style, .jupyter-wrapper .jp-InputArea').forEach(e => e.remove());
  return {
    title: document.title,
    lang: document.documentElement.lang,
    text: clone.innerText,
    unrenderedMath: [...content.querySelectorAll('.arithmatex')].filter(e => !e.querySelector('.katex')).map(e => e.textContent.slice(0, 80)),
    katexErrors: [...content.querySelectorAll('.katex-error')].map(e => e.textContent.slice(0, 80)),
    renderedMath: content.querySelectorAll('.katex').length,
    codeBlocks: [...content.querySelectorAll('pre')].filter(p => p.querySelector(':scope > code')).length,
    copyButtons: [...content.querySelectorAll('pre > .md-code__nav > button[data-md-type=copy]')].length,
    notebookCells: content.querySelectorAll('.jp-CodeCell:not(:has(.jp-CodeCell))').length,
    notebookCopyButtons: content.querySelectorAll('.jp-CodeCell clipboard-copy').length,
    switcher: Object.fromEntries([...document.querySelectorAll('a.md-select__link[hreflang]')].map(a => [a.hreflang, a.href])),
    editLink: (document.querySelector('a.md-content__button[href*="/edit/"]') || {}).href || null,
  };
}"""


READ_AND_CLEAR_CLIPBOARD = "async () => { const text = await navigator.clipboard.readText(); await navigator.clipboard.writeText(''); return text; }"


@dataclass
class PageReport:
    page: SitePage
    url: str
    facts: dict
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)  # what each copy button put on the clipboard, in page order
    switched_to: str = ""  # where a click on the other language in the language menu landed
    figures: dict = field(default_factory=dict)  # figure_facts() in the light scheme


@pytest.fixture(scope="session")
def site() -> Path:
    if os.environ.get("BROWSER_SITE"):
        return site_dir()
    return build_site(Path(tempfile.mkdtemp(prefix="browser-site-")) / "site")


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with chromium() as b:
        yield b


def visit(browser, url: str, viewport=DESKTOP, color_scheme="light", copy=False) -> tuple:
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    report = {"console": [], "foreign": [], "failed": []}
    page.on("console", lambda m: m.type == "error" and report["console"].append(f"{m.text} @ {m.location.get('url', '')}"))
    page.on("pageerror", lambda e: report["console"].append(f"uncaught: {e}"))
    page.on("request", lambda r: not r.url.startswith(("http://127.0.0.1:", "data:", "blob:")) and report["foreign"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and report["failed"].append(f"{r.status} {r.url}"))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    # KaTeX renders on Material's document$ event; wait until no math is left unrendered (or give up)
    try:
        page.wait_for_function("() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))", timeout=5000)
    except Exception:
        pass
    return context, page, report


@pytest.fixture(scope="session")
def reports(browser, base_url) -> dict[str, PageReport]:
    """One desktop visit per page (light scheme): facts, console errors, requests, figures, and every
    copy button clicked.

    A page is visited when a test first asks for it; conftest.py keeps the tests of one page on one
    pytest-xdist worker, so every page is visited once however many workers run.
    """
    pages = {site_page.path: site_page for site_page, _source in source_pages()}

    def visit_page(path: str) -> PageReport:
        site_page = pages[path]
        url = base_url + site_page.path
        context, page, raw = visit(browser, url)
        facts = page.evaluate(COLLECT)
        figures = figure_facts(page)
        copied = []
        # Answers to exercises sit in collapsed <details>: open them, as a reader does, to reach their code.
        page.evaluate("() => document.querySelectorAll('.md-content details').forEach(d => { d.open = true; })")
        page.evaluate("() => navigator.clipboard.writeText('')")
        for button in page.query_selector_all(".md-content pre > .md-code__nav > button[data-md-type=copy], .md-content .jp-CodeCell clipboard-copy"):
            # A real (trusted) click, without Playwright's wait for the button to be still: the clicks are
            # a third of the visit otherwise. What it copied is read, then the clipboard is emptied again.
            button.click(force=True)
            copied.append(page.evaluate(READ_AND_CLEAR_CLIPBOARD))
        other = "zh" if site_page.language == "en" else "en"
        with page.expect_navigation():
            page.evaluate(f"() => document.querySelector('a.md-select__link[hreflang={other}]').click()")
        report = PageReport(site_page, url, facts, raw["console"], raw["foreign"], raw["failed"], copied, page.url, figures)
        context.close()
        return report

    return VisitedPages(visit_page)
