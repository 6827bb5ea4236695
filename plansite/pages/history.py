"""How the priorities changed across every edition."""
from __future__ import annotations

from ..editions import ResolvedEdition
from html import escape

from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, edition_root_url, format_period, _Writer, _one_line


def history_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
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
        link = f'<a href="{edition_root_url(w.path, other["id"], words, from_edition=edition.id)}">{text(resolved.title)}</a>'
        if other["id"] == edition.id:
            link += f" ({t('this edition')})"

        def cell(kind):
            return "<br>".join(_one_line(text(i.title)).replace("\n  ", " ")
                               + (f" ({t('new')})" if i.change == "added" else "")
                               for i in resolved.kind_items(kind)) or t("None")
        rows.append(f"| {link} | {format_period(other['period'], words)} | {cell('priorities')} | {cell('themes')} |")
    w.add(f"| {t('Edition')} | {t('Period')} | {t('Priorities')} | {t('Cross-cutting themes')} |",
          "| --- | --- | --- | --- |", *rows)
    return Page("history.md", words.plain("How the priorities changed"), w.markdown())
