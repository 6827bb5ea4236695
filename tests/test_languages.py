"""The site in other languages: language and direction marking, English fallback marked as such,
the same-page language switcher, numbers and dates in the language's way, and translations that
cannot run a script."""
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from conftest import POLISH, tool_translations
from plansite.commands import CommandFailed, build, translations
from plansite.translations import ENGLISH_END, ENGLISH_START, STALE, Words, po_path

REFRESH = "2020-2023-refresh-2021"
LANGUAGES = POLISH + """\
  - code: ur
    name: اردو
    review: reviewed
"""


def soup(path: Path) -> BeautifulSoup:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for permalink in html.select("a.headerlink"):
        permalink.decompose()
    return html


def translate(path: Path, texts: dict[str, str]) -> None:
    """Fill in msgstr lines as a PO editor would: plan texts by msgctxt, the site's words by msgid."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        key = message.context if message.context is not None else message.id
        if key in texts:
            message.string = texts.pop(key)
    assert texts == {}, f"not in {path.name}: {list(texts)}"
    with path.open("wb") as handle:
        write_po(handle, catalog, include_previous=True)


@pytest.fixture(scope="module")
def translated(module_site_project, tmp_path_factory):
    """The fixture site with Polish (a draft) and Urdu (reviewed), a few texts translated; built
    once for the module, because its tests only read it. The tool's own translations of the
    site's words are left out, so every text not translated here shows as English."""
    site_project = module_site_project
    with tool_translations(tmp_path_factory.mktemp("no-locale")):
        site_project.write("plan_data/languages.yaml", LANGUAGES)
        translations(site_project.root, "extract")
        translate(po_path(site_project.root, "pl", REFRESH), {"title": "Przykładowy plan 2021/22",
                                                              "priorities/reducing-crime/title": "Mniej przestępstw"})
        translate(po_path(site_project.root, "pl", "site"), {"About this page": "O tej stronie", "Period:": "Okres:"})
        translate(po_path(site_project.root, "ur", REFRESH), {"title": "مثالی منصوبہ"})
        build(site_project.root, site_project.root / "site")
    return site_project.root / "site"


def test_each_language_has_its_own_folder_of_the_current_edition(translated):
    assert (translated / "pl" / REFRESH / "index.html").is_file()
    assert (translated / "ur" / REFRESH / "index.html").is_file()
    # The older edition has no translation yet, so it is published in English only.
    assert not (translated / "pl" / "2020-2023").exists()
    assert [v["version"] for v in __import__("json").loads((translated / "pl" / "versions.json").read_text())] == [REFRESH]


@pytest.mark.parametrize("folder, lang, direction", [(REFRESH, "en", "ltr"), (f"pl/{REFRESH}", "pl", "ltr"),
                                                     (f"ur/{REFRESH}", "ur", "rtl")])
def test_pages_say_their_language_and_direction(translated, folder, lang, direction):
    for page in (translated / folder).rglob("index.html"):
        html = soup(page)
        assert (html.html["lang"], html.html["dir"], html.body["dir"]) == (lang, direction, direction), page


def test_translated_text_is_in_the_page_language_and_the_rest_is_marked_english(translated):
    home = soup(translated / "pl" / REFRESH / "index.html")
    article = home.select_one("article")
    assert article.h1.get_text() == "Przykładowy plan 2021/22" and article.h1.find(lang=True) is None
    about = [h for h in article.select("h2") if h.get_text() == "O tej stronie"]
    assert len(about) == 1 and about[0].find(lang=True) is None
    # The summary has no translation: shown in English, marked so a screen reader switches voice.
    english = [span.get_text() for span in article.select('span[lang="en"][dir="ltr"]')]
    assert "We added a priority." in english
    assert "The plan in plain words" in english
    # A short notice says so; the Polish translation is a draft, and says that too.
    notice = article.select_one(".admonition.note").get_text(" ", strip=True)
    assert "Some parts are not yet translated and are shown in English." in notice
    assert "This translation is a draft. It awaits review by a qualified translator." in notice


def test_no_marker_reaches_the_published_files(translated):
    for path in translated.rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert ENGLISH_START not in text and ENGLISH_END not in text and STALE not in text, path


def test_reviewed_translation_has_no_draft_notice(translated):
    article = soup(translated / "ur" / REFRESH / "index.html").select_one("article")
    assert "awaits review" not in article.get_text()


def test_untranslated_hand_written_page_is_english_under_a_notice_in_the_reader_language(translated):
    article = soup(translated / "pl" / REFRESH / "get-involved" / "index.html").select_one("article")
    notice = article.select_one('.admonition[lang="pl"][dir="ltr"]')
    assert "This page is not yet translated and is shown in English." in notice.get_text()
    body = article.select_one('div[lang="en"][dir="ltr"]')
    assert body.h1.get_text() == "Get involved"


def test_translated_hand_written_page_replaces_the_english(site_project):
    from plansite.translations import english_hash
    site_project.write("plan_data/languages.yaml", LANGUAGES)
    english = (site_project.root / "docs" / "get-involved.md").read_text(encoding="utf-8")
    site_project.write("docs/get-involved.pl.md",
                       f"---\ntranslated_from: {english_hash(english)}\n---\n# Zaangażuj się\n\nDołącz do nas.\n")
    build(site_project.root, site_project.root / "site")
    page = soup(site_project.root / "site" / "pl" / REFRESH / "get-involved" / "index.html")
    assert page.select_one("article h1").get_text() == "Zaangażuj się"
    assert page.title.get_text().startswith("Zaangażuj się - ")
    assert page.select_one('article div[lang="en"]') is None
    # The translation is not a page of its own in any language.
    assert not list((site_project.root / "site").rglob("get-involved.pl*"))


def test_switcher_leads_to_the_same_page_in_each_language(translated):
    for folder in (REFRESH, f"pl/{REFRESH}", f"ur/{REFRESH}"):
        page = translated / folder / "priorities" / "reducing-crime" / "index.html"
        links = {a["hreflang"]: a for a in soup(page).select("a.md-select__link[hreflang]")}
        assert set(links) == {"en", "pl", "ur"}
        for code, link in links.items():
            target = (page.parent / link["href"]).resolve() / "index.html"
            expected = translated / ("" if code == "en" else code) / REFRESH / "priorities" / "reducing-crime"
            assert target == (expected / "index.html").resolve(), (folder, code)
            assert link["lang"] == code
        current = [code for code, link in links.items() if link.get("aria-current") == "page"]
        assert current == [folder.split("/")[0] if "/" in folder else "en"]


def test_archived_edition_links_to_the_english_where_it_has_no_translation(translated):
    editions = soup(translated / "pl" / REFRESH / "editions" / "index.html")
    links = {a.get_text(): a["href"] for a in editions.select("article table a")}
    older = links["Example Plan 2020 to 2023"]
    assert (translated / "pl" / REFRESH / "editions" / older / "index.html").resolve() == \
        (translated / "2020-2023" / "index.html").resolve()


def test_numbers_and_dates_are_written_the_language_way():
    polish, lithuanian, english = Words("pl", object()), Words("lt", object()), Words()
    assert (english.number(1633.5), polish.number(1633.5), polish.number(12345)) == ("1,633.5", "1\xa0633,5", "12\xa0345")
    assert (english.percent(73.5), polish.percent(73.5), lithuanian.percent(73.5)) == ("73.5%", "73,5%", "73,5\xa0%")
    assert (english.date("2024-09-24"), polish.date("2024-09-24")) == ("24 September 2024", "24 września 2024")
    assert polish.date("2018-11") == "listopad 2018"


def test_figures_on_a_polish_page_use_a_decimal_comma(site_project):
    site_project.replace("plan_data/data/figures.csv", '"1,200"', '"1,200.5"')
    site_project.write("plan_data/languages.yaml", LANGUAGES)
    build(site_project.root, site_project.root / "site")
    page = soup(site_project.root / "site" / "pl" / REFRESH / "priorities" / "reducing-crime" / "index.html")
    cells = [td.get_text() for td in page.select("article table td")]
    # Babel's CLDR data: a decimal comma and a (non-breaking) space between thousands.
    assert "1\xa0200,5" in cells and "1\xa0000" in cells and "1,200.5" not in " ".join(cells)


def test_urdu_chart_runs_right_to_left(translated):
    page = soup(translated / "ur" / REFRESH / "priorities" / "reducing-crime" / "index.html")
    chart = page.select_one("article svg.plan-chart")
    assert chart["direction"] == "rtl"
    english = soup(translated / REFRESH / "priorities" / "reducing-crime" / "index.html").select_one("svg.plan-chart")
    # Mirrored: every label sits as far from the right-hand side as the English one from the left.
    width = int(english["viewbox"].split()[2])
    assert [int(t["x"]) for t in chart.select("text")] == [width - int(t["x"]) for t in english.select("text")]


def test_translation_cannot_run_a_script(site_project):
    site_project.write("plan_data/languages.yaml", LANGUAGES)
    translations(site_project.root, "extract")
    evil = ('<script>alert(1)</script><img src=x onerror="alert(2)"> [klik](javascript:alert(3)) '
            '{ onclick=alert(4) } {: #__config .md-search }')
    title = "Fish & Chip's </title><script>alert(5)</script>"
    translate(po_path(site_project.root, "pl", REFRESH), {
        "title": title, "summary": evil + "\n{: onclick=alert(6) }\n\n- a { onclick=alert(7) }",
        "priorities/reducing-crime/title": "Mniej { onclick=alert(8) }",
        "priorities/reducing-crime/short_title": "Mniej & 'lepiej'"})
    translate(po_path(site_project.root, "pl", "site"), {"About this page": evil})
    # A translated page with attribute lists (read as text) and a front-matter title.
    site_project.write("docs/get-involved.pl.md", "---\ntitle: </title><script>alert(9)</script>\n---\n"
                                                  "# Weź udział { onclick=alert(10) }\n\n- punkt {: onclick=alert(11) }\n")
    build(site_project.root, site_project.root / "site")
    for page in (site_project.root / "site" / "pl").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        html = BeautifulSoup(text, "html.parser")
        # Only the theme's own scripts run; the translation shows as text (in the theme's
        # JSON settings too, where it is data, escaped).
        assert all("alert" not in (script.string or "") for script in html.select("script")
                   if script.get("type") != "application/json"), page
        assert "<script>alert" not in text and "<img" not in text, page
        assert [e for e in html.find_all(True) if any(a.startswith("on") for a in e.attrs)] == [], page
        assert html.select('a[href^="javascript"]') == [] and html.select(".md-search[id]") == [], page
        assert len(html.find_all(id="__config")) <= 1, page
    home = soup(site_project.root / "site" / "pl" / REFRESH / "index.html")
    assert "<script>alert(1)</script>" in home.select_one("article h1").get_text() or \
        home.select_one("article h1").get_text() == title
    # Escaped once: the reader sees '&' and "'" in the title, in link titles and in labels.
    assert home.title.get_text() == f"{title}"
    assert home.select_one("a.md-logo")["title"] == title and home.select_one("a.md-logo")["aria-label"] == title
    nav = [a.get_text(" ", strip=True) for a in home.select("nav.md-nav--primary a")]
    assert "Mniej & 'lepiej'" in nav
    page = soup(site_project.root / "site" / "pl" / REFRESH / "get-involved" / "index.html")
    assert page.title.get_text() == f"Weź udział {{ onclick=alert(10) }} - {title}"
    assert page.select_one("article li").get_text() == "punkt {: onclick=alert(11) }"


def test_translated_page_that_could_run_a_script_is_refused_with_the_line(site_project, capsys):
    site_project.write("plan_data/languages.yaml", LANGUAGES)
    site_project.write("docs/get-involved.pl.md", "# Zaangażuj się\n\n[klik](\n  JaVa&#115;cript:alert(1))\n\n"
                                                  "<img src=x onerror=alert(2)>\n")
    with pytest.raises(CommandFailed) as failure:
        build(site_project.root, site_project.root / "site")
    report = str(failure.value)
    assert ("docs/get-involved.pl.md:4: error [unsafe-translation] A translated page holds something that could "
            "run a script\n  problem: it holds the link 'JaVascript:alert(1)' (a javascript: link), which could "
            "run a script or change the page, so the site would remove it.") in report
    assert ("docs/get-involved.pl.md:6: error [unsafe-translation] A translated page holds something that could "
            "run a script\n  problem: it holds the attribute onerror=\"alert(2)\" on <img>") in report
    assert not (site_project.root / "site").exists()


def test_a_new_language_needs_only_configuration_and_po_files(site_project):
    site_project.write("plan_data/languages.yaml", LANGUAGES + "  - code: de\n    name: Deutsch\n")
    translations(site_project.root, "extract")
    translate(po_path(site_project.root, "de", REFRESH), {"priorities/reducing-crime/title": "Weniger Kriminalität"})
    build(site_project.root, site_project.root / "site")
    page = soup(site_project.root / "site" / "de" / REFRESH / "priorities" / "reducing-crime" / "index.html")
    assert page.html["lang"] == "de"
    assert page.select_one("article h1").get_text() == "Weniger Kriminalität"
    assert page.select_one('article h2 span[lang="en"]').get_text() == "How we are doing"
    status = translations(site_project.root, "status")
    assert f"  {REFRESH}: 1 of " in status.split("Deutsch (de)")[1]


def test_stale_translation_still_publishes_with_the_date_the_english_changed(site_project, no_tool_translations):
    from datetime import date
    site_project.write("plan_data/languages.yaml", LANGUAGES)
    translations(site_project.root, "extract")
    translate(po_path(site_project.root, "pl", REFRESH), {"summary": "Dodaliśmy priorytet."})
    site_project.replace(f"plan_data/editions/{REFRESH}.yaml", "summary: We added a priority.",
                         "summary: We added one priority.")
    translations(site_project.root, "extract")
    build(site_project.root, site_project.root / "site")
    home = soup(site_project.root / "site" / "pl" / REFRESH / "index.html").select_one("article")
    assert "Dodaliśmy priorytet." in home.get_text()
    today = Words("pl", object()).date(date.today().isoformat())
    assert (f"The English text of some parts changed on {today}, after they were translated. "
            "Their translation may be out of date.") in home.select_one(".admonition.note").get_text()
    # A page without that text has no such notice.
    about = soup(site_project.root / "site" / "pl" / REFRESH / "about" / "index.html").select_one("article")
    assert "may be out of date" not in about.get_text()
    # The marker that found the stale text is gone from everything published.
    published = [p for p in (site_project.root / "site").rglob("*") if p.suffix in (".html", ".json", ".xml")]
    assert published and [p for p in published if STALE in p.read_text(encoding="utf-8")] == []


def test_search_finds_pages_in_the_reader_language(translated):
    import json
    index = json.loads((translated / "pl" / REFRESH / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert "O tej stronie" in titles
    english = json.loads((translated / REFRESH / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "O tej stronie" not in [doc["title"] for doc in english["docs"]]
