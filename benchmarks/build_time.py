"""How long the site takes to build: a benchmark that prints figures, not a test.

    .venv/bin/python benchmarks/build_time.py [--repeat N]

Works on a temporary copy of the project, so the working tree and its caches are untouched.
Measures, with medians over N runs:

- cold: a strict build of both languages with an empty snippet cache (every snippet runs);
- warm: the same build again, the snippet cache full (what a second `make build` costs);
- serve: under `mkdocs serve`, the time from saving a prose edit to "Reloading browsers";
- why the hook forks: every snippet run once in its own fresh process, against all of them in
  one fork runner (hooks/snippet_runner.py), interleaved.

Goals (issue 2): cold ≤ 30 s, serve rebuild ≤ 5 s, on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "build"))
from project_copies import NOT_COPIED  # noqa: E402  (the same copy of the project the build tests make)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed_build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def snippets_one_process_each(snippets: list[Path]) -> float:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for snippet in snippets:
            subprocess.run([sys.executable, str(snippet)], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def snippets_fork_runner(snippets: list[Path]) -> float:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "hooks" / "snippet_runner.py"), tmp, *map(str, snippets)], check=True)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rebuilds(project: Path, repeat: int) -> list[float]:
    """Start `mkdocs serve`, edit a page's prose `repeat` times, time each rebuild."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True).start()

    def wait_for(text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if text in lines.get(timeout=0.5):
                    return
            except queue.Empty:
                pass
        raise TimeoutError(f"mkdocs serve never logged {text!r}")

    try:
        wait_for("Serving on")
        page = project / "docs" / "index.md"
        times = []
        for i in range(repeat):
            time.sleep(1.0)  # let the watcher settle
            start = time.perf_counter()
            page.write_text(page.read_text(encoding="utf-8") + f"\n本句是第 {i} 次测量时加上的。\n", encoding="utf-8")
            wait_for("Reloading browsers")
            times.append(time.perf_counter() - start)
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT, project, ignore=NOT_COPIED)
        cold, warm = [], []
        for _ in range(args.repeat):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            cold.append(timed_build(project))
            warm.append(timed_build(project))
        serve = serve_rebuilds(project, args.repeat + 2)
    snippet_files = sorted((ROOT / "snippets").rglob("*.py"))
    each, forked = [], []
    for _ in range(args.repeat):
        each.append(snippets_one_process_each(snippet_files))
        forked.append(snippets_fork_runner(snippet_files))
    snippets = len(snippet_files)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {snippets} snippets")
    print(f"{'measure':<34}{'median':>9}{'min':>9}{'max':>9}{'goal':>8}{'median/goal':>13}")
    for name, values, goal in [
        ("cold strict build (zh + en)", cold, 30.0),
        ("warm strict build (cache full)", warm, 30.0),
        ("serve: rebuild after a prose edit", serve, 5.0),
    ]:
        median = statistics.median(values)
        print(f"{name:<34}{median:>8.2f}s{min(values):>8.2f}s{max(values):>8.2f}s{goal:>7.0f}s{median / goal:>13.2f}")
    print(f"\nall snippets, one fresh process each: median {statistics.median(each):.2f}s")
    print(f"all snippets, fork runner:             median {statistics.median(forked):.2f}s")
    print(f"ratio (one process each / fork runner): {statistics.median(each) / statistics.median(forked):.1f}x "
          "(a hook without the cache would pay the first figure once per language)")


if __name__ == "__main__":
    main()
