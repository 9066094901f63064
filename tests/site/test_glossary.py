"""One glossary: Chinese pages never use the variants the glossary says to avoid."""

import re

import pytest

from pages import DOCS, en_counterpart, zh_pages

GLOSSARY = DOCS / "glossary.md"


def glossary_rows(path):
    """Rows of every Markdown table on the page, as lists of cell texts (header rows skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not re.match(r"^\|[-\s|]+\|$", line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] not in ("中文", "English"):
                rows.append(cells)
    return rows


def avoided_terms():
    terms = {}
    for zh, en, _meaning, avoid in glossary_rows(GLOSSARY):
        for variant in filter(None, (v.strip() for v in avoid.split("、"))):
            terms[variant] = zh
    return terms


def test_glossary_lists_variants_to_avoid():
    assert len(avoided_terms()) >= 5


def test_both_glossaries_pair_the_same_terms():
    zh_pairs = {(zh, en) for zh, en, *_ in glossary_rows(GLOSSARY)}
    en_pairs = {(zh, en) for en, zh, *_ in glossary_rows(en_counterpart(GLOSSARY))}
    assert zh_pairs == en_pairs


@pytest.mark.parametrize("page", [p for p in zh_pages() if p != GLOSSARY], ids=lambda p: str(p.relative_to(DOCS)))
def test_chinese_pages_use_the_glossary_terms(page):
    found = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        for variant, preferred in avoided_terms().items():
            if variant in line:
                found.append(f"{page.name}:{number}: '{variant}' (the glossary says '{preferred}')")
    assert not found, "\n".join(found)
