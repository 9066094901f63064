"""The built site references no external host, so it works offline and from mainland China.

Checked on the built HTML and CSS: everything a browser loads by itself (scripts, style sheets,
icons, images, fonts, frames, CSS imports and url()s) must be relative or same-host. Plain
links a reader may click (<a href>) are allowed. Material's JavaScript bundle also names two
CDN URLs, each fetched only under a condition: the mermaid library when a page has a mermaid
diagram (we check none has), and a ResizeObserver polyfill for browsers without ResizeObserver
(every browser since 2020 has it).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

EXTERNAL = re.compile(r"^(https?:)?//", re.I)
LOADING_ATTRS = {"src", "srcset", "poster", "data"}
LOADING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon", "manifest", "prefetch"}
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""", re.I)


class ResourceCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.mermaid = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in LOADING_ATTRS & attrs.keys():
            self.loaded.extend(u.split()[0] for u in (attrs[name] or "").split(",") if u.strip())
        if tag == "link" and set((attrs.get("rel") or "").lower().split()) & LOADING_LINK_RELS:
            self.loaded.append(attrs.get("href") or "")
        if "style" in attrs:
            self.loaded.extend(a or b for a, b in CSS_URL.findall(attrs["style"] or ""))
        if "mermaid" in (attrs.get("class") or "").split():
            self.mermaid = True


def external_loads_in_html(text: str) -> tuple[list[str], bool]:
    collector = ResourceCollector()
    collector.feed(text)
    for style in re.findall(r"<style[^>]*>(.*?)</style>", text, re.S | re.I):
        collector.loaded.extend(a or b for a, b in CSS_URL.findall(style))
    return [u for u in collector.loaded if EXTERNAL.match(u.strip())], collector.mermaid


def test_the_checker_catches_external_loads():
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>'
        '<a href="https://example.org">fine</a><img src="../figures/a.svg"><style>@import "https://x/y.css";</style>'
    )
    found, mermaid = external_loads_in_html(html)
    assert found == ["https://fonts.googleapis.com/css", "//cdn.example/x.js", "https://x/y.css"]
    assert not mermaid


def test_no_html_page_loads_from_another_host(built_copy):
    site = built_copy / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    problems = []
    for page in pages:
        found, mermaid = external_loads_in_html(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site)}: {url}" for url in found]
        if mermaid:
            problems.append(f"{page.relative_to(site)}: a mermaid diagram makes Material load mermaid from a CDN")
    assert not problems, "\n".join(problems)


def test_no_style_sheet_loads_from_another_host(built_copy):
    site = built_copy / "site"
    sheets = sorted(site.rglob("*.css"))
    assert any("katex" in s.name for s in sheets)
    problems = [
        f"{sheet.relative_to(site)}: {a or b}"
        for sheet in sheets
        for a, b in CSS_URL.findall(sheet.read_text(encoding="utf-8"))
        if EXTERNAL.match((a or b).strip())
    ]
    assert not problems, "\n".join(problems)


def test_katex_and_its_fonts_are_served_by_the_site(built_copy):
    site = built_copy / "site"
    assert (site / "assets/katex/katex.min.js").exists()
    css = (site / "assets/katex/katex.min.css").read_text()
    woff2 = set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css))
    assert woff2 and all((site / "assets/katex" / f).exists() for f in woff2)
