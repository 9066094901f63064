"""A broken internal link or anchor fails the strict build (mkdocs.yml `validation:` with `strict: true`)."""

from __future__ import annotations

from pathlib import Path

from project_copies import build


def break_page(project: Path, link: str) -> Path:
    page = project / "docs" / "basics" / "neurons.en.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\nSee [this]({link}).\n", encoding="utf-8")
    return page


def assert_fails_naming(result, *needles):
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build succeeded despite a broken link:\n{log[-3000:]}"
    for needle in needles:
        assert needle in log, f"the log does not mention {needle!r}:\n{log[-3000:]}"


def test_a_link_to_a_missing_page_fails_the_build(project_copy):
    break_page(project_copy, "layers-typo.md")
    assert_fails_naming(build(project_copy), "basics/neurons.en.md", "layers-typo.md")


def test_a_link_to_a_missing_anchor_fails_the_build(project_copy):
    break_page(project_copy, "layers.md#no-such-heading")
    assert_fails_naming(build(project_copy), "basics/neurons.en.md", "no-such-heading")


def test_a_link_to_a_missing_anchor_on_the_same_page_fails_the_build(project_copy):
    break_page(project_copy, "#no-such-section")
    assert_fails_naming(build(project_copy), "no-such-section")
