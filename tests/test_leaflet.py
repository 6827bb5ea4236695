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
    })
    html = leaflet_html(plan, edition, evil)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


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
