"""Figures, reading: performance figures as spreadsheets save them.

Figures arrive as CSV saved from Excel (UTF-8 with or without a byte-order mark, Windows-1252,
"CSV (Macintosh)" and other single-byte encodings, separated by commas or, with decimal commas,
by semicolons), or as .xlsx. Every row is checked; problems name the file, the row as a
spreadsheet numbers it, the column, the value and what was expected. Files are read a row at
a time, and a cell that a spreadsheet would run as a formula is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import DataError, did_you_mean, part, quoted, shortened
from ..periods import Period, PeriodError, parse_period
from .tables import (CONTROL_CHARACTERS, FORMULA_STARTS, INVISIBLE_STARTS, MAX_FILE_PROBLEMS, OPTIONAL_COLUMNS,
                     REQUIRED_COLUMNS, Table, UncalculatedFormula, Unreadable, column_letter, open_table)

DATA_DIR = "data"
_BLANKS = {"", "n/a", "na", "-", "–", "—", ".."}


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




def parse_number(text: str, decimal: str = ".") -> tuple[float | None, bool]:
    """'1,633' -> 1633.0; '73%' -> (73.0, True); '' and 'n/a' -> None.

    With decimal=',' (a file separated by ';', as Excel saves CSV where a comma is the decimal
    sign) '5,6' -> 5.6 and '1.633' or '1 633' -> 1633.0."""
    value = text.strip()
    if value.lower() in _BLANKS:
        return None, False
    is_percent = value.endswith("%")
    # A report copied into a cell may bring the typographic minus sign (U+2212).
    number = value.rstrip("%").strip().replace("£", "").replace("\u2212", "-")
    if decimal == ",":
        number = re.sub(r"[\s\u00a0\u202f]", "", number)
        if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", number):
            number = number.replace(".", "")
        number = number.replace(",", ".")
    else:
        number = number.replace(",", "")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", number):
        raise ValueError(value)
    return float(number), is_percent


def formula_start(cell: str) -> str | None:
    """What makes a cell a formula in a spreadsheet ("'='", "a tab"...), or None."""
    for start in (cell[:1], cell.strip()[:1]):
        if start in FORMULA_STARTS:
            return FORMULA_STARTS[start]
    return None


def _source_date(source: dict) -> date | None:
    """The date a source was published (31 December when only a year is given, the 28th when
    only a month is), or None when it is not a date: the checks of sources.yaml report that."""
    try:
        parts = [int(p) for p in str(source.get("date", "")).split("-")]
        while len(parts) < 3:
            parts.append(12 if len(parts) == 1 else 28)
        return date(*parts)
    except (ValueError, TypeError):
        return None


def read_figures(root: Path, file_name: str, measures: dict, sources: dict,
                 errors: list[DataError], *, area: str, sheet: str | None = None) -> list[Figure]:
    """Every figure in one data file (or one sheet of a workbook); problems are appended to errors.
    A row with no series is the partnership's own figure: its measure's `series`, else the area.

    The file is read a row at a time, so memory follows the figures kept, not the file's size.
    A file that cannot be read to its end gives no figures at all: never half a file."""
    path = root / "plan_data" / DATA_DIR / file_name
    display = path.relative_to(root).as_posix()
    if not path.is_file():
        return []
    if sheet is not None and path.suffix.lower() != ".xlsx":
        errors.append(DataError.of("unknown-sheet", file=display, case="csv", sheet=quoted(sheet)))
        return []
    try:
        with open_table(path, sheet) as table:
            return _read_table(table, display, measures, sources, errors, f"sheet {quoted(sheet)}, " if sheet else "",
                               area)
    except Unreadable as problem:
        errors.append(problem.error(display))
        return []
    except OSError as exc:
        errors.append(DataError.of("data-unreadable", file=display, case="not-opened", problem=exc.strerror))
        return []


def _read_table(table: Table, display: str, measures: dict, sources: dict, errors: list[DataError],
                where: str, area: str) -> list[Figure]:
    def error(code, row, column, case="", **values):
        return DataError.of(code, file=display, line=row, path=f"{where}row {row}, column {column}" if row else "",
                            case=case, **values)

    header = [str(cell).strip() for cell in table.header]
    names = [h.lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        shown = [quoted(h) for h in header if h]
        has = (part("missing-column", "has", names=", ".join(shown[:10]))
               + (part("missing-column", "more", count=len(shown) - 10) if len(shown) > 10 else "")
               if shown else part("missing-column", "empty"))
        separator = ({",": "", ";": part("missing-column", "semicolons"), "\t": part("missing-column", "tabs")}
                     .get(table.separator) if table.separator in (",", ";", "\t") else quoted(table.separator))
        errors.append(DataError.of(
            "missing-column", file=display, line=table.header_row,
            path=part("missing-column", "at", where=where, row=table.header_row),
            missing=", ".join(repr(c) for c in missing), has=has,
            separator=part("missing-column", "separator", separator=separator) if separator else "",
            row=table.header_row, columns=", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)))
        return []
    twice = [name for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if names.count(name) > 1]
    if twice:
        letters = " and ".join(column_letter(i) for i, name in enumerate(names) if name == twice[0])
        errors.append(DataError.of(
            "duplicate-column", file=display, line=table.header_row,
            path=part("missing-column", "at", where=where, row=table.header_row), name=repr(twice[0]),
            letters=letters))
        return []
    index = {name: names.index(name) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if name in names}
    if "qualifier" in names:  # optional: the source's "over", "at least"... before the figure
        index["qualifier"] = names.index("qualifier")

    def column(name):
        return f"{column_letter(index[name])} ({name})"

    # A file separated by semicolons (where a comma is the decimal sign) is told how its numbers look.
    number_case = "semicolons" if table.decimal == "," else ""
    start = len(errors)
    figures, seen = [], {}
    for number, raw_cells in table.rows:
        if len(errors) - start >= MAX_FILE_PROBLEMS:
            errors.append(DataError.of("too-many-problems", file=display, line=number, limit=MAX_FILE_PROBLEMS,
                                       row=number))
            return []
        raw_cells = raw_cells + [""] * (len(header) - len(raw_cells))
        raw = {name: raw_cells[i] for name, i in index.items()}
        get = {name: cell.strip() for name, cell in raw.items()}
        problems_before = len(errors)
        for name, cell in raw.items():
            if isinstance(cell, UncalculatedFormula):
                errors.append(error("formula-without-value", number, column(name), value=quoted(cell)))
                continue
            if control := CONTROL_CHARACTERS.search(cell):
                errors.append(error("control-character", number, column(name), value=quoted(cell),
                                    character=shortened(control[0])))
                continue
            what = formula_start(cell)
            if what is None or (name == "value" and _is_number(get[name], table.decimal)):
                continue
            errors.append(error("formula-in-cell", number, column(name),
                                value=quoted(cell if cell[:1] in INVISIBLE_STARTS else cell.strip()), what=what,
                                character=what.removeprefix("a ")))
        if len(errors) > problems_before:
            continue
        measure = get["measure"]
        if measure not in measures:
            errors.append(error("unknown-measure", number, column("measure"), id=quoted(measure),
                                suggestion=did_you_mean(measure, measures)))
        source_id = get["source"]
        if source_id not in sources:
            errors.append(error("unknown-source", number, column("source"), id=quoted(source_id),
                                suggestion=did_you_mean(source_id, sources)))
        period = None
        try:
            anchor = _source_date(sources[source_id]) if source_id in sources else None
            period = parse_period(get["period"], anchor)
        except PeriodError as exc:
            if exc.needs_anchor and source_id in sources:
                errors.append(error("invalid-period", number, column("period"), case="source-date",
                                    source=quoted(source_id), date=quoted(sources[source_id].get("date", ""))))
            else:
                errors.append(error("invalid-period", number, column("period"), case=exc.case, **exc.values))
        try:
            value, is_percent = parse_number(get["value"], table.decimal)
        except ValueError:
            value, is_percent = None, False
            said = " ".join(get["value"].lower().split())
            lead = next((q for q in QUALIFIERS if said.startswith(q + " ")), None)
            if re.fullmatch(r"#(DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)", get["value"].upper()):
                errors.append(error("invalid-number", number, column("value"), case="spreadsheet-error",
                                    value=quoted(get["value"])))
            elif lead:
                errors.append(error("invalid-number", number, column("value"), case="qualifier",
                                    value=quoted(get["value"]), qualifier=lead))
            else:
                errors.append(error("invalid-number", number, column("value"), case=number_case,
                                    value=quoted(get["value"])))
        qualifier = " ".join(get.get("qualifier", "").lower().split())
        if qualifier and qualifier not in QUALIFIERS:
            errors.append(error("invalid-qualifier", number, column("qualifier"), value=quoted(get["qualifier"]),
                                known=", ".join(QUALIFIERS)))
        elif qualifier and value is None and len(errors) == problems_before:
            errors.append(error("invalid-qualifier", number, column("qualifier"), case="no-figure",
                                value=quoted(get["qualifier"])))
        if len(errors) > problems_before or period is None:
            continue
        series = get.get("series") or (measures[measure].get("series") or area)
        key = (measure, period.label, series)
        if key in seen:
            errors.append(error("duplicate-row", number, column("period"), measure=measure, period=period.label,
                                series=shortened(series), first_row=seen[key]))
            continue
        seen[key] = number
        figures.append(Figure(measure, period, get["period"], series, value, is_percent,
                              source_id, get.get("note", ""), display, number, qualifier))
    return figures


def _is_number(text: str, decimal: str) -> bool:
    try:
        parse_number(text, decimal)
    except ValueError:
        return False
    return True


def data_patterns(measure: dict) -> list[str]:
    """The file names or patterns a measure's `data` gives: one, or a list."""
    data = measure.get("data")
    if isinstance(data, str):
        return [data]
    return [d for d in data if isinstance(d, str)] if isinstance(data, list) else []


def measure_data_files(root: Path, measure: dict) -> tuple[list[str], list[str]]:
    """(the files in plan_data/data/ a measure reads, in name order; the names or patterns
    that match no file). A pattern such as performance-*.csv matches every file it fits."""
    folder = Path(root) / "plan_data" / DATA_DIR
    found, unmatched = [], []
    for pattern in data_patterns(measure):
        if "/" in pattern or "\\" in pattern or pattern.startswith("."):
            continue  # never outside plan_data/data/; the schema check reports the name
        if any(c in pattern for c in "*?["):
            names = sorted(p.name for p in folder.glob(pattern) if p.is_file()) if folder.is_dir() else []
        else:
            names = [pattern] if (folder / pattern).is_file() else []
        if not names:
            unmatched.append(pattern)
        found += names
    return list(dict.fromkeys(found)), unmatched


def read_all_figures(root: Path, measures: dict, sources: dict, errors: list[DataError],
                     measure_files: dict[str, tuple] | None = None,
                     unread: list[Figure] | None = None, *, area: str) -> dict[str, list[Figure]]:
    """Figures for every measure, from the files (and sheets) the catalogue names. Rows for a
    measure in a file or sheet it does not read are appended to `unread`, when given, so they
    can be reported."""
    by_measure: dict[str, list[Figure]] = {m: [] for m in measures}
    # What each measure reads: (file, sheet) pairs; the sheet is "" for a file's only sheet.
    reads: dict[str, set[tuple[str, str]]] = {}
    for measure_id, measure in measures.items():
        names, unmatched = measure_data_files(root, measure)
        reads[measure_id] = {(name, measure.get("sheet") or "") for name in names}
        for pattern in unmatched:
            if measure_files and measure_id in measure_files:
                doc, at = measure_files[measure_id]
                errors.append(doc.error("data-file-missing", at + ("data",),
                                        case="pattern" if any(c in pattern for c in "*?[") else "",
                                        folder=DATA_DIR, name=pattern))
    first_seen: dict[tuple, Figure] = {}
    for file_name, sheet in sorted(set().union(*reads.values())):
        for figure in read_figures(root, file_name, measures, sources, errors, area=area, sheet=sheet or None):
            if (file_name, sheet) not in reads[figure.measure]:
                if unread is not None:
                    unread.append(figure)
                continue
            # Within one file read_figures reports repeats; across a measure's files, here.
            key = (figure.measure, figure.period.label, figure.series)
            if key in first_seen:
                first = first_seen[key]
                errors.append(DataError.of(
                    "duplicate-row", file=figure.file, line=figure.row, path=part("figure-not-shown", "at", row=figure.row),
                    case="files", measure=figure.measure, period=figure.period.label, series=figure.series,
                    first_file=first.file, first_row=first.row))
                continue
            first_seen[key] = figure
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
