"""Pages stage: turn one resolved edition into Markdown pages and a navigation.

Plain functions on plain data: nothing here knows about MkDocs, so that the same
pages can feed another static site generator later.
"""
from __future__ import annotations

import calendar
import posixpath
import re
from dataclasses import dataclass
from html import escape

from .charts import chart
from .measures import (DEFAULT_SERIES, MOVEMENT_SYMBOLS, format_number, format_value, in_edition,
                       sentence, summarise)
from .model import Plan, source_refs
from .versions import compare_editions, edition_measure_ids, resolve_edition

MISSING = "The source documents we hold do not include this part of the plan."

UNIT_WORDS = {
    "count": "a count",
    "rate_per_1000": "a rate per 1,000 people",
    "rate_per_10000": "a rate per 10,000 people",
    "rate_per_100000": "a rate per 100,000 people",
    "percentage": "a percentage",
    "average": "an average",
    "ratio": "a ratio",
}
BETTER_WORDS = {
    "up": "Higher is better.",
    "down": "Lower is better.",
    "neither": "The plan does not say whether higher or lower is better.",
}
STATUS_WORDS = {"current": "Current plan", "archived": "Archived plan", "draft": "Draft plan"}


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its title and its Markdown."""

    path: str
    title: str
    markdown: str


def format_date(value) -> str:
    """'2016-07-25' -> '25 July 2016'; '2018-11' -> 'November 2018'; '2017' -> '2017'."""
    parts = str(value).split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return parts[0]


def format_period(period: dict) -> str:
    return f"{period['start']} to {period['end']}"


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one page's source path to another's."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def edition_root_url(from_page: str, edition_id: str) -> str:
    """URL of another edition's home, from a page published with directory URLs.

    Each edition is its own site under <site>/<edition id>/, so the link leaves
    this edition's folder; it stays relative so the site works under any sub-path.
    """
    depth = 0 if posixpath.basename(from_page) == "index.md" else 1
    depth += from_page.count("/")
    return "../" * (depth + 1) + f"{edition_id}/"


class _Writer:
    """Builds one page's Markdown, with links relative to that page."""

    def __init__(self, plan: Plan, path: str):
        self.plan = plan
        self.path = path
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)
        self.lines.append("")

    def link(self, target: str, fragment: str = "") -> str:
        return relative(self.path, target) + (f"#{fragment}" if fragment else "")

    def source(self, source_id: str) -> str:
        source = self.plan.sources[source_id]
        return (f"Source: [{source['title']}]({self.link('sources.md', source_id)}), "
                f"{format_date(source['date'])}.")

    def source_line(self, source_id: str | None) -> None:
        if source_id:
            self.add(f"*{self.source(source_id)}*")

    def bullets(self, items) -> None:
        if items:
            self.add(*[f"- {_one_line(item)}" for item in items])

    def text_or_missing(self, text: str | None) -> None:
        self.add(text.strip() if text else f"*{MISSING}*")

    def markdown(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def _one_line(text: str) -> str:
    """A list item: continuation lines indented so Markdown keeps them in the item."""
    return "\n  ".join(str(text).strip().splitlines())


def _source_notes(w: _Writer, edition: dict) -> None:
    if edition["source_notes"]:
        w.add('!!! note "What our sources include"',
              *[f"    {line}" if line else "" for note in edition["source_notes"]
                for line in (note.strip().splitlines() + [""])])


def _facts(w: _Writer, facts, heading: str = "## Key facts") -> None:
    if facts:
        w.add(heading)
        w.add(*[f"- {_one_line(fact['text'])} ({w.source(fact['source'])[:-1]})"
                for fact in facts])


def home_page(plan: Plan, edition: dict, leaflet: str | None = None, translated_leaflets: list = ()) -> Page:
    w = _Writer(plan, "index.md")
    w.add(f"# {edition['title']}")
    published = edition["published"]
    w.add(f"**Period:** {format_period(edition['period'])}  ",
          f"**Status:** {STATUS_WORDS[edition['status']]}  ",
          f"**Date:** {format_date(published['date'])} ({' '.join(published['note'].split())})")
    if edition["kind"] == "refresh":
        w.add(f"This is an annual refresh of the {edition['base_title']}. "
              f"It lists what changed in the plan for {format_period(edition['period'])}.")
    _source_notes(w, edition)
    # Only the edition's own vision: another edition's would put words in this plan's mouth.
    vision = edition.get("vision")
    w.add("## Our vision")
    if vision:
        w.add(f"> {_one_line(vision['text'])}")
        w.source_line(vision["source"])
    else:
        w.add("*The source documents we hold for this edition do not include a vision statement.*")
    w.add("## The plan in plain words", edition["summary"].strip())
    # The summary is ours, but any figure in it comes from the edition's own documents.
    w.add("*Written in plain words from: " + "; ".join(
        f"[{plan.sources[s]['title']}]({w.link('sources.md', s)})" for s in edition["sources_all"]) + ".*")
    if leaflet:
        w.add(f"[Download this summary as a printable leaflet (PDF, A4)]({w.link(leaflet)})")
    if translated_leaflets:
        # Each language's name in that language, marked as such for screen readers (WCAG 3.1.2).
        links = [f"[{name}]({w.link(path)}){{: hreflang=\"{code}\" lang=\"{code}\" }}"
                 for code, name, path in translated_leaflets]
        w.add("The leaflet in other languages (draft translations, awaiting review): " + " · ".join(links))
    for kind, heading, folder in (("priorities", "Priorities at a glance", "priorities"),
                                  ("themes", "Cross-cutting themes at a glance", "themes")):
        items = edition[kind]
        if not items:
            continue
        w.add(f"## {heading}")
        lines = []
        for item in items:
            badge = {"added": " *(new in this refresh)*", "updated": " *(updated in this refresh)*"}.get(item.get("change"), "")
            lines.append(f"- **[{item['short_title']}]({w.link(folder + '/' + item['id'] + '.md')})**: "
                         f"{item['title']}{badge}")
        w.add(*lines)
    retired = edition["retired_priorities"] + edition["retired_themes"]
    if retired:
        w.add("## Retired in this refresh")
        w.add(*[f"- {item['title']}" + (f": {_one_line(item['reason'])}" if item.get("reason") else "")
                for item in retired])
    intro = edition.get("introduction")
    if intro:
        w.add("## Introduction")
        quoted = "\n>\n".join("> " + para.replace("\n", " ") for para in intro["text"].strip().split("\n\n"))
        w.add(quoted)
        if intro.get("author"):
            w.add(f"— {intro['author']}")
        w.source_line(intro["source"])
    _facts(w, edition.get("key_facts"))
    involved = edition.get("get_involved")
    if involved:
        w.add("## Get involved")
        if involved.get("text"):
            w.add(involved["text"].strip())
        w.bullets(involved.get("items"))
        w.source_line(involved["source"])
    return Page("index.md", edition["title"], w.markdown())


def item_page(plan: Plan, edition: dict, item: dict, folder: str) -> Page:
    path = f"{folder}/{item['id']}.md"
    w = _Writer(plan, path)
    w.add(f"# {item['title']}")
    if item["short_title"] != item["title"]:
        w.add(f"**In short:** {item['short_title']}")
    if item.get("change") == "added":
        w.add('!!! info "New in this refresh"',
              f"    This {'priority' if folder == 'priorities' else 'theme'} was added in the {edition['title']}.")
    elif item.get("change") == "updated":
        w.add('!!! info "Updated in this refresh"',
              f"    The {edition['title']} updated this {'priority' if folder == 'priorities' else 'theme'}.")
    w.add("## Key outcome")
    w.text_or_missing(item.get("key_outcome"))
    w.add("## Why is it a priority?")
    w.text_or_missing(item.get("why"))
    w.add("## What we plan to do")
    if item.get("actions"):
        w.bullets(item["actions"])
    else:
        w.text_or_missing(None)
    w.add("## How we will measure success")
    if item.get("success"):
        w.bullets(item["success"])
    measures = [plan.measures[m] for m in item.get("measures", [])]
    if not item.get("success") and not measures:
        w.text_or_missing(None)
    for m in measures:
        w.add(f"### {m['plain_title']} {{#{m['id']}}}")
        w.add(f"*Official name: {m['title']}. [About this measure]({w.link('measures.md', m['id'])}).*")
        w.lines.append(measure_block(plan, edition, m["id"], path))
    if item.get("lead"):
        lead = item["lead"]
        w.add("## Who leads this work")
        w.add(", ".join(part for part in (lead.get("name"), lead["role"]) if part) + ".")
        w.source_line(lead["source"])
    _facts(w, item.get("key_facts"))
    w.source_line(item["source"])
    return Page(path, item["title"], w.markdown())


def priorities_overview_page(plan: Plan, edition: dict) -> Page:
    w = _Writer(plan, "priorities/index.md")
    w.add("# Priorities and themes")
    w.add(f"The {edition['title']} has {len(edition['priorities'])} priorities"
          + (f" and {len(edition['themes'])} cross-cutting themes." if edition["themes"] else "."))
    if edition["themes"]:
        w.add("Cross-cutting themes are issues that run through every priority.")
    for kind, heading, folder in (("priorities", "Priorities", "priorities"), ("themes", "Cross-cutting themes", "themes")):
        if not edition[kind]:
            continue
        w.add(f"## {heading}")
        for item in edition[kind]:
            w.add(f"### [{item['title']}]({w.link(folder + '/' + item['id'] + '.md')})")
            if item.get("key_outcome"):
                w.add(f"**Key outcome:** {_one_line(item['key_outcome'])}")
    return Page("priorities/index.md", "Priorities and themes", w.markdown())


def measures_page(plan: Plan, edition: dict) -> Page:
    w = _Writer(plan, "measures.md")
    w.add("# How we will measure success")
    ids = edition_measure_ids(edition)
    if not ids and not edition.get("other_measures"):
        w.add(f"*{MISSING}*")
        return Page("measures.md", "How we will measure success", w.markdown())
    w.add(f"The partnership uses {len(ids)} measures to track this plan. "
          "Each one belongs to a priority or theme.")
    for kind in ("priorities", "themes"):
        for item in edition[kind]:
            if not item.get("measures"):
                continue
            folder = "priorities" if kind == "priorities" else "themes"
            w.add(f"## {item['title']}")
            w.add(f"Part of [{item['short_title']}]({w.link(folder + '/' + item['id'] + '.md')}).")
            for measure_id in item["measures"]:
                m = plan.measures[measure_id]
                w.add(f"### {m['plain_title']} {{#{m['id']}}}")
                w.add(f"**Official name:** {m['title']}  ",
                      f"**Measured as:** {UNIT_WORDS[m['unit']]}  ",
                      f"**Direction:** {BETTER_WORDS[m['better']]}")
                if m.get("description"):
                    w.add(m["description"].strip())
                w.add(sentence(summarise(m, edition_figures(plan, edition, measure_id))))
                w.add(f"[Figures, chart and table]({w.link(folder + '/' + item['id'] + '.md', measure_id)})")
                w.add("*" + " ".join(w.source(s) for s in m["sources"]) + "*")
    others = edition.get("other_measures", [])
    if others:
        w.add("## Other figures in this plan",
              "The plan also reports these figures, which belong to no single priority.")
        for measure_id in others:
            m = plan.measures[measure_id]
            w.add(f"### {m['plain_title']} {{#{m['id']}}}")
            w.add(f"*Official name: {m['title']}.*")
            if m.get("description"):
                w.add(m["description"].strip())
            w.lines.append(measure_block(plan, edition, measure_id, "measures.md"))
    return Page("measures.md", "How we will measure success", w.markdown())


def partners_page(plan: Plan, edition: dict) -> Page:
    w = _Writer(plan, "partners.md")
    w.add("# Partners and governance")
    partners = edition.get("partners") or plan.partnership["partners"]
    if not edition.get("partners"):
        w.add("The sources for this edition do not list the partners, so this page shows the "
              "partnership's most recent list.")
    if partners.get("text"):
        w.add(partners["text"].strip())
    for key, heading, explanation in (
        ("responsible_authorities", "Responsible authorities",
         "The law (the Crime and Disorder Act 1998) says these bodies must work together on community safety."),
        ("cooperating_bodies", "Co-operating bodies", "These bodies help the partnership and share information with it."),
        ("invitees", "Invited to take part", "The partnership invited these organisations to join its work."),
    ):
        if partners.get(key):
            w.add(f"## {heading}", explanation)
            w.bullets(partners[key])
    w.source_line(partners["source"])
    governance = edition.get("governance")
    w.add("## How the partnership is run")
    if governance:
        if governance.get("text"):
            w.add(governance["text"].strip())
        bodies = governance.get("bodies", [])
        if bodies:
            names = {b["id"]: b["name"] for b in bodies}
            w.add("| Board or group | What it does | Reports to |", "| --- | --- | --- |",
                  *[f"| {b['name']} | {_cell(b.get('description', ''))} | {names.get(b.get('reports_to'), '')} |"
                    for b in bodies])
        w.source_line(governance["source"])
    else:
        w.text_or_missing(None)
    contact = plan.partnership["contact"]
    w.add("## Contact the partnership", contact["text"].strip())
    for role in contact.get("roles", []):
        w.add(f"**{role['role']}:** {_one_line(role['how'])}")
    return Page("partners.md", "Partners and governance", w.markdown())


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def about_page(plan: Plan, edition: dict) -> Page:
    w = _Writer(plan, "about.md")
    w.add("# About the plan")
    w.add("Every Community Safety Partnership in England must publish a plan that covers three "
          "years and is refreshed every year. This page gathers what the source documents say about the plan.")
    for section in edition.get("about", []):
        w.add(f"## {section['title']}", section["text"].strip())
        w.source_line(section["source"])
    consultation = edition.get("consultation")
    if consultation:
        w.add("## Consultation")
        if consultation.get("text"):
            w.add(consultation["text"].strip())
        survey = consultation.get("survey")
        if survey:
            w.add(f"### {survey['title']}")
            if survey.get("respondents") is not None:
                w.add(f"Number of people who answered: {survey['respondents']:,}.")
            if survey.get("text"):
                w.add(survey["text"].strip())
            w.bullets(survey["findings"])
        w.source_line(consultation["source"])
    for focus in edition.get("other_focus", []):
        w.add(f"## {focus['title']}", focus["text"].strip())
        w.source_line(focus["source"])
    neighbourhoods = edition.get("vulnerable_neighbourhoods")
    if neighbourhoods:
        w.add("## Vulnerable neighbourhoods by crime type")
        if neighbourhoods.get("text"):
            w.add(neighbourhoods["text"].strip())
        w.add("| Crime type | Neighbourhoods |", "| --- | --- |",
              *[f"| {_cell(row['crime_type'])} | {_cell(', '.join(row['areas']))} |"
                for row in neighbourhoods["crime_types"]])
        w.source_line(neighbourhoods["source"])
    linkage = edition.get("linkage")
    if linkage:
        titles = {item["id"]: item for kind in ("priorities", "themes") for item in edition[kind]}
        w.add("## How the priorities link to other work")
        if linkage.get("text"):
            w.add(linkage["text"].strip())
        for row in linkage["rows"]:
            w.add(f"### {titles[row['priority']]['title']}")
            w.add("Delivered by:")
            w.bullets(row["delivered_by"])
            w.add("Linked to:")
            w.bullets(row["linked_to"])
        w.source_line(linkage["source"])
    communication = edition.get("communication")
    if communication:
        w.add("## How we will tell the public")
        if communication.get("text"):
            w.add(communication["text"].strip())
        w.bullets(communication.get("items"))
        w.source_line(communication["source"])
    return Page("about.md", "About the plan", w.markdown())


def sources_page(plan: Plan, edition: dict) -> Page:
    w = _Writer(plan, "sources.md")
    w.add("# Source documents")
    w.add("Everything on this site comes from these public documents. Each figure and quotation "
          "names the document it came from.")
    # The partners and contact sections come from partnership.yaml and the glossary page from
    # glossary.yaml, so their sources count too.
    cited = list(dict.fromkeys(edition["sources_all"] + [s for _, s in source_refs(edition)]
                               + [s for _, s in source_refs(plan.partnership)]
                               + [s for _, s in source_refs(list(plan.glossary.values()))]))
    for measure_id in edition_measure_ids(edition):
        cited += plan.measures[measure_id]["sources"]
        cited += [f.source for f in edition_figures(plan, edition, measure_id)]
    for source_id in dict.fromkeys(cited):
        source = plan.sources[source_id]
        w.add(f"## {source['title']} {{#{source_id}}}")
        w.add(f"**Published by:** {source['publisher']}  ", f"**Date:** {format_date(source['date'])}")
        if source.get("description"):
            w.add(source["description"])
    return Page("sources.md", "Source documents", w.markdown())


def editions_page(plan: Plan, edition: dict) -> Page:
    w = _Writer(plan, "editions.md")
    w.add("# All editions of the plan")
    w.add("The partnership publishes a three-year plan and refreshes it every year. "
          "Each edition below is kept as it was published.")
    rows = []
    for other in plan.editions_newest_first():
        label = f'<a href="{edition_root_url(w.path, other["id"])}">{other["title"]}</a>'
        if other["id"] == edition["id"]:
            label += " (this edition)"
        rows.append(f"| {label} | {format_period(other['period'])} | {STATUS_WORDS[other['status']]} | "
                    f"{format_date(other['published']['date'])} |")
    w.add("| Edition | Period | Status | Date |", "| --- | --- | --- | --- |", *rows)
    return Page("editions.md", "All editions of the plan", w.markdown())


def _item_link(w: _Writer, kind: str, item: dict) -> str:
    return f"[{item['title']}]({w.link(kind + '/' + item['id'] + '.md')})"


def changes_page(plan: Plan, edition: dict) -> Page:
    """'What changed in this refresh': the refresh compared with its base plan."""
    base = resolve_edition(plan, edition["base"])
    diff = compare_editions(base, edition)
    w = _Writer(plan, "changes.md")
    w.add("# What changed in this refresh")
    w.add(f"This page compares the {edition['title']} with the plan it refreshes, the {base['title']}. "
          f'<a href="{edition_root_url(w.path, base["id"])}">Read the {escape(base["title"])}</a>.')
    words = {"priorities": "priority", "themes": "cross-cutting theme"}
    sections = [
        ("New priorities and themes", [f"{_item_link(w, k, i)} (new {words[k]})" for k, i in diff["added"]]),
        ("Retired priorities and themes", [
            f"{i['title']} ({words[k]})" + (f": {_one_line(i['reason'])}" if i.get("reason") else "")
            for k, i in diff["retired"]]),
        ("Renamed", [f"{old} is now called {_item_link(w, k, i)}" for k, old, new, i in diff["renamed"]]),
        ("Leads", [f"{_item_link(w, k, i)}: "
                   + (f"was {_lead_words(old)}, now " if old else "now led by ")
                   + (_lead_words(new) if new else "no lead named") for k, i, old, new in diff["leads"]]),
        ("Measures added", [f"{plan.measures[m]['plain_title']} (for {_item_link(w, _kind_of(edition, i), i)})"
                            for i, m in diff["measures_added"]]),
        ("Measures no longer used", [f"{plan.measures[m]['plain_title']} (was used for {i['title']})"
                                     for i, m in diff["measures_removed"]]),
        ("Text updated", [f"{_item_link(w, k, i)}: {', '.join(fields)}" for k, i, fields in diff["text"]]),
    ]
    any_change = False
    for heading, items in sections:
        if items:
            any_change = True
            w.add(f"## {heading}")
            w.bullets(items)
    if diff["edition_fields"]:
        any_change = True
        w.add("## Other parts of the plan", "The refresh gives new text for: " + ", ".join(diff["edition_fields"]) + ".")
    if not any_change:
        w.add("The refresh makes no changes to the priorities, themes or measures.")
    return Page("changes.md", "What changed in this refresh", w.markdown())


def _lead_words(lead: dict) -> str:
    return ", ".join(part for part in (lead.get("name"), lead.get("role")) if part)


def _kind_of(edition: dict, item: dict) -> str:
    return "priorities" if any(i["id"] == item["id"] for i in edition["priorities"]) else "themes"


def history_page(plan: Plan, edition: dict) -> Page:
    """How the priorities evolved across every plan cycle and refresh, side by side."""
    w = _Writer(plan, "history.md")
    editions = sorted(plan.editions.values(), key=lambda e: (e["period"]["start"], e["kind"] == "refresh"))
    first, last = editions[0]["period"]["start"], editions[-1]["period"]["start"]
    w.add(f"# How the priorities changed, {first} to {last}")
    w.add("Each row is one edition of the plan, oldest first. A refresh lists the priorities after its changes.")
    rows = []
    for other in editions:
        resolved = resolve_edition(plan, other["id"])
        link = f'<a href="{edition_root_url(w.path, other["id"])}">{escape(other["title"])}</a>'
        if other["id"] == edition["id"]:
            link += " (this edition)"
        def cell(kind):
            return "<br>".join(escape(i["title"]) + (" (new)" if i.get("change") == "added" else "")
                               for i in resolved[kind]) or "None"
        rows.append(f"| {link} | {format_period(other['period'])} | {cell('priorities')} | {cell('themes')} |")
    w.add("| Edition | Period | Priorities | Cross-cutting themes |", "| --- | --- | --- | --- |", *rows)
    return Page("history.md", "How the priorities changed", w.markdown())


def _page_makers(plan: Plan, edition: dict, test_report: dict | None, leaflet: str | None,
                 translated_leaflets: list) -> list[tuple[str, object]]:
    """(path, function that writes the page) for every generated page of an edition."""
    makers = [("index.md", lambda: home_page(plan, edition, leaflet, translated_leaflets)),
              ("priorities/index.md", lambda: priorities_overview_page(plan, edition))]
    for kind in ("priorities", "themes"):
        makers += [(f"{kind}/{item['id']}.md", lambda item=item, kind=kind: item_page(plan, edition, item, kind))
                   for item in edition[kind]]
    makers += [("measures.md", lambda: measures_page(plan, edition)),
               ("partners.md", lambda: partners_page(plan, edition)),
               ("about.md", lambda: about_page(plan, edition)),
               ("editions.md", lambda: editions_page(plan, edition)),
               ("history.md", lambda: history_page(plan, edition)),
               ("sources.md", lambda: sources_page(plan, edition))]
    if plan.glossary:
        makers.append(("glossary.md", lambda: glossary_page(plan, edition)))
    makers.append(("accessibility.md", lambda: accessibility_page(plan, edition, test_report)))
    if edition["kind"] == "refresh":
        makers.append(("changes.md", lambda: changes_page(plan, edition)))
    return makers


def edition_pages(plan: Plan, edition_id: str, test_report: dict | None = None,
                  leaflet: str | None = None, translated_leaflets: list | None = None) -> list[Page]:
    """Every generated page of one edition; test_report feeds the accessibility statement,
    leaflet is the path of its printable summary, when there is one, and translated_leaflets
    lists (language code, language name, path) for the summary in other languages."""
    edition = resolve_edition(plan, edition_id)
    return [make() for _, make in _page_makers(plan, edition, test_report, leaflet, translated_leaflets or [])]


def edition_page_paths(plan: Plan, edition_id: str) -> list[str]:
    """Where an edition's generated pages go, without writing them."""
    return [path for path, _ in _page_makers(plan, resolve_edition(plan, edition_id), None, None, [])]


def edition_nav(plan: Plan, edition_id: str) -> list:
    """The navigation of one edition, in MkDocs' nav format (plain lists and dicts)."""
    edition = resolve_edition(plan, edition_id)
    nav: list = [{"Home": "index.md"}]
    if edition["kind"] == "refresh":
        nav.append({"What changed": "changes.md"})
    priorities = ["priorities/index.md"] + [{i["short_title"]: f"priorities/{i['id']}.md"} for i in edition["priorities"]]
    nav.append({"Priorities": priorities})
    if edition["themes"]:
        nav.append({"Cross-cutting themes": [{i["short_title"]: f"themes/{i['id']}.md"} for i in edition["themes"]]})
    nav += [{"How we measure success": "measures.md"}, {"Partners and governance": "partners.md"},
            {"About the plan": "about.md"}, {"All editions": "editions.md"},
            {"How the priorities changed": "history.md"}, {"Source documents": "sources.md"}]
    if plan.glossary:
        nav.append({"Words and abbreviations": "glossary.md"})
    nav.append({"Accessibility": "accessibility.md"})
    return nav


# --- Measures with their figures --------------------------------------------------------

def edition_figures(plan: Plan, edition: dict, measure_id: str) -> list:
    """The measure's figures that belong to this edition."""
    return [f for f in plan.figures.get(measure_id, []) if in_edition(f, edition)]


def _series_order(measure: dict, figures: list) -> list[str]:
    main = measure.get("series", DEFAULT_SERIES)
    names = [main] + list(measure.get("comparators", []))
    names += [f.series for f in figures if f.series not in names]
    return [n for n in dict.fromkeys(names) if any(f.series == n for f in figures)]


def _short_value(measure: dict):
    def short(figure) -> str:
        if figure.value is None:
            return "no figure"
        return f"{format_number(figure.value)}%" if measure["unit"] == "percentage" or figure.is_percent \
            else format_number(figure.value)
    return short


def figures_table(measure: dict, figures: list, table_id: str, plan: Plan | None = None) -> str:
    """The figures as an HTML table: one row per period, one column per series."""
    series = _series_order(measure, figures)
    periods = []
    for figure in figures:
        if figure.period not in periods:
            periods.append(figure.period)
    cells = {(f.period, f.series): f for f in figures}

    def text(value: str) -> str:
        return abbreviate_html(escape(value), plan) if plan else escape(value)

    caption = f'<table id="{table_id}"><caption>{text(measure["plain_title"])}: the figures</caption>'
    if len(periods) == 1 and len(series) > 2:
        # One period broken down many ways reads better as a list of rows, above all on a phone.
        period = periods[0]
        label = text(period.label[0].upper() + period.label[1:])
        return (caption + f'<thead><tr><th scope="col">Group</th><th scope="col">{label}</th></tr></thead><tbody>'
                + "".join(f'<tr><th scope="row">{text(name)}</th>'
                          f"<td>{escape(format_value(measure, cells[(period, name)]))}</td></tr>"
                          for name in series if (period, name) in cells)
                + "</tbody></table>")
    out = [caption,
           '<thead><tr><th scope="col">Period</th>'
           + "".join(f'<th scope="col">{text(name)}</th>' for name in series) + "</tr></thead><tbody>"]
    for period in periods:
        row = [f'<th scope="row">{text(period.label[0].upper() + period.label[1:])}</th>']
        for name in series:
            figure = cells.get((period, name))
            row.append(f"<td>{escape(format_value(measure, figure)) if figure else ''}</td>")
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _trend_line(summary) -> str:
    if not summary.trend:
        return ""
    words = {"improving": "Improving", "getting worse": "Getting worse", "no clear change": "No clear change",
             "not judged": "Changed; the plan does not say which direction is better"}[summary.trend]
    # The arrow shows which way the figure moved; the words say whether that is good.
    symbol = MOVEMENT_SYMBOLS[summary.movement]
    movement = {"up": "went up", "down": "went down", "same": "about the same"}[summary.movement]
    return (f'<span class="plan-trend plan-trend--{summary.trend.replace(" ", "-")}">'
            f'<span aria-hidden="true">{symbol}</span> {words}</span> (the figure {movement})')


def measure_block(plan: Plan, edition: dict, measure_id: str, page_path: str, *,
                  parts: tuple = ("summary", "chart", "table", "source")) -> str:
    """Markdown for one measure: headline, direction, sentence, chart, table, source, download."""
    measure = plan.measures[measure_id]
    figures = edition_figures(plan, edition, measure_id)
    summary = summarise(measure, figures)
    w = _Writer(plan, page_path)
    if "summary" in parts:
        if summary.latest is not None:
            w.add(f"**Latest figure:** {format_value(measure, summary.latest)} "
                  f"({summary.latest.period.label})")
        if summary.trend:
            w.add(f"**Direction of travel:** {_trend_line(summary)}")
        if summary.comparisons:
            w.add("**Compared with:** " + "; ".join(
                f"{c.name} {format_value(measure, None, c.value)}"
                + (f" (Peterborough is {c.judgement})" if c.judgement in ("better", "worse") else "")
                for c in summary.comparisons))
        target = measure.get("target")
        if target:
            status = {True: " We are meeting it.", False: " We are not meeting it yet.", None: ""}[summary.target_met]
            w.add(f"**Target:** {target['text']}{status}")
        w.add(sentence(summary))
    if not summary.has_figures:
        return w.markdown()
    block_id = f"{measure_id}-{posixpath.splitext(page_path)[0].replace('/', '-')}"
    if "chart" in parts:
        chart_svg = chart(f"chart-{block_id}", f"{measure['plain_title']}: chart",
                          sentence(summary) + " The same figures are in the table below the chart.",
                          [f for f in figures if f.value is not None], _series_order(measure, figures),
                          _short_value(measure))
        w.add(f'<figure class="plan-figure">{chart_svg}</figure>')
    if "table" in parts:
        w.add(f'<div class="plan-table">{figures_table(measure, figures, "table-" + block_id, plan)}</div>')
    notes = [f for f in figures if f.note]
    if notes and "table" in parts:
        w.add("About these figures:")
        w.bullets(f"{f.period.label[0].upper() + f.period.label[1:]}, {f.series}: {f.note}" for f in notes)
    if "source" in parts:
        sources = list(dict.fromkeys(f.source for f in figures))
        w.add("*" + " ".join(w.source(s) for s in sources) + "*")
        w.add(f"[Download these figures (CSV)]({w.link(f'data/{measure_id}.csv')})")
    return w.markdown()


# --- Measures inside hand-written pages --------------------------------------------------

_DIRECTIVE = re.compile(r"^\{\{\s*measure:\s*(?P<id>[^\s}]+)(?:\s+(?P<part>summary|chart|table))?\s*\}\}\s*$")


class DirectiveError(ValueError):
    """A measure directive in a hand-written page that cannot be shown."""


def expand_measure_directives(markdown: str, plan: Plan, edition_id: str, page_path: str) -> str:
    """Replace lines such as '{{ measure: deliberate-fires }}' or '{{ measure: deliberate-fires chart }}'
    with that measure's figures for the edition being built."""
    if "{{" not in markdown:
        return markdown
    edition = resolve_edition(plan, edition_id)
    out = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = _DIRECTIVE.match(line.strip())
        if not match:
            if re.match(r"^\s*\{\{\s*measure", line):
                raise DirectiveError(
                    f"docs/{page_path}, line {number}: '{line.strip()}' is not a measure directive we can read. "
                    "Write {{ measure: MEASURE-ID }} or add one of summary, chart or table after the id, "
                    "for example {{ measure: deliberate-fires chart }}.")
            out.append(line)
            continue
        measure_id, part = match["id"], match["part"]
        if measure_id not in plan.measures:
            raise DirectiveError(
                f"docs/{page_path}, line {number}: there is no measure '{measure_id}'. "
                f"Use an id from plan_data/measures/, for example {sorted(plan.measures)[0]}.")
        parts = (part,) if part else ("summary", "chart", "table", "source")
        if part in ("chart", "table"):
            parts += ("source",)
        out.append(measure_block(plan, edition, measure_id, page_path, parts=parts))
    return "\n".join(out) + "\n"


# --- Archive and draft banners ------------------------------------------------------------

def page_banner(plan: Plan, edition_id: str, page_url: str, current_page_urls: set[str]) -> dict | None:
    """The notice on every page of an archived or draft edition, linking to the same page
    in the current edition when it exists there, otherwise to its home."""
    edition = plan.editions[edition_id]
    if edition["status"] == "current":
        return None
    current = plan.editions[plan.current_edition_id()]
    depth = page_url.count("/") if page_url else 0
    target = page_url if page_url in current_page_urls else ""
    href = "../" * (depth + 1) + f"{current['id']}/{target}"
    same_page = bool(target) or page_url == ""
    heading = "This is an archived plan." if edition["status"] == "archived" else "This is a draft plan."
    text = (f"It is not the current plan. The current plan is the {current['title']}."
            if edition["status"] == "archived" else
            f"It has not been approved yet and may change. The current plan is the {current['title']}.")
    link_text = "Read this page in the current plan" if same_page else "Go to the current plan"
    return {"kind": edition["status"], "heading": heading, "text": text, "link_href": href, "link_text": link_text}


# --- Abbreviations and the glossary ----------------------------------------------------------

def abbreviations(plan: Plan) -> dict[str, str]:
    """Each abbreviation in the glossary with its expansion, the longest first."""
    found = {term: entry["expansion"] for term, entry in plan.glossary.items() if entry.get("expansion")}
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


def abbreviation_definitions(plan: Plan) -> str:
    """Markdown abbreviation definitions, so that every occurrence on a page gets an <abbr> title."""
    return "\n".join(f"*[{term}]: {expansion}" for term, expansion in abbreviations(plan).items())


def abbreviate_html(text: str, plan: Plan) -> str:
    """Escaped text with each abbreviation wrapped in <abbr>, for HTML we write ourselves."""
    terms = abbreviations(plan)
    if not terms:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b")
    return pattern.sub(lambda m: f'<abbr title="{escape(terms[m.group(1)])}">{m.group(1)}</abbr>', text)


def glossary_page(plan: Plan, edition: dict) -> Page:
    w = _Writer(plan, "glossary.md")
    w.add("# Words and abbreviations")
    w.add("What the abbreviations and special words in this plan mean.")
    # The glossary lists each spelling the text uses (Hate crime, hate crime); show each term once.
    shown: dict[str, dict] = {}
    for term, entry in plan.glossary.items():
        shown.setdefault(term.lower(), entry)
    for _, entry in sorted(shown.items()):
        term = entry["term"]
        w.add(f"## {term}")
        if entry.get("expansion"):
            w.add(f"**Stands for:** {entry['expansion']}")
        w.add(entry["meaning"].strip())
        if entry.get("source"):
            w.add(f"*{w.source(entry['source'])}*")
    return Page("glossary.md", "Words and abbreviations", w.markdown())


# --- Accessibility statement -----------------------------------------------------------------

def accessibility_page(plan: Plan, edition: dict, test_report: dict | None) -> Page:
    """The accessibility statement, after the UK model, with the results of the last test run."""
    w = _Writer(plan, "accessibility.md")
    contact = plan.partnership["contact"]
    w.add("# Accessibility statement")
    w.add(f"This statement applies to this website, which publishes the {plan.partnership['name']}'s "
          "community safety plans. We want as many people as possible to be able to use it. You should be able to:")
    w.bullets([
        "change colours: switch between light and dark mode with the button at the top of each page",
        "zoom in up to 400% without the text spilling off the screen",
        "get around the whole site using just a keyboard",
        "listen to the site using a screen reader",
        "read a plain-language summary of each plan",
        "read every chart's figures in a table next to it",
    ])
    w.add("## How accessible this website is")
    w.add("We know some parts of this website are not fully accessible:")
    w.bullets([
        "the search box and the list of plan editions at the top of the page need JavaScript; "
        f"without it, use the menu and the [All editions]({w.link('editions.md')}) page instead",
        "some of the original documents showed figures only in pictures of charts; "
        "where the text does not give those figures, this site cannot show them",
        "the original plan documents are PDF files, which this site does not copy; this site is their accessible version",
    ])
    w.add("## What to do if you need the plan in a different format")
    w.add("If you need the plan in a different format, such as large print, easy read, an audio "
          "recording, braille or another language, please ask.")
    w.add(contact["text"].strip())
    w.add("## Reporting accessibility problems with this website")
    w.add("We are always looking to improve the accessibility of this website. If you find a problem "
          "that is not listed on this page, or think we are not meeting accessibility requirements, "
          "please tell us using the contact details above.")
    w.add("## Enforcement procedure")
    w.add("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
          "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 "
          "(the 'accessibility regulations'). If you are not happy with how we respond to your "
          "complaint, contact the Equality Advisory and Support Service (EASS).")
    w.add("## Technical information about this website's accessibility")
    w.add("We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.")
    w.add("## How we tested this website")
    w.add(*_test_report_lines(test_report))
    return Page("accessibility.md", "Accessibility statement", w.markdown())


def _test_report_lines(report: dict | None) -> list[str]:
    if not report or "axe" not in report:
        return ["This copy of the site was built without the results of the accessibility tests. "
                "The partnership's editors run them with `make test` before they publish a new version."]
    axe, html, keyboard = report["axe"], report.get("html"), report.get("keyboard")
    lines = [f"The project's automated tests last ran on {format_date(axe['date'])}"
             + (f" (code version {axe['commit']})" if axe.get("commit") else "") + ". They:", ""]
    widths = " and ".join(f"{w} pixels" for w in axe["widths"])
    lines.append(f"- opened all {axe['pages']} pages of every edition in {axe['browser']}, "
                 f"{widths} wide, in the light and the dark colours, and checked each with {axe['tool']} "
                 f"against WCAG 2.0, 2.1 and 2.2 levels A and AA and axe's best practices: "
                 f"{_count(axe['violations'], 'problem')} found")
    if html:
        lines.append(f"- checked all {html['files']} HTML files with the {html['tool']}: "
                     f"{_count(html['errors'], 'error')} found")
    if keyboard:
        lines.append(f"- worked every kind of control with the keyboard alone (skip link, menu, palette, "
                     f"edition list, search, tables that scroll): {keyboard['checks'] - keyboard['failed']} of "
                     f"{keyboard['checks']} checks passed")
    lines += ["", "Automated tests cannot find every accessibility problem. The site has not yet been "
              "checked by hand by people who use assistive technology."]
    return lines


def _count(number: int, noun: str) -> str:
    return "no " + noun + "s" if number == 0 else f"{number} {noun}{'s' if number != 1 else ''}"
