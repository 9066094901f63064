"""Both languages are first-class: every page exists twice, with the same skeleton.

mkdocs-static-i18n silently falls back to the other language when a page is missing, so a
missing translation would not break the build; these tests catch it.
"""

import pytest

from pages import DOCS, en_counterpart, en_pages, nav_pages, parse, zh_pages

ZH = zh_pages()
IDS = [str(p.relative_to(DOCS)) for p in ZH]


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
        '# T { #t }\n\n$$\na = b\n$$\n\n```python\n--8<-- "snippets/x.py"\n# not a heading\n```\n\n## U\n'
    )
    parsed = parse(page)
    assert parsed.headings == [("T { #t }", "t"), ("U", None)]
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
