"""Run many snippet files quickly, each as if it were started on its own, and record what each used.

    python hooks/snippet_runner.py OUT_DIR SNIPPET [SNIPPET ...]

Importing torch costs about 1.8 s, so starting one interpreter per snippet would pay that once per
snippet. Instead this process imports the heavy libraries once and then forks one child per
snippet, as many at once as there are cores (``SNIPPET_JOBS`` overrides). Each child starts from
the same clean, freshly imported state (nothing one snippet does can leak into the next), runs the
snippet as ``__main__`` with the working directory set to its own empty folder, and exits. For
snippet number i the runner writes into ``OUT_DIR/i/``:

- ``stdout``: what the snippet printed;
- ``stderr``: warnings and, on failure, the traceback;
- ``status``: ``ok``, ``error`` or ``timeout``;
- ``seconds``: its wall time, from fork to exit;
- ``used``: the project files it used, one path per line relative to the project: every module it
  imported from ``src/`` and every other project file it opened. The build's cache keys on them,
  so editing a module re-runs only the snippets that imported it;
- ``files/``: every file the snippet wrote (its working directory), e.g. figures.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import traceback

from project_files import ROOT, is_project_file  # hooks/ is sys.path[0] when run as a script

TIMEOUT_S = float(os.environ.get("SNIPPET_TIMEOUT", "120"))
PRELOAD = ("numpy", "torch", "matplotlib", "matplotlib.pyplot")



def reproducible_kernels() -> dict[str, str]:
    """Environment that makes torch print the same digits on every x86-64 machine.

    The .out files are recorded with torch's AVX2 kernels. An AVX-512 machine would otherwise pick
    other kernels, whose rounding differs in the last bits, and after a few hundred training steps
    that shows in printed digits. It must be set before torch is imported. Other architectures
    (ARM Macs) use other kernels anyway, see the README.
    """
    return {"ATEN_CPU_CAPABILITY": "avx2"} if platform.machine().lower() in ("x86_64", "amd64") else {}


def _record_opened_files(opened: set[str]) -> None:
    """Add every project file the snippet opens (data read from the repository) to ``opened``."""

    def audit(event: str, args: tuple) -> None:
        if event == "open" and isinstance(args[0], str):
            path = os.path.realpath(args[0])
            if is_project_file(path):
                opened.add(path)

    sys.addaudithook(audit)


def _used_files(snippet: str, opened: set[str]) -> list[str]:
    used = set(opened)
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if path and is_project_file(os.path.realpath(path)):
            used.add(os.path.realpath(path))
    used.discard(os.path.realpath(snippet))
    return sorted(os.path.relpath(p, ROOT) for p in used)


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
        opened: set[str] = set()
        _record_opened_files(opened)
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
        with open(os.path.join(out, "used"), "w") as f:
            f.write("".join(p + "\n" for p in _used_files(snippet, opened)))
    finally:
        os._exit(code)  # skip atexit handlers and buffers inherited from the parent


def main(out_dir: str, snippets: list[str]) -> int:
    for name, value in reproducible_kernels().items():
        os.environ.setdefault(name, value)
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    os.environ.setdefault("MPLBACKEND", "Agg")
    jobs = max(1, int(os.environ.get("SNIPPET_JOBS", os.cpu_count() or 1)))
    pending = list(enumerate(snippets))
    running: dict[int, tuple[str, float]] = {}  # pid -> (output folder, start time)

    def finish(pid: int, status: str) -> None:
        out, start = running.pop(pid)
        for name, text in (("status", status), ("seconds", f"{time.monotonic() - start:.3f}")):
            with open(os.path.join(out, name), "w") as f:
                f.write(text)

    while pending or running:
        while pending and len(running) < jobs:
            i, snippet = pending.pop(0)
            out = os.path.join(out_dir, str(i))
            os.makedirs(out, exist_ok=True)
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _run_child(os.path.abspath(snippet), out)
            running[pid] = (out, time.monotonic())
        pid, wait_status = os.waitpid(-1, os.WNOHANG)
        if pid:
            finish(pid, "ok" if os.waitstatus_to_exitcode(wait_status) == 0 else "error")
            continue
        for pid, (_, start) in list(running.items()):
            if time.monotonic() - start > TIMEOUT_S:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                finish(pid, "timeout")
        time.sleep(0.005)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
