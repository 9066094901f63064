"""One glossary: pages never use the variants the glossary says to avoid, in either language.

Each glossary table has four columns; the last lists the variants to avoid ("、"-separated in the Chinese
glossary, ","-separated in the English one). A variant inside Chinese quotation marks (“…”) is a quotation of
someone else's words, not the site's own usage. Chinese has no spaces, so a variant counts only where it starts and
ends on word boundaries as jieba segments the line: 分词 is found in "先分词" but not in "一部分词" or "不区分词义".
English pages are checked outside code, link targets and the titles quoted in their references.
"""

import logging
import re

import jieba
import jupytext
import pytest

from pages import DOCS, FENCE, en_counterpart, en_pages, zh_pages

GLOSSARY = DOCS / "glossary.md"
GLOSSARY_EN = en_counterpart(GLOSSARY)
NOTEBOOKS_ZH = sorted(p for p in (DOCS / "notebooks").glob("*.py") if not p.name.endswith(".en.py"))
NOTEBOOKS_EN = sorted((DOCS / "notebooks").glob("*.en.py"))

# Terms decided for the whole site (issue 10): (中文, English) pairs that both glossaries must list, and
# the variants each must avoid.
DECIDED_PAIRS = {
    ("词元化", "tokenisation"),
    ("中文分词", "Chinese word segmentation"),
    ("词元", "token"),
    ("随机猜测", "random guessing, chance level"),
    ("优化器", "optimiser"),
    ("Adam", "Adam"),
    ("跳字模型", "skip-gram"),
    ("层次 softmax", "hierarchical softmax"),
    ("嵌入层", "embedding layer"),
    ("预训练", "pre-training"),
}
DECIDED_ZH_AVOID = {"分词": "词元化", "瞎猜": "随机猜测", "随便猜": "随机猜测", "跳元模型": "跳字模型", "层序 softmax": "层次 softmax"}
jieba.setLogLevel(logging.WARNING)

DECIDED_EN_AVOID = {"tokenization": "tokenisation", "tokenize": "tokenisation", "pretrained": "pre-training", "optimizer": "optimiser"}


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
    """Chinese variant -> the term the glossary prefers."""
    terms = {}
    for zh, _en, _meaning, avoid in glossary_rows(GLOSSARY):
        for variant in filter(None, (v.strip() for v in avoid.split("、"))):
            terms[variant] = zh
    return terms


def avoided_english_terms():
    """English variant -> the term the glossary prefers."""
    terms = {}
    for en, _zh, _meaning, avoid in glossary_rows(GLOSSARY_EN):
        for variant in filter(None, (v.strip() for v in avoid.split(","))):
            terms[variant] = en
    return terms


def chinese_usage(line):
    """The line without quotations (“…”) and without the glossary's own terms, so that a preferred term that
    contains an avoided one (中文分词 contains 分词) is not mistaken for it."""
    line = re.sub(r"“[^”]*”", "", line)
    for zh, *_ in sorted(glossary_rows(GLOSSARY), key=lambda row: -len(row[0])):
        line = line.replace(zh, " ")
    return line


def chinese_variants_used(line):
    """The avoided variants the line uses as words of its own."""
    usage = chinese_usage(line)
    if not any(variant in usage for variant in avoided_terms()):
        return []
    boundaries, position = {0}, 0
    for word in jieba.cut(usage):
        position += len(word)
        boundaries.add(position)
    return [
        variant
        for variant in avoided_terms()
        if any(m.start() in boundaries and m.end() in boundaries for m in re.finditer(re.escape(variant), usage))
    ]


def english_prose(text):
    """Lines of prose of an English page: no code (fenced or inline), link targets, attribute lists, or the
    references section (paper titles keep their own spelling)."""
    lines, in_fence, in_references = [], None, False
    for line in text.splitlines():
        fence = FENCE.match(line)
        if fence and (in_fence is None or fence.group(1).startswith(in_fence)):
            in_fence = None if in_fence else fence.group(1)
            lines.append("")
            continue
        if line.startswith("## "):
            in_references = "#references" in line
        if in_fence or in_references:
            lines.append("")
            continue
        line = re.sub(r"`[^`]*`", "", line)
        line = re.sub(r"\]\([^)]*\)", "]", line)
        line = re.sub(r"\{[^}]*\}", "", line)
        line = re.sub(r"https?://\S+", "", line)
        lines.append(line)
    return lines


def markdown_of_notebook(path):
    return "\n\n".join(c.source for c in jupytext.read(path).cells if c.cell_type == "markdown")


def test_glossary_lists_variants_to_avoid():
    assert len(avoided_terms()) >= 5
    assert len(avoided_english_terms()) >= 4


def test_every_row_has_four_cells():
    for path in (GLOSSARY, GLOSSARY_EN):
        bad = [row[0] for row in glossary_rows(path) if len(row) != 4]
        assert not bad, f"{path.name}: rows without exactly four cells: {bad}"


def test_both_glossaries_pair_the_same_terms():
    zh_pairs = {(zh, en) for zh, en, *_ in glossary_rows(GLOSSARY)}
    en_pairs = {(zh, en) for en, zh, *_ in glossary_rows(GLOSSARY_EN)}
    assert zh_pairs == en_pairs


def test_the_terms_decided_for_the_site_are_in_both_glossaries():
    zh_pairs = {(zh, en) for zh, en, *_ in glossary_rows(GLOSSARY)}
    assert DECIDED_PAIRS <= zh_pairs, f"missing from the glossary: {DECIDED_PAIRS - zh_pairs}"
    assert DECIDED_ZH_AVOID.items() <= avoided_terms().items()
    assert DECIDED_EN_AVOID.items() <= avoided_english_terms().items()


def test_the_glossary_names_the_translations_of_dive_into_deep_learning():
    # d2l-zh readers meet 跳元模型 and 层序 softmax; the glossary says they are the same things
    meaning = {zh: m for zh, _en, m, _avoid in glossary_rows(GLOSSARY)}
    assert "跳元模型" in meaning["跳字模型"] and "动手学深度学习" in meaning["跳字模型"]
    assert "层序 softmax" in meaning["层次 softmax"]
    assert "中文分词" in meaning["词元化"] or "分词" in meaning["词元化"]


@pytest.mark.parametrize(
    "page", [p for p in zh_pages() if p != GLOSSARY] + NOTEBOOKS_ZH, ids=lambda p: str(p.relative_to(DOCS))
)
def test_chinese_pages_use_the_glossary_terms(page):
    text = markdown_of_notebook(page) if page.suffix == ".py" else page.read_text(encoding="utf-8")
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for variant in chinese_variants_used(line):
            found.append(f"{page.name}:{number}: '{variant}' (the glossary says '{avoided_terms()[variant]}')")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "page", [p for p in en_pages() if p != GLOSSARY_EN] + NOTEBOOKS_EN, ids=lambda p: str(p.relative_to(DOCS))
)
def test_english_pages_use_the_glossary_terms(page):
    text = markdown_of_notebook(page) if page.suffix == ".py" else page.read_text(encoding="utf-8")
    found = []
    for number, line in enumerate(english_prose(text), 1):
        for variant, preferred in avoided_english_terms().items():
            if re.search(rf"(?<![A-Za-z]){re.escape(variant)}", line, re.IGNORECASE):
                found.append(f"{page.name}:{number}: '{variant}' (the glossary says '{preferred}')")
                break  # one report per line is enough
    assert not found, "\n".join(found)


def test_the_checkers_find_what_they_should(tmp_path):
    # guard against checkers that silently find nothing
    assert chinese_variants_used("先分词，再查表") == ["分词"]
    assert chinese_variants_used("和瞎猜差不多") == ["瞎猜"]
    assert chinese_variants_used("中文分词和“分词”都不算，一部分词、不区分词义也不算") == []
    prose = english_prose(
        "We tokenize `tokenize()` [x](tokenizer.md)\n```python\nTokenizer()\n```\n## References { #references }\n- Tokenization paper\n"
    )
    assert [line for line in prose if "tokeniz" in line.lower()] == ["We tokenize  [x]"]
