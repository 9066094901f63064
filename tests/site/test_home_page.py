"""The home page is the map of the course: its learning path is the nav, and it names the source articles."""

import re

import pytest
import yaml

from pages import DOCS, ROOT, en_counterpart, h2_sections, nav_pages

HOME = {"zh": DOCS / "index.md", "en": en_counterpart(DOCS / "index.md")}
LINK = re.compile(r"\]\(([^)#]+)(?:#[^)]*)?\)")


def mkdocs_config():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)


def nav_sections():
    """(section title or None for a top-level entry, page path) in nav order."""
    found = []
    for entry in mkdocs_config()["nav"]:
        if isinstance(entry, str):
            found.append((None, entry))
            continue
        (title, value), = entry.items()
        if isinstance(value, str):
            found.append((None, value))
        else:
            for page in value:
                found.append((title, page if isinstance(page, str) else next(iter(page.values()))))
    return found


def translate(section, language):
    if section is None or language == "zh":
        return section
    i18n = next(p["i18n"] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    return english["nav_translations"].get(section, section)


def section(language, anchor):
    _, sections = h2_sections(HOME[language].read_text(encoding="utf-8"))
    found = [s for s in sections if s.anchor == anchor]
    assert found, f"{HOME[language].name} has no section {{ #{anchor} }}"
    return found[0]


def learning_path(language):
    """(chapter, linked page) for each row of the learning-path table; an empty chapter cell continues the last one."""
    rows, chapter = [], None
    for line in section(language, "learning-path").lines:
        if not line.startswith("|") or re.match(r"^\|[-\s|]+\|$", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        links = LINK.findall(cells[1]) if len(cells) > 1 else []
        if not links:
            continue  # the header row
        chapter = cells[0] or chapter
        rows.append((chapter, links[0]))
    return rows


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_learning_path_lists_the_nav_in_order(language):
    listed = [page for _, page in learning_path(language)]
    assert listed == [p for p in nav_pages() if p != "index.md"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_learning_path_names_the_nav_sections(language):
    chapters = dict((page, chapter) for chapter, page in learning_path(language))
    for nav_section, page in nav_sections():
        if nav_section is not None:
            assert chapters[page] == translate(nav_section, language), f"{page} is under {nav_section!r} in the nav"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_home_page_names_the_four_source_articles(language):
    titles = [line for line in section(language, "sources").lines if line.startswith("**《")]
    assert len(titles) == 4, titles


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_home_page_states_prerequisites_and_what_is_not_covered(language):
    # each with links for readers who need to catch up or to read on elsewhere
    assert sum("](http" in line for line in section(language, "prerequisites").lines) >= 3
    items = []  # one string per list item, continuation lines joined
    for line in section(language, "not-yet-covered").lines:
        if line.startswith("- "):
            items.append(line)
        elif items and line.startswith("  "):
            items[-1] += " " + line.strip()
    for item in items:
        assert "](http" in item, f"a topic not covered yet without a pointer to read on elsewhere: {item}"


def test_the_learning_path_parser_reads_rows():
    # guard against a parser that silently finds nothing
    rows = learning_path("zh")
    assert rows[0] == ("基础", "basics/neurons.md") and len(rows) > 10
