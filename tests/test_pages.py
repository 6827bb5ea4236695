"""The pages stage without MkDocs: the page registry, the menu and the pages it lists."""
from __future__ import annotations

import pytest

from conftest import ROOT
from plansite.pages import edition_nav, edition_page_paths, edition_pages, page_registry
from plansite.translations import Words
from plansite.validate import load_valid_plan


@pytest.fixture(scope="module")
def plan():
    return load_valid_plan(ROOT)


def _nav_paths(nav: list) -> list[str]:
    paths = []
    for entry in nav:
        if isinstance(entry, str):
            paths.append(entry)
        else:
            (target,) = entry.values()
            paths += [target] if isinstance(target, str) else _nav_paths(target)
    return paths


def test_the_menu_lists_every_built_page_once(plan):
    for edition_id in plan.editions:
        paths = edition_page_paths(plan, edition_id)
        assert len(paths) == len(set(paths))
        assert sorted(_nav_paths(edition_nav(plan, edition_id))) == sorted(paths)


def test_edition_pages_writes_the_registered_pages_in_order(plan):
    edition_id = "2017-2020-refresh-2018"
    assert [page.path for page in edition_pages(plan, edition_id)] == edition_page_paths(plan, edition_id)


def test_a_refresh_lists_what_changed_second_but_builds_it_last(plan):
    # The build order is the sitemap's and the search index's; the menu has its own ranks.
    edition_id = "2017-2020-refresh-2018"
    nav = edition_nav(plan, edition_id)
    assert nav[:2] == [{"Home": "index.md"}, {"What changed": "changes.md"}]
    assert nav[2]["Priorities"][0] == "priorities/index.md"
    assert edition_page_paths(plan, edition_id)[-1] == "changes.md"
    assert "changes.md" not in edition_page_paths(plan, "2017-2020")


def test_the_menu_lists_each_priority_and_theme_by_its_short_title(plan):
    words = Words()
    edition = words.edition(plan, "2024-2027")
    nav = edition_nav(plan, "2024-2027")
    (priorities,) = [entry["Priorities"] for entry in nav if isinstance(entry, dict) and "Priorities" in entry]
    assert priorities[1:] == [{i.short_title: f"priorities/{i.id}.md"} for i in edition.priorities]
    (themes,) = [entry["Cross-cutting themes"] for entry in nav
                 if isinstance(entry, dict) and "Cross-cutting themes" in entry]
    assert themes == [{i.short_title: f"themes/{i.id}.md"} for i in edition.themes]
    assert [e.path for e in page_registry(plan, edition, words)] == edition_page_paths(plan, "2024-2027")


def test_a_language_notice_goes_after_the_answer_where_a_page_has_one():
    from plansite.pages.notices import after_answer

    page = "# Title\n\nOne sentence.\n\n## How we are doing {#answer}\n\nCards.\n\n## More\n\nText.\n"
    assert after_answer(page, "NOTICE\n", "answer") == (
        "# Title\n\nOne sentence.\n\n## How we are doing {#answer}\n\nCards.\n\n\nNOTICE\n## More\n\nText.\n")
    # At the end when the answer is the last section; under the title on a page without one.
    assert after_answer("# T\n\n## A {#answer}\n\nCards.\n", "NOTICE\n", "answer") == (
        "# T\n\n## A {#answer}\n\nCards.\n\nNOTICE\n")
    assert after_answer("# T\n\nText.\n", "NOTICE\n", "answer") == "# T\n\nNOTICE\n\nText.\n"
    assert after_answer("# T\n\nText.\n", "", "answer") == "# T\n\nText.\n"
