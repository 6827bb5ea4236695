"""What a page in another language may hold: the HTML of every page body that carries a
translator's words is cleaned with nh3 (the binding to the Rust ammonia library, a maintained
allowlist sanitiser), which keeps only the elements, attributes and link schemes our own pages
use. Whatever a translation tries, by HTML, Markdown or any spelling of `javascript:`, what
reaches the reader is in this list.

The same allowlist is what the tests check every built page against, and `url_scheme` reads a
link's scheme the way a browser does (the WHATWG URL standard), so neither side relies on
patterns that an obfuscated link could slip past.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .errors import part

#: Link schemes a page may use; a link without a scheme (relative, or #fragment) is always allowed.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

#: Attributes any kept element may carry.
_GENERIC = {"class", "id", "lang", "dir", "title", "role", "aria-hidden", "aria-label", "aria-labelledby"}

#: Elements of our pages' bodies (Markdown's, the admonitions', the tables', the charts') and
#: the attributes each may carry besides the generic ones.
ALLOWED: dict[str, set[str]] = {
    **{tag: set() for tag in (
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "code", "pre",
        "blockquote", "ul", "li", "dl", "dt", "dd", "div", "span", "figure", "figcaption", "sub", "sup",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "abbr", "del", "ins", "mark", "small")},
    "a": {"href", "hreflang"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    # The charts (plansite/charts.py): static SVG, no scripts, no links, no styles.
    "svg": {"viewBox", "xmlns", "fill", "stroke", "stroke-width", "font-size", "direction", "width", "height"},
    "g": {"fill", "stroke", "stroke-width", "opacity", "text-anchor", "transform"},
    "title": set(), "desc": set(),
    "text": {"x", "y", "fill", "stroke", "text-anchor", "font-size", "direction"},
    "rect": {"x", "y", "width", "height", "fill", "stroke", "stroke-width", "opacity"},
    "circle": {"cx", "cy", "r", "fill", "stroke", "stroke-width"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width"},
    "path": {"d", "fill", "stroke", "stroke-width"},
    "polyline": {"points", "fill", "stroke", "stroke-width"},
}


def clean_html(html: str) -> str:
    """HTML with everything outside the allowlist removed: unknown elements (their text is
    kept; script and style lose their content too), unknown attributes, every event handler,
    and links whose scheme is not http, https, mailto or tel."""
    import nh3

    return nh3.clean(html, tags=set(ALLOWED), attributes={tag: attrs | _GENERIC for tag, attrs in ALLOWED.items()},
                     url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True)


_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme of a link as a browser reads it ('javascript' for ' Java\\tScript:x'), or None
    for a relative link. The WHATWG URL parser strips leading and trailing C0 controls and
    spaces and removes every tab and newline before it reads the scheme; value is the
    attribute as parsed from HTML, with its character references already decoded."""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    value = re.sub("[\t\n\r]", "", value)
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else None


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.found.append((tag, name, value or ""))


def unsafe_parts(html: str) -> list[str]:
    """What in an HTML fragment could run a script: event handler attributes, and links or
    sources with a scheme other than http, https, mailto and tel, each as the reader's
    browser would read it."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    out = []
    for tag, name, value in parser.found:
        if name.startswith("on"):
            out.append(part("unsafe-translation", "handler", name=name, value=value, tag=tag))
        elif name in ("href", "src", "action", "formaction", "xlink:href", "data"):
            scheme = url_scheme(value)
            if scheme is not None and scheme not in URL_SCHEMES:
                out.append(part("unsafe-translation", "link", value=value, scheme=scheme))
    return out
