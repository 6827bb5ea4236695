"""The home page of an edition."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..translations import Words
from .answer import answer_section
from .sources import SOURCE_NOTES_ANCHOR
from .writer import ENGLISH, Page, format_period, status_tag, _Writer, _facts, _one_line


def plan_in_one_sentence(edition: ResolvedEdition, words: Words) -> str:
    """The plan in one sentence: what it covers and how many priorities and themes it has."""
    t = words.t
    priorities = words.n("{count} priority", "{count} priorities", len(edition.priorities),
                         count=len(edition.priorities))
    themes = words.n("{count} cross-cutting theme", "{count} cross-cutting themes", len(edition.themes),
                     count=len(edition.themes))
    period = format_period(edition.period, words)
    if edition.kind == "refresh":
        return (t("This update of the plan, for {period}, has {priorities} and {themes}.", period=period,
                  priorities=priorities, themes=themes) if edition.themes else
                t("This update of the plan, for {period}, has {priorities}.", period=period, priorities=priorities))
    return (t("This plan, for {period}, has {priorities} and {themes}.", period=period, priorities=priorities,
              themes=themes) if edition.themes else
            t("This plan, for {period}, has {priorities}.", period=period, priorities=priorities))


def based_on_note(w: _Writer, sources, incomplete: bool) -> None:
    """One short note below the content: which documents the page is based on and, when the
    site does not yet have every part of the plan, that it says so (and where)."""
    t = w.t
    documents = "; ".join(w.source_document(s) for s in dict.fromkeys(sources))
    text = t("This page is based on {documents}.", documents=documents)
    if incomplete:
        text = (t("Parts of this plan have not been published on this site yet.") + " " + text + " "
                + f"[{t('Which parts are missing')}]({w.link('sources.md', SOURCE_NOTES_ANCHOR)})")
    w.add(text, "{: .plan-based-on }")


def home_page(plan: Plan, edition: ResolvedEdition, leaflet: str | None = None, translated_leaflets: list = (),
              words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "index.md", words)
    t = w.t
    w.add(f"# {edition.title}")
    # The answer first: the plan in one sentence, then how we are doing (issue 11).
    w.add(plan_in_one_sentence(edition, words))
    answer_section(w, edition, resolve=lambda ident: words.edition(plan, ident))
    if edition.kind == "refresh":
        w.add(t("This is an annual refresh of the {plan}. It lists what changed in the plan for {period}.",
                plan=edition.base_title, period=format_period(edition.period, words)))
    # Only the edition's own vision: another edition's would put words in this plan's mouth.
    vision = edition.vision
    # An edition without one has no section: the note at the end says parts are not here yet.
    if vision:
        w.add("## " + t("Our vision"))
        w.add(f"> {_one_line(vision['text'])}")
        w.source_line(vision["source"])
    w.add("## " + t("The plan in plain words"), edition.summary.strip())
    # The summary is ours, but any figure in it comes from the edition's own documents.
    w.add("*" + t("Written in plain words from: {documents}.", documents="; ".join(
        f"[{plan.sources[s]['title']}]({w.link('sources.md', s)})" for s in edition.all_sources)) + "*")
    if leaflet:
        w.add(f"[{t('Download this summary as a printable leaflet (PDF, A4)')}]({w.link(leaflet)})")
    if translated_leaflets:
        # Each language's name in that language, marked as such for screen readers (WCAG 3.1.2).
        links = [f"[{name}]({w.link(path)}){{: hreflang=\"{code}\" lang=\"{code}\" }}"
                 for code, name, path in translated_leaflets]
        w.add(t("The leaflet in other languages (draft translations, awaiting review):") + " " + " · ".join(links))
    for kind, heading, folder in (("priorities", t("Priorities at a glance"), "priorities"),
                                  ("themes", t("Cross-cutting themes at a glance"), "themes")):
        items = edition.kind_items(kind)
        if not items:
            continue
        w.add(f"## {heading}")
        lines = []
        for item in items:
            change = item.change
            badge = (f" *({t('new in this refresh')})*" if change == "added" else
                     f" *({t('updated in this refresh')})*" if change == "updated" else "")
            lines.append(f"- **[{item.short_title}]({w.link(folder + '/' + item.id + '.md')})**: "
                         f"{item.title}{badge}")
        w.add(*lines)
    retired = edition.retired_priorities + edition.retired_themes
    if retired:
        w.add("## " + t("Retired in this refresh"))
        w.add(*[f"- {item.title}" + (f": {_one_line(item.reason)}" if item.reason else "")
                for item in retired])
    intro = edition.introduction
    if intro:
        w.add("## " + t("Introduction"))
        quoted = "\n>\n".join("> " + para.replace("\n", " ") for para in intro["text"].strip().split("\n\n"))
        w.add(quoted)
        if intro.get("author"):
            w.add(f"— {intro['author']}")
        w.source_line(intro["source"])
    _facts(w, edition.key_facts)
    w.text_section(t("Get involved"), edition.get_involved)
    # Dates and status, then where the page comes from: below the content, not before it.
    published = edition.published
    w.add("## " + t("About this page"))
    w.add(f"**{t('Period:')}** {format_period(edition.period, words)}  ",
          f"**{t('Status:')}** {status_tag(words, edition.status)}  ",
          f"**{t('Date:')}** {words.date(published['date'])} ({' '.join(published['note'].split())})")
    based_on_note(w, edition.all_sources, bool(edition.source_notes))
    return Page("index.md", edition.title, w.markdown())
