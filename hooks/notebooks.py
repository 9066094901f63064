"""Notebooks: executed once per distinct code, cached, rendered in both languages, offered for download.

Notebooks are jupytext percent-format files, ``docs/notebooks/<name>.py`` (Chinese) and
``docs/notebooks/<name>.en.py`` (English), with the same code cells and translated prose.

This hook executes them itself, and mkdocs-jupyter (``execute: false``) only renders:

- **Execution.** Before the build, the code cells of each notebook run in a Jupyter kernel. The
  result is cached under ``.cache/notebooks`` by the code cells' content and ``requirements.lock``,
  together with the fingerprint of the project files the kernel used (the ``neuralnlp`` modules it
  imported). The zh and en pages have the same code cells, so they share one execution; a notebook
  whose code is unchanged, and whose modules are unchanged, is not executed again. A cell that
  raises fails the build, naming the notebook and the cell.
- **Rendering.** Each language's page is rendered from its own cells (its own prose) with the
  cached outputs filled in, written as ``.cache/notebooks/executed/<lang>/<name>.ipynb``. The HTML
  is cached too (``.cache/notebooks/html``), keyed by that executed notebook.
- **i18n.** mkdocs-static-i18n's ``on_files`` (priority -100) rebuilds every file as a plain file,
  so ``on_files`` here runs after it and wraps the notebooks again as mkdocs-jupyter pages, under
  the language prefix i18n gave them.
- **Download.** Each notebook page links its ``.ipynb`` (made from the jupytext source, without
  outputs), written next to the page.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import jupytext
import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import execution_times  # noqa: E402
from project_files import ROOT as _ROOT, fingerprint, is_project_file, library_fingerprint, unchanged  # noqa: E402
from snippet_runner import reproducible_kernels  # noqa: E402

ROOT = Path(_ROOT)
NOTEBOOKS = ROOT / "docs" / "notebooks"
CACHE = ROOT / ".cache" / "notebooks"
EXECUTED = CACHE / "executed"
HTML_CACHE = CACHE / "html"
LOCK = ROOT / "requirements.lock"
TIMEOUT_S = float(os.environ.get("NOTEBOOK_TIMEOUT", "600"))

DOWNLOAD_LABEL = {"zh": "下载 notebook（.ipynb）", "en": "Download the notebook (.ipynb)"}

# Appended to the code cells: prints the files the kernel imported, so the cache knows what to watch.
_LIST_MODULES = (
    "import sys as _sys\n"
    "print('\\n'.join(sorted({m.__file__ for m in list(_sys.modules.values()) if getattr(m, '__file__', None)})))"
)

_notebook_pages: dict[str, str] = {}  # abs_dest_path of the page -> abs_src_path of the notebook


def _plugin(config):
    return config.plugins.get("mkdocs-jupyter")


def _language(path: str) -> str:
    return "en" if path.endswith(".en.py") else "zh"


def _code_cells(path: Path) -> list[str]:
    return [cell.source for cell in jupytext.read(path).cells if cell.cell_type == "code"]


def _cache_entry(code: list[str]) -> Path:
    h = hashlib.sha256(json.dumps(code).encode())
    h.update(LOCK.read_bytes() if LOCK.is_file() else b"missing")
    return CACHE / f"{h.hexdigest()[:16]}.json"


def _execute(notebook: Path, code: list[str]) -> dict:
    """Run ``code`` in a fresh kernel; return each cell's outputs and the fingerprint of what it used."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    library = library_fingerprint()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in code + [_LIST_MODULES]])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    env = {**os.environ, **reproducible_kernels(),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory(prefix="notebook-") as tmp:
        client = NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3", allow_errors=False,
                                resources={"metadata": {"path": tmp}})
        try:
            client.execute(env=env)
        except CellExecutionError as error:
            failed = next((i for i, cell in enumerate(nb.cells) if any(
                o.get("output_type") == "error" for o in cell.get("outputs", []))), None)
            where = f"code cell {failed + 1}" if failed is not None else "a code cell"
            raise PluginError(f"notebook {notebook.relative_to(ROOT)}: {where} raised:\n{error}") from None
    listing = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
    used = [os.path.relpath(p, ROOT) for p in map(os.path.realpath, listing.split("\n")) if p and is_project_file(p)]
    return {
        "outputs": [cell.outputs for cell in nb.cells[:-1]],
        "execution_counts": [cell.execution_count for cell in nb.cells[:-1]],
        "used": fingerprint(used, known=library),
    }


def _executed_notebook(source: Path) -> Path:
    """Execute ``source``'s code if no fresh cached run exists; write its page's notebook with outputs."""
    code = _code_cells(source)
    entry = _cache_entry(code)
    cached = json.loads(entry.read_text()) if entry.is_file() else None
    if cached is None or not unchanged(cached["used"]):
        start = time.monotonic()
        cached = _execute(source, code)
        seconds = time.monotonic() - start
        execution_times.record("notebook", {source.relative_to(ROOT).as_posix(): seconds}, seconds)
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps(cached))
    nb = jupytext.read(source)
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"  # jupytext draws random ids; fixed ones keep the file, and its rendering's cache key, stable
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for cell, outputs, count in zip(code_cells, cached["outputs"], cached["execution_counts"]):
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
        cell.execution_count = count
    target = EXECUTED / _language(source.name) / (source.name.split(".")[0] + ".ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


_executed: dict[str, Path] = {}  # abs_src_path of a notebook -> its executed .ipynb, for this build


def on_pre_build(config) -> None:
    """Execute what is not cached. i18n calls this once per language; the second call only reads the cache."""
    _executed.clear()
    if _plugin(config) is None:
        return
    sources = sorted(NOTEBOOKS.glob("*.py"))
    for source in sources:
        _executed[str(source)] = _executed_notebook(source)
    # Drop outputs of code no notebook has any longer, and renderings of notebooks no longer executed
    # (not those of the last few minutes: another build of this checkout may be reading them).
    live = {_cache_entry(_code_cells(source)) for source in sources}
    live |= {_html_cache(executed, _plugin(config)) for executed in _executed.values()}
    for old in [*CACHE.glob("*.json"), *HTML_CACHE.glob("*.json")]:
        if old not in live and old.stat().st_mtime < time.time() - 600:
            old.unlink()


@event_priority(-200)  # after mkdocs-static-i18n (-100)
def on_files(files: Files, config) -> Files:
    plugin = _plugin(config)
    if plugin is None:
        return files
    from mkdocs_jupyter.plugin import NotebookFile

    for file in list(files):  # edit i18n's own Files object: it resolves links across languages
        if plugin.should_include(file) and not isinstance(file, NotebookFile):
            page = NotebookFile(file, config["use_directory_urls"], config["site_dir"])
            # keep the page address i18n gave it (notebooks/x/ or en/notebooks/x/)
            page.dest_uri, page.url, page.abs_dest_path = file.dest_uri, file.url, file.abs_dest_path
            _complete_alternates(file)
            files.remove(file)
            files.append(page)
    return files


def _complete_alternates(file: File) -> None:
    """Give the language switcher the other language's notebook page.

    i18n finds the alternates of documentation pages only, and in the English build the Chinese
    notebook is not one yet, so the switcher would fall back to the home page.
    """
    alternates = getattr(file, "alternates", None)
    if alternates is None:
        return
    own = _language(file.src_uri)
    base_url = file.url[len("en/") :] if own == "en" else file.url
    for language in DOWNLOAD_LABEL:
        if language not in alternates:
            counterpart = copy.copy(file)
            counterpart.url = base_url if language == "zh" else "en/" + base_url
            alternates[language] = counterpart


def _download_name(src_path: str) -> str:
    name = Path(src_path).name  # x.py or x.en.py: both download as x.ipynb
    return name.split(".")[0] + ".ipynb"


def _html_cache(executed: Path, plugin) -> Path:
    """Where the page rendered from ``executed`` is kept: keyed by the executed notebook and the
    renderer's settings, so a build that executes nothing renders nothing either."""
    h = hashlib.sha256(executed.read_bytes())
    h.update(repr(sorted(plugin.config.items())).encode())
    return HTML_CACHE / f"{h.hexdigest()[:16]}.json"


def _toc_tokens(items) -> list[dict]:
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _toc_tokens(i.children)} for i in items]


@event_priority(-100)  # after mkdocs-jupyter's on_pre_page, which sets page.render
def on_pre_page(page, config, files):
    """Make mkdocs-jupyter render the executed notebook (or reuse that rendering); the page keeps its
    source everywhere else."""
    plugin = _plugin(config)
    if plugin is None or not plugin.should_include(page.file):
        return page
    source, executed, render = page.file.abs_src_path, _executed[page.file.abs_src_path], page.render

    def render_executed(config, files):
        cache = _html_cache(executed, plugin)
        if cache.is_file():
            cached = json.loads(cache.read_text())
            page.content, page.toc = cached["content"], get_toc(cached["toc"])
            return
        page.file.abs_src_path = str(executed)
        try:
            render(config, files)
        finally:
            page.file.abs_src_path = source
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"content": page.content, "toc": _toc_tokens(page.toc)}))

    page.render = render_executed
    return page


def _without_appended_css(html: str) -> str:
    """Drop the <style> block mkdocs-jupyter appends after a rendered .ipynb (not after a jupytext
    source): a Pygments stylesheet printed as a Python list, so not even valid CSS. Without it the
    executed notebook renders exactly as its jupytext source did."""
    start = html.rfind("<style>")
    if start != -1 and html[start:].rstrip().endswith("</style>") and "</style>" not in html[start:].rstrip()[:-8]:
        return html[:start].rstrip() + "\n"
    return html


def on_page_content(html, page, config, files):
    plugin = _plugin(config)
    if plugin is None or not plugin.should_include(page.file):
        return html
    source = page.file.abs_src_path
    _notebook_pages[page.file.abs_dest_path] = source
    name = _download_name(source)
    label = DOWNLOAD_LABEL[_language(source)]
    link = (
        f'<p class="notebook-download"><a href="{name}" download>'
        f'<span class="twemoji">⤓</span> {label}</a></p>\n'
    )
    return link + _without_appended_css(html)


def on_post_build(config):
    for dest, src in _notebook_pages.items():
        target = Path(dest).parent / _download_name(src)
        if target.parent.is_dir():
            jupytext.write(jupytext.read(src), target, fmt="ipynb")
    _notebook_pages.clear()
