"""Marking English on pages in other languages, and putting translators' text into templates
safely."""
from __future__ import annotations

import re


def harmless(text: str) -> str:
    """Translated text made safe to write into a page's Markdown: it comes from outside the
    team, so it is escaped as plain text. No HTML it contains is kept, no Markdown link can be
    formed ([ and ] are escaped) and no attribute list can be read ({ and } are escaped, so
    '{ onclick=... }' stays text); our own markers are removed. Written once, read once:
    Markdown and the theme show the characters as the translator typed them."""
    from html import escape

    return escape(_MARKERS.sub("", text), quote=True).translate(_MARKDOWN_ESCAPES)


_MARKDOWN_ESCAPES = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;"})
_PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")


def fill_translation(template: str, values: dict) -> str:
    """A translated template with its values in: the translator's text is escaped (harmless)
    and only a {name} whose name is one of the values is replaced; any other brace stays text."""
    return "".join(str(values[part[1:-1]]) if _PLACEHOLDER.fullmatch(part) and part[1:-1] in values
                   else harmless(part) for part in _PLACEHOLDER.split(template))


def fill(template: str, values: dict) -> str:
    """Put values into a {name} template by plain replacement, not str.format: a translated
    template must not be able to reach into the values' attributes."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


# --- Marking English text on pages in other languages --------------------------------------

#: Private-use characters that bracket English shown on a page in another language. The page's
#: HTML is rewritten at the end so that each bracketed run is marked lang="en" dir="ltr" (WCAG
#: 3.1.2); brackets inside attributes, <title> and charts' text are removed there.
ENGLISH_START, ENGLISH_END = "\ue000", "\ue001"
#: Brackets a stale translation's mark while pages are written, so that the page can say so,
#: with the date the English changed in between, written in private-use characters that
#: Markdown and the table of contents ignore; removed with the others.
STALE = "\ue002"
_DATE_DIGITS = "0123456789-"
_DATE_MARKS = "".join(chr(0xE010 + i) for i in range(len(_DATE_DIGITS)))
_STALE_MARK = re.compile(f"{STALE}([{_DATE_MARKS}]*){STALE}")
#: Every private-use character the build uses as a marker; none may come from a translation.
_MARKERS = re.compile("[\ue000-\ue01f]")


def stale_mark(changed: str) -> str:
    """The mark after a stale translation, holding the date its English changed ('' if unknown)."""
    return STALE + changed.translate(str.maketrans(_DATE_DIGITS, _DATE_MARKS)) + STALE


def stale_dates(markdown: str) -> list[str]:
    """The dates the English changed of the stale translations a page holds ('' when unknown)."""
    return sorted({found.translate(str.maketrans(_DATE_MARKS, _DATE_DIGITS)) for found in _STALE_MARK.findall(markdown)})


def _drop_stale(text: str) -> str:
    return _STALE_MARK.sub("", text).replace(STALE, "")


_BLOCK_PREFIX = re.compile(r"^(\s*(?:(?:[-*+]|\d+\.|>|#{1,6})\s+)*)(.*?)(\s*)$")


def mark_english(text: str) -> str:
    """Bracket English text line by line, after any Markdown list, quote or heading marker, so
    that the Markdown still reads the same."""
    out = []
    for line in text.split("\n"):
        prefix, body, trailing = _BLOCK_PREFIX.match(line).groups()
        out.append(f"{prefix}{ENGLISH_START}{body}{ENGLISH_END}{trailing}" if body else line)
    return "\n".join(out)


def strip_markers(text: str) -> str:
    return _MARKERS.sub("", text)


_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW_ELEMENTS = ("title", "script", "style", "textarea", "svg")


def mark_english_html(html: str) -> str:
    """Turn the bracketed English in a page into <span lang="en" dir="ltr"> around each run of
    text, so runs that cross tags stay valid HTML; drop brackets where no span can go."""
    if ENGLISH_START not in html:
        return _drop_stale(html)
    html = re.sub(r"<svg\b.*?</svg>", lambda m: mark_english_svg(m[0]), html, flags=re.S)
    out = []
    depth = 0
    raw: str | None = None
    for token in _TAG.split(html):
        if token.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9-]+)", token)
            name = name.group(1).lower() if name else ""
            if raw is None and not token.startswith("</") and name in _RAW_ELEMENTS:
                raw = name
            elif raw is not None and token.startswith("</") and name == raw:
                raw = None
            out.append(strip_markers(token))
            continue
        if raw is not None:
            # No span can go in a title, a script or a chart; charts were marked above.
            out.append(strip_markers(token))
            continue
        pieces = re.split(f"([{ENGLISH_START}{ENGLISH_END}])", _drop_stale(token))
        for piece in pieces:
            if piece == ENGLISH_START:
                depth += 1
            elif piece == ENGLISH_END:
                depth = max(0, depth - 1)
            elif depth > 0 and piece.strip():
                out.append(f'<span lang="en" dir="ltr">{piece}</span>')
            else:
                out.append(piece)
    return "".join(out)


_SVG_TEXT = re.compile(r"<(text|title|desc)(\s[^>]*)?>([^<]*\ue000[^<]*)</\1>")


def mark_english_svg(svg: str) -> str:
    """In a chart, mark each <text>, <title> or <desc> that holds English as lang="en"."""
    return _SVG_TEXT.sub(lambda m: f'<{m[1]}{m[2] or ""} lang="en" dir="ltr">{strip_markers(m[3])}</{m[1]}>', svg)
