"""Nothing a translator writes can run a script or set an attribute: PO strings are escaped once,
translated pages are read without attribute lists, and every page in another language is
cleaned by an allowlist sanitiser (nh3). Hostile inputs, obfuscated and multi-line."""
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from plansite.sanitise import URL_SCHEMES, clean_html, unsafe_parts, url_scheme
from plansite.translation_checks import _site_extensions, check_translated_page
from plansite.translations import fill_translation, harmless, render_translated_page

ROOT = Path(__file__).resolve().parent.parent
NAMES, CONFIGS = _site_extensions(ROOT)

#: Texts a translator might put in a PO file. Each must show as the text it is.
HOSTILE_STRINGS = [
    "Tytuł { onclick=alert(1) }",
    "Tytuł {: onclick=\"alert(1)\" }",
    "Tytuł {: #__config .md-search }",
    "Tytuł {onclick}",
    "{ OnClick=alert(1) }",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><animate onbegin=alert(1)>",
    "<math><mtext><a href=javascript:alert(1)>x</a></mtext></math>",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik]( \njavascript:alert(1))",
    "[klik][r]\n\n[r]:\n  javascript:alert(1)",
    "<javascript:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "- punkt { onclick=alert(1) }",
    "| a { onclick=alert(1) } | b |",
    "Tekst\n{: onclick=alert(1) }",
    "*[HTML]: \" onmouseover=alert(1) x=\"",
    "Fish & chips' \"best\"",
]

#: Where our generated pages put a translated text: a heading, a list item, a table cell, a paragraph.
CONTEXTS = ["# {}", "### {} {{#measure-id}}", "- {}", "| a | b |\n| --- | --- |\n| {} | x |", "{}",
            '!!! note "{}"\n    body']


def render_site_markdown(text: str) -> str:
    """As MkDocs renders a generated page: every site extension, attribute lists included."""
    return markdown.markdown(text, extensions=NAMES, extension_configs=CONFIGS)


def attributes(html: str) -> set[tuple[str, str]]:
    """(element, attribute name) of everything in the HTML."""
    return {(e.name, name) for e in BeautifulSoup(html, "html.parser").find_all(True) for name in e.attrs}


def assert_inert(html: str) -> None:
    page = BeautifulSoup(html, "html.parser")
    for element in page.find_all(True):
        assert element.name not in ("script", "img", "math", "animate", "iframe", "style", "object"), html
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), html
            if name in ("href", "src"):
                assert url_scheme(value) in URL_SCHEMES | {None}, html


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
@pytest.mark.parametrize("context", CONTEXTS)
def test_a_po_string_is_text_wherever_it_goes(text, context):
    html = render_site_markdown(context.format(harmless(text)))
    # Before any cleaning: escaping alone made it text. No attribute list was read (the only
    # id is our own) and no link was formed.
    assert_inert(html)
    assert attributes(html) <= attributes(render_site_markdown(context.format("x")))
    page = BeautifulSoup(html, "html.parser")
    assert page.select("a:not(.headerlink)") == [] and page.find_all(id="__config") == []
    assert unsafe_parts(html) == []
    assert_inert(clean_html(html))


@pytest.mark.parametrize("text", [t for t in HOSTILE_STRINGS if not t.startswith(("- ", "| "))])
def test_a_po_string_reads_as_typed(text):
    # Escaped once: '&' and "'" reach the reader as '&' and "'", never '&amp;' or '&#x27;'.
    shown = BeautifulSoup(render_site_markdown(harmless(text.replace("\n", " "))), "html.parser").get_text()
    assert shown.strip() == " ".join(text.replace("\n", " ").split(" ")).strip() or "\t" in text


def test_only_known_placeholders_are_filled():
    values = {"count": "<b>3</b>"}
    assert fill_translation("{count} { onclick=x } {pints} {count.__class__} [a](b) &", values) == (
        "<b>3</b> &#123; onclick=x &#125; &#123;pints&#125; &#123;count.__class__&#125; &#91;a&#93;(b) &amp;")


#: Translated pages (docs/<page>.<language>.md) that try to run a script, each with what
#: validate says about it (None: nothing to report, it shows as text).
HOSTILE_PAGES = [
    ("# Tytuł { onclick=alert(1) }\n", None),
    ("# Tytuł {: #__config .md-search onclick=alert(1) }\n", None),
    ("- punkt {: onclick=alert(1) }\n- b\n", None),
    ("| a | b |\n|---|---|\n| c {: onclick=alert(1) } | d |\n", None),
    ("Tekst\n{: onclick=\"alert(1)\" }\n", None),
    ("[x](\njavascript:alert(1))\n", "the link 'javascript:alert(1)' (a javascript: link)"),
    ("[x](  JaVaScRiPt:alert(1) )\n", "the link 'JaVaScRiPt:alert(1)' (a javascript: link)"),
    ("[x](java&#x09;script:alert(1))\n", "the link 'java\tscript:alert(1)' (a javascript: link)"),
    ("[x][r]\n\n[r]:\n    javascript:alert(1)\n", "the link 'javascript:alert(1)' (a javascript: link)"),
    ("[x][r]\n\n[r]: <vbscript:msgbox(1)>\n", "the link 'vbscript:msgbox(1)' (a vbscript: link)"),
    ("[x](data:text/html,<script>alert(1)</script>)\n", None),
    ("<a href=\"&#106;avascript:alert(1)\">x</a>\n", "the link 'javascript:alert(1)' (a javascript: link)"),
    ("<img src=x onerror=alert(1)>\n", "the attribute onerror=\"alert(1)\" on <img>"),
    ("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>\n",
     "the link 'javascript:alert(1)' (a javascript: link)"),
    ("<math><mi xlink:href=\"data:x,alert(1)\">x</mi></math>\n", "the link 'data:x,alert(1)' (a data: link)"),
    ("<div markdown=\"1\">\n# In { onclick=alert(1) }\n</div>\n", None),
]


@pytest.mark.parametrize("page, problem", HOSTILE_PAGES)
def test_a_translated_page_cannot_run_a_script(page, problem):
    html = render_translated_page(page, NAMES, CONFIGS)
    # Attribute lists are not read on a translated page, whatever the site's extensions say.
    assert 'onclick' not in str(BeautifulSoup(html, "html.parser").find_all(onclick=True))
    assert BeautifulSoup(html, "html.parser").find_all(class_="md-search") == []
    cleaned = clean_html(html)
    assert_inert(cleaned)
    assert unsafe_parts(cleaned) == []
    if problem:
        assert problem in unsafe_parts(html)


def test_validate_names_the_file_and_line_of_a_script_link(tmp_path):
    page = tmp_path / "docs" / "get-involved.pl.md"
    page.parent.mkdir()
    page.write_text("---\ntranslated_from: abc\n---\n# Weź udział\n\n[klik](\njavascript:alert(1))\n", encoding="utf-8")
    [error] = check_translated_page(tmp_path, page, (NAMES, CONFIGS))
    assert error.format() == (
        "docs/get-involved.pl.md:7: error [unsafe-translation] A translated page holds something that could run a script\n"
        "  problem: it holds the link 'javascript:alert(1)' (a javascript: link), which could run a script or change "
        "the page, so the site would remove it.\n"
        "  fix: Translated pages are Markdown: link with [text](https://...) or [text](page.md), and leave out HTML "
        "tags and {...} attribute lists.")


def test_a_translated_page_that_is_not_utf8_is_an_error_not_a_traceback(tmp_path):
    page = tmp_path / "docs" / "about-this-site.lt.md"
    page.parent.mkdir()
    page.write_bytes("# Apie\n\nŠiame puslapyje\n".encode("utf-8") + "Geràs\n".encode("cp1252"))
    [error] = check_translated_page(tmp_path, page, (NAMES, CONFIGS))
    assert (error.code, error.file, error.line) == ("not-utf8", "docs/about-this-site.lt.md", 4)
    assert error.fix == "Save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)."


@pytest.mark.parametrize("value, scheme", [
    ("https://example.org", "https"), ("page/", None), ("#top", None), ("../a.csv", None),
    (" JaVaScRiPt:alert(1)", "javascript"), ("java\tscript:x", "javascript"), ("java\nscript:x", "javascript"),
    ("\x01javascript:x", "javascript"), ("mailto:a@example.org", "mailto"), ("tel:+441733", "tel"),
    ("data:text/html,x", "data"), ("vbscript:x", "vbscript"), ("a/b:c", None),
])
def test_a_link_scheme_is_read_as_a_browser_reads_it(value, scheme):
    assert url_scheme(value) == scheme


def test_the_sanitiser_keeps_our_own_pages_as_they_are():
    # Our own HTML: a chart, a table, an admonition, a marked span, an abbreviation, a permalink.
    ours = ('<div class="admonition note"><p class="admonition-title">Note</p></div>'
            '<h2 id="x">T<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
            '<figure class="plan-figure"><svg class="plan-chart" viewBox="0 0 10 10" role="img" '
            'aria-labelledby="c-t c-d"><title id="c-t">t</title><desc id="c-d">d</desc>'
            '<g stroke="none" text-anchor="end"><rect x="1" y="2" width="3" height="4" fill="#000"></rect>'
            '<text x="1" y="2">a</text><path d="M0 0h1"></path><circle cx="1" cy="1" r="5"></circle></g></svg></figure>'
            '<div class="plan-table"><table id="t"><caption>c</caption><thead><tr><th scope="col">a</th></tr></thead>'
            '<tbody><tr><td>1</td></tr></tbody></table></div>'
            '<p><span lang="en" dir="ltr">English</span> <abbr title="Anti-social behaviour">ASB</abbr> '
            '<a href="../2024-2027/" hreflang="pl" lang="pl">Polski</a> <a href="mailto:a@example.org">a</a></p>')
    assert BeautifulSoup(clean_html(ours), "html.parser") == BeautifulSoup(ours, "html.parser")


def unsafe_in_built_page(text: str) -> list[str]:
    """What in a built page could run a script that is not the theme's own: an on* attribute
    on any element, an href or src with another scheme than http, https, mailto or tel, or a
    script in the page's content (the theme's own scripts are outside it)."""
    page = BeautifulSoup(text, "html.parser")
    found = []
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            elif name.lower() in ("href", "src", "xlink:href", "action", "formaction") and \
                    url_scheme(" ".join(value) if isinstance(value, list) else value) not in URL_SCHEMES | {None}:
                found.append(f"<{element.name} {name}={value!r}>")
    for script in page.select(".md-content script, article script"):
        found.append(f"<script> {str(script.string)[:40]!r}")
    return found


def test_no_built_page_carries_an_event_handler_or_a_script_link(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 100
    assert {str(page.relative_to(real_site)): unsafe_in_built_page(page.read_text(encoding="utf-8"))
            for page in pages if unsafe_in_built_page(page.read_text(encoding="utf-8"))} == {}


def test_the_page_check_finds_what_it_looks_for():
    assert unsafe_in_built_page('<script src="assets/x.js"></script><article><p onclick="x">a</p><a href=" '
                                'java\tscript:x">b</a><img src="data:x"><script>alert(1)</script></article>') == [
        "<p onclick>", "<a href=' java\\tscript:x'>", "<img src='data:x'>", "<script> 'alert(1)'"]
