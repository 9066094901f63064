"""Load a benchmark script (benchmarks/<name>.py) as a module, so a test can call its ``render`` and helpers."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def benchmark_module(name: str):
    """benchmarks/<name>.py, executed as a fresh module named ``benchmark_<name>``."""
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
