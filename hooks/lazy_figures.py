"""Themed figures load lazily, so a reader downloads only the twin their colour scheme shows.

Every figure comes twice, `<stem>-light.svg#only-light` and `<stem>-dark.svg#only-dark`, and
Material hides one with display: none. An eager <img> is fetched even when hidden; a lazy one
that is never rendered is not (measured by benchmarks/page_weight.py: half the image bytes).
"""

from __future__ import annotations

import re

THEMED_IMG = re.compile(r'<img (?![^>]*\bloading=)(?=[^>]*\bsrc="[^"]*#only-(?:light|dark)")')


def on_page_content(html: str, page, config, files) -> str:
    return THEMED_IMG.sub('<img loading="lazy" ', html)
