"""Run many snippet files quickly, each as if it were started on its own.

    python hooks/snippet_runner.py OUT_DIR SNIPPET [SNIPPET ...]

Importing torch costs about 1.8 s, so starting one interpreter per snippet would pay that once per
snippet. Instead this process imports the heavy libraries once and then forks one child per
snippet, as many at once as there are cores (``SNIPPET_JOBS`` overrides). Each child starts from
the same clean, freshly imported state (nothing one snippet does can leak into the next), runs the
snippet as ``__main__`` with the working directory set to its own empty folder, and exits. For snippet number i the runner writes into ``OUT_DIR/i/``:

- ``stdout``: what the snippet printed;
- ``stderr``: warnings and, on failure, the traceback;
- ``status``: ``ok``, ``error`` or ``timeout``;
- ``files/``: every file the snippet wrote (its working directory), e.g. figures.
"""

from __future__ import annotations

import os
import sys
import time
import traceback

TIMEOUT_S = float(os.environ.get("SNIPPET_TIMEOUT", "120"))
PRELOAD = ("numpy", "torch", "matplotlib", "matplotlib.pyplot")


def _print_snippet_traceback(exc: BaseException, snippet: str) -> None:
    """Print the traceback from the snippet's own frame on, without the runner's frames."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != snippet:
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb or exc.__traceback__)


def _run_child(snippet: str, out: str) -> None:
    """Body of a forked child: run one snippet with stdout/stderr going to files. Never returns."""
    code = 1
    try:
        files = os.path.join(out, "files")
        os.makedirs(files, exist_ok=True)
        os.chdir(files)
        with open(os.path.join(out, "stdout"), "w") as so, open(os.path.join(out, "stderr"), "w") as se:
            sys.stdout, sys.stderr = so, se
            sys.argv = [snippet]
            try:
                import runpy

                runpy.run_path(snippet, run_name="__main__")
                code = 0
            except SystemExit as e:  # a snippet may call sys.exit(0)
                code = 0 if e.code in (None, 0) else 1
                if code:
                    traceback.print_exc()
            except BaseException as e:
                _print_snippet_traceback(e, snippet)
            sys.stdout.flush()
            sys.stderr.flush()
    finally:
        os._exit(code)  # skip atexit handlers and buffers inherited from the parent


def main(out_dir: str, snippets: list[str]) -> int:
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    os.environ.setdefault("MPLBACKEND", "Agg")
    jobs = max(1, int(os.environ.get("SNIPPET_JOBS", os.cpu_count() or 1)))
    pending = list(enumerate(snippets))
    running: dict[int, tuple[str, float]] = {}  # pid -> (output folder, deadline)

    def finish(pid: int, status: str) -> None:
        out, _ = running.pop(pid)
        with open(os.path.join(out, "status"), "w") as f:
            f.write(status)

    while pending or running:
        while pending and len(running) < jobs:
            i, snippet = pending.pop(0)
            out = os.path.join(out_dir, str(i))
            os.makedirs(out, exist_ok=True)
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _run_child(os.path.abspath(snippet), out)
            running[pid] = (out, time.monotonic() + TIMEOUT_S)
        pid, wait_status = os.waitpid(-1, os.WNOHANG)
        if pid:
            finish(pid, "ok" if os.waitstatus_to_exitcode(wait_status) == 0 else "error")
            continue
        for pid, (_, deadline) in list(running.items()):
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                finish(pid, "timeout")
        time.sleep(0.005)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
