"""Figures, reading: performance figures as spreadsheets save them.

Figures arrive as CSV saved from Excel (UTF-8 with or without a byte-order mark, Windows-1252,
"CSV (Macintosh)" and other single-byte encodings, separated by commas or, with decimal commas,
by semicolons), or as .xlsx. Every row is checked; problems name the file, the row as a
spreadsheet numbers it, the column, the value and what was expected. Files are read a row at
a time, and a cell that a spreadsheet would run as a formula is refused.
"""
from __future__ import annotations

import codecs
import csv
import itertools
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..errors import DataError, did_you_mean, part, quoted, shortened
from ..periods import Period, PeriodError, parse_period

DATA_DIR = "data"
REQUIRED_COLUMNS = ("measure", "period", "value", "source")
OPTIONAL_COLUMNS = ("series", "note")
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


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


#: Files up to this size are judged whole for their encoding and separator; of a bigger file,
#: the start is judged and the rest is read one row at a time.
SAMPLE_BYTES = 8 << 20
#: A line longer than this is not a row of figures: a binary file, or a quotation mark never closed.
MAX_LINE_CHARS = 100_000
#: After this many problems in one file, stop listing: the rest are usually the same mistake.
MAX_FILE_PROBLEMS = 100
#: A workbook that would unpack to more than this is refused before it is opened.
MAX_XLSX_BYTES = 256 << 20
#: The encodings spreadsheet programs save CSV in besides UTF-8: Windows' code pages for
#: Western, Central European, Baltic, Cyrillic, Greek, Turkish and Arabic text, and Excel's
#: "CSV (Macintosh)" and "CSV (MS-DOS)" (code page 850 in the UK). Windows-1252 is what Excel
#: uses on an English Windows.
_SINGLE_BYTE = ("cp1252", "mac_roman", "cp1250", "cp1257", "cp1251", "cp1253", "cp1254", "cp1256", "cp850")
#: Characters an English text holds beyond ASCII, which decide between equally clean readings.
_ENGLISH_CHARACTERS = "’‘“”–—…£€é"
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252",
                   "mac_roman": "Mac Roman (Excel's 'CSV (Macintosh)')", "cp1250": "Windows-1250",
                   "cp1257": "Windows-1257", "cp1251": "Windows-1251", "cp1253": "Windows-1253",
                   "cp1254": "Windows-1254", "cp1256": "Windows-1256", "cp850": "DOS code page 850 (Excel's 'CSV (MS-DOS)')"}
#: Files that are not text at all, by their first bytes.
#: The first bytes of files that are not CSV text, and the case of data-unreadable that says so.
_SIGNATURES = ((b"PK\x03\x04", "zip-as-csv"), (b"\xd0\xcf\x11\xe0", "xls-as-csv"), (b"%PDF", "pdf-as-csv"))
#: What Excel, LibreOffice and Google Sheets take as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = {"=": "'='", "+": "'+'", "-": "'-'", "@": "'@'", "\t": "a tab", "\r": "a line break (carriage return)"}
_INVISIBLE_STARTS = ("\t", "\r")
#: Characters no cell should hold (line breaks and tabs aside): they break the pages and the CSV.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Table:
    """A data file's header and its rows, which are read one at a time as they are used."""

    header: list[str]
    #: (spreadsheet row number, cells as written) for each row that is not blank.
    rows: Iterator[tuple[int, list[str]]]
    separator: str = ","
    decimal: str = "."
    header_row: int = 1


class Unreadable(Exception):
    """A data file cannot be read (or no further); carries what to tell the person."""

    def __init__(self, code: str, case: str = "", *, line: int | None = None, path: str = "", **values):
        super().__init__(code, case)
        self.code, self.case, self.line, self.path, self.values = code, case, line, path, values

    def error(self, display: str) -> DataError:
        return DataError.of(self.code, file=display, line=self.line, path=self.path, case=self.case, **self.values)


def detect_encoding(sample: bytes, complete: bool = True) -> str:
    """The encoding of a CSV from its first bytes (all of them when complete).

    A byte-order mark decides; then UTF-8, which cannot be mistaken for anything else; then
    charset-normalizer chooses among the single-byte encodings spreadsheets save. It judges only
    the lines with non-ASCII bytes (ASCII reads the same in all of them). A table of figures
    holds few accented characters, too few for its measures to tell Windows-1252 from Mac Roman
    on their own; among the readings it finds equally clean, the one with more of the
    characters English text uses (’ “ ” – £ € é) wins, then Windows-1252 (Excel's on an
    English Windows), then Mac Roman."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    lines = b"\n".join(line for line in sample.splitlines() if max(line, default=0) > 127)
    matches = list(from_bytes(lines, cp_isolation=list(_SINGLE_BYTE)))
    if not matches:
        raise Unreadable("data-encoding")
    preference = {name: rank for rank, name in enumerate(_SINGLE_BYTE)}

    def names(match) -> list[str]:
        # Encodings that give exactly the same text are listed together.
        return sorted({match.encoding, *match.could_be_from_charset} & preference.keys(), key=preference.get)

    least = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= least + 0.01]
    best = min(clean, key=lambda m: (-sum(str(m).count(c) for c in _ENGLISH_CHARACTERS), preference[names(m)[0]]))
    return names(best)[0]


def decode_csv(raw: bytes) -> str:
    """Text of a whole CSV as a spreadsheet saved it (see detect_encoding)."""
    return raw.decode(detect_encoding(raw))


def _undecodable_line(path: Path, encoding: str) -> int:
    """The line on which a file stops being text in encoding (looked for only once it has)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    number = 1
    with open(path, "rb") as binary:
        for raw in binary:
            try:
                decoder.decode(raw)
            except UnicodeDecodeError as exc:
                # Lines may also end in a lone carriage return (old Mac files).
                return number + len(re.findall(rb"\r(?!\n)", raw[:exc.start]))
            number += 1 + len(re.findall(rb"\r(?!\n)", raw))
    return number


def _lines(stream, path: Path, encoding: str) -> Iterator[str]:
    """The file's lines, each checked for length and encoding as it is read."""
    number = 0
    while True:
        try:
            line = stream.readline(MAX_LINE_CHARS)
        except UnicodeDecodeError:
            # The stream decodes ahead of the line it returns, so find the line itself.
            bad = _undecodable_line(path, encoding)
            raise Unreadable("data-encoding", "from-line", line=bad, row=bad,
                             encoding=_ENCODING_NAMES.get(encoding, encoding)) from None
        if not line:
            return
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise Unreadable("data-unreadable", "long-line", line=number, row=number, limit=MAX_LINE_CHARS)
        yield line


def _sniff_separator(first_line: str) -> str:
    """The separator that makes the most of row 1 into column names we know (comma on a tie)."""
    known = set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS) | {"qualifier"}
    best, score = ",", 0
    for separator in (",", ";", "\t"):
        cells = next(csv.reader([first_line], delimiter=separator), [])
        found = sum(cell.strip().lower() in known for cell in cells)
        if found > score:
            best, score = separator, found
    return best


def _numbered(reader, header_row: int) -> Iterator[tuple[int, list[str]]]:
    number = header_row
    try:
        for cells in reader:
            number += 1
            if any(cell.strip() for cell in cells):
                yield number, cells
    except csv.Error as exc:
        raise Unreadable("data-unreadable", "open-quote", line=number + 1, row=number + 1, problem=exc) from None


@contextmanager
def _csv_table(path: Path) -> Iterator[Table]:
    with open(path, "rb") as binary:
        sample = binary.read(SAMPLE_BYTES)
        complete = not binary.read(1)
    if not sample.removeprefix(codecs.BOM_UTF8).strip():
        raise Unreadable("empty-file")
    for signature, case in _SIGNATURES:
        if sample.startswith(signature):
            raise Unreadable("data-unreadable", case)
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Unreadable("data-unreadable", "binary")
    encoding = detect_encoding(sample, complete)
    with open(path, encoding=encoding, newline="", errors="strict") as stream:
        lines = _lines(stream, path, encoding)
        first = next(lines, "")
        header_row = 1
        # Excel writes, and reads, a first line 'sep=;' naming the separator.
        if hint := re.fullmatch(r'"?sep=(.)"?[\r\n]*', first):
            separator, first, header_row = hint[1], next(lines, ""), 2
        else:
            separator = _sniff_separator(first)
        reader = csv.reader(itertools.chain([first], lines), delimiter=separator)
        header = next(reader, [])
        # Where ';' separates the columns, Excel writes a comma as the decimal sign.
        yield Table(header, _numbered(reader, header_row), separator, "," if separator == ";" else ".", header_row)


def _number_text(value) -> str:
    """A number as its shortest exact text: 10.0 -> '10', 0.1 * 100 -> '10' (not 10.000000000000002)."""
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format(number.normalize(), "f")


class UncalculatedFormula(str):
    """A workbook cell holding a formula whose result was never saved (the text is the formula)."""


def _xlsx_text(cell, formula_cell) -> str:
    """A workbook cell as the text a CSV of it would hold: numbers as shown, percentages with
    their %, dates as a UK Excel writes them (dd/mm/yyyy)."""
    value = cell.value
    if value is None:
        if getattr(formula_cell, "data_type", None) == "f":
            return UncalculatedFormula(formula_cell.value)
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        if "%" in (cell.number_format or ""):
            return _number_text(Decimal(repr(value)) * 100) + "%"
        return _number_text(value)
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


@contextmanager
def _xlsx_table(path: Path, sheet: str | None) -> Iterator[Table]:
    from openpyxl import load_workbook

    with open(path, "rb") as binary:
        start = binary.read(4096)
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable("data-unreadable", "xls")
    if not start.startswith(b"PK") and b"\x00" not in start and start.strip():
        raise Unreadable("data-unreadable", "text-as-xlsx")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise Unreadable("data-unreadable", problem=exc) from None
    if unpacked > MAX_XLSX_BYTES:
        raise Unreadable("data-unreadable", "too-big", size=unpacked >> 20, limit=MAX_XLSX_BYTES >> 20)
    try:
        # Two views of the same file: the values Excel saved, and the formulas behind them.
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise Unreadable("data-unreadable", problem=part("data-unreadable", "exception", kind=exc.__class__.__name__,
                                                         text=quoted(exc, 120))) from None
    try:
        names = values.sheetnames
        if sheet is None and len(names) > 1:
            raise Unreadable("several-sheets", count=len(names), names=", ".join(quoted(n) for n in names[:10]),
                             first=names[0])
        if sheet is not None and sheet not in names:
            raise Unreadable("unknown-sheet", sheet=quoted(sheet), names=", ".join(quoted(n) for n in names[:10]))
        chosen = sheet or names[0]

        def rows():
            try:
                for number, (cells, formula_cells) in enumerate(
                        zip(values[chosen].iter_rows(), formulas[chosen].iter_rows()), start=1):
                    formula_cells = list(formula_cells) + [None] * max(0, len(cells) - len(formula_cells))
                    yield number, [_xlsx_text(c, f) for c, f in zip(cells, formula_cells)]
            except Exception as exc:  # a damaged sheet can fail part way through
                raise Unreadable("data-unreadable", "sheet-end", problem=part(
                    "data-unreadable", "exception", kind=exc.__class__.__name__, text=quoted(exc, 120))) from None

        numbered = rows()
        _, header = next(numbered, (1, []))
        yield Table(header, ((n, cells) for n, cells in numbered if any(c.strip() for c in cells)))
    finally:
        values.close()
        formulas.close()


def open_table(path: Path, sheet: str | None = None):
    """The header and rows of a CSV or .xlsx data file (a context manager: it holds the file open).

    Raises Unreadable when the file cannot be read, or not to its end."""
    return _xlsx_table(path, sheet) if path.suffix.lower() == ".xlsx" else _csv_table(path)


def read_rows(path: Path, sheet: str | None = None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and rows of a CSV or .xlsx file, each row with its spreadsheet row number
    (the whole file at once: for small files and tests)."""
    with open_table(path, sheet) as table:
        return ([cell.strip() for cell in table.header],
                [(number, [cell.strip() for cell in cells]) for number, cells in table.rows])


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
        letters = " and ".join(_column_letter(i) for i, name in enumerate(names) if name == twice[0])
        errors.append(DataError.of(
            "duplicate-column", file=display, line=table.header_row,
            path=part("missing-column", "at", where=where, row=table.header_row), name=repr(twice[0]),
            letters=letters))
        return []
    index = {name: names.index(name) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if name in names}
    if "qualifier" in names:  # optional: the source's "over", "at least"... before the figure
        index["qualifier"] = names.index("qualifier")

    def column(name):
        return f"{_column_letter(index[name])} ({name})"

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
            if control := _CONTROL.search(cell):
                errors.append(error("control-character", number, column(name), value=quoted(cell),
                                    character=shortened(control[0])))
                continue
            what = formula_start(cell)
            if what is None or (name == "value" and _is_number(get[name], table.decimal)):
                continue
            errors.append(error("formula-in-cell", number, column(name),
                                value=quoted(cell if cell[:1] in _INVISIBLE_STARTS else cell.strip()), what=what,
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
