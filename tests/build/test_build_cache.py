"""The build's caches: a rebuild repeats no work, an edit re-runs exactly what depends on it.

Snippets are cached by their own content plus the project files they used when they ran (the
``neuralnlp`` modules they imported); notebooks by their code cells plus the same. These tests edit
a warm copy of the project and count, from the build log, what the next build ran. The guarantee
tests (test_build_fails_when_a_snippet_breaks.py) show that what does run is still checked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from project_copies import build

RAN_SNIPPETS = re.compile(r"running (\d+) of (\d+) snippet\(s\)")
RAN_NOTEBOOK = re.compile(r"ran 1 notebook\(s\).*?\n\s+[\d.]+ s  (\S+)")


def ran(project: Path) -> tuple[int, list[str], str]:
    """Build ``project``; return how many snippets and which notebooks it ran, and its log."""
    result = build(project)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    m = RAN_SNIPPETS.search(log)
    return (int(m.group(1)) if m else 0), RAN_NOTEBOOK.findall(log), log


def snippets_using(project: Path, module: str) -> set[str]:
    """Snippets whose cached record says they used ``module`` (a path relative to the project)."""
    users = set()
    for used in (project / ".cache" / "snippets").glob("*/used.json"):
        if module in json.loads(used.read_text()):
            users.add(used.parent.name.rsplit("-", 1)[0])
    return users


def test_a_rebuild_with_nothing_changed_runs_nothing(project_copy):
    snippets, notebooks, log = ran(project_copy)
    assert (snippets, notebooks) == (0, []), log[-3000:]


def test_editing_a_module_reruns_only_the_snippets_that_imported_it(project_copy):
    module = "src/neuralnlp/recurrent/gru.py"
    users = snippets_using(project_copy, module)
    # Independent of the cache's own record: every snippet that names the module imports it.
    named = {p.relative_to(project_copy / "snippets").with_suffix("").as_posix().replace("/", "__")
             for p in (project_copy / "snippets").rglob("*.py") if "neuralnlp.recurrent.gru" in p.read_text()}
    assert named and named <= users
    path = project_copy / module
    path.write_text(path.read_text() + "\n# an edit that changes no behaviour\n")
    snippets, notebooks, log = ran(project_copy)
    total = len(list((project_copy / "snippets").rglob("*.py")))
    assert snippets == len(users) < total, log[-3000:]
    # The language-model notebook trains a GRU; the word2vec one does not.
    assert notebooks == ["docs/notebooks/rnn-language-model.en.py"], log[-3000:]


def test_a_module_no_snippet_imports_reruns_nothing(project_copy):
    module = project_copy / "src" / "neuralnlp" / "basics" / "unused_module.py"
    module.write_text('"""A module that nothing imports."""\n\nANSWER = 42\n')
    assert ran(project_copy)[:2] == (0, [])


def test_editing_a_notebooks_prose_executes_nothing(project_copy):
    notebook = project_copy / "docs" / "notebooks" / "word2vec.en.py"
    notebook.write_text(notebook.read_text().replace("# %% [markdown]\n", "# %% [markdown]\n# An added sentence.\n#\n", 1))
    snippets, notebooks, log = ran(project_copy)
    assert (snippets, notebooks) == (0, []), log[-3000:]
    assert "An added sentence." in (project_copy / "site" / "en" / "notebooks" / "word2vec" / "index.html").read_text()


def test_editing_a_notebooks_code_executes_it_once_for_both_languages(project_copy):
    for name in ("word2vec.py", "word2vec.en.py"):
        notebook = project_copy / "docs" / "notebooks" / name
        notebook.write_text(notebook.read_text() + '\n# %%\nprint("a new cell")\n')
    snippets, notebooks, log = ran(project_copy)
    assert (snippets, notebooks) == (0, ["docs/notebooks/word2vec.en.py"]), log[-3000:]
    for page in ("notebooks/word2vec/index.html", "en/notebooks/word2vec/index.html"):
        assert "a new cell" in (project_copy / "site" / page).read_text()


def test_every_build_that_runs_something_reports_its_times(built_copy):
    report = json.loads((built_copy / ".cache" / "execution_times.json").read_text())
    snippets = {p.relative_to(built_copy).as_posix() for p in (built_copy / "snippets").rglob("*.py")}
    assert snippets <= set(report)
    assert any(entry["kind"] == "notebook" for entry in report.values())
    text = (built_copy / ".cache" / "execution_times.txt").read_text()
    times = [float(line.split()[0]) for line in text.splitlines()[3:]]
    assert times == sorted(times, reverse=True), "the report is not slowest first"


def test_every_snippet_and_notebook_keeps_to_its_budget(built_copy):
    """15 s per snippet and 60 s per notebook, as measured when each last ran (in CI: the cold
    `make build` of a fresh clone). Longer experiments belong in benchmarks/."""
    from execution_times import BUDGET_S  # hooks/ is on pytest's pythonpath

    report = json.loads((built_copy / ".cache" / "execution_times.json").read_text())
    over = {item: entry["seconds"] for item, entry in report.items() if entry["seconds"] > BUDGET_S[entry["kind"]]}
    assert not over, f"over budget (seconds): {over}"
