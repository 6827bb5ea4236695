"""The priorities and themes: one page each, and the overview."""
from __future__ import annotations

from ..editions import ResolvedEdition, ResolvedItem
from ..model import Plan
from ..translations import Words
from .answer import item_answer
from .figures import measure_block
from .writer import ENGLISH, Page, _Writer, _facts, _one_line


def item_page(plan: Plan, edition: ResolvedEdition, item: ResolvedItem, folder: str, words: Words = ENGLISH) -> Page:
    path = f"{folder}/{item.id}.md"
    w = _Writer(plan, path, words)
    t = w.t
    w.add(f"# {item.title}")
    if item.short_title != item.title:
        w.add(f"**{t('In short:')}** {item.short_title}")
    priority = folder == "priorities"
    if item.change == "added":
        w.add(f'!!! info "{t("New in this refresh")}"',
              "    " + (t("This priority was added in the {edition}.", edition=edition.title) if priority else
                        t("This theme was added in the {edition}.", edition=edition.title)))
    elif item.change == "updated":
        w.add(f'!!! info "{t("Updated in this refresh")}"',
              "    " + (t("The {edition} updated this priority.", edition=edition.title) if priority else
                        t("The {edition} updated this theme.", edition=edition.title)))
    # The answer first: the headline figure and its judgement, before the prose.
    item_answer(w, edition, folder, item, resolve=lambda ident: words.edition(plan, ident))
    # A part the site does not have yet gets no heading of its own; the note below says which.
    missing_parts = []
    for heading, text, part in ((t("Key outcome"), item.key_outcome, t("the key outcome")),
                                (t("Why is it a priority?"), item.why, t("why it is a priority"))):
        if text:
            w.add("## " + heading)
            w.add(text.strip())
        else:
            missing_parts.append(part)
    if item.actions:
        w.add("## " + t("What we plan to do"))
        w.bullets(item.actions)
    else:
        missing_parts.append(t("what we plan to do"))
    measures = [plan.measures[m] for m in item.measures]
    if item.success or measures:
        w.add("## " + t("How we will measure success"))
        w.bullets(item.success)
    else:
        missing_parts.append(t("how we will measure success"))
    for m in measures:
        w.add(f"### {m.plain_title} {{#{m.id}}}")
        w.add("*" + t("Official name: {name}.", name=m.title) + " "
              + f"[{t('About this measure')}]({w.link('measures.md', m.id)}).*")
        w.lines.append(measure_block(plan, edition, m.id, path, words=words))
    if item.lead:
        lead = item.lead
        w.add("## " + t("Who leads this work"))
        w.add(", ".join(part for part in (lead.get("name"), lead["role"]) if part) + ".")
        w.source_line(lead["source"])
    _facts(w, item.key_facts)
    if len(missing_parts) == 4:
        w.add(t("This part of the plan has not been published on this site yet."), "{: .plan-based-on }")
    elif missing_parts:
        # Said of the documents, not the plan: a plan may itself lack a part (how it will measure success).
        w.add(t("The documents this page is based on do not include: {parts}.",
                parts="; ".join(missing_parts)), "{: .plan-based-on }")
    if item.source:
        w.add(t("This page is based on {documents}.", documents=w.source_document(item.source)),
              "{: .plan-based-on }")
    return Page(path, item.title, w.markdown())


def priorities_overview_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "priorities/index.md", words)
    t = w.t
    title = words.plain("Priorities and themes")
    w.add("# " + t("Priorities and themes"))
    if edition.themes:
        themes = len(edition.themes)
        w.add(t("The {edition} has {priorities} and {themes}.", edition=edition.title,
                priorities=_count_priorities(words, edition),
                themes=words.n("{count} cross-cutting theme", "{count} cross-cutting themes", themes, count=themes)))
        w.add(t("Cross-cutting themes are issues that run through every priority."))
    else:
        w.add(t("The {edition} has {priorities}.", edition=edition.title,
                priorities=_count_priorities(words, edition)))
    for kind, heading, folder in (("priorities", t("Priorities"), "priorities"),
                                  ("themes", t("Cross-cutting themes"), "themes")):
        if not edition.kind_items(kind):
            continue
        w.add(f"## {heading}")
        for item in edition.kind_items(kind):
            w.add(f"### [{item.title}]({w.link(folder + '/' + item.id + '.md')})")
            if item.key_outcome:
                w.add(f"**{t('Key outcome:')}** {_one_line(item.key_outcome)}")
    return Page("priorities/index.md", title, w.markdown())


def _count_priorities(words: Words, edition: ResolvedEdition) -> str:
    count = len(edition.priorities)
    return words.n("{count} priority", "{count} priorities", count, count=count)
