"""The generated pages as Markdown, without MkDocs: which pages an edition has, what the home
and 'What changed' pages say, the archive and draft banner, and how a refresh is compared
with its plan."""
import pytest

from plansite.editions import EditionChanges
from plansite.pages import edition_pages, page_banner
from plansite.validate import load_valid_plan
from plansite.versions import compare_editions, resolve_edition

REFRESH = "2020-2023-refresh-2021"
EVERY_EDITION = ["index.md", "priorities/index.md", "priorities/reducing-crime.md"]
AFTER_ITEMS = ["themes/mental-health.md", "measures.md", "partners.md", "about.md", "editions.md", "history.md",
               "sources.md", "open-data.md", "accessibility.md", "search-all.md", "a-z.md"]

DRAFT = """\
id: 2020-2023-refresh-2022
kind: refresh
base: 2020-2023
title: Example Plan 2022/23 refresh
period:
  start: 2022
  end: 2023
published:
  date: "2022-07"
  note: Draft for Cabinet
status: draft
sources: [report-b]
summary: A draft.
"""


@pytest.fixture
def plan(project):
    return load_valid_plan(project.root)


def pages_of(plan, edition_id, **options) -> dict:
    return {page.path: page for page in edition_pages(plan, edition_id, **options)}


def test_each_edition_has_its_pages_in_order(plan):
    assert list(pages_of(plan, "2020-2023")) == EVERY_EDITION + ["priorities/asb.md"] + AFTER_ITEMS
    # A refresh has its new priority, not the retired one, and a page of what changed.
    assert list(pages_of(plan, REFRESH)) == (EVERY_EDITION + ["priorities/vulnerable-people.md"] + AFTER_ITEMS
                                             + ["changes.md"])


def test_page_titles(plan):
    titles = {path: page.title for path, page in pages_of(plan, REFRESH).items()}
    assert titles["index.md"] == "Example Plan 2021/22 refresh"
    assert titles["priorities/vulnerable-people.md"] == "High Risk and Vulnerable People"
    assert titles["changes.md"] == "What changed in this refresh"
    assert titles["accessibility.md"] == "Accessibility statement"


def test_languages_and_glossary_pages_appear_only_when_configured(plan, project):
    from conftest import POLISH

    assert "languages.md" not in pages_of(plan, REFRESH) and "glossary.md" not in pages_of(plan, REFRESH)
    project.write("plan_data/languages.yaml", POLISH)
    assert list(pages_of(load_valid_plan(project.root), REFRESH))[-5:] == [
        "languages.md", "accessibility.md", "search-all.md", "a-z.md", "changes.md"]


def test_home_page_links_the_leaflet_only_when_there_is_one(plan):
    link = "[Download this summary as a printable leaflet (PDF, A4)](leaflet/summary.pdf)"
    assert link in pages_of(plan, REFRESH, leaflet="leaflet/summary.pdf")["index.md"].markdown
    assert "printable leaflet" not in pages_of(plan, REFRESH)["index.md"].markdown


def test_home_page_of_a_refresh(plan):
    home = pages_of(plan, REFRESH)["index.md"].markdown
    # The answer comes first; the dates and status are below the content.
    assert home.startswith("# Example Plan 2021/22 refresh\n\n"
                           "This update of the plan, for 2021 to 2022, has 2 priorities and 1 cross-cutting theme.\n\n"
                           "## How we are doing {#how-we-are-doing}\n")
    assert ("## About this page\n\n**Period:** 2021 to 2022  \n"
            '**Status:** <strong class="plan-tag plan-tag--current">Current plan</strong>  \n'
            "**Date:** 25 July 2021 (Presented to Cabinet)\n") in home
    glance = home.split("## Priorities at a glance\n\n")[1].split("\n\n")[0]
    assert glance.splitlines() == [
        "- **[Less crime](priorities/reducing-crime.md)**: Reducing Crime *(updated in this refresh)*",
        "- **[People at risk](priorities/vulnerable-people.md)**: High Risk and Vulnerable People *(new in this refresh)*"]
    assert "## Retired in this refresh\n\n- Tackling Anti-Social Behaviour: Now part of everyday work.\n" in home


def test_what_changed_page(plan):
    changes = pages_of(plan, REFRESH)["changes.md"].markdown
    assert '<a href="../../2020-2023/">Read the Example Plan 2020 to 2023</a>' in changes
    assert ("## New priorities and themes\n\n- [High Risk and Vulnerable People](priorities/vulnerable-people.md) "
            "(new priority)\n") in changes
    assert "## Leads\n\n- [Reducing Crime](priorities/reducing-crime.md): now led by Chief Inspector\n" in changes


def test_accessibility_statement_without_and_with_test_results(plan):
    without = pages_of(plan, REFRESH)["accessibility.md"].markdown
    assert "This copy of the site was built without the results of the accessibility tests." in without
    report = {"axe": {"date": "2026-11-21", "commit": "abc1234", "tool": "axe-core 4.14.1", "browser": "Chromium 156",
                      "pages": 28, "widths": [1280, 375], "violations": 2}}
    statement = pages_of(plan, REFRESH, test_report=report)["accessibility.md"].markdown
    assert "The project's automated tests last ran on 21 November 2026 (code version abc1234). They:" in statement
    assert "axe-core 4.14.1 against WCAG 2.0, 2.1 and 2.2 levels A and AA and axe's best practices: 2 problems found" \
        in statement
    assert "built without the results" not in statement


# --- The banner on archived and draft editions ------------------------------------------------

CURRENT_PAGES = {"", "priorities/reducing-crime/", "about/"}


def test_no_banner_on_the_current_edition(plan):
    assert page_banner(plan, REFRESH, "", CURRENT_PAGES) is None
    assert page_banner(plan, REFRESH, "about/", CURRENT_PAGES) is None


@pytest.mark.parametrize("page_url, href, link_text", [
    ("", f"../{REFRESH}/", "Read this page in the current plan"),
    ("about/", f"../../{REFRESH}/about/", "Read this page in the current plan"),
    ("priorities/reducing-crime/", f"../../../{REFRESH}/priorities/reducing-crime/",
     "Read this page in the current plan"),
    # Retired in the current edition: the banner leads to its home.
    ("priorities/asb/", f"../../../{REFRESH}/", "Go to the current plan"),
])
def test_archive_banner_links_to_the_same_page_or_the_home(plan, page_url, href, link_text):
    assert page_banner(plan, "2020-2023", page_url, CURRENT_PAGES) == {
        "kind": "archived", "heading": "This is an archived plan.",
        "text": "It is not the current plan. The current plan is the Example Plan 2021/22 refresh.",
        "link_href": href, "link_text": link_text}


def test_draft_banner(project):
    project.write("plan_data/editions/2020-2023-refresh-2022.yaml", DRAFT)
    plan = load_valid_plan(project.root)
    assert page_banner(plan, "2020-2023-refresh-2022", "about/", CURRENT_PAGES) == {
        "kind": "draft", "heading": "This is a draft plan.",
        "text": "It has not been approved yet and may change. The current plan is the Example Plan 2021/22 refresh.",
        "link_href": f"../../{REFRESH}/about/", "link_text": "Read this page in the current plan"}


# --- Comparing a refresh with its plan --------------------------------------------------------

def ids(pairs):
    return [(kind, item.id) for kind, item, *_ in pairs]


def test_compare_a_refresh_with_its_plan(plan):
    changes = compare_editions(resolve_edition(plan, "2020-2023"), resolve_edition(plan, REFRESH))
    assert ids(changes.added) == [("priorities", "vulnerable-people")]
    assert ids(changes.retired) == [("priorities", "asb")]
    assert changes.retired[0][1].reason == "Now part of everyday work."
    assert [(kind, item.id, old, new) for kind, item, old, new in changes.leads] == [
        ("priorities", "reducing-crime", None, {"role": "Chief Inspector", "source": "report-b"})]
    assert (changes.renamed, changes.measures_added, changes.measures_removed, changes.text,
            changes.edition_fields) == ((), (), (), (), ())


def test_compare_renamed_priority_with_new_text_and_fewer_measures(project):
    project.replace(f"plan_data/editions/{REFRESH}.yaml", "        lead:\n",
                    "        title: Reducing Crime Together\n        why: Crime still hurts people.\n"
                    "        measures: []\n        lead:\n")
    plan = load_valid_plan(project.root)
    changes = compare_editions(resolve_edition(plan, "2020-2023"), resolve_edition(plan, REFRESH))
    assert [(kind, old, new) for kind, old, new, _ in changes.renamed] == [
        ("priorities", "Reducing Crime", "Reducing Crime Together")]
    assert [(item.id, measure) for item, measure in changes.measures_removed] == [("reducing-crime", "all-crime")]
    assert changes.measures_added == ()
    assert [(kind, item.id, fields) for kind, item, fields in changes.text] == [
        ("priorities", "reducing-crime", ["why it is a priority"])]


def test_compare_an_edition_with_itself_finds_nothing(plan):
    edition = resolve_edition(plan, REFRESH)
    assert compare_editions(edition, edition) == EditionChanges()


def test_draft_banner_when_no_edition_is_approved(project):
    """A new project's state: there is no current plan for the banner to lead to."""
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: draft")
    project.replace(f"plan_data/editions/{REFRESH}.yaml", "status: current", "status: draft")
    plan = load_valid_plan(project.root)
    for edition in ("2020-2023", REFRESH):
        assert page_banner(plan, edition, "about/", CURRENT_PAGES) == {
            "kind": "draft", "heading": "This is a draft plan.", "text": "It has not been approved yet and may change.",
            "link_href": "", "link_text": ""}


@pytest.mark.parametrize("kind, start, end, label", [
    ("plan", 2024, 2027, "2024–27 plan"),
    ("plan", 2098, 2101, "2098–2101 plan"),
    ("plan", 2020, 2020, "2020 plan"),
    ("refresh", 2018, 2019, "2018/19 refresh of the 2017–20 plan"),
])
def test_edition_label_is_made_from_its_years_and_kind(plan, kind, start, end, label):
    from dataclasses import replace

    from plansite.pages.editions import edition_label

    edition = {"id": "x", "kind": kind, "period": {"start": start, "end": end}}
    if kind == "refresh":
        edition["base"] = "base"
    editions = {"x": edition, "base": {"id": "base", "kind": "plan", "period": {"start": 2017, "end": 2020}}}
    assert edition_label(replace(plan, editions=editions), "x") == label


def test_edition_label_in_another_language_comes_from_its_translation(project):
    from conftest import POLISH
    from plansite.pages.editions import edition_label
    from plansite.translations import Words

    project.write("plan_data/languages.yaml", POLISH)
    project.write("plan_data/translations/pl/site.po",
                  'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: pl\\n"\n\n'
                  'msgid "{years} refresh of the {base_years} plan"\nmsgstr "Aktualizacja {years} planu na lata {base_years}"\n')
    plan = load_valid_plan(project.root)
    words = Words.for_language(project.root, plan, "pl")
    assert edition_label(plan, REFRESH, words) == "Aktualizacja 2021/22 planu na lata 2020–23"
