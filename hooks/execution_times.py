"""How long each snippet and notebook took when it last ran, like sphinx-gallery's ``sg_execution_times``.

Both build hooks report here. Every build that runs something prints the items it ran, slowest
first, and rewrites ``.cache/execution_times.txt``: every item's wall time at its last run, with
the items over their budget marked. ``.cache/execution_times.json`` holds the same figures for
tests and tools. A cached item keeps the time it took when it last ran.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_JSON = ROOT / ".cache" / "execution_times.json"
REPORT_TEXT = REPORT_JSON.with_suffix(".txt")

# Seconds of wall time on the project's 2-core reference machine. Longer work belongs in benchmarks/.
BUDGET_S = {"snippet": 15.0, "notebook": 60.0}

log = logging.getLogger("mkdocs.hooks.execution_times")


def _load() -> dict:
    try:
        return json.loads(REPORT_JSON.read_text())
    except (FileNotFoundError, ValueError):
        return {}


def over_budget(entry: dict) -> bool:
    return entry["seconds"] > BUDGET_S[entry["kind"]]


def record(kind: str, seconds_by_item: dict[str, float], wall: float | None = None) -> None:
    """Store the wall times of items of one ``kind`` ("snippet" or "notebook") that just ran, and report.

    ``wall`` is the time the whole run took, when items ran side by side."""
    if not seconds_by_item:
        return
    report = {item: entry for item, entry in _load().items() if (ROOT / item).exists()}  # drop deleted items
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    for item, seconds in seconds_by_item.items():
        report[item] = {"kind": kind, "seconds": round(seconds, 2), "when": now}
    REPORT_JSON.parent.mkdir(parents=True, exist_ok=True)
    REPORT_JSON.write_text(json.dumps(report, indent=1, sort_keys=True))
    REPORT_TEXT.write_text(render(report))
    ran = sorted(seconds_by_item.items(), key=lambda kv: -kv[1])
    lines = [f"{seconds:7.2f} s  {item}{'  OVER BUDGET' if seconds > BUDGET_S[kind] else ''}" for item, seconds in ran]
    took = f" in {wall:.1f} s" if wall is not None else ""
    log.info("ran %d %s(s)%s, slowest first (budget %.0f s each; all times in %s):\n%s",
             len(ran), kind, took, BUDGET_S[kind], REPORT_TEXT.relative_to(ROOT), "\n".join(lines))


def render(report: dict) -> str:
    rows = sorted(report.items(), key=lambda kv: -kv[1]["seconds"])
    total = sum(entry["seconds"] for _, entry in rows)
    budgets = ", ".join(f"{kind} {seconds:.0f} s" for kind, seconds in BUDGET_S.items())
    lines = [f"Wall time of each snippet and notebook at its last run, slowest first ({total:.1f} s in all).",
             f"Budgets: {budgets}.", ""]
    width = max((len(item) for item, _ in rows), default=10)
    lines += [f"{entry['seconds']:8.2f} s  {item:<{width}}  {entry['kind']:<8}  {entry['when']}"
              f"{'  OVER BUDGET' if over_budget(entry) else ''}" for item, entry in rows]
    return "\n".join(lines) + "\n"
