"""The answer first: each item's headline measure, its judgement, and an earlier plan's figures
for an edition that has none (plansite/figures/headline.py, plansite/pages/answer.py)."""
import pytest
from bs4 import BeautifulSoup

from plansite.figures.headline import (earlier_headlines, edition_headlines, edition_order, item_headline,
                                       judgement, newest_with_figures)
from plansite.figures.judge import summarise
from plansite.figures.read import Figure
from plansite.measures_catalogue import Measure
from plansite.pages import edition_pages
from plansite.pages.answer import change_words, judgement_tag, judgement_words
from plansite.periods import parse_period
from plansite.translations import Words
from plansite.validate import load_valid_plan
from plansite.versions import resolve_edition

REFRESH = "2020-2023-refresh-2021"
ARROWS = set("↑↓→←")

# A plan after the refresh, with no figures of its own: one priority keeps an earlier id, one
# shares a measure under a new id, one is new in every way. Synthetic, for tests only.
LATER_PLAN = """\
id: 2024-2026
kind: plan
title: Example Plan 2024 to 2026
period:
  start: 2024
  end: 2026
published:
  date: "2024-09-24"
  note: Draft for committee
sources: [report-c]
summary: A new plan.
priorities:
  - id: reducing-crime
    title: Reducing Crime
    short_title: Less crime
    source: report-c
  - id: fewer-victims
    title: Fewer Victims
    short_title: Fewer victims
    measures: [all-crime]
    source: report-c
  - id: night-time
    title: Safety at Night
    short_title: Nights out
    source: report-c
"""

REPORT_C = """\
  - id: report-c
    title: Example committee report
    publisher: Exampleton Council
    date: "2024-09-24"
    kind: report
"""


def figure(period: str, value, qualifier: str = "", series: str = "Peterborough") -> Figure:
    return Figure("m", parse_period(period), period, series, value, False, "plan-a", "", "figures.csv", 2,
                  qualifier)


def measure(better: str = "down", **extra) -> Measure:
    return Measure.from_dict({"id": "m", "title": "M", "plain_title": "Cases", "unit": "count",
                              "better": better, "sources": ["plan-a"], **extra}, area="Peterborough")


@pytest.fixture
def plan(project):
    return load_valid_plan(project.root)


@pytest.fixture
def later(project):
    """The fixture project with a later plan that has no figures; it becomes the current one."""
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "status: current\n", "")
    project.write("plan_data/sources.yaml", (project.root / "plan_data/sources.yaml").read_text() + REPORT_C)
    project.write("plan_data/editions/2024-2026.yaml", LATER_PLAN)
    return load_valid_plan(project.root)


@pytest.mark.parametrize("figures, better, expected", [
    ([figure("2020", 1000), figure("2022", 800)], "down", "improving"),
    ([figure("2020", 1000), figure("2022", 1200)], "down", "getting worse"),
    ([figure("2020", 1000), figure("2022", 1005)], "down", "no clear change"),
    ([figure("2020", 1000), figure("2022", 800)], "neither", "not judged"),
    ([figure("2022", 800)], "down", "one figure"),
    # "around 1,000" is never compared: two figures, no direction.
    ([figure("2020", 1000, "around"), figure("2022", 800)], "down", "direction unknown"),
])
def test_judgement(figures, better, expected):
    assert judgement(summarise(measure(better), figures)) == expected


def test_a_target_judges_only_when_the_trend_cannot():
    target = {"target": {"text": "Below 900.", "value": 900, "source": "plan-a"}}
    assert judgement(summarise(measure(**target), [figure("2022", 800)])) == "target met"
    assert judgement(summarise(measure(**target), [figure("2022", 950)])) == "target not met"
    assert judgement(summarise(measure(**target), [figure("2020", 700), figure("2022", 800)])) == "getting worse"


def test_change_words_give_the_numbers_and_keep_the_qualifier():
    def words_for(figures, better="down"):
        summary = summarise(measure(better), figures)
        from plansite.figures.headline import Headline
        return change_words(Headline("priorities", None, None, summary.measure, summary, judgement(summary)), Words())

    assert words_for([figure("2020", 234), figure("2022", 295)]) == "Up from 234 (2020) to 295. Lower is better."
    assert words_for([figure("2020", 1500), figure("2022", 1800, "over")]) == (
        "Up from 1,500 (2020) to over 1,800. Lower is better.")
    assert words_for([figure("2022", 800)]) == "Only one figure has been published so far."
    assert words_for([figure("2020", 1000), figure("2022", 800)], "neither") == (
        "Down from 1,000 (2020) to 800. The plan does not say whether higher or lower is better for this figure.")


@pytest.mark.parametrize("value, word", [("improving", "Improving"), ("getting worse", "Getting worse"),
                                         ("no clear change", "No clear change"), ("target met", "Target met")])
def test_a_tag_is_its_word_and_a_hidden_icon_never_an_arrow(value, word):
    tag = BeautifulSoup(judgement_tag(Words(), value), "html.parser").strong
    assert tag.get_text() == word == judgement_words(Words(), value)
    assert tag.svg["aria-hidden"] == "true" and tag.svg["focusable"] == "false"
    assert not ARROWS & set(tag.get_text())


def test_the_headline_is_the_first_measure_with_a_judged_change(project):
    project.write("plan_data/measures/more.yaml", """\
        measures:
          - id: one-figure
            title: One figure
            plain_title: Once counted
            unit: count
            better: down
            data: more.csv
            sources: [plan-a]
        """)
    project.write("plan_data/data/more.csv", "measure,period,value,source\none-figure,2021,5,plan-a\n")
    project.replace("plan_data/editions/2020-2023.yaml", "measures: [all-crime]", "measures: [one-figure, all-crime]")
    plan = load_valid_plan(project.root)
    edition = resolve_edition(plan, "2020-2023")
    item = edition.priorities[0]
    assert item_headline(plan, edition, "priorities", item).measure.id == "all-crime"
    # With no judged change among them, the first measure with a figure.
    assert item_headline(plan, edition, "priorities", item, ("one-figure",)).judgement == "one figure"


def test_an_edition_lists_a_headline_for_each_item_with_figures(plan):
    headlines = edition_headlines(plan, resolve_edition(plan, REFRESH))
    assert [(h.item.id, h.measure.id, h.judgement, h.summary.latest.value) for h in headlines] == [
        ("reducing-crime", "all-crime", "improving", 800)]


def test_an_edition_without_figures_gets_an_earlier_plans_for_the_same_subjects_only(later):
    assert edition_order(later) == ["2020-2023", REFRESH, "2024-2026"]
    edition = resolve_edition(later, "2024-2026")
    assert edition_headlines(later, edition) == []
    found = earlier_headlines(later, edition)
    # Matched by the same id, or by the item's own measure; "Nights out" matches nothing.
    assert [(h.subject.id, h.edition.id, h.item and h.item.id, h.measure.id, h.matched) for h in found] == [
        ("reducing-crime", REFRESH, "reducing-crime", "all-crime", "item"),
        ("fewer-victims", REFRESH, None, "all-crime", "measure")]
    assert newest_with_figures(later, edition).id == REFRESH


def cards(markdown: str) -> list:
    return BeautifulSoup(markdown, "html.parser").select("ul.plan-cards > li.plan-card")


def test_home_page_answers_first(plan):
    home = {p.path: p for p in edition_pages(plan, REFRESH)}["index.md"].markdown
    lines = home.splitlines()
    assert lines[2] == "This update of the plan, for 2021 to 2022, has 2 priorities and 1 cross-cutting theme."
    assert lines[4] == "## How we are doing {#how-we-are-doing}"
    assert home.index("## How we are doing {#how-we-are-doing}") < home.index("**Period:**")
    [card] = cards(home)
    assert card.h3.a["href"] == "priorities/reducing-crime/"
    assert card.select_one(".plan-tag").get_text() == "Improving"
    assert card.select_one(".plan-card__period").get_text() == "2022"
    assert "*Figures from: [Example refresh report](sources.md#report-b), 25 July 2021;" in home
    assert "No figures have been published for: People at risk; Mental health." in home


def test_home_page_of_a_plan_without_figures_labels_an_earlier_plans(later):
    home = {p.path: p for p in edition_pages(later, "2024-2026")}["index.md"].markdown
    assert "No figures have been published for this plan yet." in home
    assert ("Here are the most recent figures an earlier plan published on the same subjects. "
            "They are that plan's figures, not this plan's.") in home
    found = cards(home)
    assert [c.h3.get_text() for c in found] == ["Less crime", "Fewer victims"]
    for card in found:
        label = card.select_one(".plan-card__label")
        assert label.get_text() == "Published under an earlier plan, not this one: Example Plan 2021/22 refresh."
        assert label.a["href"] == f"../{REFRESH}/"
        assert card.select_one(".plan-card__period").get_text() == "2022"
    assert [c.h3.a["href"] for c in found] == [f"../{REFRESH}/priorities/reducing-crime/",
                                               f"../{REFRESH}/measures/#all-crime"]
    # The cards show the newest figures already, so no second pointer to them.
    assert "The newest figures on this site" not in home


def test_the_newest_figures_are_pointed_to_when_no_subject_matches(later, project):
    project.replace("plan_data/editions/2024-2026.yaml", "  - id: reducing-crime\n", "  - id: reducing-harm\n")
    project.replace("plan_data/editions/2024-2026.yaml", "    measures: [all-crime]\n", "")
    home = {p.path: p for p in edition_pages(load_valid_plan(project.root), "2024-2026")}["index.md"].markdown
    assert cards(home) == []
    assert ("The newest figures on this site were published on 25 July 2021, for an earlier plan: "
            f'<a href="../{REFRESH}/#how-we-are-doing">Example Plan 2021/22 refresh</a>. '
            "They are about that plan's priorities: Less crime.") in home
    assert "*Source: [Example refresh report](sources.md#report-b), 25 July 2021.*" in home


def test_a_priority_page_leads_with_its_answer(plan):
    page = {p.path: p for p in edition_pages(plan, REFRESH)}["priorities/reducing-crime.md"].markdown
    assert page.index("## How we are doing {#how-we-are-doing}") < page.index("## Key outcome")
    [card] = cards(page)
    assert card.select_one(".plan-card__title a")["href"] == "#all-crime"
    assert card.select_one(".plan-tag").get_text() == "Improving"


def test_a_priority_without_the_plans_text_says_so_once_below_the_content(plan):
    page = {p.path: p for p in edition_pages(plan, "2020-2023")}["priorities/asb.md"].markdown
    assert "do not include this part" not in page
    assert "## Key outcome" not in page and "## What we plan to do" not in page
    assert page.rstrip().endswith(
        "This part of the plan has not been published on this site yet.\n{: .plan-based-on }\n\n"
        "This page is based on [Example Plan 2020 to 2023](../sources.md#plan-a), 2020.\n{: .plan-based-on }")


def test_an_item_under_a_new_name_gets_the_earlier_figures_it_names_as_the_same_subject(project):
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "status: current\n", "")
    project.write("plan_data/sources.yaml", (project.root / "plan_data/sources.yaml").read_text() + REPORT_C)
    project.write("plan_data/editions/2024-2026.yaml", LATER_PLAN.replace(
        "    short_title: Nights out\n", "    short_title: Nights out\n    same_subject_as: [reducing-crime]\n"))
    plan = load_valid_plan(project.root)
    found = earlier_headlines(plan, resolve_edition(plan, "2024-2026"))
    assert [(h.subject.id, h.edition.id, h.item.id, h.matched) for h in found if h.subject.id == "night-time"] == [
        ("night-time", REFRESH, "reducing-crime", "item")]


def test_same_subject_as_must_name_an_earlier_editions_item(project):
    from plansite.validate import check_project

    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "        short_title: People at risk\n",
                    "        short_title: People at risk\n        same_subject_as: [reducing-crim, vulnerable-people]\n")
    errors = [e for e in check_project(project.root)[2] if e.code == "unknown-priority"]
    assert [e.format() for e in errors] == [
        "plan_data/editions/2020-2023-refresh-2021.yaml:20:27: error [unknown-priority] A priority or theme id does not exist\n"
        "  at: changes.priorities.add[0].same_subject_as[0]\n"
        "  problem: no edition that starts before this one has a priority or theme 'reducing-crim'.\n"
        "  fix: Did you mean 'reducing-crime'? Name a priority or theme of an earlier edition, such as: asb, "
        "mental-health, reducing-crime; or delete the line.",
        "plan_data/editions/2020-2023-refresh-2021.yaml:20:42: error [unknown-priority] A priority or theme id does not exist\n"
        "  at: changes.priorities.add[0].same_subject_as[1]\n"
        "  problem: no edition that starts before this one has a priority or theme 'vulnerable-people'.\n"
        "  fix: Name a priority or theme of an earlier edition, such as: asb, mental-health, reducing-crime; "
        "or delete the line."]
