"""The list of all editions."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, edition_root_url, format_period, status_words, _Writer


def editions_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "editions.md", words)
    t = w.t
    w.add("# " + t("All editions of the plan"))
    w.add(t("The partnership publishes a three-year plan and refreshes it every year. "
            "Each edition below is kept as it was published."))
    rows = []
    for other in plan.editions_newest_first():
        title = words.edition(plan, other["id"]).title
        label = f'<a href="{edition_root_url(w.path, other["id"], words, from_edition=edition.id)}">{title}</a>'
        if other["id"] == edition.id:
            label += f" ({t('this edition')})"
        rows.append(f"| {label} | {format_period(other['period'], words)} | {status_words(words, other['status'])} | "
                    f"{words.date(other['published']['date'])} |")
    w.add(f"| {t('Edition')} | {t('Period')} | {t('Status')} | {t('Date')} |", "| --- | --- | --- | --- |", *rows)
    return Page("editions.md", words.plain("All editions of the plan"), w.markdown())
