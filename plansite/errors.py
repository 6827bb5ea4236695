"""Data errors: stable codes, titles, and the report that collects them.

Every problem in the plan data becomes a DataError with a stable code (modelled
on frictionless-py's error types), so that people and machines can rely on it.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

#: Stable error codes and their titles. Codes never change meaning; add new ones.
ERROR_TYPES: dict[str, str] = {
    "missing-file": "A required file is missing",
    "yaml-syntax": "The file is not valid YAML",
    "duplicate-key": "The same key is given twice",
    "missing-field": "A required field is missing",
    "wrong-type": "A value has the wrong type",
    "unknown-key": "A key is not recognised",
    "invalid-value": "A value is not one of those allowed",
    "invalid-format": "A value is not in the expected format",
    "empty-value": "A value is empty",
    "out-of-range": "A number is out of range",
    "duplicate-id": "Two things share one id",
    "unknown-source": "A source document id is not in sources.yaml",
    "unknown-measure": "A measure id is not in the measures catalogue",
    "unknown-priority": "A priority or theme id does not exist",
    "unknown-body": "A governance body id does not exist",
    "unknown-edition": "A base edition does not exist",
    "invalid-base": "A refresh's base is not a plan",
    "refresh-has-priorities": "A refresh copies priorities instead of listing changes",
    "plan-has-changes": "A plan lists changes or a base",
    "period-reversed": "A period ends before it starts",
    "period-overlap": "Two plan periods overlap",
    "period-outside-base": "A refresh's period is outside its plan's period",
    "multiple-current": "More than one edition is current",
    "no-current": "No edition is current",
    "data-file-missing": "A measure's data file does not exist",
    "data-unreadable": "A data file cannot be read as a spreadsheet",
    "missing-column": "A data file lacks a required column",
    "invalid-number": "A figure is not a number",
    "invalid-period": "A period is not one we can read",
    "duplicate-row": "The same figure is given twice",
    "invalid-qualifier": "A figure's qualifier is not one we know",
    "yaml-too-deep": "The YAML is nested too deeply",
    "yaml-too-large": "The YAML is too large, or its aliases expand too far",
    "yaml-tag": "A YAML tag is not allowed",
    "empty-file": "A data file is empty",
    "data-encoding": "A data file's text encoding is not recognised",
    "formula-in-cell": "A cell would run as a formula in a spreadsheet",
    "formula-without-value": "A formula has no saved result",
    "several-sheets": "A workbook has several sheets and the measure names none",
    "unknown-sheet": "A measure names a sheet the workbook does not have",
    "too-many-problems": "A data file has too many problems to list",
    "duplicate-column": "A data file names a column twice",
    "control-character": "A cell holds an invisible control character",
    "unknown-language": "A language code is not one the language data (CLDR) knows",
    "unlisted-language": "Translations for a language that languages.yaml does not list",
    "not-utf8": "A translation file is not UTF-8 text",
    "po-syntax": "A PO file is not valid",
    "plural-forms": "A PO file's Plural-Forms header is malformed",
    "placeholder-mismatch": "A translation's {placeholders} differ from the English",
    "unsafe-translation": "A translated page holds something that could run a script",
    "not-filled-in": "A value still says FILL IN",
    # Warnings: the data is valid, but something in it is shown nowhere.
    "figure-not-shown": "A figure is shown on no page",
    "unread-data-file": "No measure reads a data file",
    "unlisted-measure": "No edition lists a measure",
}

#: The most characters of a person's input that an error quotes: enough to recognise it, and
#: a damaged or binary file cannot fill the report.
QUOTE_LIMIT = 60


def shortened(value, limit: int = QUOTE_LIMIT) -> str:
    """Input as an error message repeats it: control characters made visible, cut to limit
    characters. Every message that repeats input goes through here (or quoted)."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(value)[:limit * 2])
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text


def quoted(value, limit: int = QUOTE_LIMIT) -> str:
    """Input for an error message, in single quotes (see shortened)."""
    return f"'{shortened(value, limit)}'"


#: How every message advises a command: as it runs after the README's setup (`make site`
#: creates .venv), so it works as written with no environment activated.
PYTHON = ".venv/bin/python"


def command(*args: str) -> str:
    """A command to advise, quoted as the user should type it: `.venv/bin/python build_plan.py validate`."""
    return f"`{PYTHON} build_plan.py {' '.join(args)}`"


@dataclass(frozen=True)
class DataError:
    """One problem in the plan data, located as precisely as we can."""

    code: str
    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    fix: str
    #: "error" stops validate, build and publish; "warning" is reported and stops nothing.
    severity: str = "error"

    @property
    def title(self) -> str:
        return ERROR_TYPES[self.code]

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def format(self) -> str:
        lines = [f"{self.location()}: {self.severity} [{self.code}] {self.title}"]
        if self.path:
            lines.append(f"  at: {self.path}")
        lines.append(f"  problem: {self.message}")
        lines.append(f"  fix: {self.fix}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {**asdict(self), "title": self.title}


def sort_errors(errors: list[DataError]) -> list[DataError]:
    """In the order a person reads them: by file, then line and column."""
    return sorted(errors, key=lambda e: (e.file, e.line or 0, e.column or 0, e.code))


class PlanDataInvalid(Exception):
    """Raised when plan data has one or more errors; carries all of them."""

    def __init__(self, errors: list[DataError]):
        super().__init__(f"{len(errors)} problem(s) in the plan data")
        self.errors = sort_errors(errors)

    def report(self, *, stopped: str = "") -> str:
        """The report; `stopped` says what did not happen, such as 'Nothing was published.'"""
        return format_report(self.errors, stopped=stopped)


def format_report(errors: list[DataError], *, stopped: str = "") -> str:
    """The human report: every error, then what to do next (after `stopped`, when given)."""
    if not errors:
        return "The plan data is valid."
    files = sorted({e.file for e in errors})
    noun = "problem" if len(errors) == 1 else "problems"
    head = f"Found {len(errors)} {noun} in {len(files)} file{'s' if len(files) != 1 else ''}:\n"
    body = "\n\n".join(e.format() for e in errors)
    tail = f"\n\n{stopped + ' ' if stopped else ''}Fix the problems above, then run {command('validate')} again."
    return head + "\n" + body + tail


def format_warnings(warnings: list[DataError]) -> str:
    """The warnings: nothing is wrong, but these are shown nowhere on the site."""
    if not warnings:
        return ""
    noun = "warning" if len(warnings) == 1 else "warnings"
    head = f"{len(warnings)} {noun}: these are valid but shown on no page of the site.\n"
    return head + "\n" + "\n\n".join(w.format() for w in sort_errors(warnings))


def format_json(errors: list[DataError], warnings: list[DataError] = ()) -> str:
    """The machine report: the same errors and warnings as JSON."""
    return json.dumps({"valid": not errors, "errors": [e.to_dict() for e in errors],
                       "warnings": [w.to_dict() for w in sort_errors(list(warnings))]},
                      indent=2, ensure_ascii=False)


def format_path(path: tuple) -> str:
    """Render a key path the way a person reads YAML: priorities[0].title."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
