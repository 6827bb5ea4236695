"""Pages stage: turn one resolved edition into Markdown pages and a navigation.

Plain functions on plain data: nothing here knows about MkDocs, so that the same
pages can feed another static site generator later.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable
from html import escape

from .charts import chart
from .measures import DEFAULT_SERIES, MOVEMENT_SYMBOLS, format_value, in_edition, sentence, summarise
from .model import Plan, source_refs
from .translations import ENGLISH_START, Words, stale_dates as stale_dates_in
from .versions import compare_editions, edition_measure_ids

#: The source language. It has no translator, so it never records anything: safe to share.
ENGLISH = Words()


def missing(words: Words) -> str:
    return words.t("The source documents we hold do not include this part of the plan.")


def unit_words(words: Words, unit: str) -> str:
    return {
        "count": lambda: words.t("a count"),
        "rate_per_1000": lambda: words.t("a rate per 1,000 people"),
        "rate_per_10000": lambda: words.t("a rate per 10,000 people"),
        "rate_per_100000": lambda: words.t("a rate per 100,000"),
        "percentage": lambda: words.t("a percentage"),
        "average": lambda: words.t("an average"),
        "ratio": lambda: words.t("a ratio"),
    }[unit]()


def better_words(words: Words, better: str) -> str:
    return {
        "up": lambda: words.t("Higher is better."),
        "down": lambda: words.t("Lower is better."),
        "neither": lambda: words.t("The plan does not say whether higher or lower is better."),
    }[better]()


def status_words(words: Words, status: str) -> str:
    return {"current": lambda: words.t("Current plan"), "archived": lambda: words.t("Archived plan"),
            "draft": lambda: words.t("Draft plan")}[status]()


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its title and its Markdown."""

    path: str
    title: str
    markdown: str


def format_period(period: dict, words: Words = ENGLISH) -> str:
    return words.t("{start} to {end}", start=period["start"], end=period["end"])


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one page's source path to another's."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def edition_root_url(from_page: str, edition_id: str, words: Words = ENGLISH) -> str:
    """URL of another edition's home, from a page published with directory URLs.

    Each edition is its own site under <site>/<edition id>/ (<site>/<language>/<edition id>/
    in another language), so the link leaves this edition's folder; it stays relative so
    the site works under any sub-path. An edition not translated into the page's language
    is linked in English.
    """
    depth = 0 if posixpath.basename(from_page) == "index.md" else 1
    depth += from_page.count("/")
    if words.editions is not None and edition_id not in words.editions:
        return "../" * (depth + 2) + f"{edition_id}/"
    return "../" * (depth + 1) + f"{edition_id}/"


class _Writer:
    """Builds one page's Markdown, with links relative to that page."""

    def __init__(self, plan: Plan, path: str, words: Words = ENGLISH):
        self.plan = plan
        self.path = path
        self.words = words
        self.t = words.t
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)
        self.lines.append("")

    def link(self, target: str, fragment: str = "") -> str:
        return relative(self.path, target) + (f"#{fragment}" if fragment else "")

    def source(self, source_id: str, full_stop: bool = True) -> str:
        source = self.plan.sources[source_id]
        return self.t("Source: {document}, {date}",
                      document=f"[{source['title']}]({self.link('sources.md', source_id)})",
                      date=self.words.date(source["date"])) + ("." if full_stop else "")

    def source_line(self, source_id: str | None) -> None:
        if source_id:
            self.add(f"*{self.source(source_id)}*")

    def bullets(self, items) -> None:
        if items:
            self.add(*[f"- {_one_line(item)}" for item in items])

    def text_or_missing(self, text: str | None) -> None:
        self.add(text.strip() if text else f"*{missing(self.words)}*")

    def markdown(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def _one_line(text: str) -> str:
    """A list item: continuation lines indented so Markdown keeps them in the item."""
    return "\n  ".join(str(text).strip().splitlines())


def _source_notes(w: _Writer, edition: dict) -> None:
    if edition["source_notes"]:
        # Source notes are the editors' own words in the edition file, not translated yet.
        w.add(f'!!! note "{w.t("What our sources include")}"',
              *[f"    {line}" if line else "" for note in edition["source_notes"]
                for line in (w.words.english(note.strip()).splitlines() + [""])])


def _facts(w: _Writer, facts) -> None:
    if facts:
        w.add("## " + w.t("Key facts"))
        w.add(*[f"- {_one_line(fact['text'])} ({w.source(fact['source'], full_stop=False)})"
                for fact in facts])


def home_page(plan: Plan, edition: dict, leaflet: str | None = None, translated_leaflets: list = (),
              words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "index.md", words)
    t = w.t
    w.add(f"# {edition['title']}")
    published = edition["published"]
    w.add(f"**{t('Period:')}** {format_period(edition['period'], words)}  ",
          f"**{t('Status:')}** {status_words(words, edition['status'])}  ",
          f"**{t('Date:')}** {words.date(published['date'])} ({' '.join(published['note'].split())})")
    if edition["kind"] == "refresh":
        w.add(t("This is an annual refresh of the {plan}. It lists what changed in the plan for {period}.",
                plan=edition["base_title"], period=format_period(edition["period"], words)))
    _source_notes(w, edition)
    # Only the edition's own vision: another edition's would put words in this plan's mouth.
    vision = edition.get("vision")
    w.add("## " + t("Our vision"))
    if vision:
        w.add(f"> {_one_line(vision['text'])}")
        w.source_line(vision["source"])
    else:
        w.add("*" + t("The source documents we hold for this edition do not include a vision statement.") + "*")
    w.add("## " + t("The plan in plain words"), edition["summary"].strip())
    # The summary is ours, but any figure in it comes from the edition's own documents.
    w.add("*" + t("Written in plain words from: {documents}.", documents="; ".join(
        f"[{plan.sources[s]['title']}]({w.link('sources.md', s)})" for s in edition["sources_all"])) + "*")
    if leaflet:
        w.add(f"[{t('Download this summary as a printable leaflet (PDF, A4)')}]({w.link(leaflet)})")
    if translated_leaflets:
        # Each language's name in that language, marked as such for screen readers (WCAG 3.1.2).
        links = [f"[{name}]({w.link(path)}){{: hreflang=\"{code}\" lang=\"{code}\" }}"
                 for code, name, path in translated_leaflets]
        w.add(t("The leaflet in other languages (draft translations, awaiting review):") + " " + " · ".join(links))
    for kind, heading, folder in (("priorities", t("Priorities at a glance"), "priorities"),
                                  ("themes", t("Cross-cutting themes at a glance"), "themes")):
        items = edition[kind]
        if not items:
            continue
        w.add(f"## {heading}")
        lines = []
        for item in items:
            change = item.get("change")
            badge = (f" *({t('new in this refresh')})*" if change == "added" else
                     f" *({t('updated in this refresh')})*" if change == "updated" else "")
            lines.append(f"- **[{item['short_title']}]({w.link(folder + '/' + item['id'] + '.md')})**: "
                         f"{item['title']}{badge}")
        w.add(*lines)
    retired = edition["retired_priorities"] + edition["retired_themes"]
    if retired:
        w.add("## " + t("Retired in this refresh"))
        w.add(*[f"- {item['title']}" + (f": {_one_line(item['reason'])}" if item.get("reason") else "")
                for item in retired])
    intro = edition.get("introduction")
    if intro:
        w.add("## " + t("Introduction"))
        quoted = "\n>\n".join("> " + para.replace("\n", " ") for para in intro["text"].strip().split("\n\n"))
        w.add(quoted)
        if intro.get("author"):
            w.add(f"— {intro['author']}")
        w.source_line(intro["source"])
    _facts(w, edition.get("key_facts"))
    involved = edition.get("get_involved")
    if involved:
        w.add("## " + t("Get involved"))
        if involved.get("text"):
            w.add(involved["text"].strip())
        w.bullets(involved.get("items"))
        w.source_line(involved["source"])
    return Page("index.md", edition["title"], w.markdown())


def item_page(plan: Plan, edition: dict, item: dict, folder: str, words: Words = ENGLISH) -> Page:
    path = f"{folder}/{item['id']}.md"
    w = _Writer(plan, path, words)
    t = w.t
    w.add(f"# {item['title']}")
    if item["short_title"] != item["title"]:
        w.add(f"**{t('In short:')}** {item['short_title']}")
    priority = folder == "priorities"
    if item.get("change") == "added":
        w.add(f'!!! info "{t("New in this refresh")}"',
              "    " + (t("This priority was added in the {edition}.", edition=edition["title"]) if priority else
                        t("This theme was added in the {edition}.", edition=edition["title"])))
    elif item.get("change") == "updated":
        w.add(f'!!! info "{t("Updated in this refresh")}"',
              "    " + (t("The {edition} updated this priority.", edition=edition["title"]) if priority else
                        t("The {edition} updated this theme.", edition=edition["title"])))
    w.add("## " + t("Key outcome"))
    w.text_or_missing(item.get("key_outcome"))
    w.add("## " + t("Why is it a priority?"))
    w.text_or_missing(item.get("why"))
    w.add("## " + t("What we plan to do"))
    if item.get("actions"):
        w.bullets(item["actions"])
    else:
        w.text_or_missing(None)
    w.add("## " + t("How we will measure success"))
    if item.get("success"):
        w.bullets(item["success"])
    measures = [plan.measures[m] for m in item.get("measures", [])]
    if not item.get("success") and not measures:
        w.text_or_missing(None)
    for m in measures:
        w.add(f"### {m['plain_title']} {{#{m['id']}}}")
        w.add("*" + t("Official name: {name}.", name=m["title"]) + " "
              + f"[{t('About this measure')}]({w.link('measures.md', m['id'])}).*")
        w.lines.append(measure_block(plan, edition, m["id"], path, words=words))
    if item.get("lead"):
        lead = item["lead"]
        w.add("## " + t("Who leads this work"))
        w.add(", ".join(part for part in (lead.get("name"), lead["role"]) if part) + ".")
        w.source_line(lead["source"])
    _facts(w, item.get("key_facts"))
    w.source_line(item["source"])
    return Page(path, item["title"], w.markdown())


def priorities_overview_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "priorities/index.md", words)
    t = w.t
    title = words.plain("Priorities and themes")
    w.add("# " + t("Priorities and themes"))
    if edition["themes"]:
        themes = len(edition["themes"])
        w.add(t("The {edition} has {priorities} and {themes}.", edition=edition["title"],
                priorities=_count_priorities(words, edition),
                themes=words.n("{count} cross-cutting theme", "{count} cross-cutting themes", themes, count=themes)))
        w.add(t("Cross-cutting themes are issues that run through every priority."))
    else:
        w.add(t("The {edition} has {priorities}.", edition=edition["title"],
                priorities=_count_priorities(words, edition)))
    for kind, heading, folder in (("priorities", t("Priorities"), "priorities"),
                                  ("themes", t("Cross-cutting themes"), "themes")):
        if not edition[kind]:
            continue
        w.add(f"## {heading}")
        for item in edition[kind]:
            w.add(f"### [{item['title']}]({w.link(folder + '/' + item['id'] + '.md')})")
            if item.get("key_outcome"):
                w.add(f"**{t('Key outcome:')}** {_one_line(item['key_outcome'])}")
    return Page("priorities/index.md", title, w.markdown())


def _count_priorities(words: Words, edition: dict) -> str:
    count = len(edition["priorities"])
    return words.n("{count} priority", "{count} priorities", count, count=count)


def measures_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "measures.md", words)
    t = w.t
    title = words.plain("How we will measure success")
    w.add("# " + t("How we will measure success"))
    ids = edition_measure_ids(edition)
    if not ids and not edition.get("other_measures"):
        w.add(f"*{missing(words)}*")
        return Page("measures.md", title, w.markdown())
    w.add(words.n("This site shows {count} measure from the plan's documents. It belongs to a priority or theme.",
                  "This site shows {count} measures from the plan's documents. Each one belongs to a priority or theme.",
                  len(ids), count=len(ids)))
    for kind in ("priorities", "themes"):
        for item in edition[kind]:
            if not item.get("measures"):
                continue
            folder = "priorities" if kind == "priorities" else "themes"
            w.add(f"## {item['title']}")
            w.add(t("Part of {item}.", item=f"[{item['short_title']}]({w.link(folder + '/' + item['id'] + '.md')})"))
            for measure_id in item["measures"]:
                m = plan.measures[measure_id]
                w.add(f"### {m['plain_title']} {{#{m['id']}}}")
                w.add(f"**{t('Official name:')}** {m['title']}  ",
                      f"**{t('Measured as:')}** {unit_words(words, m['unit'])}  ",
                      f"**{t('Direction:')}** {better_words(words, m['better'])}")
                if m.get("description"):
                    w.add(m["description"].strip())
                w.add(sentence(summarise(m, edition_figures(plan, edition, measure_id)), words))
                w.add(f"[{t('Figures, chart and table')}]({w.link(folder + '/' + item['id'] + '.md', measure_id)})")
                w.add("*" + " ".join(w.source(s) for s in m["sources"]) + "*")
    others = edition.get("other_measures", [])
    if others:
        w.add("## " + t("Other figures in this plan"),
              t("The plan also reports these figures, which belong to no single priority."))
        for measure_id in others:
            m = plan.measures[measure_id]
            w.add(f"### {m['plain_title']} {{#{m['id']}}}")
            w.add("*" + t("Official name: {name}.", name=m["title"]) + "*")
            if m.get("description"):
                w.add(m["description"].strip())
            w.lines.append(measure_block(plan, edition, measure_id, "measures.md", words=words))
    return Page("measures.md", title, w.markdown())


def partners_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "partners.md", words)
    t = w.t
    w.add("# " + t("Partners and governance"))
    partners = edition.get("partners") or plan.partnership["partners"]
    if not edition.get("partners"):
        w.add(t("The sources for this edition do not list the partners, so this page shows the "
                "partnership's most recent list."))
    if partners.get("text"):
        w.add(partners["text"].strip())
    for key, heading, explanation in (
        ("responsible_authorities", lambda: t("Responsible authorities"),
         lambda: t("The law (the Crime and Disorder Act 1998) says these bodies must work together on community safety.")),
        ("cooperating_bodies", lambda: t("Co-operating bodies"),
         lambda: t("These bodies help the partnership and share information with it.")),
        ("invitees", lambda: t("Invited to take part"),
         lambda: t("The partnership invited these organisations to join its work.")),
    ):
        if partners.get(key):
            w.add(f"## {heading()}", explanation())
            w.bullets(partners[key])
    w.source_line(partners["source"])
    governance = edition.get("governance")
    w.add("## " + t("How the partnership is run"))
    if governance:
        if governance.get("text"):
            w.add(governance["text"].strip())
        bodies = governance.get("bodies", [])
        if bodies:
            names = {b["id"]: b["name"] for b in bodies}
            w.add(f"| {t('Board or group')} | {t('What it does')} | {t('Reports to')} |", "| --- | --- | --- |",
                  *[f"| {_cell(b['name'])} | {_cell(b.get('description', ''))} | {_cell(names.get(b.get('reports_to'), ''))} |"
                    for b in bodies])
        w.source_line(governance["source"])
    else:
        w.text_or_missing(None)
    contact = plan.partnership["contact"]
    w.add("## " + t("Contact the partnership"), contact["text"].strip())
    for role in contact.get("roles", []):
        w.add(f"**{role['role']}:** {_one_line(role['how'])}")
    return Page("partners.md", words.plain("Partners and governance"), w.markdown())


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def about_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "about.md", words)
    t = w.t
    w.add("# " + t("About the plan"))
    w.add(t("Every Community Safety Partnership in England must publish a plan that covers three "
            "years and is refreshed every year. This page gathers what the source documents say about the plan."))
    for section in edition.get("about", []):
        w.add(f"## {section['title']}", section["text"].strip())
        w.source_line(section["source"])
    consultation = edition.get("consultation")
    if consultation:
        w.add("## " + t("Consultation"))
        if consultation.get("text"):
            w.add(consultation["text"].strip())
        survey = consultation.get("survey")
        if survey:
            w.add(f"### {survey['title']}")
            if survey.get("respondents") is not None:
                w.add(t("Number of people who answered: {count}.", count=words.number(survey["respondents"])))
            if survey.get("text"):
                w.add(survey["text"].strip())
            w.bullets(survey["findings"])
        w.source_line(consultation["source"])
    for focus in edition.get("other_focus", []):
        w.add(f"## {focus['title']}", focus["text"].strip())
        w.source_line(focus["source"])
    neighbourhoods = edition.get("vulnerable_neighbourhoods")
    if neighbourhoods:
        w.add("## " + t("Vulnerable neighbourhoods by crime type"))
        if neighbourhoods.get("text"):
            w.add(neighbourhoods["text"].strip())
        w.add(f"| {t('Crime type')} | {t('Neighbourhoods')} |", "| --- | --- |",
              *[f"| {_cell(row['crime_type'])} | {_cell(', '.join(row['areas']))} |"
                for row in neighbourhoods["crime_types"]])
        w.source_line(neighbourhoods["source"])
    linkage = edition.get("linkage")
    if linkage:
        titles = {item["id"]: item for kind in ("priorities", "themes") for item in edition[kind]}
        w.add("## " + t("How the priorities link to other work"))
        if linkage.get("text"):
            w.add(linkage["text"].strip())
        for row in linkage["rows"]:
            w.add(f"### {titles[row['priority']]['title']}")
            w.add(t("Delivered by:"))
            w.bullets(row["delivered_by"])
            w.add(t("Linked to:"))
            w.bullets(row["linked_to"])
        w.source_line(linkage["source"])
    communication = edition.get("communication")
    if communication:
        w.add("## " + t("How we will tell the public"))
        if communication.get("text"):
            w.add(communication["text"].strip())
        w.bullets(communication.get("items"))
        w.source_line(communication["source"])
    return Page("about.md", words.plain("About the plan"), w.markdown())


def sources_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "sources.md", words)
    t = w.t
    w.add("# " + t("Source documents"))
    w.add(t("Everything on this site comes from these public documents. Each figure and quotation "
            "names the document it came from."))
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
        w.add(f"**{t('Published by:')}** {source['publisher']}  ", f"**{t('Date:')}** {words.date(source['date'])}")
        if source.get("description"):
            w.add(source["description"])
    return Page("sources.md", words.plain("Source documents"), w.markdown())


def editions_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "editions.md", words)
    t = w.t
    w.add("# " + t("All editions of the plan"))
    w.add(t("The partnership publishes a three-year plan and refreshes it every year. "
            "Each edition below is kept as it was published."))
    rows = []
    for other in plan.editions_newest_first():
        title = words.edition(plan, other["id"])["title"]
        label = f'<a href="{edition_root_url(w.path, other["id"], words)}">{title}</a>'
        if other["id"] == edition["id"]:
            label += f" ({t('this edition')})"
        rows.append(f"| {label} | {format_period(other['period'], words)} | {status_words(words, other['status'])} | "
                    f"{words.date(other['published']['date'])} |")
    w.add(f"| {t('Edition')} | {t('Period')} | {t('Status')} | {t('Date')} |", "| --- | --- | --- | --- |", *rows)
    return Page("editions.md", words.plain("All editions of the plan"), w.markdown())


def _item_link(w: _Writer, kind: str, item: dict) -> str:
    return f"[{item['title']}]({w.link(kind + '/' + item['id'] + '.md')})"


def changes_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    """'What changed in this refresh': the refresh compared with its base plan."""
    base = words.edition(plan, edition["base"])
    diff = _diff_in_language(plan, edition, base, words)
    w = _Writer(plan, "changes.md", words)
    t = w.t
    w.add("# " + t("What changed in this refresh"))
    w.add(t("This page compares the {edition} with the plan it refreshes, the {base}.",
            edition=edition["title"], base=base["title"]) + " "
          + f'<a href="{edition_root_url(w.path, base["id"], words)}">{t("Read the {edition}", edition=base["title"])}</a>.')
    kinds = {"priorities": t("priority"), "themes": t("cross-cutting theme")}
    # Field names are the data's own (key_outcome, actions); they stay as written.
    sections = [
        (t("New priorities and themes"), [t("{item} (new {kind})", item=_item_link(w, k, i), kind=kinds[k])
                                          for k, i in diff["added"]]),
        (t("Retired priorities and themes"), [
            f"{i['title']} ({kinds[k]})" + (f": {_one_line(i['reason'])}" if i.get("reason") else "")
            for k, i in diff["retired"]]),
        (t("Renamed"), [t("{old} is now called {new}", old=old, new=_item_link(w, k, i))
                        for k, old, new, i in diff["renamed"]]),
        (t("Leads"), [f"{_item_link(w, k, i)}: "
                      + (t("was {old}, now {new}", old=_lead_words(old), new=_lead_words(new) if new else t("no lead named"))
                         if old else t("now led by {new}", new=_lead_words(new) if new else t("no lead named")))
                      for k, i, old, new in diff["leads"]]),
        (t("Measures added"), [t("{measure} (for {item})", measure=plan.measures[m]["plain_title"],
                                 item=_item_link(w, _kind_of(edition, i), i)) for i, m in diff["measures_added"]]),
        (t("Measures no longer used"), [t("{measure} (was used for {item})", measure=plan.measures[m]["plain_title"],
                                          item=i["title"]) for i, m in diff["measures_removed"]]),
        (t("Text updated"), [f"{_item_link(w, k, i)}: {', '.join(fields)}" for k, i, fields in diff["text"]]),
    ]
    any_change = False
    for heading, items in sections:
        if items:
            any_change = True
            w.add(f"## {heading}")
            w.bullets(items)
    if diff["edition_fields"]:
        any_change = True
        w.add("## " + t("Other parts of the plan"),
              t("The refresh gives new text for: {fields}.", fields=", ".join(diff["edition_fields"])))
    if not any_change:
        w.add(t("The refresh makes no changes to the priorities, themes or measures."))
    return Page("changes.md", words.plain("What changed in this refresh"), w.markdown())


def _diff_in_language(plan: Plan, edition: dict, base: dict, words: Words) -> dict:
    """Compare the English texts (a translation is not a change), then show the page's language."""
    diff = compare_editions(ENGLISH.edition(plan, base["id"]), ENGLISH.edition(plan, edition["id"]))
    if words.is_source:
        return diff
    items = {i["id"]: i for kind in ("priorities", "themes", "retired_priorities", "retired_themes")
             for i in base[kind] + edition[kind]}
    old_titles = {i["id"]: i["title"] for kind in ("priorities", "themes") for i in base[kind]}
    return {
        "added": [(k, items[i["id"]]) for k, i in diff["added"]],
        "retired": [(k, items[i["id"]]) for k, i in diff["retired"]],
        "renamed": [(k, old_titles[i["id"]], new, items[i["id"]]) for k, old, new, i in diff["renamed"]],
        "leads": [(k, items[i["id"]], old, new) for k, i, old, new in diff["leads"]],
        "measures_added": [(items[i["id"]], m) for i, m in diff["measures_added"]],
        "measures_removed": [(items[i["id"]], m) for i, m in diff["measures_removed"]],
        "text": [(k, items[i["id"]], [words.english(f) for f in fields]) for k, i, fields in diff["text"]],
        "edition_fields": [words.english(f) for f in diff["edition_fields"]],
    }


def _lead_words(lead: dict) -> str:
    return ", ".join(part for part in (lead.get("name"), lead.get("role")) if part)


def _kind_of(edition: dict, item: dict) -> str:
    return "priorities" if any(i["id"] == item["id"] for i in edition["priorities"]) else "themes"


def history_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    """How the priorities evolved across every plan cycle and refresh, side by side."""
    w = _Writer(plan, "history.md", words)
    t = w.t
    editions = sorted(plan.editions.values(), key=lambda e: (e["period"]["start"], e["kind"] == "refresh"))
    first, last = editions[0]["period"]["start"], editions[-1]["period"]["start"]
    w.add("# " + t("How the priorities changed, {first} to {last}", first=first, last=last))
    w.add(t("Each row is one edition of the plan, oldest first. A refresh lists the priorities after its changes."))
    rows = []
    for other in editions:
        resolved = words.edition(plan, other["id"])
        # Translated text is escaped already; English from our own files is escaped here.
        text = (lambda value: value) if not words.is_source else escape
        link = f'<a href="{edition_root_url(w.path, other["id"], words)}">{text(resolved["title"])}</a>'
        if other["id"] == edition["id"]:
            link += f" ({t('this edition')})"

        def cell(kind):
            return "<br>".join(_one_line(text(i["title"])).replace("\n  ", " ")
                               + (f" ({t('new')})" if i.get("change") == "added" else "")
                               for i in resolved[kind]) or t("None")
        rows.append(f"| {link} | {format_period(other['period'], words)} | {cell('priorities')} | {cell('themes')} |")
    w.add(f"| {t('Edition')} | {t('Period')} | {t('Priorities')} | {t('Cross-cutting themes')} |",
          "| --- | --- | --- | --- |", *rows)
    return Page("history.md", words.plain("How the priorities changed"), w.markdown())


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


def page_registry(plan: Plan, edition: dict, words: Words = ENGLISH, *, test_report: dict | None = None,
                  leaflet: str | None = None, translated_leaflets: list = (),
                  completeness: list | None = None) -> list[PageEntry]:
    """Every generated page of an edition, in the order they are built: the only list of pages.

    The menu puts "What changed" second; the pages are built in this order, which is the
    order of the sitemap and the search index."""
    t = words.t
    entries = [PageEntry("index.md", lambda: home_page(plan, edition, leaflet, translated_leaflets, words),
                         0, lambda: t("Home")),
               PageEntry("priorities/index.md", lambda: priorities_overview_page(plan, edition, words),
                         2, section=lambda: t("Priorities"))]
    entries += [PageEntry(f"priorities/{item['id']}.md",
                          lambda item=item: item_page(plan, edition, item, "priorities", words),
                          2, lambda item=item: item["short_title"], lambda: t("Priorities"))
                for item in edition["priorities"]]
    entries += [PageEntry(f"themes/{item['id']}.md", lambda item=item: item_page(plan, edition, item, "themes", words),
                          3, lambda item=item: item["short_title"], lambda: t("Cross-cutting themes"))
                for item in edition["themes"]]
    entries += [PageEntry("measures.md", lambda: measures_page(plan, edition, words), 4,
                          lambda: t("How we measure success")),
                PageEntry("partners.md", lambda: partners_page(plan, edition, words), 4,
                          lambda: t("Partners and governance")),
                PageEntry("about.md", lambda: about_page(plan, edition, words), 4, lambda: t("About the plan")),
                PageEntry("editions.md", lambda: editions_page(plan, edition, words), 4, lambda: t("All editions")),
                PageEntry("history.md", lambda: history_page(plan, edition, words), 4,
                          lambda: t("How the priorities changed")),
                PageEntry("sources.md", lambda: sources_page(plan, edition, words), 4, lambda: t("Source documents"))]
    if plan.glossary:
        entries.append(PageEntry("glossary.md", lambda: glossary_page(plan, edition, words), 4,
                                 lambda: t("Words and abbreviations")))
    if len(plan.languages) > 1:
        entries.append(PageEntry("languages.md", lambda: languages_page(plan, edition, words, completeness or []), 4,
                                 lambda: t("Languages")))
    entries.append(PageEntry("accessibility.md", lambda: accessibility_page(plan, edition, test_report, words), 4,
                             lambda: t("Accessibility")))
    if edition["kind"] == "refresh":
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
                  words: Words = ENGLISH, completeness: list | None = None) -> list[Page]:
    """Every generated page of one edition, in the language of words; test_report feeds the
    accessibility statement, leaflet is the path of its printable summary, when there is one,
    and translated_leaflets lists (language code, language name, path) for the summary in
    other languages. On a page in another language, notices say which parts are in English,
    which translations are stale and whether the translation awaits review."""
    local_plan = words.plan(plan)
    edition = words.edition(plan, edition_id)
    pages = []
    for entry in page_registry(local_plan, edition, words, test_report=test_report, leaflet=leaflet,
                               translated_leaflets=translated_leaflets or [], completeness=completeness):
        page = entry.make()
        pages.append(Page(page.path, page.title, after_title(page.markdown, translation_notices(words, page.markdown))))
    return pages


def after_title(markdown: str, notice: str) -> str:
    """The page with a notice under its title: MkDocs takes a page's title from a first-line heading."""
    if not notice:
        return markdown
    first, _, rest = markdown.partition("\n")
    if first.startswith("# "):
        return f"{first}\n\n{notice}{rest}"
    return notice + markdown


def translation_notices(words: Words, markdown: str, stale_dates: list[str] | None = None) -> str:
    """The notices at the top of a page in another language, from what the page holds: a draft
    translation, parts in English, and stale translations (stale_dates gives the dates the
    English changed, '' when unknown; by default those of the stale texts on the page)."""
    if words.is_source:
        return ""
    used_english = ENGLISH_START in markdown
    stale = sorted(stale_dates if stale_dates is not None else stale_dates_in(markdown))
    notices = []
    if words.review == "draft":
        notices.append(words.t("This translation is a draft. It awaits review by a qualified translator."))
    if used_english:
        notices.append(words.t("Some parts are not yet translated and are shown in English."))
    if stale:
        dated = [d for d in stale if d]
        notices.append(words.t("The English text of some parts changed on {date}, after they were translated. "
                               "Their translation may be out of date.", date=words.date(dated[-1]))
                       if dated else
                       words.t("The English text of some parts changed after they were translated. "
                               "Their translation may be out of date."))
    if not notices:
        return ""
    title = words.t("About this translation")
    return f'!!! note "{title}"\n' + "".join(f"    {n}\n\n" for n in notices) + "\n"


def edition_page_paths(plan: Plan, edition_id: str) -> list[str]:
    """Where an edition's generated pages go, without writing them."""
    return [entry.path for entry in page_registry(plan, ENGLISH.edition(plan, edition_id))]


def edition_nav(plan: Plan, edition_id: str, words: Words = ENGLISH) -> list:
    """The navigation of one edition, in MkDocs' nav format (plain lists and dicts)."""
    return registry_nav(page_registry(plan, words.edition(plan, edition_id), words))


def language_home_url(from_page: str, edition_id: str, language: str, words: Words, source: str = "en") -> str:
    """URL of an edition's home in a language: <site>/<edition>/ in the source language,
    <site>/<language>/<edition>/ in the others."""
    depth = (0 if posixpath.basename(from_page) == "index.md" else 1) + from_page.count("/")
    depth += 0 if words.is_source else 1
    return "../" * (depth + 1) + ("" if language == source else f"{language}/") + f"{edition_id}/"


def languages_page(plan: Plan, edition: dict, words: Words, completeness: list[dict]) -> Page:
    """The public list of languages, with how much of each is translated and whether it is reviewed."""
    w = _Writer(plan, "languages.md", words)
    t = w.t
    source = plan.languages[0]
    w.add("# " + t("This plan in other languages"))
    w.add(t("The plan is written in English. Volunteers and translators are translating it into other languages. "
            "Where a part is not yet translated, it is shown in English."))
    w.add(t("If you need the plan in a language that is not listed here, please ask. The contact details are "
            "on the {accessibility} page.", accessibility=f"[{t('Accessibility')}]({w.link('accessibility.md')})"))
    def home(code: str, name: str) -> str:
        # Each language's name in that language, marked as such for screen readers (WCAG 3.1.2).
        url = language_home_url(w.path, edition["id"], code, words, source["code"])
        return f'<a href="{url}" hreflang="{code}" lang="{code}">{escape(name)}</a>'

    rows = [f'| {home(source["code"], source["name"])} | {t("The original")} | {words.percent(100)} | |']
    for row in completeness:
        if row["published"]:
            name = home(row["code"], row["name"])
        else:
            name = f'<span lang="{row["code"]}">{escape(row["name"])}</span>'
        review = t("Draft, awaiting review by a qualified translator") if row["review"] == "draft" else t("Reviewed")
        share = words.percent(round(100 * row["texts_done"] / row["texts_total"])) if row["texts_total"] else "0%"
        pages = t("{done} of {total}", done=row["pages_done"], total=row["pages_total"])
        rows.append(f"| {name} | {review} | {share} | {pages} |")
    w.add(f"| {t('Language')} | {t('Translation')} | {t('Texts of this edition translated')} | "
          f"{t('Other pages translated')} |", "| --- | --- | --- | --- |", *rows)
    return Page("languages.md", words.plain("This plan in other languages"), w.markdown())


# --- Measures with their figures --------------------------------------------------------

def edition_figures(plan: Plan, edition: dict, measure_id: str) -> list:
    """The measure's figures that belong to this edition."""
    return [f for f in plan.figures.get(measure_id, []) if in_edition(f, edition)]


def _series_order(measure: dict, figures: list) -> list[str]:
    main = measure.get("series", DEFAULT_SERIES)
    names = [main] + list(measure.get("comparators", []))
    names += [f.series for f in figures if f.series not in names]
    return [n for n in dict.fromkeys(names) if any(f.series == n for f in figures)]


def _short_value(measure: dict, words: Words):
    def short(figure) -> str:
        if figure.value is None:
            return words.t("no figure")
        return words.percent(figure.value) if measure["unit"] == "percentage" or figure.is_percent \
            else words.number(figure.value)
    return short


def _capital(text: str) -> str:
    at = 1 if text.startswith(("\ue000", "\ue001")) else 0
    return text[:at] + text[at:at + 1].upper() + text[at + 1:]


def figures_table(measure: dict, figures: list, table_id: str, plan: Plan | None = None,
                  words: Words = ENGLISH) -> str:
    """The figures as an HTML table: one row per period, one column per series."""
    series = _series_order(measure, figures)
    periods = []
    for figure in figures:
        if figure.period not in periods:
            periods.append(figure.period)
    cells = {(f.period, f.series): f for f in figures}
    t = words.t

    def text(value: str) -> str:
        # Translated text is escaped already, and so is what t() returns.
        value = value if not words.is_source else escape(value)
        return abbreviate_html(value, plan) if plan else value

    def series_name(name: str) -> str:
        return text(words.english(name))

    caption = f'<table id="{table_id}"><caption>{t("{measure}: the figures", measure=text(measure["plain_title"]))}</caption>'
    if len(periods) == 1 and len(series) > 2:
        # One period broken down many ways reads better as a list of rows, above all on a phone.
        period = periods[0]
        label = text(_capital(words.period(period)))
        return (caption + f'<thead><tr><th scope="col">{t("Group")}</th><th scope="col">{label}</th></tr></thead><tbody>'
                + "".join(f'<tr><th scope="row">{series_name(name)}</th>'
                          f"<td>{escape(format_value(measure, cells[(period, name)], words=words))}</td></tr>"
                          for name in series if (period, name) in cells)
                + "</tbody></table>")
    out = [caption,
           f'<thead><tr><th scope="col">{t("Period")}</th>'
           + "".join(f'<th scope="col">{series_name(name)}</th>' for name in series) + "</tr></thead><tbody>"]
    for period in periods:
        row = [f'<th scope="row">{text(_capital(words.period(period)))}</th>']
        for name in series:
            figure = cells.get((period, name))
            row.append(f"<td>{escape(format_value(measure, figure, words=words)) if figure else ''}</td>")
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _trend_line(summary, words: Words) -> str:
    if not summary.trend:
        return ""
    t = words.t
    trend = {"improving": lambda: t("Improving"), "getting worse": lambda: t("Getting worse"),
             "no clear change": lambda: t("No clear change"),
             "not judged": lambda: t("Changed; the plan does not say which direction is better")}[summary.trend]()
    # The arrow shows which way the figure moved; the words say whether that is good.
    symbol = MOVEMENT_SYMBOLS[summary.movement]
    movement = {"up": lambda: t("(the figure went up)"), "down": lambda: t("(the figure went down)"),
                "same": lambda: t("(the figure was about the same)")}[summary.movement]()
    return (f'<span class="plan-trend plan-trend--{summary.trend.replace(" ", "-")}">'
            f'<span aria-hidden="true">{symbol}</span> {trend}</span> {movement}')


def measure_block(plan: Plan, edition: dict, measure_id: str, page_path: str, *,
                  parts: tuple = ("summary", "chart", "table", "source"), words: Words = ENGLISH) -> str:
    """Markdown for one measure: headline, direction, sentence, chart, table, source, download."""
    measure = plan.measures[measure_id]
    figures = edition_figures(plan, edition, measure_id)
    summary = summarise(measure, figures)
    w = _Writer(plan, page_path, words)
    t = w.t
    if "summary" in parts:
        if summary.latest is not None:
            w.add(f"**{t('Latest figure:')}** {format_value(measure, summary.latest, words=words)} "
                  f"({words.period(summary.latest.period)})")
        if summary.trend:
            w.add(f"**{t('Direction of travel:')}** {_trend_line(summary, words)}")
        if summary.comparisons:
            w.add(f"**{t('Compared with:')}** " + "; ".join(
                f"{words.english(c.name)} {format_value(measure, c.figure, words=words)}"
                + (" " + (t("(Peterborough is better)") if c.judgement == "better" else t("(Peterborough is worse)"))
                   if c.judgement in ("better", "worse") else "")
                for c in summary.comparisons))
        target = measure.get("target")
        if target:
            status = {True: lambda: " " + t("We are meeting it."), False: lambda: " " + t("We are not meeting it yet."),
                      None: lambda: ""}[summary.target_met]()
            w.add(f"**{t('Target:')}** {target['text']}{status}")
        w.add(sentence(summary, words))
    if not summary.has_figures:
        return w.markdown()
    block_id = f"{measure_id}-{posixpath.splitext(page_path)[0].replace('/', '-')}"
    if "chart" in parts:
        chart_svg = chart(f"chart-{block_id}", t("{measure}: chart", measure=measure["plain_title"]),
                          sentence(summary, words) + " " + t("The same figures are in the table below the chart."),
                          [f for f in figures if f.value is not None], _series_order(measure, figures),
                          _short_value(measure, words), words)
        w.add(f'<figure class="plan-figure">{chart_svg}</figure>')
    if "table" in parts:
        w.add(f'<div class="plan-table">{figures_table(measure, figures, "table-" + block_id, plan, words)}</div>')
    notes = [f for f in figures if f.note]
    if notes and "table" in parts:
        w.add(t("About these figures:"))
        w.bullets(f"{_capital(words.period(f.period))}, {words.english(f.series)}: {words.english(f.note)}"
                  for f in notes)
    if "source" in parts:
        sources = list(dict.fromkeys(f.source for f in figures))
        w.add("*" + " ".join(w.source(s) for s in sources) + "*")
        w.add(f"[{t('Download these figures (CSV)')}]({w.link(f'data/{measure_id}.csv')})")
    return w.markdown()


# --- Measures inside hand-written pages --------------------------------------------------

_DIRECTIVE = re.compile(r"^\{\{\s*measure:\s*(?P<id>[^\s}]+)(?:\s+(?P<part>summary|chart|table))?\s*\}\}\s*$")


class DirectiveError(ValueError):
    """A measure directive in a hand-written page that cannot be shown."""


def expand_measure_directives(markdown: str, plan: Plan, edition_id: str, page_path: str,
                              words: Words = ENGLISH) -> str:
    """Replace lines such as '{{ measure: deliberate-fires }}' or '{{ measure: deliberate-fires chart }}'
    with that measure's figures for the edition being built."""
    if "{{" not in markdown:
        return markdown
    edition = words.edition(plan, edition_id)
    local_plan = words.plan(plan)
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
        out.append(measure_block(local_plan, edition, measure_id, page_path, parts=parts, words=words))
    return "\n".join(out) + "\n"


# --- Archive and draft banners ------------------------------------------------------------

def page_banner(plan: Plan, edition_id: str, page_url: str, current_page_urls: set[str],
                words: Words = ENGLISH) -> dict | None:
    """The notice on every page of an archived or draft edition, linking to the same page
    in the current edition when it exists there, otherwise to its home. Each language's
    editions sit side by side (<site>/pl/<edition>/), so the link is the same in every language."""
    edition = plan.editions[edition_id]
    if edition["status"] == "current":
        return None
    t = words.t
    current = words.edition(plan, plan.current_edition_id())
    depth = page_url.count("/") if page_url else 0
    target = page_url if page_url in current_page_urls else ""
    href = "../" * (depth + 1) + f"{current['id']}/{target}"
    same_page = bool(target) or page_url == ""
    heading = t("This is an archived plan.") if edition["status"] == "archived" else t("This is a draft plan.")
    text = (t("It is not the current plan. The current plan is the {edition}.", edition=current["title"])
            if edition["status"] == "archived" else
            t("It has not been approved yet and may change. The current plan is the {edition}.",
              edition=current["title"]))
    link_text = t("Read this page in the current plan") if same_page else t("Go to the current plan")
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


def glossary_page(plan: Plan, edition: dict, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "glossary.md", words)
    t = w.t
    w.add("# " + t("Words and abbreviations"))
    w.add(t("What the abbreviations and special words in this plan mean."))
    # The glossary lists each spelling the text uses (Hate crime, hate crime); show each term once.
    shown: dict[str, dict] = {}
    for term, entry in plan.glossary.items():
        shown.setdefault(term.lower(), entry)
    for _, entry in sorted(shown.items()):
        # The terms and what they stand for are English abbreviations, whatever the page's language.
        w.add(f"## {words.english(entry['term'])}")
        if entry.get("expansion"):
            w.add(f"**{t('Stands for:')}** {words.english(entry['expansion'])}")
        w.add(entry["meaning"].strip())
        if entry.get("source"):
            w.add(f"*{w.source(entry['source'])}*")
    return Page("glossary.md", words.plain("Words and abbreviations"), w.markdown())


# --- Accessibility statement -----------------------------------------------------------------

def accessibility_page(plan: Plan, edition: dict, test_report: dict | None, words: Words = ENGLISH) -> Page:
    """The accessibility statement, after the UK model, with the results of the last test run."""
    w = _Writer(plan, "accessibility.md", words)
    t = w.t
    contact = plan.partnership["contact"]
    w.add("# " + t("Accessibility statement"))
    w.add(t("This statement applies to this website, which publishes the {partnership}'s community safety plans. "
            "We want as many people as possible to be able to use it. You should be able to:",
            partnership=plan.partnership["name"]))
    w.bullets([
        t("change colours: switch between light and dark mode with the button at the top of each page"),
        t("zoom in up to 400% without the text spilling off the screen"),
        t("get around the whole site using just a keyboard"),
        t("listen to the site using a screen reader"),
        t("read a plain-language summary of each plan"),
        t("read every chart's figures in a table next to it"),
    ])
    w.add("## " + t("How accessible this website is"))
    w.add(t("We know some parts of this website are not fully accessible:"))
    w.bullets([
        t("the search box and the list of plan editions at the top of the page need JavaScript; "
          "without it, use the menu and the {editions} page instead",
          editions=f"[{t('All editions')}]({w.link('editions.md')})"),
        t("some of the original documents showed figures only in pictures of charts; "
          "where the text does not give those figures, this site cannot show them"),
        t("the original plan documents are PDF files, which this site does not copy; this site is their accessible version"),
    ] + ([] if words.is_source else [
        t("the translations of this site are drafts made from the English; where a part is not yet translated, "
          "it is shown in English and marked as English for screen readers")]))
    w.add("## " + t("What to do if you need the plan in a different format"))
    w.add(t("If you need the plan in a different format, such as large print, easy read, an audio "
            "recording, braille or another language, please ask."))
    w.add(contact["text"].strip())
    w.add("## " + t("Reporting accessibility problems with this website"))
    w.add(t("We are always looking to improve the accessibility of this website. If you find a problem "
            "that is not listed on this page, or think we are not meeting accessibility requirements, "
            "please tell us using the contact details above."))
    w.add("## " + t("Enforcement procedure"))
    w.add(t("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
            "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 "
            "(the 'accessibility regulations'). If you are not happy with how we respond to your "
            "complaint, contact the Equality Advisory and Support Service (EASS)."))
    w.add("## " + t("Technical information about this website's accessibility"))
    w.add(t("We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA."))
    w.add("## " + t("How we tested this website"))
    w.add(*_test_report_lines(test_report, words))
    return Page("accessibility.md", words.plain("Accessibility statement"), w.markdown())


def _test_report_lines(report: dict | None, words: Words) -> list[str]:
    t = words.t
    if not report or "axe" not in report:
        return [t("This copy of the site was built without the results of the accessibility tests. "
                  "The partnership's editors run them with {command} before they publish a new version.",
                  command="`make test`")]
    axe, html, keyboard = report["axe"], report.get("html"), report.get("keyboard")
    when = words.date(axe["date"])
    lines = [(t("The project's automated tests last ran on {date} (code version {commit}). They:",
                date=when, commit=axe["commit"]) if axe.get("commit") else
              t("The project's automated tests last ran on {date}. They:", date=when)), ""]
    widths = words.n("{first} and {second} pixel", "{first} and {second} pixels", axe["widths"][-1],
                     first=axe["widths"][0], second=axe["widths"][-1]) if len(axe["widths"]) > 1 else \
        words.n("{first} pixel", "{first} pixels", axe["widths"][0], first=axe["widths"][0])
    lines.append("- " + words.n("opened the {pages} page of every edition and language in {browser}, {widths} wide, "
                                "in the light and the dark colours, and checked it with {tool} against WCAG 2.0, 2.1 "
                                "and 2.2 levels A and AA and axe's best practices: {found}",
                                "opened all {pages} pages of every edition and language in {browser}, {widths} wide, "
                                "in the light and the dark colours, and checked each with {tool} against WCAG 2.0, 2.1 "
                                "and 2.2 levels A and AA and axe's best practices: {found}", axe["pages"],
                          pages=words.number(axe["pages"]), browser=axe["browser"], widths=widths, tool=axe["tool"],
                          found=_found(axe["violations"], words)))
    if html:
        lines.append("- " + words.n("checked the {files} HTML file with the {tool}: {found}",
                                    "checked all {files} HTML files with the {tool}: {found}", html["files"],
                              files=words.number(html["files"]), tool=html["tool"],
                              found=_found(html["errors"], words, errors=True)))
    if keyboard:
        lines.append("- " + words.n("worked every kind of control with the keyboard alone (skip link, menu, palette, "
                                    "edition and language lists, search, tables that scroll): {passed} of {checks} check passed",
                                    "worked every kind of control with the keyboard alone (skip link, menu, palette, "
                                    "edition and language lists, search, tables that scroll): {passed} of {checks} checks passed",
                                    keyboard["checks"], passed=keyboard["checks"] - keyboard["failed"], checks=keyboard["checks"]))
    lines += ["", t("Automated tests cannot find every accessibility problem. The site has not yet been "
                    "checked by hand by people who use assistive technology.")]
    return lines


def _found(number: int, words: Words, errors: bool = False) -> str:
    t = words.t
    if errors:
        return t("no errors found") if number == 0 else words.n("{count} error found", "{count} errors found", number,
                                                                count=number)
    return t("no problems found") if number == 0 else words.n("{count} problem found", "{count} problems found", number,
                                                              count=number)
