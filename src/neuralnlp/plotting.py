"""Figures that read well on the site's light and dark palettes.

``save_themed(draw, stem)`` calls ``draw()`` twice, once under a light style and once under a dark
one, and writes ``{stem}-light.svg`` and ``{stem}-dark.svg`` into the current directory. Both have a
transparent background, so they sit on the page's own colour. A page shows the right one with
Material's ``#only-light`` / ``#only-dark`` image suffixes.
"""

from __future__ import annotations

from typing import Callable

import matplotlib

matplotlib.use("Agg")  # no display needed; files only
import matplotlib.pyplot as plt  # noqa: E402

# Colours chosen to keep contrast on white (light) and on Material's slate (#1e2129, dark).
_THEMES = {
    "light": {"fg": "#24292f", "grid": "#d0d7de", "cycle": ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00"]},
    "dark": {"fg": "#e6edf3", "grid": "#3d444d", "cycle": ["#58a6ff", "#ff7b72", "#3fb950", "#d2a8ff", "#f0883e"]},
}


def _style(theme: str) -> dict:
    c = _THEMES[theme]
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
        "svg.hashsalt": "neuralnlp",  # stable element ids, so identical plots give identical files
    }


def save_themed(draw: Callable[[], "plt.Figure"], stem: str) -> list[str]:
    """Draw a figure in both palettes and save it as ``{stem}-light.svg`` and ``{stem}-dark.svg``.

    ``draw`` takes no arguments and returns a ``matplotlib.figure.Figure``; it is called once per
    palette, so it must not depend on state left by an earlier call. Returns the file names written.
    """
    written = []
    for theme in _THEMES:
        with plt.rc_context(_style(theme)):
            fig = draw()
            name = f"{stem}-{theme}.svg"
            fig.savefig(name, bbox_inches="tight", metadata={"Date": None})
            plt.close(fig)
        written.append(name)
    return written
