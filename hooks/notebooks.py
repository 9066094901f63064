"""Make mkdocs-jupyter execute notebooks in both languages, fail on errors, and offer them for download.

Notebooks are jupytext percent-format files, ``docs/notebooks/<name>.py`` (Chinese) and
``docs/notebooks/<name>.en.py`` (English), with the same code cells.

Three things do not work out of the box with mkdocs-static-i18n (see TOOLCHAIN_NOTES):

- i18n's ``on_files`` (priority -100) rebuilds every file as a plain file, so mkdocs-jupyter's
  notebook pages would be copied raw and never executed. ``on_files`` here runs after it and wraps
  them again as mkdocs-jupyter ``NotebookFile`` pages, under the language prefix i18n gave them.
- mkdocs-jupyter's cache keys on the notebook file only, not on the ``src/`` code it imports, so it
  could serve stale outputs. ``on_config`` points its cache at a folder keyed by ``src/`` as well.
- Readers want the ``.ipynb``: each notebook page gets a download link, and the ``.ipynb`` (made
  from the jupytext source, without outputs) is written next to the page.
"""

from __future__ import annotations

import copy
import hashlib
import shutil
from pathlib import Path

import jupytext
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "notebooks"

DOWNLOAD_LABEL = {"zh": "下载 notebook（.ipynb）", "en": "Download the notebook (.ipynb)"}

_notebook_pages: dict[str, str] = {}  # abs_dest_path of the page -> abs_src_path of the notebook


def _plugin(config):
    return config.plugins.get("mkdocs-jupyter")


def _source_hash() -> str:
    """Hash of everything a notebook imports from this project."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def on_config(config):
    plugin = _plugin(config)
    if plugin is None:
        return config
    cache_dir = CACHE / _source_hash()
    plugin.config["cache_dir"] = str(cache_dir)
    if CACHE.is_dir():  # outputs computed against an older src/ can never be used again
        for old in CACHE.iterdir():
            if old != cache_dir:
                shutil.rmtree(old, ignore_errors=True)
    return config


def _language(file: File) -> str:
    return "en" if file.dest_uri.startswith("en/") else "zh"


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
    own = _language(file)
    base_url = file.url[len("en/") :] if own == "en" else file.url
    for language in DOWNLOAD_LABEL:
        if language not in alternates:
            counterpart = copy.copy(file)
            counterpart.url = base_url if language == "zh" else "en/" + base_url
            alternates[language] = counterpart


def _download_name(src_path: str) -> str:
    name = Path(src_path).name  # x.py or x.en.py: both download as x.ipynb
    return name.split(".")[0] + ".ipynb"


def on_page_content(html, page, config, files):
    plugin = _plugin(config)
    if plugin is None or not plugin.should_include(page.file):
        return html
    _notebook_pages[page.file.abs_dest_path] = page.file.abs_src_path
    name = _download_name(page.file.abs_src_path)
    label = DOWNLOAD_LABEL[_language(page.file)]
    link = (
        f'<p class="notebook-download"><a href="{name}" download>'
        f'<span class="twemoji">⤓</span> {label}</a></p>\n'
    )
    return link + html


def on_post_build(config):
    for dest, src in _notebook_pages.items():
        target = Path(dest).parent / _download_name(src)
        if target.parent.is_dir():
            jupytext.write(jupytext.read(src), target, fmt="ipynb")
    _notebook_pages.clear()
