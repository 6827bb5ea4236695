"""Measures stage: read performance figures as spreadsheets save them, and say what they show.

Figures arrive as CSV saved from Excel (UTF-8 with or without a byte-order mark, or
Windows-1252), or as .xlsx. Every row is checked; problems name the file, the row
as a spreadsheet numbers it, the column, the value and what was expected.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import DataError
from .periods import ACCEPTED, Period, PeriodError, parse_period

DATA_DIR = "data"
REQUIRED_COLUMNS = ("measure", "period", "value", "source")
OPTIONAL_COLUMNS = ("series", "note")
DEFAULT_SERIES = "Peterborough"
_BLANKS = {"", "n/a", "na", "-", "–", "—", ".."}

#: Below this relative change (or, for percentages, this many points) we say "no clear change".
NO_CLEAR_CHANGE_RELATIVE = 0.02
NO_CLEAR_CHANGE_POINTS = 1.0

#: The words a source puts before a figure that is not exact, as the `qualifier` column holds
#: them. Only the words our sources use: add one here (with its words in qualified()) when a
#: source uses another. "over" and "at least" are lower bounds; "around" is an approximation.
QUALIFIERS = ("over", "at least", "around")
LOWER_BOUNDS = ("over", "at least")


@dataclass(frozen=True)
class Figure:
    """One published number: a measure's value for a period and series, with its source."""

    measure: str
    period: Period
    period_text: str
    series: str
    value: float | None
    is_percent: bool
    source: str
    note: str
    file: str
    row: int
    #: The source's own word for a figure that is not exact: one of QUALIFIERS, or "".
    qualifier: str = ""


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def decode_csv(raw: bytes) -> str:
    """Text of a CSV as Excel saves it: UTF-8 (with or without BOM) or Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and rows of a CSV or .xlsx file, each row with its spreadsheet row number."""
    if path.suffix.lower() == ".xlsx":
        import pandas as pd  # only here: importing it costs more than reading a small CSV

        frame = pd.read_excel(path, dtype=str, header=None, keep_default_na=False)
        values = frame.fillna("").values.tolist()
    else:
        values = list(csv.reader(io.StringIO(decode_csv(path.read_bytes()), newline="")))
    if not values:
        return [], []
    header = [str(cell).strip() for cell in values[0]]
    rows = [(number, [str(cell).strip() for cell in row])
            for number, row in enumerate(values[1:], start=2)
            if any(str(cell).strip() for cell in row)]
    return header, rows


def parse_number(text: str) -> tuple[float | None, bool]:
    """'1,633' -> 1633.0; '73%' -> (73.0, True); '' and 'n/a' -> None."""
    value = text.strip()
    if value.lower() in _BLANKS:
        return None, False
    is_percent = value.endswith("%")
    number = value.rstrip("%").strip().replace(",", "").replace("£", "")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", number):
        raise ValueError(value)
    return float(number), is_percent


def _source_date(source: dict) -> date:
    parts = [int(p) for p in str(source["date"]).split("-")]
    while len(parts) < 3:
        parts.append(12 if len(parts) == 1 else 28)
    return date(*parts)


def read_figures(root: Path, file_name: str, measures: dict, sources: dict,
                 errors: list[DataError]) -> list[Figure]:
    """Every figure in one data file; problems are appended to errors."""
    path = root / "plan_data" / DATA_DIR / file_name
    display = path.relative_to(root).as_posix()

    def error(code, row, column, message, fix):
        return DataError(code, display, row, None, f"row {row}, column {column}" if row else "", message, fix)

    if not path.is_file():
        return []
    try:
        header, rows = read_rows(path)
    except Exception as exc:  # pandas and openpyxl raise many kinds for a damaged file
        errors.append(DataError(
            "data-unreadable", display, None, None, "",
            f"the file could not be read as a spreadsheet ({exc.__class__.__name__}: {exc}).",
            "Open it in Excel or LibreOffice and save it again as 'CSV UTF-8 (Comma delimited)' or .xlsx.",
        ))
        return []
    names = [h.lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        errors.append(DataError(
            "missing-column", display, 1, None, "row 1 (the header row)",
            f"the header row has no column named {', '.join(repr(c) for c in missing)}; it has {', '.join(repr(h) for h in header if h)}.",
            f"Name the columns in row 1: {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)} (series and note may be left out).",
        ))
        return []
    index = {name: names.index(name) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if name in names}
    if "qualifier" in names:  # optional: the source's "over", "at least"... before the figure
        index["qualifier"] = names.index("qualifier")

    def column(name):
        return f"{_column_letter(index[name])} ({name})"

    figures, seen = [], {}
    for number, cells in rows:
        cells = cells + [""] * (len(header) - len(cells))
        get = {name: cells[i] for name, i in index.items()}
        problems_before = len(errors)
        measure = get["measure"]
        if measure not in measures:
            errors.append(error("unknown-measure", number, column("measure"),
                                f"'{measure}' is not a measure in plan_data/measures/.",
                                "Use the id of a measure in plan_data/measures/, or declare it there first."))
        source_id = get["source"]
        if source_id not in sources:
            errors.append(error("unknown-source", number, column("source"),
                                f"'{source_id}' is not the id of a document in plan_data/sources.yaml.",
                                "Name the source document's id from plan_data/sources.yaml, or add the document there."))
        period = None
        try:
            anchor = _source_date(sources[source_id]) if source_id in sources else None
            period = parse_period(get["period"], anchor)
        except PeriodError as exc:
            errors.append(error("invalid-period", number, column("period"), f"{exc}.", f"Write {ACCEPTED}."))
        try:
            value, is_percent = parse_number(get["value"])
        except ValueError:
            value, is_percent = None, False
            said = " ".join(get["value"].lower().split())
            lead = next((q for q in QUALIFIERS if said.startswith(q + " ")), None)
            errors.append(error("invalid-number", number, column("value"),
                                f"'{get['value']}' is not a number.",
                                f"Write the number alone in the value column and '{lead}' in a column named qualifier."
                                if lead else
                                "Write a number such as 1633, 1,633, 5.6 or 73%, or leave the cell empty (or n/a) if there is no figure."))
        qualifier = " ".join(get.get("qualifier", "").lower().split())
        if qualifier and qualifier not in QUALIFIERS:
            errors.append(error("invalid-qualifier", number, column("qualifier"),
                                f"'{get['qualifier']}' is not a qualifier we know.",
                                f"Write the source's own word before the figure: {', '.join(QUALIFIERS)}; "
                                "or leave the cell empty when the source gives the figure exactly."))
        elif qualifier and value is None and len(errors) == problems_before:
            errors.append(error("invalid-qualifier", number, column("qualifier"),
                                f"the qualifier '{get['qualifier']}' has no figure in the value column.",
                                "Write the figure in the value column, or leave the qualifier empty."))
        if len(errors) > problems_before or period is None:
            continue
        series = get.get("series") or measures[measure].get("series", DEFAULT_SERIES)
        key = (measure, period.label, series)
        if key in seen:
            errors.append(error("duplicate-row", number, column("period"),
                                f"{measure}, {period.label}, {series} is already given in row {seen[key]}.",
                                "Keep one row per measure, period and series: delete or correct one of them."))
            continue
        seen[key] = number
        figures.append(Figure(measure, period, get["period"], series, value, is_percent,
                              source_id, get.get("note", ""), display, number, qualifier))
    return figures


def read_all_figures(root: Path, measures: dict, sources: dict, errors: list[DataError],
                     measure_files: dict[str, tuple] | None = None) -> dict[str, list[Figure]]:
    """Figures for every measure, from the files the catalogue names."""
    by_measure: dict[str, list[Figure]] = {m: [] for m in measures}
    files = sorted({m["data"] for m in measures.values() if m.get("data")})
    for file_name in files:
        path = root / "plan_data" / DATA_DIR / file_name
        if not path.is_file():
            for measure_id, measure in measures.items():
                if measure.get("data") == file_name and measure_files:
                    doc, at = measure_files[measure_id]
                    errors.append(doc.error(
                        "data-file-missing", at + ("data",),
                        f"the data file plan_data/{DATA_DIR}/{file_name} does not exist.",
                        f"Save the figures as plan_data/{DATA_DIR}/{file_name}, or correct the file name.",
                    ))
            continue
        for figure in read_figures(root, file_name, measures, sources, errors):
            if measures[figure.measure].get("data") == file_name:
                by_measure[figure.measure].append(figure)
    for figures in by_measure.values():
        figures.sort(key=lambda f: f.period.sort_key)
    return by_measure


# --- Street-level crime downloads ------------------------------------------------------

#: The columns of a police.uk street-level crime CSV that monthly counts need.
STREET_CRIME_COLUMNS = ("Month", "LSOA name", "Crime type")


def aggregate_street_crime(path: Path, chunk_rows: int = 500_000):
    """Monthly counts per area and crime type from a police.uk street-level crime CSV.

    The area is the LSOA name without its code ('Peterborough 012A' -> 'Peterborough').
    Reads only the three columns needed, in chunks, so memory stays flat for large files.
    """
    import pandas as pd

    totals = None
    for chunk in pd.read_csv(path, usecols=list(STREET_CRIME_COLUMNS), dtype="category", chunksize=chunk_rows):
        counts = chunk.groupby(["Month", "LSOA name", "Crime type"], observed=True).size()
        counts = counts.rename_axis(["month", "lsoa", "crime_type"]).reset_index(name="count")
        counts["area"] = counts["lsoa"].astype(str).str.replace(r"\s+\w+$", "", regex=True)
        counts = counts.groupby(["month", "area", "crime_type"], observed=True)["count"].sum()
        totals = counts if totals is None else totals.add(counts, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=["month", "area", "crime_type", "count"])
    return totals.astype("int64").reset_index()


# --- What the figures show ---------------------------------------------------------------

@dataclass
class Comparison:
    name: str
    value: float
    judgement: str  # "better", "worse", "same", or "" when no direction is better or it is not certain
    figure: Figure | None = None  # the comparator's figure, with its qualifier


@dataclass
class Summary:
    """What a measure's figures say, ready for words, tables and charts."""

    measure: dict
    figures: list[Figure]
    main: list[Figure] = field(default_factory=list)
    latest: Figure | None = None
    previous: Figure | None = None
    movement: str = ""   # "up", "down", "same", or "" when there is nothing to compare
    trend: str = ""      # "improving", "getting worse", "no clear change", "not judged", ""
    change: float | None = None
    change_pct: float | None = None
    #: The latest or the previous figure is not exact ("over 9%"): the sentence gives no amount.
    inexact: bool = False
    gaps: list[str] = field(default_factory=list)
    gap_periods: list = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    target_met: bool | None = None

    @property
    def has_figures(self) -> bool:
        return any(f.value is not None for f in self.figures)


def in_edition(figure: Figure, edition: dict) -> bool:
    """A figure belongs to an edition when its period overlaps the edition's years, or when
    the edition's own source documents published it (a plan's baseline figures)."""
    start = date(edition["period"]["start"], 1, 1)
    end = date(edition["period"]["end"], 12, 31)
    if figure.source in edition.get("sources_all", edition.get("sources", [])):
        return figure.period.start <= end
    return figure.period.start <= end and figure.period.end >= start


def _is_percentage(measure: dict, figure: Figure) -> bool:
    return measure["unit"] == "percentage" or figure.is_percent


def summarise(measure: dict, figures: list[Figure]) -> Summary:
    """Latest figure, change on the previous one, direction of travel and comparisons."""
    summary = Summary(measure, figures)
    main_series = measure.get("series", DEFAULT_SERIES)
    summary.main = [f for f in figures if f.series == main_series]
    with_values = [f for f in summary.main if f.value is not None]
    summary.gaps = [f.period.label for f in summary.main if f.value is None]
    summary.gap_periods = [f.period for f in summary.main if f.value is None]
    if not with_values:
        return summary
    summary.latest = with_values[-1]
    if len(with_values) >= 2:
        summary.previous = with_values[-2]
        latest, previous = summary.latest.value, summary.previous.value
        summary.change = latest - previous
        summary.change_pct = (summary.change / previous * 100) if previous else None
        if _is_percentage(measure, summary.latest):
            unclear = abs(summary.change) < NO_CLEAR_CHANGE_POINTS
        else:
            unclear = (abs(summary.change / previous) < NO_CLEAR_CHANGE_RELATIVE) if previous else summary.change == 0
        summary.movement = "same" if unclear else ("up" if summary.change > 0 else "down")
        if summary.latest.qualifier or summary.previous.qualifier:
            # "over 9%" is not 9%: keep a direction only when the source's bound makes it certain.
            summary.inexact = True
            summary.movement = _certain_direction(summary.latest, summary.previous, summary.movement)
        better = measure["better"]
        if not summary.movement:
            summary.trend = ""
        elif summary.movement == "same":
            summary.trend = "no clear change"
        elif better == "neither":
            summary.trend = "not judged"
        else:
            summary.trend = "improving" if summary.movement == better else "getting worse"
    for name in measure.get("comparators", []):
        match = [f for f in figures if f.series == name and f.period == summary.latest.period and f.value is not None]
        if match:
            summary.comparisons.append(Comparison(name, match[0].value, _judge(measure, summary.latest, match[0]),
                                                  match[0]))
    target = measure.get("target") or {}
    if "value" in target and measure["better"] != "neither":
        summary.target_met = _target_met(measure["better"], summary.latest, target["value"])
    return summary


def _certain_direction(new: Figure, old: Figure, movement: str) -> str:
    """The movement from old to new when one of them is qualified: "up" or "down" only when
    certain ("over 9%" after an exact 5% is up; after an exact 12% it may be either), else ""."""
    if movement == "up" and new.qualifier in LOWER_BOUNDS and not old.qualifier:
        return "up"
    if movement == "down" and old.qualifier in LOWER_BOUNDS and not new.qualifier:
        return "down"
    return ""


def _target_met(better: str, latest: Figure, target: float) -> bool | None:
    """Whether the latest figure meets the target; None when a qualifier leaves it uncertain."""
    value, qualifier = latest.value, latest.qualifier
    if not qualifier:
        return value <= target if better == "down" else value >= target
    if qualifier in LOWER_BOUNDS:  # the true figure is value or more
        if better == "up" and value >= target:
            return True
        if better == "down" and value > target:
            return False
    return None


def _judge(measure: dict, ours: Figure, theirs: Figure) -> str:
    if measure["better"] == "neither":
        return ""
    close = math.isclose(ours.value, theirs.value, rel_tol=NO_CLEAR_CHANGE_RELATIVE)
    if ours.qualifier or theirs.qualifier:
        # Judged only when the bound makes the order certain; never "same".
        order = _certain_direction(ours, theirs, "" if close else ("up" if ours.value > theirs.value else "down"))
        if not order:
            return ""
        return "better" if (order == "down") == (measure["better"] == "down") else "worse"
    if close:
        return "same"
    return "better" if (ours.value < theirs.value) == (measure["better"] == "down") else "worse"


# --- Words ----------------------------------------------------------------------------

MOVEMENT_SYMBOLS = {"up": "↑", "down": "↓", "same": "→"}


def _english():
    from .translations import Words

    return Words()


def qualified(text: str, qualifier: str, words=None) -> str:
    """A figure's text with the source's qualifier before it: 'over 9%', 'at least 56%'."""
    if not qualifier:
        return text
    t = (words or _english()).t
    return {"over": lambda: t("over {value}", value=text),
            "at least": lambda: t("at least {value}", value=text),
            "around": lambda: t("around {value}", value=text)}[qualifier]()


def format_value(measure: dict, figure: Figure | None, value: float | None = None, words=None) -> str:
    """A figure with its unit and the source's qualifier, as a resident reads it: '1,633', '73%',
    '77.1 per 1,000 people', 'over 9%'. A value given on its own has no qualifier."""
    words = words or _english()
    qualifier = figure.qualifier if value is None and figure is not None else ""
    value = figure.value if value is None and figure is not None else value
    if value is None:
        return words.t("no figure")
    if measure["unit"] == "percentage" or (figure is not None and figure.is_percent):
        return qualified(words.percent(value), qualifier, words)
    number = words.number(value)
    return qualified({"rate_per_1000": lambda: words.t("{number} per 1,000 people", number=number),
                      "rate_per_10000": lambda: words.t("{number} per 10,000 people", number=number),
                      # The sources say "per 100,000" without saying of whom (for first time entrants
                      # it is not the whole population), so we say no more.
                      "rate_per_100000": lambda: words.t("{number} per 100,000", number=number),
                      }.get(measure["unit"], lambda: number)(), qualifier, words)


def sentence(summary: Summary, words=None) -> str:
    """One plain-language sentence (or two) about what the figures show."""
    words = words or _english()
    t = words.t
    measure = summary.measure
    name = measure["plain_title"]

    def value(figure: Figure) -> str:
        return format_value(measure, figure, words=words)

    if not summary.has_figures:
        return t("No figures have been published for this measure yet.")
    if summary.latest is None:
        # Only breakdowns (wards, survey topics...): say which is highest and lowest.
        last_period = max((f.period for f in summary.figures if f.value is not None), key=lambda p: p.sort_key)
        group = sorted((f for f in summary.figures if f.period == last_period and f.value is not None),
                       key=lambda f: f.value)
        if len(group) == 1:
            return t("{measure}: {group} {value} {period}.", measure=name, group=words.english(group[0].series),
                     value=value(group[0]), period=words.period_phrase(last_period))
        if any(f.qualifier for f in group):
            # "over 40" may be more than an exact 45: do not rank figures the source gives inexactly.
            return t("{measure} {period}: the source does not give every figure exactly, so we do not say "
                     "which is highest or lowest.", measure=name, period=words.period_phrase(last_period))
        return t("{measure} {period}: highest for {highest} ({highest_value}), lowest for {lowest} ({lowest_value}).",
                 measure=name, period=words.period_phrase(last_period),
                 highest=words.english(group[-1].series), highest_value=value(group[-1]),
                 lowest=words.english(group[0].series), lowest_value=value(group[0]))
    latest = summary.latest
    if summary.previous is None:
        text = t("{measure}: {value} {period}. Only one figure has been published, so there is no trend yet.",
                 measure=name, value=value(latest), period=words.period_phrase(latest.period))
    else:
        previous = summary.previous
        if latest.period.relative and previous.period.relative:
            period = t("in {latest} compared with {previous}", latest=words.period(latest.period),
                       previous=words.period(previous.period))
        else:
            period = t("{latest} compared with {previous}", latest=words.period_phrase(latest.period),
                       previous=words.period(previous.period))
        if summary.inexact:
            # A qualified figure ("over 9%") has no exact amount of change, and perhaps no direction.
            values = dict(measure=name, previous_value=value(previous), value=value(latest), period=period)
            if summary.movement == "up":
                text = t("{measure} rose from {previous_value} to {value}, {period}.", **values)
            elif summary.movement == "down":
                text = t("{measure} fell from {previous_value} to {value}, {period}.", **values)
            else:
                text = t("{measure}: {value}, {period} ({previous_value}).", **values)
            text += " " + (t("The source does not give the exact figure, so we do not say by how much.")
                           if summary.movement else
                           t("The source does not give the exact figure, so we cannot say whether it went up or down."))
        elif summary.movement == "same":
            text = t("{measure} stayed about the same, {value} {period} ({previous_value}).",
                     measure=name, value=value(latest), period=period, previous_value=value(previous))
        else:
            if _is_percentage(measure, latest):
                amount = t("{points} percentage points", points=words.number(round(abs(summary.change), 1)))
            elif summary.change_pct is not None:
                amount = words.percent(round(abs(summary.change_pct)))
            else:
                amount = words.number(abs(summary.change))
            values = dict(measure=name, amount=amount, previous_value=value(previous),
                          value=value(latest), period=period)
            text = (t("{measure} rose by {amount}, from {previous_value} to {value}, {period}.", **values)
                    if summary.movement == "up" else
                    t("{measure} fell by {amount}, from {previous_value} to {value}, {period}.", **values))
        if not summary.trend:
            pass  # no certain direction: nothing to judge
        elif measure["better"] in ("up", "down"):
            text += " " + {
                ("down", "improving"): lambda: t("The plan aims for this figure to go down, so this is an improvement."),
                ("down", "getting worse"): lambda: t("The plan aims for this figure to go down, so this is getting worse."),
                ("down", "no clear change"): lambda: t("The plan aims for this figure to go down, and there is no clear change."),
                ("up", "improving"): lambda: t("The plan aims for this figure to go up, so this is an improvement."),
                ("up", "getting worse"): lambda: t("The plan aims for this figure to go up, so this is getting worse."),
                ("up", "no clear change"): lambda: t("The plan aims for this figure to go up, and there is no clear change."),
            }[(measure["better"], summary.trend)]()
        else:
            text += " " + t("The plan does not say whether higher or lower is better for this figure.")
    if summary.gaps:
        text += " " + t("No figure was published for {periods}.",
                        periods=", ".join(words.period(p) for p in summary.gap_periods))
    return text
