"""`make serve`: an edit shows up on the served page, whether it is prose or a file the page includes.

`make serve` rebuilds only the pages an edit touches (``--dirty``); hooks/dirty_includes.py makes a
page that includes an edited snippet count as touched. Both are checked on a live server.
"""

from __future__ import annotations

import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from project_copies import ROOT

SERVE_FLAGS = re.search(r"\$\(MKDOCS\) serve (.*) --dev-addr", (ROOT / "Makefile").read_text()).group(1).split()


class Server:
    def __init__(self, project: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS, "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.proc.stderr], daemon=True).start()

    def wait_for(self, text: str, timeout: float = 240) -> float:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            try:
                if text in self.lines.get(timeout=0.5):
                    return time.monotonic() - start
            except queue.Empty:
                assert self.proc.poll() is None, "mkdocs serve exited"
        raise TimeoutError(f"mkdocs serve never logged {text!r}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def test_make_serve_rebuilds_the_pages_an_edit_touches(project_copy):
    assert "--dirty" in SERVE_FLAGS
    server = Server(project_copy)
    try:
        server.wait_for("Serving on")
        page = project_copy / "docs" / "basics" / "neurons.en.md"
        time.sleep(1.5)
        page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added while serving.\n", encoding="utf-8")
        server.wait_for("Reloading browsers")
        assert "A sentence added while serving." in server.get("en/basics/neurons/")

        snippet = project_copy / "snippets" / "basics" / "neurons_by_hand.py"
        assert "snippets/basics/neurons_by_hand.py" in page.read_text(encoding="utf-8")
        time.sleep(1.5)
        snippet.write_text(snippet.read_text() + "# a comment added while serving\n")
        server.wait_for("Reloading browsers")
        assert "a comment added while serving" in server.get("en/basics/neurons/")
        assert "a comment added while serving" in server.get("basics/neurons/")  # and in the other language

        # Search still covers every page once, the edited one as edited (hooks/search_language.py:
        # without it, every rebuild doubled the index and the rebuild time with it).
        docs = json.loads(server.get("search/search_index.json"))["docs"]
        keys = [(d["location"], d["title"], d["text"]) for d in docs]
        assert len(keys) == len(set(keys)), "the search index repeats entries"
        pages = {d["location"].split("#")[0] for d in docs}
        assert {"basics/neurons/", "en/basics/neurons/", "recurrent/gru/", "en/recurrent/gru/"} <= pages
        assert any("A sentence added while serving." in d["text"] for d in docs)
    finally:
        server.stop()
