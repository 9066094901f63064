"""Which files of this project a snippet or notebook used when it ran, and whether they changed since.

The build caches each execution with the fingerprint of the project files it used: the
``neuralnlp`` modules it imported and any data file of the repository it read. A cached result is
reused only while that fingerprint still matches, so an edit re-runs exactly what depends on it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def is_project_file(path: str) -> bool:
    """True for a real path inside the project, outside the venv, caches, ``.git`` and bytecode."""
    if not path.startswith(ROOT + os.sep):
        return False
    parts = path[len(ROOT) + 1 :].split(os.sep)
    return not any(p.startswith(".") or p == "__pycache__" for p in parts)


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "missing"


def fingerprint(used: list[str], known: dict[str, str] | None = None) -> dict[str, str]:
    """Hash of each used file (paths relative to the project), taken from ``known`` where given."""
    known = known or {}
    return {rel: known.get(rel) or file_hash(Path(ROOT, rel)) for rel in sorted(set(used))}


def library_fingerprint() -> dict[str, str]:
    """Hashes of every module in ``src/``, taken *before* a run so that an edit made during the run
    is not credited to it."""
    src = Path(ROOT, "src")
    return {p.relative_to(ROOT).as_posix(): file_hash(p) for p in src.rglob("*.py")}


def unchanged(recorded: dict[str, str]) -> bool:
    return all(file_hash(Path(ROOT, rel)) == digest for rel, digest in recorded.items())
