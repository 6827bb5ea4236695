"""Leaflets in other languages: language marking, right-to-left, and translator text made harmless."""
from plansite.leaflet import leaflet_html, local_date
from plansite.validate import load_valid_plan
from plansite.versions import resolve_edition


class FakeTranslator:
    def __init__(self, language, texts):
        self.language, self.texts = language, texts

    def lookup(self, catalog, context, english):
        # The site's own words are found by their English, plan text by its stable id.
        return self.texts.get(english if context is None else context)


def test_translated_text_cannot_run_a_script(project):
    plan = load_valid_plan(project.root)
    edition = resolve_edition(plan, "2020-2023")
    evil = FakeTranslator("pl", {
        "summary": "Chcemy <script>alert(1)</script> mniej [kliknij](javascript:alert(1)) przestępstw.",
        "title": '<img src=x onerror="alert(1)">',
        "partnership/contact/text": "Napisz <script>alert(2)</script> [tutaj](javascript:alert(3)).",
    })
    html = leaflet_html(plan, edition, evil)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The contact text too: its brackets are escaped, so no link forms.
    assert "<p>Napisz &lt;script&gt;alert(2)&lt;/script&gt; &#91;tutaj&#93;(javascript:alert(3)).</p>" in html


def test_untranslated_parts_are_marked_english_under_a_notice(project):
    plan = load_valid_plan(project.root)
    edition = resolve_edition(plan, "2020-2023")
    html = leaflet_html(plan, edition, FakeTranslator("ur", {"summary": "ہم کم جرائم چاہتے ہیں۔"}))
    assert html.startswith('<!doctype html><html lang="ur" dir="rtl">')
    assert "<p>ہم کم جرائم چاہتے ہیں۔</p>" in html
    assert '<h1><span lang="en" dir="ltr">Example Plan 2020 to 2023</span></h1>' in html
    assert ('<p class=\'notice\'><span lang="en" dir="ltr">Some parts are not yet translated and are shown in '
            'English.</span></p>') in html


def test_dates_follow_the_language():
    assert local_date("2024-09-24", "en") == "24 September 2024"
    assert local_date("2024-09-24", "pl") == "24 września 2024"
    assert local_date("2024-09-24", "lt") == "2024 m. rugsėjo 24 d."
    assert local_date("2018-11", "pl") == "listopad 2018"
    assert local_date("2017", "ur") == "2017"


def test_values_are_escaped_once_and_translations_cannot_reach_into_them(project):
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "title: Example Plan 2021/22 refresh",
                    "title: Example Plan 2021/22 refresh & review")
    plan = load_valid_plan(project.root)
    edition = resolve_edition(plan, "2020-2023")
    english = leaflet_html(plan, edition)
    assert "The current plan is the Example Plan 2021/22 refresh &amp; review." in english
    sneaky = FakeTranslator("pl", {"This plan is no longer in force. The current plan is the {current}.":
                                      "Obecny plan: {current.__class__}"})
    # The braces are escaped like the rest of a translation (no attribute list can form from them).
    assert "Obecny plan: &#123;current.__class__&#125;" in leaflet_html(plan, edition, sneaky)


# --- The PDF: dated by its edition, printed once per content -------------------------------------

def test_pdf_date_comes_from_the_edition_or_source_date_epoch():
    from plansite.leaflet import pdf_date

    assert pdf_date("2021-07-25") == "D:20210725000000+00'00'"
    assert pdf_date("2018-11") == "D:20181101000000+00'00'"
    assert pdf_date("2017") == "D:20170101000000+00'00'"
    # SOURCE_DATE_EPOCH, the reproducible-builds standard, wins when set: 1 December 2026, 19:45:08 UTC.
    assert pdf_date("2017", "1796154308") == "D:20261201194508+00'00'"


SKIA_PDF = (b"%PDF-1.4\n1 0 obj\n<</Creator (Chromium)\n/Producer (Skia/PDF m131)\n"
            b"/CreationDate (D:20261201194344+00'00')\n/ModDate (D:20261201194345+00'00')>>\nendobj\n"
            b"xref\n0 2\ntrailer\n<</Size 2 /Info 1 0 R>>\nstartxref\n9\n%%EOF\n")


def test_pdf_dates_are_replaced_in_place():
    from plansite.leaflet import set_pdf_dates

    dated = set_pdf_dates(SKIA_PDF, "D:20210725000000+00'00'")
    assert dated == SKIA_PDF.replace(b"D:20261201194344+00'00'", b"D:20210725000000+00'00'").replace(
        b"D:20261201194345+00'00'", b"D:20210725000000+00'00'")
    # Same length, so the cross-reference offsets still point at the same objects.
    assert len(dated) == len(SKIA_PDF)


def test_cache_key_covers_the_html_and_the_date():
    from plansite.leaflet import Leaflet

    keys = {Leaflet("<p>a</p>", "D:20210725000000+00'00'").key, Leaflet("<p>b</p>", "D:20210725000000+00'00'").key,
            Leaflet("<p>a</p>", "D:20200101000000+00'00'").key}
    assert len(keys) == 3
    assert Leaflet("<p>a</p>", "D:20210725000000+00'00'").key == Leaflet("<p>a</p>", "D:20210725000000+00'00'").key


def test_cached_leaflets_are_not_printed_again(tmp_path, monkeypatch):
    import plansite.leaflet as leaflet
    from plansite.leaflet import Leaflet, print_leaflets, render_pdf

    cached = Leaflet("<p>a</p>", "D:20210725000000+00'00'")
    (tmp_path / f"{cached.key}.pdf").write_bytes(b"%PDF cached")
    # Chromium "missing": a cached leaflet is still served, an uncached one is not printed.
    monkeypatch.setattr(leaflet, "CHROMIUM", str(tmp_path / "no-chromium"))
    assert render_pdf(cached, tmp_path) == b"%PDF cached"
    assert print_leaflets([cached], tmp_path) is True
    assert render_pdf(Leaflet("<p>b</p>", cached.date), tmp_path) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{cached.key}.pdf"]


# --- What the leaflet says: each title once, where to read more, how to contact us -----------

def _items(html):
    from bs4 import BeautifulSoup

    return [" ".join(li.get_text().split()) for li in BeautifulSoup(html, "html.parser").select("h2 + ul > li")]


def test_a_title_is_shown_once_when_the_short_one_says_the_same(project):
    plan = load_valid_plan(project.root)
    edition = resolve_edition(plan, "2020-2023")
    # "Mental health" and "Mental Health" differ only in case: the plan's title is left out.
    assert _items(leaflet_html(plan, edition)) == [
        "Less crime (Reducing Crime). Fewer victims.",
        "Nuisance behaviour (Tackling Anti-Social Behaviour).",
        "Mental health."]
    polish = FakeTranslator("pl", {"themes/mental-health/short_title": "Zdrowie psychiczne",
                                   "themes/mental-health/title": "Zdrowie psychiczne"})
    assert "Zdrowie psychiczne." in _items(leaflet_html(plan, edition, polish))
    assert "Zdrowie psychiczne (Zdrowie psychiczne)" not in leaflet_html(plan, edition, polish)


def test_the_leaflet_ends_with_the_website_and_the_contact(project):
    from bs4 import BeautifulSoup

    plan = load_valid_plan(project.root)
    html = BeautifulSoup(leaflet_html(plan, resolve_edition(plan, "2020-2023")), "html.parser")
    assert html.find_all("h2")[-1].get_text() == "Read more and contact us"
    after = html.find_all("h2")[-1].find_next_siblings()
    assert [p.get_text() for p in after] == [
        "The full plan, with every figure and its source, is on our website: "
        "https://example.org/community-safety/2020-2023/",
        "Write to the council.",
        "Made from: Example Plan 2020 to 2023."]
    assert html.find("a")["href"] == "https://example.org/community-safety/2020-2023/"
    # In another language, the address of the edition in that language.
    polish = BeautifulSoup(leaflet_html(plan, resolve_edition(plan, "2020-2023"), FakeTranslator("pl", {})),
                           "html.parser")
    assert polish.find("a")["href"] == "https://example.org/community-safety/pl/2020-2023/"


def test_without_the_site_address_the_leaflet_says_it_is_a_preview(project):
    project.replace("plan_data/partnership.yaml", "site_url: https://example.org/community-safety/\n", "")
    plan = load_valid_plan(project.root)
    html = leaflet_html(plan, resolve_edition(plan, "2020-2023"))
    assert ("<p class='notice'>Preview copy: the website&#x27;s address is not set yet, so this leaflet cannot say "
            "where to read more. Do not hand it out.</p>") in html
    assert "<a " not in html


def test_the_document_title_is_in_the_leaflets_language(project):
    plan = load_valid_plan(project.root)
    edition = resolve_edition(plan, "2020-2023")
    html = leaflet_html(plan, edition, FakeTranslator("pl", {"title": "Przykładowy plan & więcej"}))
    assert "<title>Przykładowy plan &amp; więcej</title>" in html
    assert "<title>Example Plan 2020 to 2023</title>" in leaflet_html(plan, edition)


def test_bold_and_italic_are_written_as_b_and_i(project):
    project.replace("plan_data/editions/2020-2023.yaml", "summary: We want fewer crimes.",
                    "summary: We want **fewer** *crimes*.")
    plan = load_valid_plan(project.root)
    edition = resolve_edition(plan, "2020-2023")
    for translator in (None, FakeTranslator("pl", {"summary": "Chcemy **mniej** *przestępstw*."})):
        html = leaflet_html(plan, edition, translator)
        assert "<strong" not in html and "<em" not in html
    assert "<p>We want <b>fewer</b> <i>crimes</i>.</p>" in leaflet_html(plan, edition)


#: The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which poppler checks a tagged
#: PDF's structure against (pdfinfo -struct). Chromium writes <strong> and <em> as Strong and Em,
#: PDF 2.0's types, which are not among them.
PDF17_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
    "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"}


def structure_types(pdf: bytes) -> list[str]:
    """Every structure element's type in a tagged PDF, read with pypdf, in document order."""
    import io

    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, DictionaryObject) and "/S" in node:
            found.append(str(node["/S"]).lstrip("/"))
            if "/K" in node:
                walk(node["/K"])

    walk(root["/K"])
    return found


def test_the_printed_pdf_has_a_valid_structure_and_its_languages_title(project, leaflet_cache):
    import io
    import shutil
    import subprocess
    from pathlib import Path

    import pytest
    from pypdf import PdfReader

    from plansite.leaflet import CHROMIUM, edition_leaflet, render_pdf

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `bash scripts/install-test-tools.sh`.")
    project.replace("plan_data/editions/2020-2023.yaml", "summary: We want fewer crimes.",
                    "summary: We want **fewer** *crimes*.")
    plan = load_valid_plan(project.root)
    polish = FakeTranslator("pl", {"title": "Przykładowy plan na lata 2020–2023"})
    pdf = render_pdf(edition_leaflet(plan, resolve_edition(plan, "2020-2023"), polish), leaflet_cache)
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Przykładowy plan na lata 2020–2023"
    types = structure_types(pdf)
    assert {"H1", "H2", "L", "LI", "Link"} <= set(types)
    assert [t for t in types if t not in PDF17_TYPES] == []
    # poppler's own check too, where it is installed (Debian's poppler-utils).
    if shutil.which("pdfinfo"):
        checked = subprocess.run(["pdfinfo", "-struct", "-"], input=pdf, capture_output=True)
        assert checked.returncode == 0 and checked.stderr == b""
