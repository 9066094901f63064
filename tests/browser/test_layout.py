"""Layout a reader sees: phone width, Chinese typography, dark mode and its figures, search, the 404 page."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from site_server import DESKTOP, PHONE, ROOT, VisitedPages, figure_facts, source_pages  # noqa: E402

PAGES = source_pages()
IDS = [str(page) for page, _ in PAGES]
MATH_RENDERED = "() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))"

# Families that carry Chinese glyphs; the ones the site's stack names are taken from extra.css.
CJK_FAMILIES = {"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "SimSun"}

# Per page at phone width: does the page scroll sideways, and which boxes overflow (and who scrolls them).
PHONE_FACTS = """() => {
  const content = document.querySelector('.md-content');
  const scroller = el => {
    for (let e = el; e && e !== content; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll') return e;
    }
    return null;
  };
  const describe = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const boxes = [...content.querySelectorAll('pre, pre > code, .katex-display, table')].filter(e => e.getClientRects().length);
  const overflowing = boxes.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => {
    const s = scroller(e);
    return {what: describe(e), text: e.textContent.slice(0, 60), own: s === e, scrolls: !!s,
            scrollerRight: s ? s.getBoundingClientRect().right : null};
  });
  // Boxes sticking out past the viewport with no scroll container to hold them (clipped or widening the page)
  const sticking = [...content.querySelectorAll('p, li, pre, table, img, svg, .katex-display, .admonition, .highlight, .jp-Cell, .md-typeset__table')]
    .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 1 && !scroller(e.parentElement))
    .map(e => describe(e) + ': ' + e.textContent.slice(0, 60));
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth, overflowing, sticking};
}"""


def visit(browser, url: str, viewport=DESKTOP, color_scheme="light"):
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    try:
        page.wait_for_function(MATH_RENDERED, timeout=5000)
    except Exception:
        pass
    return context, page


@pytest.fixture(scope="session")
def phone_facts(browser, base_url) -> dict:
    """Each page at phone width (390 px) in the dark scheme, visited when a test first asks for it:
    its layout facts, and its figure_facts() in the dark scheme."""
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()

    def visit_page(path: str) -> dict:
        page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        try:
            page.wait_for_function(MATH_RENDERED, timeout=5000)
        except Exception:
            pass
        return {**page.evaluate(PHONE_FACTS), "figures": figure_facts(page)}

    yield VisitedPages(visit_page)
    context.close()


# ---------------------------------------------------------------- phone width


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_the_page_does_not_scroll_sideways_on_a_phone(phone_facts, page, source):
    facts = phone_facts[page.path]
    assert facts["scrollWidth"] <= facts["innerWidth"], f"page is {facts['scrollWidth']} px wide at {facts['innerWidth']} px"
    assert not facts["sticking"], f"boxes cut off at the right edge: {facts['sticking'][:5]}"


@pytest.mark.parametrize("page, source", PAGES, ids=IDS)
def test_wide_code_and_equations_scroll_inside_their_own_box(phone_facts, page, source):
    for box in phone_facts[page.path]["overflowing"]:
        assert box["scrolls"], f"{box['what']} overflows with nothing to scroll it: {box['text']!r}"
        assert box["scrollerRight"] <= PHONE["width"] + 1, f"{box['what']}'s scroll box sticks out: {box}"


def test_some_page_really_has_a_box_wider_than_a_phone(phone_facts):
    # Otherwise the test above checks nothing: a wide equation and a wide code block must exist somewhere.
    boxes = []
    for site_page, _ in PAGES:  # visit pages until both kinds have turned up
        boxes += phone_facts[site_page.path]["overflowing"]
        if any("katex-display" in b["what"] for b in boxes) and any(b["what"].startswith(("pre", "code")) for b in boxes):
            break
    assert any("katex-display" in b["what"] for b in boxes), "no display equation overflows at 390 px"
    assert any(b["what"].startswith(("pre", "code")) for b in boxes), "no code block overflows at 390 px"
    assert all(b["scrolls"] for b in boxes)


# ---------------------------------------------------------------- typography


def stack_families() -> list[str]:
    css = (ROOT / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    stack = re.search(r"--md-text-font-family:\s*([^;]+);", css).group(1)
    return [f.strip().strip("\"'") for f in stack.split(",")]


def paragraph_typography(browser, url: str) -> dict:
    context, page = visit(browser, url)
    facts = page.evaluate("""() => {
      const p = document.querySelector('.md-content .md-typeset p');
      const s = getComputedStyle(p);
      return {fontFamily: s.fontFamily, lineHeight: parseFloat(s.lineHeight), fontSize: parseFloat(s.fontSize), text: p.textContent};
    }""")
    # The fonts Chromium really drew the paragraph's glyphs with.
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".md-content .md-typeset p"})["nodeId"]
    facts["platformFonts"] = {f["familyName"]: f["glyphCount"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
    context.close()
    return facts


def test_chinese_body_text_uses_a_cjk_font_and_roomy_lines(browser, base_url):
    cjk_in_stack = [f for f in stack_families() if f in CJK_FAMILIES]
    assert "WenQuanYi Micro Hei" in cjk_in_stack  # the family Debian's fonts-wqy-microhei provides here
    facts = paragraph_typography(browser, base_url + "basics/neurons/")
    assert re.search(r"[\u4e00-\u9fff]", facts["text"]), "the first paragraph is not Chinese"
    families = [f.strip().strip("\"'") for f in facts["fontFamily"].split(",")]
    assert set(families) & set(cjk_in_stack), facts["fontFamily"]
    assert facts["lineHeight"] >= 1.7 * facts["fontSize"], facts
    # Chinese glyphs were drawn with a CJK family of the stack, not a fallback found by chance.
    drawn_cjk = [f for f in facts["platformFonts"] if f in CJK_FAMILIES]
    assert drawn_cjk and set(drawn_cjk) <= set(cjk_in_stack), facts["platformFonts"]


def test_english_body_text_has_the_same_stack(browser, base_url):
    facts = paragraph_typography(browser, base_url + "en/basics/neurons/")
    assert not re.search(r"[\u4e00-\u9fff]", facts["text"])
    families = [f.strip().strip("\"'") for f in facts["fontFamily"].split(",")]
    assert families[: len(stack_families())] == stack_families(), facts["fontFamily"]
    assert facts["lineHeight"] >= 1.2 * facts["fontSize"], facts  # its own, tighter line height is fine


# ---------------------------------------------------------------- dark mode

FIGURE_PAGES = [(p, s) for p, s in PAGES if "#only-dark" in s.read_text(encoding="utf-8")]

@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("page, source", FIGURE_PAGES, ids=[str(p) for p, _ in FIGURE_PAGES])
def test_each_scheme_shows_only_its_own_figures(reports, phone_facts, page, source, scheme):
    # The light scheme is seen on the desktop visit, the dark one on the phone-width visit.
    facts = reports[page.path].figures if scheme == "light" else phone_facts[page.path]["figures"]
    body_scheme, figures, loaded = facts["scheme"], facts["figures"], facts["loaded"]
    assert body_scheme == ("slate" if scheme == "dark" else "default")
    assert figures, "the page's source embeds themed figures, the built page shows none"
    shown, hidden = ("#only-dark", "#only-light") if scheme == "dark" else ("#only-light", "#only-dark")
    for figure in figures:
        if figure["src"].endswith(shown):
            assert figure["visible"] and figure["display"] != "none", figure
        else:
            assert figure["src"].endswith(hidden)
            assert not figure["visible"] and figure["display"] == "none", figure
    assert loaded, "a figure shown in this scheme did not load"
    twins = {f["src"].rsplit("#", 1)[0].replace("-dark.svg", "").replace("-light.svg", "") for f in figures}
    assert len(figures) == 2 * len(twins), "every figure needs its light and its dark twin"


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of '#rrggbb' / '#rgb' (0 black, 1 white)."""
    named = {"black": "#000000", "white": "#ffffff"}
    colour = named.get(colour.lower(), colour)
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        raise ValueError(f"colour: expected #rrggbb, #rgb, black or white, got {colour!r}")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_relative_luminance_by_hand():
    # #808080: 128/255 = 0.50196 -> ((0.50196 + 0.055) / 1.055) ** 2.4 = 0.21586, the same for all channels
    assert relative_luminance("#808080") == pytest.approx(0.21586, abs=1e-5)
    assert relative_luminance("#fff") == pytest.approx(1.0) and relative_luminance("black") == 0.0
    with pytest.raises(ValueError, match="expected #rrggbb"):
        relative_luminance("rgb(1,2,3)")


def svg_ink(svg: Path) -> dict[str, set[str]]:
    """Colours of a matplotlib SVG's text (fill of the glyphs in each text_* group) and of its axes'
    spines (stroke of the patch_* groups that have one)."""
    ink = {"text": set(), "spines": set()}
    tree = ET.parse(svg)

    def colours(element, prop):
        found = set()
        for e in element.iter():
            for decl in e.get("style", "").split(";"):
                name, _, value = decl.partition(":")
                if name.strip() == prop and value.strip() not in ("", "none"):
                    found.add(value.strip())
            if e.get(prop) not in (None, "none"):
                found.add(e.get(prop))
        return found

    for g in tree.iter("{http://www.w3.org/2000/svg}g"):
        gid = g.get("id", "")
        if gid.startswith("text_"):
            ink["text"] |= colours(g, "fill")
        elif gid.startswith("patch_"):
            ink["spines"] |= colours(g, "stroke")
    return ink


def themed_svgs(site: Path, theme: str) -> list[Path]:
    return sorted((site / "figures").glob(f"*-{theme}.svg"))  # every figure is drawn by a snippet at build time


def test_dark_figures_draw_text_and_axes_in_light_ink(site):
    svgs = themed_svgs(site, "dark")
    assert svgs, "no dark figures in the built site"
    for svg in svgs:
        ink = svg_ink(svg)
        assert ink["text"], f"{svg.name}: no text found"
        for part, colours in ink.items():
            for colour in colours:
                assert relative_luminance(colour) >= 0.5, f"{svg.name}: {part} drawn in {colour}, too dark on slate"


def test_light_figures_draw_text_and_axes_in_dark_ink(site):
    # The same parse on the light twins finds dark ink: the check above can tell the two apart.
    for svg in themed_svgs(site, "light"):
        for part, colours in svg_ink(svg).items():
            for colour in colours:
                assert relative_luminance(colour) <= 0.2, f"{svg.name}: {part} drawn in {colour}, too pale on white"


# ---------------------------------------------------------------- search


@pytest.mark.parametrize("home, query, expected", [
    ("", "反向传播", "basics/training/"),
    ("en/", "backpropagation", "en/basics/training/"),
], ids=["zh", "en"])
def test_search_finds_the_training_page(browser, base_url, home, query, expected):
    context, page = visit(browser, base_url + home)
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(query)
    search.press("End")  # Material reads the query on keyup
    link = page.locator(".md-search-result__list a.md-search-result__link").first
    link.wait_for(timeout=15_000)
    hrefs = page.evaluate("() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')].map(a => a.href)")
    context.close()
    # search.highlight adds ?h=<query> to each result's address
    pages = [urlsplit(h)._replace(query="", fragment="").geturl() for h in hrefs]
    assert base_url + expected in pages, hrefs


# ---------------------------------------------------------------- 404


def test_a_missing_address_gets_the_bilingual_404_page(browser, base_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    console, foreign, failed = [], [], []
    page.on("console", lambda m: m.type == "error" and console.append(m.text))
    page.on("pageerror", lambda e: console.append(f"uncaught: {e}"))
    page.on("request", lambda r: not r.url.startswith((base_url, "data:", "blob:")) and foreign.append(r.url))
    missing = base_url + "basics/no-such-page/deeper/"
    page.on("response", lambda r: r.status >= 400 and r.url != missing and failed.append(f"{r.status} {r.url}"))
    response = page.goto(missing, wait_until="load")
    page.wait_for_load_state("networkidle")
    facts = page.evaluate("""() => ({
      zh: (document.querySelector('.md-content [lang=zh]') || {}).textContent || '',
      en: (document.querySelector('.md-content [lang=en]') || {}).textContent || '',
      links: [...document.querySelectorAll('.md-content a[href]')].map(a => new URL(a.href).pathname),
      styled: getComputedStyle(document.querySelector('.md-header')).position,
    })""")
    context.close()
    assert response.status == 404
    assert "找不到" in facts["zh"] and "does not exist" in facts["en"], facts
    assert "/" in facts["links"] and "/en/" in facts["links"], facts["links"]
    assert facts["styled"] == "sticky", "Material's CSS did not load on the 404 page"
    # Chromium reports the 404 of the page itself on the console; anything else is a real error.
    console = [c for c in console if not c.startswith("Failed to load resource: the server responded with a status of 404")]
    assert not console and not failed and not foreign, (console, failed, foreign)
