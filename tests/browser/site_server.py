"""Serve a built site on 127.0.0.1 and drive Debian's chromium with Playwright.

Shared by the browser tests, `make screenshots` and benchmarks/page_weight.py.
Playwright never downloads a browser here: it starts /usr/bin/chromium with the flags that work
on a machine with no internet (see TOOLCHAIN_NOTES).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".ipynb")


def build_site(target: Path) -> Path:
    """Strictly build the project into ``target`` (what `make build` does, elsewhere)."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT, check=True, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target


def site_dir() -> Path:
    """The built site to test: $BROWSER_SITE (set by `make test` after its build), else site/."""
    site = ROOT / os.environ.get("BROWSER_SITE", "site")  # relative to the project, whatever the cwd
    if not (site / "index.html").exists():
        raise FileNotFoundError(f"no built site in {site}: run `make build` first")
    return site


class _Handler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser asks (as GitHub Pages serves them), and the
    site's own 404.html for missing paths (as GitHub Pages does)."""

    gzip_enabled = True

    def log_message(self, *args):  # keep test output clean
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            return self._send_body(body, ".html")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        return self._send_body(path.read_bytes(), path.suffix)

    def _send_body(self, body: bytes, suffix: str):
        import io

        if self.gzip_enabled and suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages caches for 10 minutes
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path, gzip_enabled: bool = True):
    """Serve ``site`` on a free port of 127.0.0.1; yields the base URL, ending in '/'."""
    handler = type("Handler", (_Handler,), {"gzip_enabled": gzip_enabled})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """A headless Debian chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class SitePage:
    path: str  # URL path relative to the site root, e.g. "basics/neurons/" or "en/basics/neurons/"
    language: str  # "zh" or "en"

    @property
    def counterpart(self) -> str:
        return self.path[len("en/"):] if self.language == "en" else "en/" + self.path

    def __str__(self) -> str:
        return self.path or "(home)"


def source_pages() -> list[tuple[SitePage, Path]]:
    """Every page the site should have, in both languages, with the source file it is built from:
    docs/x/y.md -> x/y/ and docs/x/y.en.md -> en/x/y/ (notebooks: docs/notebooks/n.py, n.en.py)."""
    docs = ROOT / "docs"
    found = []
    for source in sorted([*docs.rglob("*.md"), *(docs / "notebooks").glob("*.py")]):
        rel = source.relative_to(docs).as_posix()
        if rel.startswith("assets/"):
            continue
        language = "en" if ".en." in source.name else "zh"
        stem = rel.rsplit(".", 2 if language == "en" else 1)[0]
        path = "" if stem == "index" else stem + "/"
        found.append((SitePage(("en/" if language == "en" else "") + path, language), source))
    return found


class VisitedPages(dict):
    """Page path -> what a visit of that page found, each page visited the first time it is asked for.

    The root conftest.py keeps the tests of one page on one pytest-xdist worker, so each page is
    visited once however many workers run.
    """

    def __init__(self, visit_page):
        super().__init__()
        self._visit_page = visit_page

    def __missing__(self, path: str):
        self[path] = facts = self._visit_page(path)
        return facts


THEMED = '.md-content img[src*="#only-light"], .md-content img[src*="#only-dark"]'
THEMED_FIGURES = f"""() => [...document.querySelectorAll('{THEMED}')]
  .map(img => ({{src: img.getAttribute('src'), display: getComputedStyle(img).display, visible: img.offsetParent !== null}}))"""
# Shown figures are scrolled to (a lazy-loading image loads only then) and must load.
SHOWN_FIGURES_LOADED = f"""() => [...document.querySelectorAll('{THEMED}')].filter(img => img.offsetParent !== null)
  .every(img => (img.scrollIntoView(), img.complete && img.naturalWidth > 0))"""


def figure_facts(page) -> dict:
    """The page's colour scheme, its themed figures (shown or hidden), and whether the shown ones loaded."""
    facts = {"scheme": page.evaluate("() => document.body.getAttribute('data-md-color-scheme')"),
             "figures": page.evaluate(THEMED_FIGURES)}
    try:
        page.wait_for_function(SHOWN_FIGURES_LOADED, timeout=10_000, polling=200)
        facts["loaded"] = True
    except Exception:
        facts["loaded"] = False
    return facts
