"""Full-page PNGs of every page, for review by eye: `make screenshots`.

    python tests/browser/take_screenshots.py --out screenshots [--site DIR] [--only basics/neurons]

Every page of source_pages() (zh and en) x light/dark (prefers-color-scheme emulation: Material follows
it on a first visit) x desktop (1280x900) / phone (390x844) is written to
``<out>/<lang>/<page-path-with-dashes>-<light|dark>-<desktop|phone>.png`` (the home page is "index").
One browser; one context per viewport and scheme, reused for every page.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from site_server import DESKTOP, PHONE, ROOT, SitePage, chromium, serve, site_dir, source_pages  # noqa: E402

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = ("light", "dark")
MATH_RENDERED = "() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))"


def screenshot_name(page: SitePage, scheme: str, viewport: str) -> str:
    """'en/basics/neurons/' -> 'en/basics-neurons-dark-phone.png'; the home page is 'index'."""
    path = page.path[len("en/"):] if page.language == "en" else page.path
    stem = path.strip("/").replace("/", "-") or "index"
    return f"{page.language}/{stem}-{scheme}-{viewport}.png"


def take(base_url: str, out: Path, pages: list[SitePage], browser) -> list[Path]:
    written = []
    for viewport_name, viewport in VIEWPORTS.items():
        for scheme in SCHEMES:
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            for site_page in pages:
                page.goto(base_url + site_page.path, wait_until="load")
                page.wait_for_load_state("networkidle")
                try:  # KaTeX renders on Material's document$ event
                    page.wait_for_function(MATH_RENDERED, timeout=5000)
                except Exception:
                    print(f"warning: math left unrendered on {site_page}", file=sys.stderr)
                page.evaluate("() => document.fonts.ready")
                target = out / screenshot_name(site_page, scheme, viewport_name)
                target.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="directory for the PNGs")
    parser.add_argument("--site", type=Path, default=None, help="built site (default: $BROWSER_SITE or site/)")
    parser.add_argument("--only", action="append", default=[],
                        help="only pages whose path contains this (repeatable), e.g. basics/neurons or glossary")
    args = parser.parse_args(argv)
    site = args.site if args.site else site_dir()
    if not (site / "index.html").exists():
        parser.error(f"no built site in {site}: run `make build` first")
    pages = [p for p, _ in source_pages() if not args.only or any(o in p.path or (o == "index" and p.path in ("", "en/")) for o in args.only)]
    start = time.perf_counter()
    with serve(site) as base_url, chromium() as browser:
        written = take(base_url, args.out, pages, browser)
    print(f"wrote {len(written)} screenshots of {len(pages)} pages into {args.out} in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
