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
