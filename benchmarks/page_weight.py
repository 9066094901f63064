"""Page weight: bytes, requests and time to rendered math for a reader's first and second page (issue 5).

    .venv/bin/python benchmarks/page_weight.py [--site DIR] [--repeat 5]

The built site (default: $BROWSER_SITE or site/) is served on 127.0.0.1 gzip-compressed as GitHub
Pages serves it (level 6, ``Cache-Control: max-age=600``). For each scenario a fresh browser context
(empty cache) in Debian's chromium visits a home page (first visit, cold cache) and then a second
page in the same context (warm cache):

- ``zh``: ``/`` then ``/basics/neurons/``;
- ``en``: ``/en/`` then ``/en/basics/neurons/``;
- ``zh-math`` / ``en-math``: the home page, then the page with the most ``.arithmatex`` elements.
- ``zh-nb``: ``/`` then the notebook page ``/notebooks/rnn-language-model/``.

Bytes are what crossed the wire for each request, headers included: CDP's
``Network.loadingFinished.encodedDataLength`` from the page's own DevTools session (0 for a request
served from the browser cache). The search worker's script is fetched by a dedicated worker,
which that session does not see; its bytes are taken from the server's count of the body and
status/header lines it sent for that request. Requests are grouped by URL into categories (HTML,
Material JS bundle, Material CSS, KaTeX JS/CSS, KaTeX fonts, search index, search worker, images,
other). Time to math is ``performance.now()`` when every ``.arithmatex`` of the page has a ``.katex``
child (watched from the start of the document by a MutationObserver); medians over ``--repeat``
repetitions, the scenarios interleaved within each repetition.

An inventory pass then visits every page once (one context, desktop) to list which KaTeX fonts any
page requests, and the script measures on disk the sizes that cuts would remove: unused KaTeX fonts,
the search index, the hidden twin of each themed figure, inline CSS on notebook pages.

Writes benchmarks/results/page_weight.json (raw numbers, machine, command) and
benchmarks/results/page_weight.txt (as ``render`` formats it from the json; a unit test checks that).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import json
import os
import re
import shlex
import statistics
import sys
import threading
from http.server import ThreadingHTTPServer
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
NAME = "page_weight"
sys.path.insert(0, str(ROOT / "tests" / "browser"))

CATEGORIES = ["HTML", "Material JS bundle", "Material CSS", "KaTeX JS/CSS", "KaTeX fonts",
              "search index", "search worker", "images", "other"]
GOAL_FIRST = 1_000_000  # issue 5: a first visit, fonts included, at most 1 MB
GOAL_NEXT = 200_000  # each further page at most 200 KB

# Records performance.now() once every .arithmatex has a .katex child. It checks only when a mutation
# adds KaTeX output (cheap while the parser builds the page), at DOMContentLoaded and at load.
MATH_WATCH = """(() => {
  const done = () => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'));
  const check = () => {
    if (window.__mathAt !== undefined || document.readyState === 'loading' || !done()) return;
    window.__mathAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(records => {
    // auto-render wraps each formula in a class-less <span> holding .katex
    if (records.some(r => [...r.addedNodes].some(n => n.nodeType === 1 && (n.matches('.katex, .katex-display') || n.querySelector('.katex'))))) check();
  });
  observer.observe(document, {childList: true, subtree: true});
  document.addEventListener('DOMContentLoaded', check);
  window.addEventListener('load', check);
})();"""

PAGE_FACTS = """() => ({
  math: document.querySelectorAll('.arithmatex').length,
  mathAt: window.__mathAt === undefined ? null : window.__mathAt,
  loadAt: performance.getEntriesByType('navigation')[0].loadEventEnd,
})"""


def category(url: str) -> str:
    """Which part of the site a request belongs to, from its URL path alone."""
    path = unquote(urlsplit(url).path)
    name = path.rsplit("/", 1)[-1]
    if path.endswith("/") or name.endswith(".html"):
        return "HTML"
    if "/assets/javascripts/bundle." in path:
        return "Material JS bundle"
    if "/assets/javascripts/workers/search." in path or "/assets/javascripts/lunr/" in path:
        return "search worker"
    if "/assets/stylesheets/" in path or name == "_mkdocstrings.css":
        return "Material CSS"
    if "/assets/katex/fonts/" in path:
        return "KaTeX fonts"
    if "/assets/katex/" in path or path.endswith("/javascripts/katex.js"):
        return "KaTeX JS/CSS"
    if path.endswith("/search/search_index.json"):
        return "search index"
    if name.rsplit(".", 1)[-1].lower() in ("svg", "png", "jpg", "jpeg", "gif", "webp", "ico"):
        return "images"
    return "other"


def _handler_class(log: list):
    from site_server import _Handler

    class CountingHandler(_Handler):
        """The test server's handler, also logging (path, bytes sent: status line, headers and body)."""

        def end_headers(self):
            # BaseHTTPRequestHandler buffers the status line and headers until end_headers adds "\r\n".
            self._header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
            super().end_headers()

        def _send_body(self, body, suffix):
            stream = super()._send_body(body, suffix)
            log.append((urlsplit(self.path).path, len(stream.getvalue()) + self._header_bytes))
            return stream

    return CountingHandler


class CountingServer:
    """site_server.serve(), with a log of (path, bytes sent) per request."""

    def __init__(self, site: Path):
        self.log: list = []
        handler = _handler_class(self.log)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def measured_visit(page, cdp_events: dict, server_log: list, url: str, base: str) -> dict:
    """Navigate ``page`` to ``url``; what crossed the wire, by request and category, and the timings."""
    cdp_events.clear()
    server_log.clear()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    try:
        page.wait_for_function("() => window.__mathAt !== undefined", timeout=10_000)
    except Exception:
        pass
    facts = page.evaluate(PAGE_FACTS)
    sent = {}
    for path, n in list(server_log):
        sent.setdefault(path, []).append(n)
    requests = []
    for event in list(cdp_events.values()):
        req_url = event.get("url", "")
        if not req_url.startswith(base):
            continue  # data: URIs (Material's inline icons) never cross the wire
        path = "/" + req_url[len(base):]
        if event.get("bytes") is not None:
            n_bytes, source = event["bytes"], "cdp"
        else:  # not finished in this session (the worker's own script): the server's count
            n_bytes, source = (sent[path].pop(0), "server") if sent.get(path) else (0, "cache")
        requests.append({"path": path, "category": category(req_url), "bytes": n_bytes,
                         "from_cache": bool(event.get("cache")) or n_bytes == 0, "source": source})
    by_category = {c: 0 for c in CATEGORIES}
    for r in requests:
        by_category[r["category"]] += r["bytes"]
    return {
        "url_path": "/" + url[len(base):],
        "total_bytes": sum(by_category.values()),
        "by_category": by_category,
        "requests": len(requests),
        "requests_over_network": sum(1 for r in requests if not r["from_cache"]),
        "math_elements": facts["math"],
        "math_rendered_ms": facts["mathAt"] if facts["math"] else None,
        "load_event_ms": facts["loadAt"],
        "detail": sorted(requests, key=lambda r: -r["bytes"]),
    }


def watch_network(context, page) -> dict:
    events: dict = {}
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent", lambda e: events.setdefault(e["requestId"], {}).update(url=e["request"]["url"]))
    cdp.on("Network.requestServedFromCache", lambda e: events.setdefault(e["requestId"], {}).update(cache=True))
    cdp.on("Network.loadingFinished", lambda e: events.setdefault(e["requestId"], {}).update(bytes=int(e["encodedDataLength"])))
    return events


def most_math_page(site: Path, prefix: str) -> str:
    """The page (URL path below ``prefix``) with the most .arithmatex elements; ties by path."""
    best = []
    base = site / prefix if prefix else site
    for html in base.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix() + "/"
        if (not prefix and rel.startswith("en/")) or rel in ("./", prefix):
            continue
        best.append((-html.read_text(encoding="utf-8").count('class="arithmatex"'), rel))
    return min(best)[1]


def run_scenarios(site: Path, repeat: int) -> tuple[list, dict]:
    from site_server import DESKTOP, chromium

    scenarios = {
        "zh": ("", "basics/neurons/"),
        "en": ("en/", "en/basics/neurons/"),
        "zh-math": ("", most_math_page(site, "")),
        "en-math": ("en/", most_math_page(site, "en/")),
        "zh-nb": ("", "notebooks/rnn-language-model/"),
    }
    runs = []
    server = CountingServer(site)
    with server as base, chromium() as browser:
        for rep in range(repeat):
            for name, (first, second) in scenarios.items():
                context = browser.new_context(viewport=DESKTOP, color_scheme="light")
                context.add_init_script(MATH_WATCH)
                page = context.new_page()
                events = watch_network(context, page)
                visits = [measured_visit(page, events, server.log, base + path, base) for path in (first, second)]
                context.close()
                runs.append({"scenario": name, "repetition": rep, "first": visits[0], "second": visits[1]})
                if rep:  # keep the request detail of one repetition only
                    for v in visits:
                        v.pop("detail")
    return runs, {k: {"first": "/" + a, "second": "/" + b} for k, (a, b) in scenarios.items()}


def inventory(site: Path) -> dict:
    """What the cuts would remove, measured: every page visited once for the KaTeX fonts it requests,
    and sizes on disk (raw and gzip level 6) of the search index, fonts, figures and notebook CSS."""
    from site_server import DESKTOP, chromium, serve, source_pages

    def gz(data: bytes) -> int:
        return len(gzip.compress(data, 6))

    fonts_used: dict[str, list[str]] = {}
    with serve(site) as base, chromium() as browser:
        for site_page, _ in source_pages():
            # A fresh context each: in a shared one, a font in the memory cache is requested again
            # by every later page that declares it, used or not.
            context = browser.new_context(viewport=DESKTOP)
            page = context.new_page()
            page.on("request", lambda r, p="/" + site_page.path: "/assets/katex/fonts/" in r.url
                    and fonts_used.setdefault(r.url.rsplit("/", 1)[-1], []).append(p))
            page.goto(base + site_page.path, wait_until="load")
            page.wait_for_load_state("networkidle")
            context.close()
    font_dir = site / "assets" / "katex" / "fonts"
    fonts = {f.name: f.stat().st_size for f in sorted(font_dir.glob("*"))}
    index = (site / "search" / "search_index.json").read_bytes()
    index_json = json.loads(index)
    docs = index_json.get("docs", [])
    figures = sorted((site / "figures").glob("*-dark.svg"))
    notebooks = []
    for html in sorted([*(site / "notebooks").rglob("index.html"), *(site / "en" / "notebooks").rglob("index.html")]):
        text = html.read_text(encoding="utf-8")
        styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", text, flags=re.S))
        notebooks.append({"page": "/" + html.parent.relative_to(site).as_posix() + "/",
                          "html_raw": len(text.encode()), "html_gzip": gz(text.encode()),
                          "inline_css_raw": len(styles.encode()), "inline_css_gzip": gz(styles.encode())})
    html_pages = []
    for html in sorted(site.rglob("index.html")):
        data = html.read_bytes()
        html_pages.append({"page": "/" + html.parent.relative_to(site).as_posix().removeprefix(".") + "/",
                           "raw": len(data), "gzip": gz(data)})
    return {
        "pages_visited": len(source_pages()),
        "katex_fonts": [{"file": name, "bytes": size, "requested_by": sorted(set(fonts_used.get(name, [])))}
                        for name, size in fonts.items()],
        "search_index": {
            "raw": len(index), "gzip": gz(index), "docs": len(docs),
            "docs_en": sum(1 for d in docs if d["location"].startswith("en/")),
            "docs_zh": sum(1 for d in docs if not d["location"].startswith("en/")),
            # What marking code blocks data-search-exclude would leave: the index without <pre> blocks
            "gzip_without_code": gz(json.dumps({**index_json, "docs": [
                {**d, "text": re.sub(r"<pre>.*?</pre>", "", d["text"], flags=re.S)} for d in docs]},
                ensure_ascii=False, separators=(",", ":")).encode()),
            "config": index_json.get("config", {})},
        "figures": {"pairs": len(figures),
                    "dark_gzip": sum(gz(f.read_bytes()) for f in figures),
                    "light_gzip": sum(gz(f.with_name(f.name.replace("-dark.svg", "-light.svg")).read_bytes())
                                      for f in figures if f.with_name(f.name.replace("-dark.svg", "-light.svg")).exists())},
        "notebooks": notebooks,
        "html_pages_largest": sorted(html_pages, key=lambda p: -p["gzip"])[:6],
    }


def machine() -> dict:
    import subprocess

    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return describe(torch=version("torch"), numpy=version("numpy"), **{"mkdocs-material": version("mkdocs-material")},
                    playwright=version("playwright"), chromium=chromium)


def summarise(runs: list) -> list:
    """Per scenario and visit: medians over repetitions (bytes are the same each time; checked)."""
    out = []
    for name in dict.fromkeys(r["scenario"] for r in runs):
        for visit in ("first", "second"):
            vs = [r[visit] for r in runs if r["scenario"] == name]
            math = [v["math_rendered_ms"] for v in vs if v["math_rendered_ms"] is not None]
            out.append({
                "scenario": name, "visit": visit, "url_path": vs[0]["url_path"], "repetitions": len(vs),
                "total_bytes": statistics.median(v["total_bytes"] for v in vs),
                "total_bytes_min": min(v["total_bytes"] for v in vs), "total_bytes_max": max(v["total_bytes"] for v in vs),
                "by_category": {c: statistics.median(v["by_category"][c] for v in vs) for c in CATEGORIES},
                "requests": statistics.median(v["requests"] for v in vs),
                "requests_over_network": statistics.median(v["requests_over_network"] for v in vs),
                "math_elements": vs[0]["math_elements"],
                "math_rendered_ms": statistics.median(math) if math else None,
                "load_event_ms": statistics.median(v["load_event_ms"] for v in vs),
            })
    return out


def _kb(n: float) -> str:
    return f"{n / 1000:,.1f}"


def render(data: dict) -> str:
    """The human-readable tables, from the json alone (a unit test checks the committed .txt is this)."""
    rows = data["summary"]
    short = {"HTML": "HTML", "Material JS bundle": "MatJS", "Material CSS": "MatCSS", "KaTeX JS/CSS": "KaTeX",
             "KaTeX fonts": "KFonts", "search index": "index", "search worker": "worker", "images": "images",
             "other": "other"}
    lines = [
        "Page weight over gzip (level 6), as GitHub Pages serves the site: kB (1 kB = 1000 bytes) transferred,",
        "headers included; the second page is visited after the first in the same browser context (warm cache).",
        f"Medians over {data['settings']['repeat']} interleaved repetitions, fresh context each. "
        f"Goals (issue 5): first visit <= {GOAL_FIRST / 1000:,.0f} kB, each further page <= {GOAL_NEXT / 1000:,.0f} kB.",
        "",
    ]
    header = (f"{'scenario':<8} {'visit':<6} {'page':<26}{'total':>8}{'goal':>6}"
              + "".join(f"{short[c]:>8}" for c in CATEGORIES) + f"{'req':>5}{'net':>5}{'math':>6}{'math ms':>9}{'load ms':>9}")
    lines += [header, "-" * len(header)]
    for r in rows:
        goal = GOAL_FIRST if r["visit"] == "first" else GOAL_NEXT
        math_ms = f"{r['math_rendered_ms']:,.0f}" if r["math_rendered_ms"] is not None else "-"
        lines.append(
            f"{r['scenario']:<8} {r['visit']:<6} {r['url_path']:<26}{_kb(r['total_bytes']):>8}"
            f"{'ok' if r['total_bytes'] <= goal else 'OVER':>6}"
            + "".join(f"{_kb(r['by_category'][c]):>8}" for c in CATEGORIES)
            + f"{r['requests']:>5.0f}{r['requests_over_network']:>5.0f}{r['math_elements']:>6}{math_ms:>9}{r['load_event_ms']:>9,.0f}")
    lines += ["",
              "Columns: MatJS = Material JS bundle, MatCSS = Material CSS (+ mkdocstrings CSS), KaTeX = KaTeX JS/CSS "
              "(+ javascripts/katex.js),",
              "KFonts = KaTeX fonts, index = search/search_index.json, worker = search worker script; req = requests "
              "(cache hits included), net = over the network;",
              "math = .arithmatex elements; math ms = performance.now() when all are rendered; load ms = load event end."]

    inv = data["inventory"]
    fonts = inv["katex_fonts"]
    unused = [f for f in fonts if not f["requested_by"]]
    lines += ["", f"KaTeX fonts requested by any of the {inv['pages_visited']} pages (desktop visit of each):", ""]
    for f in fonts:
        who = f"{len(f['requested_by'])} pages" if f["requested_by"] else "never"
        lines.append(f"  {f['file']:<34}{_kb(f['bytes']):>7} kB  {who}")
    lines.append(f"  never requested: {len(unused)} of {len(fonts)} files, {_kb(sum(f['bytes'] for f in unused))} kB "
                 f"of {_kb(sum(f['bytes'] for f in fonts))} kB")
    si = inv["search_index"]
    lines += ["", f"Search index (one file for both languages, fetched on every first visit): {_kb(si['raw'])} kB raw, "
                  f"{_kb(si['gzip'])} kB gzip; {si['docs_zh']} zh + {si['docs_en']} en entries;",
              f"  without the text of code blocks (<pre>): {_kb(si['gzip_without_code'])} kB gzip."]
    fig = inv["figures"]
    lines.append(f"Themed figures: {fig['pairs']} light/dark pairs, light {_kb(fig['light_gzip'])} kB + dark {_kb(fig['dark_gzip'])} kB gzip "
                 "in all; they load lazily (hooks/lazy_figures.py), so a reader fetches only the twin shown, once scrolled to.")
    for nb in inv["notebooks"]:
        lines.append(f"Notebook {nb['page']}: HTML {_kb(nb['html_gzip'])} kB gzip ({_kb(nb['html_raw'])} kB raw), "
                     f"of which inline <style> {_kb(nb['inline_css_gzip'])} kB gzip ({_kb(nb['inline_css_raw'])} kB raw).")
    lines.append("Largest HTML pages (gzip): " + ", ".join(f"{p['page']} {_kb(p['gzip'])} kB" for p in inv["html_pages_largest"]))
    m = data["machine"]
    lines += [
        "",
        f"Site: {data['site']} (built from {data['built_from']})",
        f"Command: {data['command']}",
        f"Machine: {m['cpu']}, {m['cores']} cores; {m['chromium']}; Playwright {m['playwright']}; "
        f"mkdocs-material {m['mkdocs-material']}; Python {m['python']}, torch {m['torch']}, numpy {m['numpy']}",
        f"Date: {data['date']}; load average (1 min) at start {data['load_start']:.2f}, at end {data['load_end']:.2f} "
        "(timings are noisy on a loaded machine; bytes are not)",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    from site_server import site_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=None, help="built site (default: $BROWSER_SITE or site/)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--built-from", default="the working tree", help="what the site was built from, for the record")
    parser.add_argument("--rerender", action="store_true", help="only re-render the .txt from the json")
    args = parser.parse_args()
    if args.rerender:
        data = json.loads((RESULTS / f"{NAME}.json").read_text(encoding="utf-8"))
    else:
        site = args.site if args.site else site_dir()
        load_start = os.getloadavg()[0]
        runs, scenarios = run_scenarios(site, args.repeat)
        data = {
            "command": shlex.join([".venv/bin/python", "benchmarks/page_weight.py", *sys.argv[1:]]),
            "date": datetime.date.today().isoformat(),
            "site": str(site),
            "built_from": args.built_from,
            "load_start": load_start,
            "machine": machine(),
            "settings": {"repeat": args.repeat, "scenarios": scenarios, "gzip_level": 6,
                         "goal_first_bytes": GOAL_FIRST, "goal_next_bytes": GOAL_NEXT},
            "summary": summarise(runs),
            "inventory": inventory(site),
            "runs": runs,
        }
        data["load_end"] = os.getloadavg()[0]
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"{NAME}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    text = render(data)
    (RESULTS / f"{NAME}.txt").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
