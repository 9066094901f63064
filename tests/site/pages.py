"""Read the pages of docs/: which exist in which language, and their headings, includes and equations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ANCHOR = re.compile(r"\{\s*#([a-z0-9][-a-z0-9_]*)(?:\s+\.[a-z][-a-z0-9_]*)*\s*\}\s*$")  # { #id } or { #id .optional }
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"\s*$')
FENCE = re.compile(r"^\s*(```+|~~~+)")


@dataclass
class Page:
    path: Path
    headings: list[tuple[str, str | None]]  # (heading text, explicit anchor or None)
    includes: list[str]
    equations: list[str]  # display math, whitespace-normalised


def parse(path: Path) -> Page:
    headings, includes, equations = [], [], []
    in_fence, in_math, math = None, False, []
    for line in path.read_text(encoding="utf-8").splitlines():
        fence = FENCE.match(line)
        if in_math:
            if line.strip() == "$$":
                equations.append(" ".join(" ".join(math).split()))
                in_math, math = False, []
            else:
                math.append(line)
            continue
        if fence and (in_fence is None or fence.group(1).startswith(in_fence)):
            in_fence = None if in_fence else fence.group(1)
            continue
        m = INCLUDE.match(line)
        if m:
            includes.append(m.group(1))
            continue
        if in_fence:
            continue
        if line.strip() == "$$":
            in_math = True
            continue
        h = HEADING.match(line)
        if h:
            a = ANCHOR.search(h.group(2))
            headings.append((h.group(2), a.group(1) if a else None))
    return Page(path, headings, includes, equations)


def expand_includes(markdown_text: str) -> str:
    """Replace each ``--8<--`` include line with what it embeds, using pymdownx.snippets' own
    preprocessor configured as in mkdocs.yml: the code exactly as the built page shows it."""
    import markdown

    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True, "dedent_subsections": True}},
    )
    return "\n".join(md.preprocessors["snippet"].run(markdown_text.split("\n")))


def zh_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md") and "assets" not in p.parts)


def en_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.en.md"))


def en_counterpart(zh: Path) -> Path:
    return zh.with_name(zh.name[: -len(".md")] + ".en.md")


def nav_pages() -> list[str]:
    """Every page path listed in mkdocs.yml's nav (relative to docs/)."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !relative and !!python tags; they are irrelevant here.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    found: list[str] = []

    def walk(item):
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for x in item:
                walk(x)
        elif isinstance(item, dict):
            for x in item.values():
                walk(x)

    walk(config["nav"])
    return found


CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+\.\s|#|\||>|!!!|\?\?\?|\$\$|```|~~~|<|!\[|--8<--)")


def cjk_line_breaks(path: Path) -> list[int]:
    """Line numbers where a paragraph breaks between two CJK characters.

    Browsers render such a newline as a space ("预测， 用"), which Chinese text must not have.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    found, in_fence, in_math = [], False, False
    for i, (line, nxt) in enumerate(zip(lines, lines[1:]), 1):
        if FENCE.match(line):
            in_fence = not in_fence
        if line.strip() == "$$":
            in_math = not in_math
        if in_fence or in_math or not nxt.strip() or BLOCK_START.match(nxt):
            continue
        if re.search(f"[{CJK}]$", line.rstrip()) and re.match(f"^\\s*[{CJK}]", nxt):
            found.append(i)
    return found
