"""Open data: every measure's figures as CSV, described by a Frictionless Data Package,
and the whole edition as JSON, so that others can reuse them."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from .figures.read import QUALIFIERS
from .figures.select import edition_figures
from .measures_catalogue import measures_as_dicts
from .model import Plan
from .versions import edition_measure_ids, resolve_edition

CSV_FIELDS = ("measure", "period", "period_start", "period_end", "series", "qualifier", "value", "unit", "source",
              "source_title", "note")


@dataclass(frozen=True)
class DataFile:
    """A file published as it is, such as a CSV download."""

    path: str
    content: str | bytes


#: What spreadsheet programs take as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell that Excel, LibreOffice and Google Sheets show as text, never run as a formula.

    Numbers stay numbers (a negative figure is not a formula). Text that starts with a formula
    character gets a leading apostrophe, OWASP's advice; the data checks already refuse such
    text in the input, so this is the second line of defence, for every text we publish,
    including titles from the YAML."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows) -> str:
    """Rows as the CSV the site publishes: every cell made safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def measure_csv(plan: Plan, figures: list) -> str:
    rows = [CSV_FIELDS]
    for f in figures:
        rows.append([f.measure, f.period_text, f.period.start.isoformat(), f.period.end.isoformat(), f.series,
                     f.qualifier,
                     "" if f.value is None else (int(f.value) if f.value.is_integer() else f.value),
                     "percentage" if f.is_percent else plan.measures[f.measure].unit,
                     f.source, plan.sources[f.source]["title"], f.note])
    return csv_text(rows)


def _resource(plan: Plan, measure_id: str) -> dict:
    measure = plan.measures[measure_id]
    return {
        "name": measure_id,
        "path": f"{measure_id}.csv",
        "title": measure.title,
        "description": measure.plain_title,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [
                {"name": "measure", "type": "string"},
                {"name": "period", "type": "string", "description": "The period as the source states it"},
                {"name": "period_start", "type": "date"},
                {"name": "period_end", "type": "date"},
                {"name": "series", "type": "string"},
                {"name": "qualifier", "type": "string",
                 "description": "The source's word before the value when it is not exact: " + ", ".join(QUALIFIERS),
                 "constraints": {"enum": list(QUALIFIERS)}},
                {"name": "value", "type": "number"},
                {"name": "unit", "type": "string"},
                {"name": "source", "type": "string"},
                {"name": "source_title", "type": "string"},
                {"name": "note", "type": "string"},
            ],
            "missingValues": [""],
        },
        "sources": [{"title": plan.sources[s]["title"]} for s in measure.sources],
    }


def published_measures(plan: Plan, edition) -> list[tuple[str, list]]:
    """(measure id, its figures) for each measure of a resolved edition that has figures: the
    measures that get a data/<measure>.csv (the open data page lists the same)."""
    found = []
    for measure_id in edition_measure_ids(edition):
        figures = edition_figures(plan, edition, measure_id)
        if figures:
            found.append((measure_id, figures))
    return found


def edition_data_files(plan: Plan, edition_id: str) -> list[DataFile]:
    """data/<measure>.csv for each measure with figures, data/datapackage.json and data/plan.json."""
    edition = resolve_edition(plan, edition_id)
    files, resources = [], []
    for measure_id, figures in published_measures(plan, edition):
        files.append(DataFile(f"data/{measure_id}.csv", measure_csv(plan, figures)))
        resources.append(_resource(plan, measure_id))
    package = {
        "name": f"{plan.partnership['short_name'].lower().replace(' ', '-')}-{edition_id}",
        "title": f"{edition.title}: performance figures",
        "description": "Every published figure for the measures of this plan edition, with its source document.",
        "resources": resources,
    }
    licence = plan.partnership.get("data_licence")
    if licence:
        # Only the licence the partnership chose: a licence is its decision, never our default.
        package = {**package, "licenses": [{"name": licence["name"], "title": licence["title"]}]}
    files.append(DataFile("data/datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n"))
    export = {
        "partnership": plan.partnership,
        "edition": edition.as_dict(),
        "editions": {other: resolve_edition(plan, other).as_dict() for other in plan.editions},
        "measures": measures_as_dicts(plan.measures),
        "sources": plan.sources,
    }
    files.append(DataFile("data/plan.json", json.dumps(export, indent=2, ensure_ascii=False, default=str) + "\n"))
    return files
