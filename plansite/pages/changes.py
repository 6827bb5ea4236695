"""'What changed in this refresh': a refresh compared with its plan."""
from __future__ import annotations

from ..editions import EditionChanges, ResolvedEdition, ResolvedItem
from ..model import Plan
from ..translations import Words
from ..versions import compare_editions
from .writer import ENGLISH, Page, edition_root_url, _Writer, _item_link, _one_line


def changes_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    """'What changed in this refresh': the refresh compared with its base plan."""
    base = words.edition(plan, edition.base)
    diff = _diff_in_language(plan, edition, base, words)
    w = _Writer(plan, "changes.md", words)
    t = w.t
    w.add("# " + t("What changed in this refresh"))
    w.add(t("This page compares the {edition} with the plan it refreshes, the {base}.",
            edition=edition.title, base=base.title) + " "
          + f'<a href="{edition_root_url(w.path, base.id, words, from_edition=edition.id)}">{t("Read the {edition}", edition=base.title)}</a>.')
    kinds = {"priorities": t("priority"), "themes": t("cross-cutting theme")}
    # Field names are the data's own (key_outcome, actions); they stay as written.
    sections = [
        (t("New priorities and themes"), [t("{item} (new {kind})", item=_item_link(w, k, i), kind=kinds[k])
                                          for k, i in diff.added]),
        (t("Retired priorities and themes"), [
            f"{i.title} ({kinds[k]})" + (f": {_one_line(i.reason)}" if i.reason else "")
            for k, i in diff.retired]),
        (t("Renamed"), [t("{old} is now called {new}", old=old, new=_item_link(w, k, i))
                        for k, old, new, i in diff.renamed]),
        (t("Leads"), [f"{_item_link(w, k, i)}: "
                      + (t("was {old}, now {new}", old=_lead_words(old), new=_lead_words(new) if new else t("no lead named"))
                         if old else t("now led by {new}", new=_lead_words(new) if new else t("no lead named")))
                      for k, i, old, new in diff.leads]),
        (t("Measures added"), [t("{measure} (for {item})", measure=plan.measures[m].plain_title,
                                 item=_item_link(w, _kind_of(edition, i), i)) for i, m in diff.measures_added]),
        (t("Measures no longer used"), [t("{measure} (was used for {item})", measure=plan.measures[m].plain_title,
                                          item=i.title) for i, m in diff.measures_removed]),
        (t("Text updated"), [f"{_item_link(w, k, i)}: {', '.join(fields)}" for k, i, fields in diff.text]),
    ]
    any_change = False
    for heading, items in sections:
        if items:
            any_change = True
            w.add(f"## {heading}")
            w.bullets(items)
    if diff.edition_fields:
        any_change = True
        w.add("## " + t("Other parts of the plan"),
              t("The refresh gives new text for: {fields}.", fields=", ".join(diff.edition_fields)))
    if not any_change:
        w.add(t("The refresh makes no changes to the priorities, themes or measures."))
    return Page("changes.md", words.plain("What changed in this refresh"), w.markdown())


def _diff_in_language(plan: Plan, edition: ResolvedEdition, base: ResolvedEdition, words: Words) -> EditionChanges:
    """Compare the English texts (a translation is not a change), then show the page's language."""
    diff = compare_editions(ENGLISH.edition(plan, base.id), ENGLISH.edition(plan, edition.id))
    if words.is_source:
        return diff
    items = {i.id: i for kind in ("priorities", "themes", "retired_priorities", "retired_themes")
             for i in base.kind_items(kind) + edition.kind_items(kind)}
    old_titles = {i.id: i.title for kind in ("priorities", "themes") for i in base.kind_items(kind)}
    return EditionChanges(
        added=tuple((k, items[i.id]) for k, i in diff.added),
        retired=tuple((k, items[i.id]) for k, i in diff.retired),
        renamed=tuple((k, old_titles[i.id], new, items[i.id]) for k, old, new, i in diff.renamed),
        leads=tuple((k, items[i.id], old, new) for k, i, old, new in diff.leads),
        measures_added=tuple((items[i.id], m) for i, m in diff.measures_added),
        measures_removed=tuple((items[i.id], m) for i, m in diff.measures_removed),
        text=tuple((k, items[i.id], [words.english(f) for f in fields]) for k, i, fields in diff.text),
        edition_fields=tuple(words.english(f) for f in diff.edition_fields),
    )


def _lead_words(lead: dict) -> str:
    return ", ".join(part for part in (lead.get("name"), lead.get("role")) if part)


def _kind_of(edition: ResolvedEdition, item: ResolvedItem) -> str:
    return "priorities" if any(i.id == item.id for i in edition.priorities) else "themes"
