"""The open data page: the edition's figures as files to download and reuse."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..opendata import published_measures
from ..translations import Words
from .writer import ENGLISH, Page, _Writer


def open_data_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    """Links to every file opendata.edition_data_files publishes for the edition, each named."""
    w = _Writer(plan, "open-data.md", words)
    t = w.t
    w.add("# " + t("Open data"))
    licence = plan.partnership.get("data_licence")
    if licence:
        w.add(t("The figures on this site are published as files that anyone may download and reuse, "
                "under the {licence}.", licence=words.english(licence["title"])))
    else:
        w.add(t("The figures on this site are published as files that anyone may download."))
    measures = published_measures(plan, edition)
    w.add("## " + t("Figures for each measure (CSV)"))
    if measures:
        w.add(t("Each file holds every figure this edition publishes for one measure, with its period and source. "
                "Spreadsheet programs such as Excel open them."))
        w.bullets([f"[{plan.measures[measure_id].plain_title}]({w.link(f'data/{measure_id}.csv')})"
                   for measure_id, _ in measures])
    else:
        w.add(t("This edition publishes no figures."))
    w.add("## " + t("For developers"))
    w.bullets([
        f"[datapackage.json]({w.link('data/datapackage.json')}): "
        + t("describes the CSV files, as a Frictionless Data Package"),
        f"[plan.json]({w.link('data/plan.json')}): " + t("the whole edition, with every edition, measure and source, as JSON"),
    ])
    return Page("open-data.md", words.plain("Open data"), w.markdown())
