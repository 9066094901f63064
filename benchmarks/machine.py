"""What every benchmark records about the machine it ran on, and how it saves its results
(benchmarks/results/<name>.json, and the .txt rendered from it alone)."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), platform.processor())


def describe(**versions) -> dict:
    """CPU, cores, Python and platform, with the given versions (and other facts) in between."""
    return {"cpu": cpu_model(), "cores": os.cpu_count(), **versions,
            "python": platform.python_version(), "platform": platform.platform()}


RESULTS = Path(__file__).resolve().parent / "results"


def save_results(name: str, data: dict, render) -> str:
    """Write ``results/<name>.json`` and the ``.txt`` that ``render`` makes of it; return that text.

    The .txt is rendered from the JSON alone, so a consistency test can check the committed pair."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n")
    text = render(data)
    (RESULTS / f"{name}.txt").write_text(text)
    return text


def provenance_lines(data: dict, machine: str) -> list[str]:
    """The last lines of a results table: a blank line, the command that re-runs it, the machine
    (``machine``: what this benchmark names of it) and the date with the load at start and end."""
    return ["", f"Command: {data['command']}", f"Machine: {machine}",
            f"Date: {data['date']}; load average (1 min) at start {data['load_start']:.2f}, "
            f"at end {data['load_end']:.2f}"]
