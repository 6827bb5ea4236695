"""Printable A4 leaflets: each edition's plain-language summary and its priorities at a glance,
as a tagged PDF with selectable text and the document's language set.

The plans promise printed summaries in public buildings. Chromium prints them from plain
HTML, so the same fonts that shape the web pages (including right-to-left scripts) shape the
leaflet. PDFs are cached by their content, so Chromium starts only when a leaflet changed.
"""
from __future__ import annotations

import hashlib
import os
from html import escape
from pathlib import Path

import markdown

from .model import Plan
from .pages import format_date, format_period

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
CACHE = ".cache/leaflets"

_STYLE = """
@page { size: A4; margin: 16mm 16mm 18mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; border-bottom: 1pt solid #000; }
.meta { margin: 0 0 4mm; }
.notice { border: 1.5pt solid #000; padding: 2mm 3mm; font-weight: bold; }
li { margin-bottom: 1.5mm; }
.small { font-size: 9pt; }
"""


def leaflet_path(edition_id: str) -> str:
    return f"leaflet/{edition_id}-summary.pdf"


def leaflet_html(plan: Plan, edition: dict, *, lang: str = "en", direction: str = "ltr") -> str:
    """The leaflet as a standalone, print-styled HTML page."""
    current = plan.editions[plan.current_edition_id()]
    parts = [f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">',
             f"<title>{escape(edition['title'])}: summary</title><style>{_STYLE}</style></head><body>",
             f"<p class='meta'>{escape(plan.partnership['name'])}</p>",
             f"<h1>{escape(edition['title'])}</h1>",
             f"<p class='meta'>{format_period(edition['period'])}. {escape(format_date(edition['published']['date']))}: "
             f"{escape(edition['published']['note'])}</p>"]
    if edition["status"] != "current":
        parts.append(f"<p class='notice'>This plan is no longer in force. The current plan is the "
                     f"{escape(current['title'])}.</p>")
    parts.append("<h2>The plan in plain words</h2>")
    parts.append(markdown.markdown(edition["summary"]))
    for kind, heading in (("priorities", "Our priorities"), ("themes", "Themes that run through all our work")):
        if edition[kind]:
            parts.append(f"<h2>{heading}</h2><ul>")
            for item in edition[kind]:
                outcome = f" {escape(item['key_outcome'].strip())}" if item.get("key_outcome") else ""
                parts.append(f"<li><strong>{escape(item['short_title'])}</strong> ({escape(item['title'])}).{outcome}</li>")
            parts.append("</ul>")
    sources = ", ".join(escape(plan.sources[s]["title"]) for s in edition.get("sources_all", edition["sources"]))
    parts.append(f"<p class='small'>Made from: {sources}. The full plan, with every figure and its source, "
                 "is on the partnership's plan website.</p></body></html>")
    return "".join(parts)


def render_pdf(html: str, project_dir: Path) -> bytes | None:
    """The HTML printed to a tagged A4 PDF, or None when Chromium is not installed."""
    cache = Path(project_dir) / CACHE / (hashlib.sha256(html.encode()).hexdigest() + ".pdf")
    if cache.is_file():
        return cache.read_bytes()
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content(html, wait_until="load")
        pdf = page.pdf(format="A4", print_background=True, tagged=True, outline=True,
                       prefer_css_page_size=True)
        browser.close()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pdf)
    return pdf
