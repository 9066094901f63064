"""How long the site takes to build: a benchmark that prints figures, not a test.

    .venv/bin/python benchmarks/build_time.py [--repeat N] [--json PATH]

Works on a temporary copy of the project, so the working tree and its caches are untouched. Each
measure is taken N times (medians reported), the measures interleaved in one run so that they
share the machine's conditions:

- cold: a strict build of both languages with empty caches (every snippet and notebook runs);
- warm: the same build again with nothing changed (what a second `make build` costs);
- module edit: a strict build after appending a comment to src/neuralnlp/recurrent/gru.py, with
  the number of snippets and notebooks it re-ran (only the dependants of gru.py should run);
- serve: under `make serve` (`mkdocs serve --dirty`), the time from saving a prose edit to
  "Reloading browsers"; and the same without --dirty (a full rebuild), for comparison.

Goals (issue "Ready for a site twice this size"): cold <= 60 s, warm <= 10 s, serve <= 3 s, module
edit <= its dependants' run time + 10 s.

The figures depend on what else the machine is doing: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
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
sys.path.insert(0, str(ROOT / "benchmarks"))
from machine import describe  # noqa: E402
from project_copies import NOT_COPIED  # noqa: E402  (the same copy of the project the build tests make)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
GOALS = {"cold": 60.0, "warm": 10.0, "serve": 3.0}


def timed_build(project: Path) -> tuple[float, str]:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=ENV, check=True,
                         capture_output=True, text=True)
    return time.perf_counter() - start, run.stdout + run.stderr


def reran(log: str) -> tuple[int, int, float]:
    """Snippets and notebooks a build ran, and the wall time spent running them (from the hooks' log)."""
    m = re.search(r"running (\d+) of \d+ snippet", log)
    wall = sum(float(s) for s in re.findall(r"ran \d+ (?:snippet|notebook)\(s\) in ([\d.]+) s", log))
    return (int(m.group(1)) if m else 0), log.count("ran 1 notebook(s)"), wall


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rebuilds(project: Path, repeat: int, dirty: bool) -> list[float]:
    """Start `mkdocs serve`, edit a page's prose `repeat` times, time each rebuild."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    proc = subprocess.Popen(command + (["--dirty", "--no-strict"] if dirty else []), cwd=project, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True).start()

    def wait_for(text: str, timeout: float = 300) -> None:
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
        page = project / "docs" / "basics" / "neurons.md"
        times = []
        for i in range(repeat):
            time.sleep(1.5)  # let the watcher settle
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
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"cold": [], "warm": [], "module edit": []}
    counts = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT, project, ignore=NOT_COPIED)
        module = project / "src" / "neuralnlp" / "recurrent" / "gru.py"
        for i in range(args.repeat):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            times["cold"].append(timed_build(project)[0])
            times["warm"].append(timed_build(project)[0])
            module.write_text(module.read_text() + f"\n# benchmark edit {i}\n")
            seconds, log = timed_build(project)
            times["module edit"].append(seconds)
            counts.append(reran(log))
        times["serve (--dirty)"] = serve_rebuilds(project, args.repeat + 2, dirty=True)
        times["serve, full rebuild"] = serve_rebuilds(project, args.repeat + 2, dirty=False)
    machine = describe(load=" ".join(f"{x:.1f}" for x in os.getloadavg()))
    print(", ".join(f"{k}: {v}" for k, v in machine.items()))
    print(f"{'measure':<24}{'median':>9}{'min':>9}{'max':>9}{'goal':>8}")
    for name, values in times.items():
        goal = GOALS.get(name.split()[0], None)
        print(f"{name:<24}{statistics.median(values):>8.2f}s{min(values):>8.2f}s{max(values):>8.2f}s"
              f"{(f'{goal:>7.0f}s' if goal else '       -')}")
    snippets, notebooks, _ = counts[0]
    total = len(list((ROOT / "snippets").rglob("*.py")))
    rest = [build - wall for build, (_, _, wall) in zip(times["module edit"], counts)]
    print(f"\nmodule edit (gru.py): re-ran {snippets} of {total} snippets and {notebooks} notebook(s), taking "
          f"{statistics.median(c[2] for c in counts):.1f} s (median); the rest of that build took "
          f"{statistics.median(rest):.1f} s (goal: <= 10 s)")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "times": times, "reran": counts,
                                         "snippets": total}, indent=1))


if __name__ == "__main__":
    main()
