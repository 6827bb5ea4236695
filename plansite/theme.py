"""Small corrections to the theme's HTML, so that every page passes axe-core and the
Nu HTML Checker without switching any rule off.

Plain functions on HTML text: the MkDocs hook applies them to each page after rendering.
"""
from __future__ import annotations

import json
import re

from markupsafe import Markup

_CHECKBOX = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def _without_autocomplete(match: re.Match) -> str:
    # HTML allows autocomplete on text-like inputs only; the theme puts it on its toggles.
    return re.sub(r'\s+autocomplete="[^"]*"', "", match.group(0))


def fix_html(html: str, *, version_label: str, search_label: str = "Search") -> str:
    """The rendered page with the theme's known accessibility and validity faults mended."""
    html = _CHECKBOX.sub(_without_autocomplete, html)
    html = re.sub(r'\s+tabindex=""', "", html)
    html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{search_label}">')
    if 'id="__toc"' not in html:
        # A section's index page has no table-of-contents toggle, but the theme still labels one.
        html = re.sub(r'<label class="md-nav__title" for="__toc">(.*?)</label>',
                      r'<div class="md-nav__title">\1</div>', html, flags=re.S)

    def relabel(match: re.Match) -> str:
        # The version button shows the edition's title, so its accessible name must contain it.
        config = json.loads(match.group(2))
        config.setdefault("translations", {})["select.version"] = version_label
        # "<" escaped, so no text in the settings (an edition's title) can close the script element.
        return match.group(1) + json.dumps(config, ensure_ascii=False).replace("<", "\\u003c") + match.group(3)

    return _CONFIG.sub(relabel, html, count=1)


def set_direction(html: str, direction: str) -> str:
    """Put the language's direction on <html> too (the theme puts it on <body> only)."""
    return re.sub(r"<html\b(?![^>]*\bdir=)", f'<html dir="{direction}"', html, count=1)


def mark_languages(html: str) -> str:
    """On a page in another language: English text marked lang="en" dir="ltr", including the
    glossary's abbreviations, which stay English whatever the page's language."""
    from .translations import mark_english_html

    html = mark_english_html(html)
    return re.sub(r"<abbr(?![^>]*\blang=)", '<abbr lang="en" dir="ltr"', html)


def drop_alternate_links(html: str) -> str:
    """Without the theme's <link rel="alternate" hreflang> tags. Its `url` filter cannot leave
    the site folder, which each language's pages are in, and its script fetches a sitemap.xml
    beside each of them, which only exists at a language's root (404s in the console). The
    language switcher's links carry hreflang and lead to the same page instead."""
    return re.sub(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">', "", html)


def markup_nav(nav: list) -> list:
    """A MkDocs nav whose titles are marked as HTML (markupsafe.Markup). Our titles are HTML
    already, a translation escaped once by harmless(); the theme prints them as they are in
    some places and through `| e` in others (link titles, aria-labels), which without the mark
    escapes them a second time, showing '&amp;' and '&#x27;' to the reader."""
    out = []
    for entry in nav:
        if isinstance(entry, dict):
            out.append({Markup(title): markup_nav(target) if isinstance(target, list) else target
                        for title, target in entry.items()})
        else:
            out.append(entry)
    return out
