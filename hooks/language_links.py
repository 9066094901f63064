"""Drop the <link rel="alternate" hreflang> tags from each page's <head>.

Material's JavaScript takes every such link as the root of a language version and fetches
`<link href>/sitemap.xml` on every page load. mkdocs-static-i18n points the links at the
counterpart *page* (so that the language menu lands on the same page in the other language),
so each load made two requests for sitemaps that do not exist: two console errors per page.
The language menu in the header (a.md-select__link) is untouched: it keeps linking to the
counterpart page, and a click on it is plain navigation.

The 404 page is rendered from a template after the last page, whose language links it would
inherit; there the menu links to each language's home page instead.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page, config) -> str:
    head, sep, body = output.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body


MENU_LINK = re.compile(r'<a href="[^"]*" hreflang="(?P<lang>[a-z]+)" class="md-select__link"')


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output
    head, sep, body = output.partition("</head>")
    root = urlsplit(config.site_url or "/").path
    home = {"zh": root, "en": root + "en/"}
    body = MENU_LINK.sub(lambda m: f'<a href="{home.get(m["lang"], root)}" hreflang="{m["lang"]}" class="md-select__link"', body)
    return HEAD_ALTERNATE.sub("", head) + sep + body
