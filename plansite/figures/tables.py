"""Figures, tables: a spreadsheet file opened as a header and numbered rows, whatever saved it.

CSV as Excel and LibreOffice save it (UTF-8 with or without a byte-order mark, Windows-1252,
"CSV (Macintosh)" and other single-byte encodings, told apart by charset-normalizer; commas,
or semicolons with decimal commas), or .xlsx read with openpyxl. A file is read a row at a
time; one that cannot be read to its end is Unreadable, with the problem's words.
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

from ..errors import DataError, part, quoted


#: The columns of a figures file: these four always, the optional ones when a file has them.
REQUIRED_COLUMNS = ("measure", "period", "value", "source")
OPTIONAL_COLUMNS = ("series", "note")


def column_letter(index: int) -> str:
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
INVISIBLE_STARTS = ("\t", "\r")
#: Characters no cell should hold (line breaks and tabs aside): they break the pages and the CSV.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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

