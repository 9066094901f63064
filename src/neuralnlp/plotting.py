"""Figures that read well on the site's light and dark palettes, in the page's language.

``save_themed(draw, stem)`` calls ``draw()`` twice, once under a light style and once under a dark
one, and writes ``{stem}-light.svg`` and ``{stem}-dark.svg`` into the current directory. Both have a
transparent background, so they sit on the page's own colour. A page shows the right one with
Material's ``#only-light`` / ``#only-dark`` image suffixes.

``save_themed(draw, stem, languages=("zh", "en"))`` calls ``draw(language)`` for each language as
well and writes ``{stem}-{language}-light.svg`` and ``{stem}-{language}-dark.svg``: a figure whose
labels are words, not only symbols, is drawn once per language.

Text stays text in the SVG (``svg.fonttype: none``): the reader's browser draws it with the page's
fonts, Chinese included, whatever fonts the machine that built the site had.
"""

from __future__ import annotations

from typing import Callable, Sequence

import matplotlib

matplotlib.use("Agg")  # no display needed; files only
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from neuralnlp._checks import brief, check_callable  # noqa: E402

# Colours chosen to keep contrast on white (light) and on Material's slate (#1e2129, dark).
# "emphasis" is the one colour a diagram may stroke lines with besides the ink ("fg"): its
# luminance keeps the same contrast as the ink (tested by the browser tests on every figure).
THEMES = {
    "light": {"fg": "#24292f", "grid": "#d0d7de", "emphasis": "#bc4c00",
              "cycle": ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00"]},
    "dark": {"fg": "#e6edf3", "grid": "#3d444d", "emphasis": "#ffb86b",
             "cycle": ["#58a6ff", "#ff7b72", "#3fb950", "#d2a8ff", "#f0883e"]},
}
LANGUAGES = ("zh", "en")

# Latin glyphs from DejaVu Sans (matplotlib's own), Chinese from the first CJK font installed.
_CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei")


def _font_families() -> list[str]:
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(name for name in _CJK_FONTS if name in installed)]


_drawing = {"theme": "light"}  # the palette save_themed is drawing in


def theme_colours() -> dict:
    """The colours of the palette being drawn (call inside ``draw``): fg, grid, emphasis, cycle."""
    return THEMES[_drawing["theme"]]


def _style(theme: str) -> dict:
    c = THEMES[theme]
    return {
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.transparent": True,
        "text.color": c["fg"],
        "axes.labelcolor": c["fg"],
        "axes.edgecolor": c["fg"],
        "xtick.color": c["fg"],
        "ytick.color": c["fg"],
        "legend.frameon": False,
        "axes.grid": True,
        "grid.color": c["grid"],
        "grid.linewidth": 0.6,
        "axes.prop_cycle": matplotlib.cycler(color=c["cycle"]),
        "font.size": 11,
        "font.family": _font_families(),
        "svg.fonttype": "none",
        "svg.hashsalt": "neuralnlp",  # stable element ids, so identical plots give identical files
    }


def save_themed(draw: Callable[..., "plt.Figure"], stem: str, languages: Sequence[str] | None = None) -> list[str]:
    """Draw a figure in both palettes (and languages) and save it as SVG files in the current directory.

    Args:
        draw: returns a ``matplotlib.figure.Figure``. Called as ``draw()``, or as ``draw(language)``
            when ``languages`` is given. It is called once per file, so it must not depend on state
            left by an earlier call.
        stem: the file names' common start.
        languages: e.g. ``("zh", "en")``; None for a figure without words.

    Returns:
        The file names written: ``{stem}-{theme}.svg``, or ``{stem}-{language}-{theme}.svg``.

    Raises:
        TypeError: ``draw`` is not callable or returns no Figure, ``stem`` is not a str, or
            ``languages`` is a str.
        ValueError: an unknown language, or an empty ``stem``.
    """
    _check_arguments(draw, stem, languages)
    written = []
    for language in languages or [None]:
        for theme in THEMES:
            _drawing["theme"] = theme
            with plt.rc_context(_style(theme)):
                before = set(plt.get_fignums())
                fig = draw() if language is None else draw(language)
                try:
                    if not isinstance(fig, Figure):
                        raise TypeError(f"draw: expected a function returning a matplotlib Figure, got {brief(fig)} "
                                        f"from draw({'' if language is None else repr(language)})")
                    name = f"{stem}-{theme}.svg" if language is None else f"{stem}-{language}-{theme}.svg"
                    fig.savefig(name, bbox_inches="tight", metadata={"Date": None})
                finally:  # whatever happens, close the figures draw opened
                    if isinstance(fig, Figure):
                        plt.close(fig)
                    for number in set(plt.get_fignums()) - before:
                        plt.close(number)
            written.append(name)
    return written


def _check_arguments(draw, stem, languages) -> None:
    check_callable(draw, "draw", "a function returning a matplotlib Figure")
    if not isinstance(stem, str) or not stem:
        raise (TypeError if not isinstance(stem, str) else ValueError)(
            f"stem: expected a non-empty str (the files' common start), got {brief(stem)}")
    if languages is None:
        return
    if isinstance(languages, (str, bytes)) or not hasattr(languages, "__iter__"):
        raise TypeError(f"languages: expected a sequence of languages such as ('zh', 'en'), got {brief(languages)}")
    if not all(isinstance(lang, str) and lang in LANGUAGES for lang in languages):
        raise ValueError(f"languages: expected a subset of {LANGUAGES}, got {tuple(languages)!r}")
