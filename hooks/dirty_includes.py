"""Under `make serve` (``mkdocs serve --dirty``), a page is rebuilt when a file it includes changed.

A dirty build re-renders only the pages whose Markdown file is newer than their built HTML. Our
pages are mostly made of included files (``--8<-- "snippets/…"``, ``src/…`` sections, ``.out``
files), so editing a snippet would leave its page showing the old code. Here a page also counts
as modified when any file it includes is newer than its HTML, or when it renders docstrings from
``src/`` (the API reference, ``::: module``) and a module changed. A normal build rebuilds every page
anyway; nothing changes there.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r'^\s*--8<-- "([^":]+)(?::[^"]*)?"', re.M)
API_BLOCK = re.compile(r"^::: ", re.M)


def dependencies(markdown: str) -> list[Path]:
    """The files whose content a page shows besides its own Markdown."""
    files = [ROOT / rel for rel in INCLUDE.findall(markdown)]
    if API_BLOCK.search(markdown):
        files += sorted((ROOT / "src").rglob("*.py"))
    return files


def newer_than(dest: str, files: list[Path]) -> bool:
    if not os.path.isfile(dest):
        return True
    built = os.path.getmtime(dest)
    return any(f.is_file() and f.stat().st_mtime > built for f in files)


@event_priority(-300)  # after mkdocs-static-i18n (-100) and hooks/notebooks.py (-200) have settled the files
def on_files(files, config):
    for file in files.documentation_pages():
        if not file.src_uri.endswith(".md") or file.abs_src_path is None:
            continue
        own = file.is_modified
        deps = dependencies(Path(file.abs_src_path).read_text(encoding="utf-8"))
        if deps:
            file.is_modified = lambda own=own, dest=file.abs_dest_path, deps=deps: own() or newer_than(dest, deps)
    return files
