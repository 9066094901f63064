"""MkDocs hook: every snippet runs during the build, and the build fails when one breaks.

A snippet is a runnable file ``snippets/<chapter>/<name>.py``. Beside it, ``<name>.out`` holds its
expected output: pages embed both, so what a reader sees under the code is exactly that file.
Before each build this hook runs every snippet (see ``snippet_runner.py``) and raises
``PluginError``, naming the snippet, when one raises, times out, or prints something other than
its ``.out`` file. Files a snippet writes (figures) are added to the site under ``figures/``.

Results are cached under ``.cache/snippets``. An entry is keyed by the snippet's own content,
``requirements.lock`` and the runner, and it records the project files the snippet used when it
ran (the ``neuralnlp`` modules it imported, any data file it read). The entry is reused only while
every one of those files is unchanged. So a rebuild after editing prose re-runs nothing, and
editing ``src/neuralnlp/recurrent/gru.py`` re-runs only the snippets that imported it. Failures
are never cached. Each build that runs snippets reports their wall times (``execution_times.py``).

Run as a script to check snippets, or to (re)write their ``.out`` files after an intended change::

    python hooks/verified_snippets.py --check  [snippets/basics/neuron.py ...]
    python hooks/verified_snippets.py --update [snippets/basics/neuron.py ...]
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent))
import execution_times  # noqa: E402  (hooks/execution_times.py, shared with hooks/notebooks.py)
from project_files import fingerprint, library_fingerprint, unchanged  # noqa: E402
from snippet_runner import reproducible_kernels  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache" / "snippets"
RUNNER = Path(__file__).with_name("snippet_runner.py")
LOCK = ROOT / "requirements.lock"
FIGURES_URI = "figures"

log = logging.getLogger("mkdocs.hooks.verified_snippets")


@dataclass
class Result:
    snippet: Path
    status: str  # "ok", "error" or "timeout"
    stdout: str
    stderr: str
    files: Path  # folder holding the files the snippet wrote


def _own_key(snippet: Path) -> str:
    """What a snippet's result depends on whatever it imports: itself, the pinned packages, the runner."""
    h = hashlib.sha256()
    for path in (snippet, LOCK, RUNNER):
        h.update(path.read_bytes() if path.is_file() else b"missing")
    return h.hexdigest()[:16]


def find_snippets() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*.py") if "__pycache__" not in p.parts)


def _cache_dir(snippet: Path) -> Path:
    rel = snippet.relative_to(SNIPPETS).with_suffix("")
    return CACHE / f"{'__'.join(rel.parts)}-{_own_key(snippet)}"


def _is_fresh(entry: Path) -> bool:
    """True when ``entry`` holds a success and every project file the snippet used is unchanged."""
    try:
        used = json.loads((entry / "used.json").read_text())
    except (FileNotFoundError, ValueError):
        return False
    return unchanged(used)


def run_snippets(snippets: list[Path], use_cache: bool = True) -> list[Result]:
    """Run ``snippets`` in one runner process (fresh cached results are reused), in the given order."""
    todo = [s for s in snippets if not (use_cache and _is_fresh(_cache_dir(s)))]
    if todo:
        log.info("running %d of %d snippet(s) in one process", len(todo), len(snippets))
        library = library_fingerprint()
        seconds = {}
        with tempfile.TemporaryDirectory(prefix="snippets-") as tmp:
            # Snippets import neuralnlp from this checkout's src/, whatever `pip install -e` points at.
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
            start = time.monotonic()
            subprocess.run(
                [sys.executable, str(RUNNER), tmp, *map(str, todo)], check=True, cwd=ROOT, env=env, stdin=subprocess.DEVNULL
            )
            wall = time.monotonic() - start
            for i, snippet in enumerate(todo):
                out = Path(tmp) / str(i)
                used = fingerprint(_read(out / "used").split(), known=library)
                (out / "used.json").write_text(json.dumps(used, indent=1))
                seconds[snippet.relative_to(ROOT).as_posix()] = float(_read(out / "seconds") or "nan")
                cached = _cache_dir(snippet)
                # Successes are reused by later builds; failures are kept only until the next run.
                dest = cached if _read(out / "status") == "ok" else CACHE / "failed" / cached.name
                shutil.rmtree(dest, ignore_errors=True)
                shutil.copytree(out, dest)
        execution_times.record("snippet", seconds, wall)
    results = []
    for snippet in snippets:
        d = _cache_dir(snippet)
        if not _is_fresh(d):
            d = CACHE / "failed" / d.name
        results.append(Result(snippet, *(_read(d / name) for name in ("status", "stdout", "stderr")), d / "files"))
    return results


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""  # a child killed early may have written nothing


def expected_output_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


def problems(result: Result) -> str | None:
    """Why ``result`` breaks the guarantee, or None when the snippet is fine."""
    rel = result.snippet.relative_to(ROOT)
    if result.status == "timeout":
        return f"snippet {rel} timed out (limit: SNIPPET_TIMEOUT={os.environ.get('SNIPPET_TIMEOUT', '120')} s)"
    if result.status != "ok":
        return f"snippet {rel} raised an exception:\n{result.stderr.rstrip()}"
    expected_path = expected_output_path(result.snippet)
    if not expected_path.exists():
        return f"snippet {rel} has no expected output file {expected_path.relative_to(ROOT)} (run `make outputs`)"
    expected = expected_path.read_text()
    if result.stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                result.stdout.splitlines(keepends=True),
                fromfile=f"{expected_path.relative_to(ROOT)} (what the page shows)",
                tofile=f"{rel} (what it prints now)",
            )
        )
        return f"snippet {rel} prints something other than what its page shows:\n{diff.rstrip()}\n(if the change is intended, run `make outputs`)"
    return None


# The .out files are recorded on x86-64 with torch's AVX2 kernels (``reproducible_kernels``). Elsewhere,
# say on an ARM Mac running `make serve`, torch's kernels round differently and a printed digit may
# differ: there a differing output is reported but does not stop the build. A snippet that raises,
# hangs or lacks its .out still fails everywhere, and CI, on x86-64, checks every byte.
OUTPUTS_COMPARABLE = bool(reproducible_kernels())


def build_errors(results: list[Result], outputs_comparable: bool = OUTPUTS_COMPARABLE) -> list[str]:
    """The messages that fail the build; on a machine whose outputs are not comparable, output
    differences are logged instead."""
    errors = []
    for result in results:
        message = problems(result)
        if message is None:
            continue
        if not outputs_comparable and result.status == "ok" and expected_output_path(result.snippet).exists():
            log.info("%s\n(reported, not fatal, on %s: the .out files are recorded on x86-64)", message, platform.machine())
        else:
            errors.append(message)
    return errors


# ---- MkDocs events ----------------------------------------------------------------------------

_results: list[Result] = []


def _prune_cache(results: list[Result]) -> None:
    """Drop cached results of snippets, or of versions of a snippet, that no longer exist.

    Entries written in the last few minutes are kept: another build of this checkout (say
    `mkdocs serve` beside `make test`) may be about to read them.
    """
    keep = {r.files.parent for r in results}
    recent = time.time() - 600
    for entry in CACHE.iterdir() if CACHE.is_dir() else []:
        if entry.name != "failed" and entry not in keep and entry.stat().st_mtime < recent:
            shutil.rmtree(entry, ignore_errors=True)


def on_pre_build(config) -> None:
    # mkdocs-static-i18n builds each language in turn in this process; the cache makes the second
    # language's run free, so no extra guard is needed.
    global _results
    _results = run_snippets(find_snippets())
    _prune_cache(_results)
    errors = build_errors(_results)
    if errors:
        raise PluginError(f"{len(errors)} snippet(s) broken:\n\n" + "\n\n".join(errors))


def on_files(files, config):
    """Publish the files the snippets wrote (figures) under ``figures/``."""
    seen: dict[str, Path] = {}
    for result in _results:
        for path in sorted(result.files.rglob("*")) if result.files.is_dir() else []:
            if not path.is_file():
                continue
            if path.name in seen:
                raise PluginError(
                    f"snippets {seen[path.name].relative_to(ROOT)} and {result.snippet.relative_to(ROOT)} "
                    f"both write {path.name}; figure names must be unique"
                )
            seen[path.name] = result.snippet
            files.append(File.generated(config, f"{FIGURES_URI}/{path.name}", abs_src_path=str(path)))
    return files


# ---- command line ----------------------------------------------------------------------------


def _cli(argv: list[str]) -> int:
    """``--check [SNIPPET ...]`` runs snippets and reports problems; ``--update [SNIPPET ...]`` also
    rewrites their ``.out`` files. Without paths, every snippet."""
    if not argv or argv[0] not in ("--check", "--update"):
        print(__doc__, file=sys.stderr)
        return 2
    snippets = [Path(p).resolve() for p in argv[1:]] or find_snippets()
    failed = 0
    for result in run_snippets(snippets, use_cache=False):
        rel = result.snippet.relative_to(ROOT)
        out = expected_output_path(result.snippet)
        if argv[0] == "--update" and result.status == "ok" and (not out.exists() or out.read_text() != result.stdout):
            out.write_text(result.stdout)
            print(f"updated {out.relative_to(ROOT)}")
        message = problems(result)
        if message:
            failed += 1
            print(message, file=sys.stderr)
        else:
            print(f"ok {rel}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(_cli(sys.argv[1:]))
