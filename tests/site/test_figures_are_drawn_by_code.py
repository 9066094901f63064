"""No figure is committed by hand under docs/: every figure is drawn by a snippet during the build.

Snippets write their SVGs into their working directory and the build publishes them under figures/, so a
picture file in docs/ is one that code did not draw and that can drift from the code. Only vendored third-party
assets are allowed: KaTeX (docs/assets/katex/). Material's own images ship inside the theme package, not in docs/.
"""

from pathlib import Path

from pages import DOCS

FIGURE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"}
VENDORED = [DOCS / "assets" / "katex"]


def hand_made_figures(docs: Path, vendored: list[Path]) -> list[Path]:
    return sorted(
        path
        for path in docs.rglob("*")
        if path.is_file()
        and path.suffix.lower() in FIGURE_SUFFIXES
        and not any(path.is_relative_to(folder) for folder in vendored)
    )


def test_no_figure_is_committed_under_docs():
    found = [str(p.relative_to(DOCS)) for p in hand_made_figures(DOCS, VENDORED)]
    assert not found, (
        f"figure files under docs/ that no snippet drew: {found}; draw them with a snippet "
        "(neuralnlp.plotting.save_themed) so that the build writes them"
    )


def test_the_check_finds_a_committed_figure(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets" / "katex" / "fonts").mkdir(parents=True)
    (docs / "assets" / "katex" / "fonts" / "logo.svg").write_text("<svg/>")
    (docs / "basics").mkdir()
    (docs / "basics" / "neuron.PNG").write_bytes(b"\x89PNG")
    (docs / "basics" / "neurons.md").write_text("# Neurons")
    assert hand_made_figures(docs, [docs / "assets" / "katex"]) == [docs / "basics" / "neuron.PNG"]
