"""Printable A4 leaflets: each edition's plain-language summary and its priorities at a glance,
as a tagged PDF with selectable text and the document's language set.

The plans promise printed summaries in public buildings. Chromium prints them from plain
HTML, so the same fonts that shape the web pages (including right-to-left scripts) shape the
leaflet. PDFs are cached by their content, so Chromium starts only when a leaflet changed, and
a build prints every changed leaflet in one browser session.

A leaflet's PDF is dated by its edition (or by SOURCE_DATE_EPOCH, the reproducible-builds
standard, when set), not by the moment it was printed, so two builds of the same plan give
the same bytes.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Iterable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .editions import ResolvedEdition
from .model import Plan
from .translations import default_language, local_date, text_direction
from .urls import edition_folder, site_address

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
#: The project's leaflet cache, unless a build is given another folder.
CACHE = ".cache/leaflets"
#: Part of every cache key: change it when the way a PDF is made changes, so old PDFs are not reused.
_RECIPE = "chromium-a4-tagged-outline/dated-2"

_STYLE = """
@page { size: A4; margin: 16mm 16mm 18mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; }
[lang="ur"] { font-family: "Noto Nastaliq Urdu", "Noto Naskh Arabic", serif; line-height: 2.1; }
[lang="en"] { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.45; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; border-bottom: 1pt solid #000; }
.meta { margin: 0 0 4mm; }
.notice { border: 1.5pt solid #000; padding: 2mm 3mm; font-weight: bold; }
li { margin-bottom: 1.5mm; }
.small { font-size: 9pt; }
.name { font-weight: bold; }
a { color: #000; }
/* The address on a line of its own, never broken: a break at one of its hyphens would read as part of it. */
.address { display: block; white-space: nowrap; font-size: 13pt; font-weight: bold; margin-top: 1mm; }
"""


def leaflet_path(edition_id: str, language: str | None = None) -> str:
    suffix = f".{language}" if language else ""
    return f"leaflet/{edition_id}-summary{suffix}.pdf"


class _English:
    """The English texts, as the source language: every text is 'translated'."""

    language = "en"

    def lookup(self, catalog, context, english):
        return None


def leaflet_html(plan: Plan, edition: ResolvedEdition, translator=None) -> str:
    """The leaflet as a standalone, print-styled HTML page, in the translator's language.

    Texts with no translation stay in English, marked lang="en" dir="ltr", under a notice that
    says so; translated text is escaped, since it comes from outside the team."""
    from .translations import PLAN_CATALOG, SITE_CATALOG, fill, fill_translation, harmless

    translator = translator or _English()
    language = translator.language
    direction = text_direction(language)
    fallback = []

    def text(catalog: str, context: str | None, english: str, **values) -> str:
        """values are HTML already; the template is escaped before they go in."""
        translated = translator.lookup(catalog, context, english)
        if translated is not None:
            return fill_translation(translated, values)
        if language != "en":
            fallback.append(english)
            return f'<span lang="en" dir="ltr">{fill(escape(english), values)}</span>'
        return fill(escape(english), values)

    def t(english: str, **values) -> str:
        """One of the site's own texts (site.po), found by extract as t("...")."""
        return text(SITE_CATALOG, None, english, **values)

    def block(catalog: str, context: str, english: str) -> str:
        translated = translator.lookup(catalog, context, english)
        if translated is not None:
            return _markdown(harmless(translated))
        html = _markdown(escape(english))
        if language != "en":
            fallback.append(context)
            return f'<div lang="en" dir="ltr">{html}</div>'
        return html

    def plain(catalog: str, context: str, english: str) -> str:
        """A text where no element can go (the document's title), escaped."""
        translated = translator.lookup(catalog, context, english)
        return escape(english if translated is None else translated)

    current = plan.editions[plan.current_edition_id()]
    ident = edition.id
    body = [f"<p class='meta'>{escape(plan.partnership['name'])}</p>",
            f"<h1>{text(ident, 'title', edition.title)}</h1>",
            f"<p class='meta'>{edition.period['start']}–{edition.period['end']}. "
            f"{escape(local_date(edition.published['date'], language))}: "
            f"{text(ident, 'published/note', ' '.join(edition.published['note'].split()))}</p>"]
    if edition.status == "draft":
        body.append("<p class='notice'>" + t("This is a draft plan.") + " "
                    + t("It has not been approved yet and may change.") + "</p>")
    elif edition.status != "current":
        body.append("<p class='notice'>" + t("This plan is no longer in force. The current plan is the {current}.",
                                             current=escape(current["title"])) + "</p>")
    body.append(f"<h2>{t('The plan in plain words')}</h2>")
    body.append(block(ident, "summary", edition.summary))
    for kind, heading in (("priorities", lambda: t("Our priorities")),
                          ("themes", lambda: t("Themes that run through all our work"))):
        if edition.kind_items(kind):
            body.append(f"<h2>{heading()}</h2><ul>")
            for item in edition.kind_items(kind):
                base = f"{kind}/{item.id}"
                outcome = (" " + text(ident, f"{base}/key_outcome", item.key_outcome.strip())
                           if item.key_outcome else "")
                short = text(ident, base + "/short_title", item.short_title)
                full = text(ident, base + "/title", item.title)
                # The plan's own title only when it says more than the short one: "Mental health
                # (Mental Health)" reads as a mistake, in any language.
                original = f" ({full})" if _words(full) != _words(short) else ""
                # <b>, not <strong>: Chromium tags <strong> as the PDF 2.0 type Strong in a PDF
                # 1.7 structure tree, where it is not a standard type (pdfinfo -struct reports it).
                body.append(f"<li><b class='name'>{short}</b>{original}.{outcome}</li>")
            body.append("</ul>")
    body.append(f"<h2>{t('Read more and contact us')}</h2>")
    site_url = plan.partnership.get("site_url")
    if site_url:
        folder = edition_folder(ident, None if language == default_language(plan) else language)
        address = escape(site_address(site_url, folder))
        body.append("<p>" + t("The full plan, with every figure and its source, is on our website: {address}",
                              address=f'<a class="address" href="{address}" dir="ltr">{address}</a>') + "</p>")
    else:
        # No address to print: a preview, marked so that nobody hands it out (publish refuses).
        body.append("<p class='notice'>" + t("Preview copy: the website's address is not set yet, so this "
                                              "leaflet cannot say where to read more. Do not hand it out.") + "</p>")
    contact = plan.partnership["contact"]
    body.append(block(PLAN_CATALOG, "partnership/contact/text", contact["text"].strip()))
    roles = contact.get("roles", [])
    if roles:
        body.append("<ul>" + "".join(
            f"<li><b class='name'>{text(PLAN_CATALOG, f'partnership/contact/roles/{n}/role', role['role'].strip())}"
            f"</b>: {text(PLAN_CATALOG, f'partnership/contact/roles/{n}/how', ' '.join(role['how'].split()))}</li>"
            for n, role in enumerate(roles)) + "</ul>")
    sources = ", ".join(escape(plan.sources[s]["title"]) for s in edition.all_sources)
    body.append("<p class='small'>" + t("Made from: {sources}.", sources=sources) + "</p>")
    notices = []
    if language != "en":
        notices.append(t("This translation is a draft. It awaits review by a qualified translator."))
        if fallback:
            notices.append(t("Some parts are not yet translated and are shown in English."))
    head = (f'<!doctype html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
            f"<title>{plain(ident, 'title', edition.title)}</title><style>{_STYLE}</style></head><body>")
    notice_html = "".join(f"<p class='notice'>{n}</p>" for n in notices)
    return head + body[0] + body[1] + notice_html + "".join(body[2:]) + "</body></html>"


def _words(html: str) -> str:
    """A title as a reader compares it: its words, whatever their case and markup."""
    return " ".join(re.sub(r"<[^>]*>", " ", html).casefold().split())


class _PlainEmphasis(Treeprocessor):
    """**bold** and *italic* as <b> and <i>: Chromium tags <strong> and <em> as the PDF 2.0
    types Strong and Em, which a PDF 1.7 structure tree does not have."""

    def run(self, root):
        for element in root.iter():
            element.tag = {"strong": "b", "em": "i"}.get(element.tag, element.tag)


class _PlainEmphasisExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_PlainEmphasis(md), "plain-emphasis", 0)


def _markdown(text: str) -> str:
    return markdown.markdown(text, extensions=[_PlainEmphasisExtension()])


@dataclass(frozen=True)
class Leaflet:
    """One leaflet to print: its HTML, and the date its PDF carries (a PDF date, 'D:20240924000000Z')."""

    html: str
    date: str

    @property
    def key(self) -> str:
        """The name of its PDF in the cache: a digest of everything the PDF is made from."""
        return hashlib.sha256(f"{_RECIPE}\n{self.date}\n{self.html}".encode()).hexdigest()


def default_cache(project_dir: Path) -> Path:
    """The project's own leaflet cache, .cache/leaflets/."""
    return Path(project_dir) / CACHE


def pdf_date(published: str, source_date_epoch: str | None = None) -> str:
    """The PDF date for a leaflet: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when given, else
    the edition's published date ('2024-09-24', '2018-11' or '2017'), at midnight UTC."""
    if source_date_epoch:
        moment = datetime.fromtimestamp(int(source_date_epoch), tz=timezone.utc)
    else:
        parts = [int(p) for p in str(published).split("-")] + [1, 1]
        moment = datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def edition_leaflet(plan: Plan, edition: ResolvedEdition, translator=None, source_date_epoch: str | None = None) -> Leaflet:
    """The leaflet of a resolved edition in the translator's language (English without one)."""
    return Leaflet(leaflet_html(plan, edition, translator), pdf_date(edition.published["date"], source_date_epoch))


#: How Skia, Chromium's PDF writer, writes the document's dates: always this many characters.
_SKIA_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[+-]\d\d'\d\d'\)")


def set_pdf_dates(pdf: bytes, date: str) -> bytes:
    """The PDF with its CreationDate and ModDate set to date.

    Skia writes each date as a fixed-length string, so it is replaced in place and every
    offset in the file stays right; any other form is rewritten with pypdf."""
    new = date.encode()
    found = _SKIA_DATE.findall(pdf)
    if len(new) == len(b"D:20240924000000+00'00'") and sorted(found) == [b"CreationDate", b"ModDate"]:
        return _SKIA_DATE.sub(lambda m: b"/" + m.group(1) + b" (" + new + b")", pdf)
    import io

    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_metadata({"/CreationDate": date, "/ModDate": date})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def print_leaflets(leaflets: Iterable[Leaflet], cache_dir: Path) -> bool:
    """Print every leaflet whose PDF is not yet in cache_dir, all in one browser session.

    Returns False when Chromium is not installed (nothing is printed). PDFs are written to the
    cache under a temporary name and renamed, so builds running side by side never read half a file."""
    cache_dir = Path(cache_dir)
    todo = {leaflet.key: leaflet for leaflet in leaflets if not (cache_dir / f"{leaflet.key}.pdf").is_file()}
    if not todo:
        return True
    if not Path(CHROMIUM).exists():
        return False
    from playwright.sync_api import sync_playwright

    cache_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for key, leaflet in sorted(todo.items()):
                page.set_content(leaflet.html, wait_until="load")
                pdf = page.pdf(format="A4", print_background=True, tagged=True, outline=True,
                               prefer_css_page_size=True)
                handle, temporary = tempfile.mkstemp(prefix=f".{key}-", suffix=".tmp", dir=cache_dir)
                with os.fdopen(handle, "wb") as out:
                    out.write(set_pdf_dates(pdf, leaflet.date))
                os.replace(temporary, cache_dir / f"{key}.pdf")
        finally:
            browser.close()
    return True


def render_pdf(leaflet: Leaflet, cache_dir: Path) -> bytes | None:
    """The leaflet printed to a tagged A4 PDF (from the cache when printed before), or None
    when Chromium is not installed."""
    if not print_leaflets([leaflet], cache_dir):
        return None
    return (Path(cache_dir) / f"{leaflet.key}.pdf").read_bytes()
