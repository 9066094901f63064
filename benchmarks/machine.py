"""What every benchmark records about the machine it ran on (benchmarks/results/*.json)."""

from __future__ import annotations

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
