"""Both languages are first-class: every page exists twice, with the same skeleton.

mkdocs-static-i18n silently falls back to the other language when a page is missing, so a
missing translation would not break the build; these tests catch it.

Every content page (every page but the home page, the glossary and the API reference), in both languages, has:

- its aims: `!!! abstract "学完本页，你将能够"` / `!!! abstract "After this page you will be able to"`, with 2-4
  bullets, before the first `## ` heading;
- `## … { #summary }` with 3-6 bullets, then `## … { #exercises }`, then `## … { #references }`, in that order;
- in the exercises section, 3-6 exercises: a numbered item (`1. `, at the start of a line) each, and as many
  collapsed answers, `??? tip "答案"` / `??? tip "Answer"`; the same number in both languages;
- in the references section, at least one link to a source outside the site.

Notebooks cannot use admonitions or `{ #anchor }` headings (Jupyter shows them as text), so they follow the same
plan in plain Markdown and HTML: a bold line `**学完这个 notebook，你将能够：**` / `**After this notebook you will be
able to:**` followed by 2-4 bullets before the first `## `; the headings `## 小结` / `## Summary`, `## 练习` /
`## Exercises` and `## 参考文献` / `## References`, in that order; each exercise a numbered item answered by a
`<details class="tip">` block whose `<summary>` is 答案 / Answer.
"""

import re

import pytest

from pages import DOCS, en_counterpart, en_pages, h2_sections, nav_pages, notebook_markdown, parse, zh_pages

ZH = zh_pages()
IDS = [str(p.relative_to(DOCS)) for p in ZH]
NOT_CONTENT = {"index.md", "glossary.md", "reference.md"}
CONTENT = [p for p in ZH if str(p.relative_to(DOCS)) not in NOT_CONTENT]
NOTEBOOKS = sorted(p for p in (DOCS / "notebooks").glob("*.py") if not p.name.endswith(".en.py"))

PAGE_LABELS = {
    "zh": {"aims": '!!! abstract "学完本页，你将能够"', "answer": '??? tip "答案"'},
    "en": {"aims": '!!! abstract "After this page you will be able to"', "answer": '??? tip "Answer"'},
}
NOTEBOOK_LABELS = {
    "zh": {"aims": "**学完这个 notebook，你将能够：**", "answer": "<summary>答案</summary>",
           "sections": ("小结", "练习", "参考文献")},
    "en": {"aims": "**After this notebook you will be able to:**", "answer": "<summary>Answer</summary>",
           "sections": ("Summary", "Exercises", "References")},
}
EXERCISE = re.compile(r"^\d+\.\s")
BULLET = re.compile(r"^[-*]\s")


def count_in(lines, pattern):
    return sum(1 for line in lines if pattern.match(line))


def check_exercises_and_references(exercises, references, answer, problems):
    """Common to pages and notebooks: returns the number of exercises."""
    n = count_in(exercises, EXERCISE)
    answers = sum(answer in line for line in exercises)
    if not 3 <= n <= 6:
        problems.append(f"{n} numbered exercises, expected 3 to 6")
    if answers != n:
        problems.append(f"{n} exercises but {answers} answers ({answer})")
    if not any("](http" in line or "<http" in line for line in references):
        problems.append("the references section links no source")
    return n


def content_page_problems(text, language):
    """What a content page lacks, and its number of exercises."""
    labels, problems = PAGE_LABELS[language], []
    preamble, sections = h2_sections(text)
    aims = [i for i, line in enumerate(preamble) if line.startswith("!!! abstract")]
    if not aims:
        problems.append("no `!!! abstract` (the aims) before the first `## ` heading")
    else:
        if preamble[aims[0]].strip() != labels["aims"]:
            problems.append(f"the aims should read {labels['aims']}")
        body = []
        for line in preamble[aims[0] + 1 :]:
            if line.strip() and not line.startswith("    "):
                break
            body.append(line[4:])
        if not 2 <= count_in(body, BULLET) <= 4:
            problems.append(f"the aims have {count_in(body, BULLET)} bullets, expected 2 to 4")
    by_anchor = {s.anchor: s for s in sections}
    order = [s.anchor for s in sections if s.anchor in ("summary", "exercises", "references")]
    if order != ["summary", "exercises", "references"]:
        problems.append(f"sections #summary, #exercises, #references expected in this order, found {order}")
        return problems, count_in(by_anchor["exercises"].lines, EXERCISE) if "exercises" in by_anchor else 0
    if not 3 <= count_in(by_anchor["summary"].lines, BULLET) <= 6:
        problems.append(f"the summary has {count_in(by_anchor['summary'].lines, BULLET)} bullets, expected 3 to 6")
    n = check_exercises_and_references(by_anchor["exercises"].lines, by_anchor["references"].lines, labels["answer"], problems)
    return problems, n


def notebook_problems(text, language):
    """What a notebook lacks, and its number of exercises."""
    labels, problems = NOTEBOOK_LABELS[language], []
    preamble, sections = h2_sections(text)
    if labels["aims"] not in [line.strip() for line in preamble]:
        problems.append(f"no {labels['aims']} (the aims) before the first `## ` heading")
    else:
        start = [line.strip() for line in preamble].index(labels["aims"])
        bullets = 0
        for line in preamble[start + 1 :]:
            if BULLET.match(line):
                bullets += 1
            elif line.strip() and bullets:
                break
        if not 2 <= bullets <= 4:
            problems.append(f"the aims have {bullets} bullets, expected 2 to 4")
    titles = [s.title for s in sections]
    wanted = labels["sections"]
    if [t for t in titles if t in wanted] != list(wanted):
        problems.append(f"sections {wanted} expected in this order, found {titles}")
        exercises = [s for s in sections if s.title == wanted[1]]
        return problems, count_in(exercises[0].lines, EXERCISE) if exercises else 0
    by_title = {s.title: s for s in sections}
    if not 3 <= count_in(by_title[wanted[0]].lines, BULLET) <= 6:
        problems.append(f"the summary has {count_in(by_title[wanted[0]].lines, BULLET)} bullets, expected 3 to 6")
    n = check_exercises_and_references(by_title[wanted[1]].lines, by_title[wanted[2]].lines, labels["answer"], problems)
    return problems, n


def english_notebook(zh):
    return zh.with_name(zh.name[: -len(".py")] + ".en.py")


def test_there_are_pages():
    assert len(ZH) >= 5


@pytest.mark.parametrize("zh", ZH, ids=IDS)
def test_every_chinese_page_has_an_english_page(zh):
    assert en_counterpart(zh).exists(), f"{zh.relative_to(DOCS)} has no English counterpart {en_counterpart(zh).name}"


def test_every_english_page_has_a_chinese_page():
    orphans = [p for p in en_pages() if p.with_name(p.name.replace(".en.md", ".md")) not in ZH]
    assert not orphans, f"English pages without a Chinese page: {orphans}"


@pytest.mark.parametrize("zh", ZH, ids=IDS)
def test_every_heading_has_an_explicit_anchor(zh):
    for path in (zh, en_counterpart(zh)):
        missing = [text for text, anchor in parse(path).headings if anchor is None]
        assert not missing, f"{path.relative_to(DOCS)}: headings without {{ #anchor }}: {missing}"


@pytest.mark.parametrize("zh", ZH, ids=IDS)
def test_same_anchors_in_the_same_order(zh):
    a = [anchor for _, anchor in parse(zh).headings]
    b = [anchor for _, anchor in parse(en_counterpart(zh)).headings]
    assert a == b


@pytest.mark.parametrize("zh", ZH, ids=IDS)
def test_same_includes_in_the_same_order(zh):
    assert parse(zh).includes == parse(en_counterpart(zh)).includes


@pytest.mark.parametrize("zh", ZH, ids=IDS)
def test_same_display_equations_in_the_same_order(zh):
    assert parse(zh).equations == parse(en_counterpart(zh)).equations


def test_every_page_is_in_the_nav():
    listed = set(nav_pages())
    missing = [str(p.relative_to(DOCS)) for p in ZH if str(p.relative_to(DOCS)) not in listed]
    assert not missing, f"pages missing from mkdocs.yml nav: {missing}"


def test_the_parser_sees_what_the_tests_compare(tmp_path):
    # Guard against a parser that silently finds nothing, which would make the tests above vacuous.
    page = tmp_path / "p.md"
    page.write_text(
        '# T { #t }\n\n$$\na = b\n$$\n\n```python\n--8<-- "snippets/x.py"\n# not a heading\n```\n\n## U\n\n'
        "## V { #v .optional }\n"
    )
    parsed = parse(page)
    assert parsed.headings == [("T { #t }", "t"), ("U", None), ("V { #v .optional }", "v")]
    assert parsed.optional == ["v"]
    assert parsed.includes == ["snippets/x.py"]
    assert parsed.equations == ["a = b"]


@pytest.mark.parametrize("page", ZH + en_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_each_output_follows_its_own_snippet(page):
    """An output block shows the output of the code right above it, never another snippet's."""
    includes = parse(page).includes
    for i, inc in enumerate(includes):
        if inc.endswith(".out"):
            assert i > 0 and includes[i - 1] == inc[: -len(".out")] + ".py", (
                f"{page.relative_to(DOCS)}: {inc} does not directly follow {inc[:-4]}.py"
            )


def test_output_blocks_are_checked_on_many_pages():
    """test_each_output_follows_its_own_snippet asserts only where a page includes a .out: this guard makes sure
    that it keeps asserting on most content pages (a changed include syntax would silently make it vacuous)."""
    with_outputs = [page for page in ZH + en_pages() if any(inc.endswith(".out") for inc in parse(page).includes)]
    assert len(with_outputs) >= len(CONTENT), (len(with_outputs), len(CONTENT))


def test_there_are_content_pages():
    assert len(CONTENT) >= 10 and NOTEBOOKS


@pytest.mark.parametrize("zh", CONTENT, ids=[str(p.relative_to(DOCS)) for p in CONTENT])
def test_every_content_page_has_aims_summary_exercises_and_references(zh):
    report = []
    counts = {}
    for language, path in (("zh", zh), ("en", en_counterpart(zh))):
        problems, counts[language] = content_page_problems(path.read_text(encoding="utf-8"), language)
        report += [f"{path.relative_to(DOCS)}: {p}" for p in problems]
    if counts["zh"] != counts["en"]:
        report.append(f"{counts['zh']} exercises in Chinese, {counts['en']} in English")
    assert not report, "\n".join(report)


@pytest.mark.parametrize("zh", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_has_aims_summary_exercises_and_references(zh):
    report = []
    counts = {}
    for language, path in (("zh", zh), ("en", english_notebook(zh))):
        problems, counts[language] = notebook_problems(notebook_markdown(path), language)
        report += [f"{path.name}: {p}" for p in problems]
    if counts["zh"] != counts["en"]:
        report.append(f"{counts['zh']} exercises in Chinese, {counts['en']} in English")
    assert not report, "\n".join(report)


@pytest.mark.parametrize("zh", ZH, ids=IDS)
def test_the_same_sections_are_optional_in_both_languages(zh):
    assert parse(zh).optional == parse(en_counterpart(zh)).optional


GOOD_PAGE = """# T { #t }

Opening.

!!! abstract "After this page you will be able to"
    - do one thing;
    - do another.

## Body { #body .optional }

Text.

## Summary { #summary }

- one
- two
- three

## Exercises { #exercises }

1. First?

    ??? tip "Answer"
        Yes.

2. Second?

    ??? tip "Answer"
        No.

3. Third?

??? tip "Answer"
    Maybe.

## References { #references }

- Someone (2000). [A paper](https://example.org/paper).
"""


def test_the_structure_check_finds_what_a_page_lacks(tmp_path):
    # the checker itself must not pass a broken page; each variant below breaks one rule
    assert content_page_problems(GOOD_PAGE, "en") == ([], 3)
    broken = {
        "no aims": GOOD_PAGE.replace('!!! abstract "After this page you will be able to"', "Aims:"),
        "aims after the first heading": GOOD_PAGE.replace("!!! abstract", "## Aims { #aims }\n\n!!! abstract"),
        "aims in the other language": GOOD_PAGE.replace("After this page you will be able to", "学完本页，你将能够"),
        "no summary": GOOD_PAGE.replace("{ #summary }", "{ #recap }"),
        "a missing answer": GOOD_PAGE.replace('??? tip "Answer"\n    Maybe.', "Think."),
        "two exercises": GOOD_PAGE.replace("3. Third?", "Third?"),
        "no references": GOOD_PAGE.replace("## References { #references }", "## Further { #further }"),
        "references without a link": GOOD_PAGE.replace("[A paper](https://example.org/paper)", "A paper"),
        "exercises after references": GOOD_PAGE.replace("## Exercises { #exercises }", "## Exercises { #exercises-x }"),
    }
    for what, text in broken.items():
        problems, _ = content_page_problems(text, "en")
        assert problems, f"the check passed a page with {what}"
    assert parse_optional(GOOD_PAGE, tmp_path) == ["body"]


def parse_optional(text, tmp_path):
    page = tmp_path / "p.md"
    page.write_text(text, encoding="utf-8")
    return parse(page).optional


def test_the_notebook_check_finds_what_a_notebook_lacks():
    good = """# T

Opening.

**After this notebook you will be able to:**

- one;
- two.

## Data

## Summary

- a
- b
- c

## Exercises

1. One?

<details class="tip"><summary>Answer</summary>

Yes.

</details>

2. Two?

<details class="tip"><summary>Answer</summary>

No.

</details>

3. Three?

<details class="tip"><summary>Answer</summary>

Maybe.

</details>

## References

- [A paper](https://example.org/paper)
"""
    assert notebook_problems(good, "en") == ([], 3)
    assert notebook_problems(good.replace("**After this notebook you will be able to:**", ""), "en")[0]
    assert notebook_problems(good.replace("## Summary", "## Recap"), "en")[0]
    assert notebook_problems(good.replace("<summary>Answer</summary>\n\nMaybe.", "<summary>Hint</summary>\n\nMaybe."), "en")[0]


DRAFT_MARKERS = re.compile(r"\b(PLACEHOLDER|TODO|TBD|FIXME|XXX)\b|_PLACEHOLDER")


@pytest.mark.parametrize("page", ZH + en_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_no_page_is_left_with_a_draft_marker(page):
    # a section a writer meant to come back to must not go live (one did: "SPEED_PLACEHOLDER")
    markers = [m.group(0) for m in DRAFT_MARKERS.finditer(page.read_text(encoding="utf-8"))]
    assert not markers, markers
