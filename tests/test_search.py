"""Search: the other spellings added to the index, the A to Z of pages, and search in a browser."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from plansite.search import (DEFAULT_SEPARATOR, NOT_SEARCHED, VARIANT_FIELDS, enrich_index, fold,
                             synonym_groups, variants)

GLOSSARY = {
    "ASB": {"term": "ASB", "expansion": "anti-social behaviour", "meaning": "Nuisance."},
    "LAs": {"term": "LAs", "expansion": "local authorities", "meaning": "Councils."},
    "arson": {"term": "arson", "meaning": "Setting fire to property on purpose."},
}


def _variants(html: str) -> list[str]:
    return variants(html, synonym_groups(GLOSSARY, DEFAULT_SEPARATOR), DEFAULT_SEPARATOR).split()


def _index(*docs: dict) -> dict:
    return {"config": {"lang": ["en"], "separator": DEFAULT_SEPARATOR, "pipeline": ["stopWordFilter"],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
            "docs": list(docs)}


def test_fold_drops_the_accents_of_polish_and_lithuanian_letters():
    assert fold("aspołeczne zachowań ŻÓŁĆ") == "aspoleczne zachowan ZOLC"
    assert fold("Ąžuolas ėjo į šiaurę, ū č") == "Azuolas ejo i siaure, u c"


def test_fold_keeps_the_vowel_marks_of_urdu_script():
    # An Arabic-script letter with a combining mark is not a Latin letter with an accent.
    word = "بِ"
    assert fold(word) == word


def test_only_glossary_terms_with_an_expansion_are_synonyms():
    groups = synonym_groups(GLOSSARY, DEFAULT_SEPARATOR)
    assert [[(p.words, p.exact_case, p.joined) for p in g.phrases] for g in groups] == [
        [(("ASB",), True, ()), (("anti", "social", "behaviour"), False, ("antisocial",))],
        [(("LAs",), True, ()), (("local", "authorities"), False, ())],
    ]


def test_a_page_with_the_abbreviation_is_found_by_its_expansion_written_any_way():
    assert _variants("<p>Tackling (ASB), together.</p>") == [
        "asb", "together", "anti", "social", "behaviour", "antisocial"]


def test_a_page_with_the_expansion_is_found_by_the_abbreviation():
    # "Anti-Social" is indexed as "anti" and "social"; "antisocial" and "ASB" are added.
    assert _variants("<p>Less <strong>Anti-Social Behaviour</strong></p>") == ["antisocial", "asb"]


def test_an_abbreviation_matches_only_in_its_own_capitals():
    # "las" is Polish for a forest, not "LAs" (local authorities).
    assert _variants("<p>las i pola</p>") == []
    assert "local" in _variants("<p>The LAs agreed.</p>")


def test_words_with_accents_are_added_without_them_and_words_without_are_not_repeated():
    assert _variants("<p>Zachowania aspołeczne i jakość życia</p>") == ["aspoleczne", "jakosc", "zycia"]
    assert _variants("<p>plain words only</p>") == []


def test_enrich_index_adds_the_variant_fields_with_their_field_weight_and_leaves_the_shown_fields():
    title = "Ograniczanie zachowań aspołecznych"
    text = "<p>Mniej ASB.</p>"
    index = enrich_index(_index({"location": "priorities/asb/", "title": title, "text": text},
                                {"location": "glossary/", "title": "Words", "text": "<p>Plain words</p>"}),
                         GLOSSARY)
    assert index["config"]["fields"] == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6},
                                         "title_variants": {"boost": 1000.0}, "text_variants": {"boost": 1.0}}
    first, second = index["docs"]
    assert (first["title"], first["text"]) == (title, text)
    assert first["title_variants"] == "zachowan aspolecznych"
    assert first["text_variants"] == "asb anti social behaviour antisocial"
    # An entry with nothing to add gains no empty field.
    assert set(second) == {"location", "title", "text"} and "title_variants" in VARIANT_FIELDS.values()


def test_enrich_index_leaves_out_the_pages_for_finding_pages():
    index = enrich_index(_index(*({"location": location, "title": "T", "text": ""} for location in
                                  ["a-z/", "search-all/", "search-all/#x", "priorities/", "priorities/a-z/"])), {})
    assert [doc["location"] for doc in index["docs"]] == ["priorities/", "priorities/a-z/"]
    assert NOT_SEARCHED == {"a-z/", "search-all/"}


def test_the_a_to_z_lists_every_other_page_once_in_alphabetical_order():
    from conftest import ROOT
    from plansite.pages import edition_page_paths, edition_pages
    from plansite.pages.a_to_z import a_to_z_page
    from plansite.validate import load_valid_plan

    plan = load_valid_plan(ROOT)
    pages = {page.path: page for page in edition_pages(plan, "2017-2020-refresh-2018",
                                                       handwritten=[("Get involved", "get-involved.md")])}
    assert "a-z.md" in edition_page_paths(plan, "2017-2020-refresh-2018")
    page = pages["a-z.md"]
    assert page.title == "Pages from A to Z"
    lines = [line for line in page.markdown.splitlines() if line.startswith("- ")]
    linked = [line.split("](")[1].rstrip(")") for line in lines]
    titles = [line[3:line.index("](")] for line in lines]
    assert sorted(linked) == sorted([p for p in pages if p not in ("a-z.md", "search-all.md")] + ["get-involved.md"])
    assert "changes.md" in linked and titles == sorted(titles, key=str.casefold)
    # Polish names sort by their letters without accents: "Ósmy" among the Os, not after Z.
    polish = a_to_z_page(plan, [("Zdrowie", "b.md"), ("Ósmy", "c.md"), ("ochrona", "a.md")])
    assert [line for line in polish.markdown.splitlines() if line.startswith("- ")] == [
        "- [ochrona](a.md)", "- [Ósmy](c.md)", "- [Zdrowie](b.md)"]


def test_the_built_a_to_z_links_to_pages_that_exist(real_site):
    folder = real_site / "pl" / "2024-2027"
    soup = BeautifulSoup((folder / "a-z" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("article li a")]
    assert len(links) > 10
    assert all((folder / "a-z" / href / "index.html").resolve().is_file() for href in links)
    # Without JavaScript, every page says search needs it and links here.
    page = BeautifulSoup((folder / "priorities" / "index.html").read_text(encoding="utf-8"), "html.parser")
    note = BeautifulSoup(page.select_one("header ~ noscript").decode_contents(), "html.parser")
    assert note.get_text(" ", strip=True) == ("Wyszukiwarka wymaga JavaScriptu, który jest wyłączony w tej "
                                              "przeglądarce. Strony od A do Z")
    assert note.a["href"] == "../a-z/"


def _search(page, query: str) -> list[str]:
    """Type a query into the theme's search box as a reader does; the addresses of the results."""
    page.click(".md-search__input")
    page.fill(".md-search__input", "")
    page.type(".md-search__input", query)
    page.wait_for_function("q => document.querySelector('.md-search-result__list').children.length > 0 && "
                           "document.querySelector('.md-search__input').value === q", arg=query, timeout=15000)
    # The worker answers each keystroke; let the last answer land.
    page.wait_for_timeout(500)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.pathname)")


def test_search_finds_asb_by_abbreviation_and_polish_without_accents(real_site_url):
    from playwright.sync_api import sync_playwright

    from browser import launch, require_tools

    require_tools()
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(real_site_url + "2024-2027/", wait_until="load")
        found = _search(page, "antisocial")
        assert found[0] == "/2024-2027/priorities/anti-social-behaviour-and-quality-of-life/"
        assert "/2024-2027/priorities/anti-social-behaviour-and-quality-of-life/" in _search(page, "ASB")
        page.goto(real_site_url + "pl/2024-2027/", wait_until="load")
        assert _search(page, "aspoleczne")[0] == "/pl/2024-2027/priorities/anti-social-behaviour-and-quality-of-life/"
        # Every plan, each result labelled with its plan.
        page.goto(real_site_url + "2024-2027/search-all/?words=ASB", wait_until="load")
        page.wait_for_selector(".plan-search-all__results li", timeout=15000)
        plans = page.eval_on_selector_all(".plan-search-all__plan", "els => els.map(e => e.textContent)")
        # Each plan by its short label from versions.json, as the edition picker shows it.
        assert {"Plan: 2024–27 plan", "Plan: 2011–14 plan"} <= set(plans)
        chromium.close()


@pytest.mark.parametrize("html, expected", [("", []), ("<p>-</p>", []), ("<p>re-use</p>", ["reuse"])])
def test_variants_of_empty_or_punctuation_only_text(html, expected):
    assert _variants(html) == expected


def test_the_a_to_z_names_a_translated_page_by_its_heading_escaped_as_plain_text():
    from plansite.prepare import _handwritten_titles
    from plansite.translations import Words

    nav = [{"Get involved": "get-involved.md"}, {"More": [{"About this site": "about-this-site.md"}]}]
    hostile = "# <img src=x onerror=alert(1)> [Weź](javascript:alert(1)) {: onclick=x }\n\nText."
    assert _handwritten_titles(nav, Words(), {"get-involved.md": hostile}) == [
        ("&lt;img src=x onerror=alert(1)&gt; &#91;Weź&#93;(javascript:alert(1)) &#123;: onclick=x &#125;",
         "get-involved.md"),
        ("About this site", "about-this-site.md")]
