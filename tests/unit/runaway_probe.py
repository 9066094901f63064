"""Two runaway tests for ``test_time_and_memory_limits.py``, which runs them in a subprocess.

Not collected by a normal run (the name does not start with ``test_``), and skipped unless
NEURALNLP_RUNAWAY_PROBE is set: each of them would otherwise run until its limit stops it.
"""

import os

import pytest

pytestmark = pytest.mark.skipif(not os.environ.get("NEURALNLP_RUNAWAY_PROBE"), reason="run by test_time_and_memory_limits.py")


def test_endless_loop():
    n = 0
    while True:  # the bug class of the huffman mutant: a loop whose exit is never reached
        n += 1


def test_allocation_without_bound():
    chunks = []
    while True:  # grows until the address-space cap refuses an allocation
        chunks.append(bytes(256 * 2**20))  # calloc: address space, not (yet) resident memory
