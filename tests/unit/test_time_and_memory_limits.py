"""The time and memory limits of the test suite (conftest.py, pyproject.toml) stop runaway tests fast and by name.

``runaway_probe.py`` holds an endless loop and an allocation without bound. Run with a 3 s timeout and a 2 GB
address-space cap, in one process and under pytest-xdist (as ``make test`` runs), each must fail within seconds,
reported under its own name: the loop with pytest-timeout's "Timeout", the allocation with a MemoryError.
"""

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(180)
@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one process", "xdist"])
def test_a_runaway_test_fails_fast_and_names_itself(workers):
    env = dict(os.environ, NEURALNLP_RUNAWAY_PROBE="1", NEURALNLP_TEST_MEMORY_GB="2",
               PYTHONPATH=str(ROOT / "src"))
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rf", "-o", "timeout=3", *workers,
         "tests/unit/runaway_probe.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=150)
    elapsed = time.monotonic() - start
    report = result.stdout
    assert result.returncode == 1, report[-3000:] + result.stderr[-2000:]
    assert "2 failed" in report, report[-3000:]
    assert "FAILED tests/unit/runaway_probe.py::test_endless_loop - Failed: Timeout" in report, report[-3000:]
    assert "FAILED tests/unit/runaway_probe.py::test_allocation_without_bound - MemoryError" in report, report[-3000:]
    assert elapsed < 120, f"{elapsed:.0f} s"  # about 3 s for the loop plus start-up; the allocation stops at once


def test_every_directory_limit_is_longer_than_the_default():
    """The default (pyproject.toml) uses the signal method; every directory's own limit is longer than it and names
    a directory that exists; the memory cap lies above the measured peak of an honest test process."""
    spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")  # not the sys.modules one
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'timeout = 120\ntimeout_method = "signal"' in text
    assert all(limit > 120 and (ROOT / path).is_dir() for path, limit in conftest.LONGER_TIMEOUTS.items())
    assert 2.5 * 2**30 < conftest.MEMORY_LIMIT <= 8 * 2**30  # above the measured peak (2.5 GB), below the machine
