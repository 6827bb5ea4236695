"""The shipped Safer Peterborough data: it validates, says what the sources say, and builds."""
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from plansite.commands import validate
from plansite.validate import load_valid_plan
from plansite.versions import resolve_edition

from conftest import ROOT

EDITIONS = ["2011-2014", "2014-2017", "2014-2017-refresh-2016", "2017-2020", "2017-2020-refresh-2018", "2024-2027"]


@pytest.fixture(scope="module")
def plan():
    return load_valid_plan(ROOT)


@pytest.fixture(scope="module")
def site(real_site):
    return real_site


def test_shipped_data_is_valid():
    valid, report = validate(ROOT)
    assert valid, report


def test_every_edition_the_sources_describe(plan):
    assert sorted(plan.editions) == EDITIONS
    assert [e for e in EDITIONS if plan.editions[e]["status"] == "current"] == ["2024-2027"]
    assert plan.editions["2014-2017-refresh-2016"]["base"] == "2014-2017"
    assert plan.editions["2017-2020-refresh-2018"]["base"] == "2017-2020"


def test_2024_plan_has_five_priorities_and_four_themes(plan):
    edition = resolve_edition(plan, "2024-2027")
    assert len(edition.priorities) == 5
    assert [t.title for t in edition.themes] == [
        "Mental Health", "Cost of Living", "Children & Young People", "Serious Violence Duty"]


def test_2016_refresh_adds_high_risk_and_vulnerable_people(plan):
    edition = resolve_edition(plan, "2014-2017-refresh-2016")
    added = [p.title for p in edition.priorities if p.change == "added"]
    assert added == ["High Risk and Vulnerable people"]
    assert len(edition.priorities) == 4


def test_2018_refresh_adds_asb_and_environmental_crime(plan):
    edition = resolve_edition(plan, "2017-2020-refresh-2018")
    added = [p.title for p in edition.priorities if p.change == "added"]
    assert added == ["Tackling Anti-Social Behaviour and Environmental Crime"]
    assert [t.id for t in edition.themes] == ["substance-misuse", "mental-health"]


def test_2011_plan_has_three_priorities_and_a_linkage_table(plan):
    edition = resolve_edition(plan, "2011-2014")
    assert [p.title for p in edition.priorities] == [
        "Reducing Crime", "Tackling Anti-Social Behaviour (ASB) and Hate Crime",
        "Building Stronger and more supportive communities"]
    assert [row["priority"] for row in edition.linkage["rows"]] == [p.id for p in edition.priorities]


def _internal_links(page: Path, site: Path):
    # Only the links are built into a tree: these tests read every page of the site.
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser", parse_only=SoupStrainer(["a", "link"]))
    for element in html.find_all(["a", "link"], href=True):
        href = element["href"]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")) or not parts.path:
            continue
        yield href, (page.parent / parts.path)


def test_every_edition_builds_with_its_pages(plan, site):
    for edition_id in EDITIONS:
        edition = resolve_edition(plan, edition_id)
        home = BeautifulSoup((site / edition_id / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert home.h1.get_text().rstrip("¶") == edition.title
        for kind in ("priorities", "themes"):
            for item in edition.kind_items(kind):
                assert (site / edition_id / kind / item.id / "index.html").is_file()


def test_no_broken_internal_links(site):
    broken = []
    for page in site.rglob("*.html"):
        # The page-not-found page links from the site's root, wherever it is served: checked below.
        if page.name == "404.html":
            continue
        for href, target in _internal_links(page, site):
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert broken == []


def test_every_page_not_found_leads_to_pages_that_exist(site):
    # The shipped data has no site_url yet, so its links start at the host's root.
    pages = sorted(site.rglob("404.html"))
    assert len(pages) == 13  # the root, 3 languages' folders and the 9 editions' folders
    for page in pages:
        links = [a["href"] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a")]
        assert links and all(href.startswith("/") for href in links), page
        assert [href for href in links if not (site / href.lstrip("/") / "index.html").is_file()] == [], page


def _article_text(site, path):
    html = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    return html.select_one("article").get_text(" ", strip=True)


def test_deliberate_fires_on_the_2018_refresh_priority_page(site):
    text = _article_text(site, "2017-2020-refresh-2018/priorities/tackling-asb-environmental-crime/index.html")
    assert ("Fires started on purpose fell by 28%, from 482 to 348, in the latest 12 months compared with "
            "the 12 months before. The plan aims for this figure to go down, so this is an improvement.") in text


def test_first_time_entrants_compared_with_england(site):
    text = _article_text(site, "2017-2020-refresh-2018/priorities/offender-management/index.html")
    assert "England 276 per 100,000 (Peterborough is better)" in text


def test_figures_stay_inside_their_edition(site):
    # The 2011-2014 plan must not show 2018 figures; the 2024-2027 plan has none at all.
    assert not (site / "2011-2014" / "data" / "deliberate-fires.csv").exists()
    import json
    assert json.loads((site / "2024-2027" / "data" / "datapackage.json").read_text())["resources"] == []
    assert "deliberate-fires" in [r["name"] for r in json.loads(
        (site / "2017-2020-refresh-2018" / "data" / "datapackage.json").read_text())["resources"]]


def test_what_changed_in_the_2016_refresh(site):
    text = _article_text(site, "2014-2017-refresh-2016/changes/index.html")
    assert "High Risk and Vulnerable people (new priority)" in text


def test_history_spans_2011_to_2024(site):
    html = BeautifulSoup((site / "2024-2027" / "history" / "index.html").read_text(), "html.parser")
    assert html.h1.get_text().rstrip("¶") == "How the priorities changed, 2011 to 2024"
    assert len(html.select("article tbody tr")) == 6


def test_every_edition_has_a_printable_leaflet(plan, site):
    from pypdf import PdfReader
    for edition_id in EDITIONS:
        home = BeautifulSoup((site / edition_id / "index.html").read_text(), "html.parser")
        [link] = [a for a in home.select("article a") if a["href"].endswith("-summary.pdf")]
        assert link.get_text() == "Download this summary as a printable leaflet (PDF, A4)"
        pdf_path = (site / edition_id / link["href"]).resolve()
        reader = PdfReader(pdf_path)
        first = reader.pages[0]
        assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (595, 842)  # A4
        assert reader.trailer["/Root"]["/Lang"] == "en"
        assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged, for screen readers
        text = " ".join(page.extract_text() for page in reader.pages)
        assert plan.editions[edition_id]["title"] in " ".join(text.split())
        assert "The plan in plain words" in text


def test_shipped_summaries_meet_reading_age_11(plan):
    from plansite.readability import check_plan
    results = check_plan(plan)
    assert len(results) == len(EDITIONS)
    failing = [(r.name, r.reading_age, r.long_sentences, r.passive_sentences) for r in results
               if not r.meets_target or r.long_sentences or r.passive_sentences]
    assert failing == []


def test_every_abbreviation_in_the_text_is_expanded(plan, site):
    import re
    from plansite.pages import abbreviations
    terms = abbreviations(plan)
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b")
    bare = []
    for path in site.glob("*/**/index.html"):
        if "latest" in path.relative_to(site).parts:  # redirect pages
            continue
        source = path.read_text(encoding="utf-8")
        article = BeautifulSoup(source, "html.parser", parse_only=SoupStrainer("article")).select_one("article")
        if article is None:  # a language's root page, which leads to its current edition
            assert BeautifulSoup(source, "html.parser").select_one('meta[http-equiv="refresh"]') is not None, path
            continue
        for text in article.find_all(string=pattern):
            # A chart's own title and description are read with the figures' table, which has <abbr>.
            if not text.find_parent(["abbr", "svg", "script", "style", "code"]):
                bare.append(f"{path.relative_to(site)}: {text.strip()[:80]}")
    assert bare == []


def test_glossary_page_lists_each_term_once(site):
    html = BeautifulSoup((site / "2024-2027" / "glossary" / "index.html").read_text(), "html.parser")
    terms = [h.get_text().rstrip("¶") for h in html.select("article h2")]
    assert len(terms) == len({t.lower() for t in terms})
    assert "ASB" in terms


def test_what_changed_in_the_2018_refresh(site):
    text = _article_text(site, "2017-2020-refresh-2018/changes/index.html")
    assert "Tackling Anti-Social Behaviour and Environmental Crime (new priority)" in text
    assert "Domestic Abuse and Sexual Violence : now led by Julia Cullum, Domestic Abuse and Sexual Violence Manager" in text


def test_current_plan_leaflet_in_each_example_language(plan, site):
    import re
    from pypdf import PdfReader
    from babel.messages.pofile import read_po
    from conftest import ROOT
    home = BeautifulSoup((site / "2024-2027" / "index.html").read_text(), "html.parser")
    links = {a["hreflang"]: a for a in home.select("article a[hreflang]")}
    assert [(code, links[code].get_text(), links[code]["lang"]) for code in ("pl", "lt", "ur")] == [
        ("pl", "Polski", "pl"), ("lt", "Lietuvių", "lt"), ("ur", "اردو", "ur")]
    for code, link in links.items():
        reader = PdfReader((site / "2024-2027" / link["href"]).resolve())
        assert reader.trailer["/Root"]["/Lang"] == code
        with (ROOT / "plan_data" / "translations" / code / "2024-2027.po").open("rb") as handle:
            title = next(m.string for m in read_po(handle) if m.context == "title")
        text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
        if code == "ur":
            assert len(re.findall(r"[\u0600-\u06FF]", text)) > 200  # set in Arabic script, shaped
        else:
            assert title.split()[0] in text


# --- The site says no more than its sources ------------------------------------------------

def test_glossary_claims_no_age_range_for_first_time_entrants(plan):
    assert plan.glossary["FTE"]["meaning"] == "People who enter the criminal justice system for the first time."
    assert not [term for term, entry in plan.glossary.items() if "10 to 17" in entry["meaning"]]


def test_measures_page_states_what_the_site_shows_not_the_partnerships_count(plan):
    from plansite.pages import measures_page
    from plansite.versions import edition_measure_ids

    for edition_id in EDITIONS:
        edition = resolve_edition(plan, edition_id)
        text = measures_page(plan, edition).markdown
        assert "The partnership uses" not in text
        count = len(edition_measure_ids(edition))
        if count:
            assert (f"This site shows {count} measures from the plan's documents. "
                    "Each one belongs to a priority or theme.") in text


def test_headline_figures_keep_the_sources_qualifiers(plan):
    def qualifiers(measure_id):
        return [(f.period_text, f.qualifier, f.value) for f in plan.figures[measure_id] if f.qualifier]

    assert qualifiers("total-crime-change") == [("latest 12 months", "over", 9.0)]
    assert qualifiers("serious-acquisitive-crime-change") == [("latest 12 months", "over", 26.0)]
    assert qualifiers("restorative-reparations") == [("April 2016 to December 2016", "over", 1800.0)]
    assert qualifiers("city-centre-violent-crime-alcohol") == [("January to August 2016", "at least", 56.0)]
    assert qualifiers("victim-based-crime-annual-change") == [("January to December 2015", "around", 6.0)]
    assert sum(1 for figures in plan.figures.values() for f in figures if f.qualifier) == 5


def test_idva_quarters_are_labelled_as_the_source_prints_them(plan):
    for measure_id in ("idva-referrals", "idva-engagement-rate", "idva-repeat-rate"):
        assert [f.period.label for f in plan.figures[measure_id]] == ["Q1 (2018 data)", "Q2 (2018 data)"]


def test_the_sources_240_percent_is_quoted_with_what_the_numbers_give(plan):
    notes = [f.note for f in plan.figures["treatment-clients"] if f.series == "Alcohol and non-opiate"]
    assert len(notes) == 2
    assert all("The \"up 240%\" is the report's own words: 57 to 137 is an increase of 80 clients, or 140%." in n
               for n in notes)
    edition = resolve_edition(plan, "2017-2020-refresh-2018")
    facts = [f["text"] for theme in edition.themes for f in theme.key_facts or [] if "57 to 137" in f["text"]]
    assert facts and all('(the report says "up 240%"; 57 to 137 is an increase of 140%)' in f for f in facts)


def test_qualified_figures_on_the_built_pages(site):
    text = _article_text(site, "2011-2014/measures/index.html")
    assert "How much crime went down overall: over 9% in the latest 12 months." in text
    csv_text = (site / "2011-2014" / "data" / "total-crime-change.csv").read_text(encoding="utf-8")
    assert ",Change,over,9,percentage," in csv_text


def _answer(site, edition: str):
    """The home page's article, its "How we are doing" heading and the cards under it."""
    html = BeautifulSoup((site / edition / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = html.select_one("article")
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    return article, article.find("h2"), article.select("ul.plan-cards > li.plan-card")


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_home_page_opens_with_how_we_are_doing(site, edition):
    article, first_h2, _ = _answer(site, edition)
    # Title, the plan in one sentence, then the answer; the dates and status come last.
    assert article.h1.find_next_sibling().name == "p"
    assert first_h2.get_text(strip=True) == "How we are doing"
    assert article.h1.find_next_sibling().find_next_sibling() is first_h2
    assert [h.get_text(strip=True) for h in article.find_all("h2")][-1] == "About this page"
    assert not set("↑↓") & set(article.get_text())


def test_2018_refresh_home_cards_judge_in_words_with_dates(site):
    _, _, cards = _answer(site, "2017-2020-refresh-2018")

    def card_facts(card):
        return (card.h3.get_text(strip=True), card.select_one(".plan-card__value").get_text(),
                card.select_one(".plan-card__period").get_text(), card.select_one(".plan-tag").get_text(strip=True))

    assert [card_facts(c) for c in cards] == [
        ("Managing offenders", "1,633", "July 2018", "No trend yet"),
        ("Domestic abuse and sexual violence", "73%", "Q2 (2018 data)", "No clear change"),
        ("Strong, safe communities", "30", "2018", "No trend yet"),
        ("Anti-social behaviour and fly-tipping", "295", "the latest 6 months, as reported on 13 November 2018", "Getting worse"),
        ("Drugs and alcohol", "7%", "1 July 2016 to 30 June 2017", "Improving")]
    asb = cards[3].select_one(".plan-card__judgement").get_text(" ", strip=True)
    assert asb == "Getting worse Up from 234 (the 6 months before) to 295. Lower is better."
    assert cards[3].h3.a["href"] == "priorities/tackling-asb-environmental-crime/"
    source = cards[-1].find_parent("ul").find_next_sibling("p")
    assert source.get_text(" ", strip=True) == (
        "Figures from: Safer Peterborough Partnership mid-year performance report, report to the Adults and "
        "Communities Scrutiny Committee , 13 November 2018.")


def test_current_plan_home_says_it_has_no_figures_and_shows_the_earlier_plans_for_the_same_subjects(site):
    article, heading, cards = _answer(site, "2024-2027")
    said = [p.get_text(" ", strip=True) for p in heading.find_next_siblings("p", limit=2)]
    assert said == ["No figures have been published for this plan yet.",
                    "Here are the most recent figures an earlier plan published on the same subjects. "
                    "They are that plan's figures, not this plan's."]
    # Two subjects are the 2018/19 refresh's under new names (same_subject_as in 2024-2027.yaml).
    assert [(c.h3.get_text(strip=True), c.h3.a["href"], c.select_one(".plan-card__value").get_text(),
             c.select_one(".plan-card__period").get_text(), c.select_one(".plan-tag").get_text(strip=True))
            for c in cards] == [
        ("Anti-social behaviour and quality of life",
         "../2017-2020-refresh-2018/priorities/tackling-asb-environmental-crime/", "295",
         "the latest 6 months, as reported on 13 November 2018", "Getting worse"),
        ("Crime linked to drugs and alcohol", "../2017-2020-refresh-2018/themes/substance-misuse/", "7%",
         "1 July 2016 to 30 June 2017", "Improving")]
    for card in cards:
        assert card.select_one(".plan-card__label").get_text(" ", strip=True) == (
            "Published under an earlier plan, not this one: "
            "Safer Peterborough Partnership Plan 2017–2020: 2018/19 refresh .")
    note = article.select_one("p.plan-based-on").get_text(" ", strip=True)
    assert note == ("Parts of this plan have not been published on this site yet. This page is based on "
                    "Safer Peterborough Partnership Plan 2024–2027, report to the Growth, Resources and "
                    "Communities Scrutiny Committee , 24 September 2024. Which parts are missing")


def test_a_figure_the_source_dates_only_by_its_own_date_says_when_it_was_reported(site):
    # The 2011-2014 plan gives "over 9%" for "the last 12 months", and is dated by its year alone.
    _, _, cards = _answer(site, "2011-2014")
    assert [c.select_one(".plan-card__period").get_text() for c in cards][0] == (
        "the latest 12 months, as reported in 2011")
