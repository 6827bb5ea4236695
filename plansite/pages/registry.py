"""The page registry: every generated page declared once, with its path, its place in the menu
and the function that writes it. The builder, the menu and the list of paths all read it."""
from __future__ import annotations

from ..editions import ResolvedEdition
from dataclasses import dataclass
from typing import Callable

from ..model import Plan
from ..translations import Words
from .a_to_z import a_to_z_page
from .about import about_page
from .accessibility import accessibility_page
from .changes import changes_page
from .editions import editions_page
from .glossary import glossary_page
from .history import history_page
from .home import home_page
from .languages import languages_page
from .measure_list import measures_page
from .answer import ANSWER_ANCHOR
from .notices import after_answer, translation_notices
from .open_data import open_data_page
from .partners import partners_page
from .priorities import item_page, priorities_overview_page
from .search_all import search_all_page
from .sources import sources_page
from .writer import ENGLISH, Page


@dataclass(frozen=True)
class PageEntry:
    """One generated page, declared once: where it goes, where the menu lists it and what writes it.

    The menu lists the entries by menu_rank (then in registry order), each under its section;
    an entry without a label is its section's own page, listed first and untitled, as MkDocs
    takes its title from the page. Labels and pages are written only when asked for, so that
    listing the paths writes nothing."""

    path: str
    make: Callable[[], Page]
    menu_rank: int
    label: Callable[[], str] | None = None
    section: Callable[[], str] | None = None


def page_registry(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH, *, test_report: dict | None = None,
                  leaflet: str | None = None, translated_leaflets: list = (),
                  completeness: list | None = None, handwritten: list[tuple[str, str]] = ()) -> list[PageEntry]:
    """Every generated page of an edition, in the order they are built: the only list of pages.
    handwritten is (title, path) of each hand-written page, for the A to Z.

    The menu puts "What changed" second; the pages are built in this order, which is the
    order of the sitemap and the search index."""
    t = words.t
    entries = [PageEntry("index.md", lambda: home_page(plan, edition, leaflet, translated_leaflets, words),
                         0, lambda: t("Home")),
               PageEntry("priorities/index.md", lambda: priorities_overview_page(plan, edition, words),
                         2, section=lambda: t("Priorities"))]
    entries += [PageEntry(f"priorities/{item.id}.md",
                          lambda item=item: item_page(plan, edition, item, "priorities", words),
                          2, lambda item=item: item.short_title, lambda: t("Priorities"))
                for item in edition.priorities]
    entries += [PageEntry(f"themes/{item.id}.md", lambda item=item: item_page(plan, edition, item, "themes", words),
                          3, lambda item=item: item.short_title, lambda: t("Cross-cutting themes"))
                for item in edition.themes]
    entries += [PageEntry("measures.md", lambda: measures_page(plan, edition, words), 4,
                          lambda: t("How we measure success")),
                PageEntry("partners.md", lambda: partners_page(plan, edition, words), 4,
                          lambda: t("Partners and governance")),
                PageEntry("about.md", lambda: about_page(plan, edition, words), 4, lambda: t("About the plan")),
                PageEntry("editions.md", lambda: editions_page(plan, edition, words), 4, lambda: t("All editions")),
                PageEntry("history.md", lambda: history_page(plan, edition, words), 4,
                          lambda: t("How the priorities changed")),
                PageEntry("sources.md", lambda: sources_page(plan, edition, words), 4, lambda: t("Source documents")),
                PageEntry("open-data.md", lambda: open_data_page(plan, edition, words), 4, lambda: t("Open data"))]
    if plan.glossary:
        entries.append(PageEntry("glossary.md", lambda: glossary_page(plan, edition, words), 4,
                                 lambda: t("Words and abbreviations")))
    if len(plan.languages) > 1:
        entries.append(PageEntry("languages.md", lambda: languages_page(plan, edition, words, completeness or []), 4,
                                 lambda: t("Languages")))
    entries.append(PageEntry("accessibility.md", lambda: accessibility_page(plan, edition, test_report, words), 4,
                             lambda: t("Accessibility")))
    entries.append(PageEntry("search-all.md", lambda: search_all_page(plan, words), 4, lambda: t("Search every plan")))
    # Every other page by its menu name, when it is written (so "What changed" too); without
    # JavaScript it stands in for search.
    entries.append(PageEntry("a-z.md", lambda: a_to_z_page(
        plan, [((e.label or e.section)(), e.path) for e in entries if e.path not in ("a-z.md", "search-all.md")]
        + list(handwritten), words), 4, lambda: t("Pages from A to Z")))
    if edition.kind == "refresh":
        entries.append(PageEntry("changes.md", lambda: changes_page(plan, edition, words), 1,
                                 lambda: t("What changed")))
    return entries


def registry_nav(entries: list[PageEntry]) -> list:
    """The menu of a list of pages, in MkDocs' nav format (plain lists and dicts)."""
    nav: list = []
    sections: dict[str, list] = {}
    for entry in sorted(entries, key=lambda e: e.menu_rank):
        item = entry.path if entry.label is None else {entry.label(): entry.path}
        if entry.section is None:
            nav.append(item)
            continue
        title = entry.section()
        if title not in sections:
            sections[title] = []
            nav.append({title: sections[title]})
        sections[title].append(item)
    return nav


def edition_pages(plan: Plan, edition_id: str, test_report: dict | None = None,
                  leaflet: str | None = None, translated_leaflets: list | None = None,
                  words: Words = ENGLISH, completeness: list | None = None,
                  handwritten: list[tuple[str, str]] = ()) -> list[Page]:
    """Every generated page of one edition, in the language of words; test_report feeds the
    accessibility statement, leaflet is the path of its printable summary, when there is one,
    and translated_leaflets lists (language code, language name, path) for the summary in
    other languages, and handwritten (title, path) of each hand-written page, for the A to Z.
    On a page in another language, notices say which parts are in English,
    which translations are stale and whether the translation awaits review."""
    local_plan = words.plan(plan)
    edition = words.edition(plan, edition_id)
    pages = []
    for entry in page_registry(local_plan, edition, words, test_report=test_report, leaflet=leaflet,
                               translated_leaflets=translated_leaflets or [], completeness=completeness,
                               handwritten=handwritten):
        page = entry.make()
        # After the answer where a page has one: a resident's question comes before the notes on its language.
        pages.append(Page(page.path, page.title,
                          after_answer(page.markdown, translation_notices(words, page.markdown), ANSWER_ANCHOR)))
    return pages


def edition_page_paths(plan: Plan, edition_id: str) -> list[str]:
    """Where an edition's generated pages go, without writing them."""
    return [entry.path for entry in page_registry(plan, ENGLISH.edition(plan, edition_id))]


def edition_nav(plan: Plan, edition_id: str, words: Words = ENGLISH) -> list:
    """The navigation of one edition, in MkDocs' nav format (plain lists and dicts)."""
    return registry_nav(page_registry(plan, words.edition(plan, edition_id), words))
