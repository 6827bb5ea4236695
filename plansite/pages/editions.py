"""The list of all editions."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, edition_root_url, format_period, status_tag, _Writer


def _years(period: dict) -> str:
    """The years of a period, short: '2024–27', or '2018/19' for a single financial year."""
    start, end = str(period["start"]), str(period["end"])
    if start == end:
        return start
    if int(end) == int(start) + 1:
        return f"{start}/{end[-2:]}"
    # The century is left out only when both years share it ('2098–2101' stays whole).
    return f"{start}–{end[-2:]}" if start[:2] == end[:2] else f"{start}–{end}"


def edition_label(plan: Plan, edition_id: str, words: Words = ENGLISH) -> str:
    """An edition's short name, made from its years and kind, for the edition picker and
    narrow screens: '2024–27 plan', or '2018/19 refresh of the 2017–20 plan'."""
    edition = plan.editions[edition_id]
    years = _years(edition["period"])
    if edition["kind"] == "refresh" and edition.get("base") in plan.editions:
        return words.t("{years} refresh of the {base_years} plan", years=years,
                       base_years=_years(plan.editions[edition["base"]]["period"]))
    return words.t("{years} plan", years=years)


def editions_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "editions.md", words)
    t = w.t
    w.add("# " + t("All editions of the plan"))
    w.add(t("The partnership publishes a three-year plan and refreshes it every year. "
            "Each edition below is kept as it was published."))
    rows = []
    # On a narrow screen the table's rows become stacked boxes (plan.css, .plan-stack), which
    # hides the column headings: each cell that needs one carries its own, shown only there.
    label_of = {"period": t("Period"), "date": t("Date")}

    def cell(column: str, text: str) -> str:
        return f'<span class="plan-stack__label">{label_of[column]}: </span>{text}'

    for other in plan.editions_newest_first():
        title = words.edition(plan, other["id"]).title
        label = f'<a href="{edition_root_url(w.path, other["id"], words, from_edition=edition.id)}">{title}</a>'
        if other["id"] == edition.id:
            label += f" ({t('this edition')})"
        rows.append(f"| {label} | {cell('period', format_period(other['period'], words))} | "
                    f"{status_tag(words, other['status'])} | {cell('date', words.date(other['published']['date']))} |")
    w.add('<div class="plan-stack" markdown>')
    w.add(f"| {t('Edition')} | {t('Period')} | {t('Status')} | {t('Date')} |", "| --- | --- | --- | --- |", *rows)
    w.add("</div>")
    return Page("editions.md", words.plain("All editions of the plan"), w.markdown())
