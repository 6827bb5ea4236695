"""The home page of an edition."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, format_period, status_words, _Writer, _facts, _one_line


def _source_notes(w: _Writer, edition: ResolvedEdition) -> None:
    if edition.source_notes:
        # Source notes are the editors' own words in the edition file, not translated yet.
        w.add(f'!!! note "{w.t("What our sources include")}"',
              *[f"    {line}" if line else "" for note in edition.source_notes
                for line in (w.words.english(note.strip()).splitlines() + [""])])


def home_page(plan: Plan, edition: ResolvedEdition, leaflet: str | None = None, translated_leaflets: list = (),
              words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "index.md", words)
    t = w.t
    w.add(f"# {edition.title}")
    published = edition.published
    w.add(f"**{t('Period:')}** {format_period(edition.period, words)}  ",
          f"**{t('Status:')}** {status_words(words, edition.status)}  ",
          f"**{t('Date:')}** {words.date(published['date'])} ({' '.join(published['note'].split())})")
    if edition.kind == "refresh":
        w.add(t("This is an annual refresh of the {plan}. It lists what changed in the plan for {period}.",
                plan=edition.base_title, period=format_period(edition.period, words)))
    _source_notes(w, edition)
    # Only the edition's own vision: another edition's would put words in this plan's mouth.
    vision = edition.vision
    w.add("## " + t("Our vision"))
    if vision:
        w.add(f"> {_one_line(vision['text'])}")
        w.source_line(vision["source"])
    else:
        w.add("*" + t("The source documents we hold for this edition do not include a vision statement.") + "*")
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
    involved = edition.get_involved
    if involved:
        w.add("## " + t("Get involved"))
        if involved.get("text"):
            w.add(involved["text"].strip())
        w.bullets(involved.get("items"))
        w.source_line(involved["source"])
    return Page("index.md", edition.title, w.markdown())
