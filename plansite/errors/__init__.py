"""Data errors: stable codes, their wording, and the report that collects them.

Every problem in the plan data becomes a DataError with a stable code (modelled on
frictionless-py's error types), so that people and machines can rely on it. Each code is
defined once, in ERRORS: its title, and the templates of its message and fix. Call sites pass
only the values (`DataError.of("unknown-measure", file=..., id=quoted(x), suggestion=...)`), so
one problem is worded the same wherever it is found.

The package: kinds.py (ErrorType), catalogue.py (ERRORS, every code's words), and here the
DataError a check makes, the helpers that quote values, and the reports.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass

from .catalogue import ATTACH, ERROR_TYPES, ERRORS
from .kinds import ErrorType

# The checks import every name from plansite.errors, the catalogue's and ErrorType too.
__all__ = [
    "ATTACH", "ERRORS", "ERROR_TYPES", "ErrorType", "QUOTE_LIMIT", "shortened", "quoted", "PYTHON",
    "REPOSITORY_PROGRAM", "command", "nearest", "did_you_mean", "expected", "part", "DataError",
    "sort_errors", "PlanDataInvalid", "count", "format_report", "format_warnings", "format_json",
    "format_path"
]

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


#: How messages advise a command by default: as this repository's build_plan.py runs after the
#: README's setup (`make site` creates .venv), so it works as written with no environment
#: activated. The command line passes each message the way it was itself run (`plansite` for
#: the console script that `pip install` gives).
PYTHON = ".venv/bin/python"
REPOSITORY_PROGRAM = f"{PYTHON} build_plan.py"


def command(*args: str, program: str = REPOSITORY_PROGRAM) -> str:
    """A command to advise, quoted as the user should type it: `.venv/bin/python build_plan.py validate`,
    or `plansite validate` with program="plansite"."""
    return f"`{program} {' '.join(args)}`"


def nearest(value, known, cutoff: float = 0.6) -> str | None:
    """The known id closest to a mistyped one, or None when none is close."""
    close = difflib.get_close_matches(str(value), sorted(map(str, known)), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(value, known, cutoff: float = 0.6) -> str:
    """The {suggestion} of a fix: "Did you mean 'title'? " for the nearest known id, or ""."""
    close = nearest(value, known, cutoff)
    return f"Did you mean '{close}'? " if close else ""


def expected(description: str | None) -> str:
    """The {expected} of a fix: what the schema says belongs here, or ""."""
    return f" Expected: {description}" if description else ""



def part(code: str, phrase: str, /, **values) -> str:
    """An optional phrase of code's message (see ErrorType.parts)."""
    return ERRORS[code].part(phrase, **values)


@dataclass(frozen=True, kw_only=True)
class DataError:
    """One problem in the plan data, located as precisely as we can. Made with DataError.of, which
    words it from ERRORS; the fields are keywords, so that none is given in the wrong place."""

    code: str
    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    fix: str
    #: "error" stops validate, build and publish; "warning" is reported and stops nothing.
    severity: str = "error"

    @classmethod
    def of(cls, code: str, /, *, file: str, line: int | None = None, column: int | None = None, path: str = "",
           case: str = "", severity: str = "error", **values) -> "DataError":
        """The error `code` (a case of it, when given) with its message and fix filled in from
        values. An unknown code, an unknown case, or a value missing or unused raises at once."""
        message, fix = ERRORS[code].fill(case, values)
        return cls(code=code, file=file, line=line, column=column, path=path, message=message, fix=fix,
                   severity=severity)

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

    def report(self, *, stopped: str = "", program: str = REPOSITORY_PROGRAM) -> str:
        """The report; `stopped` says what did not happen, such as 'Nothing was published.'"""
        return format_report(self.errors, stopped=stopped, program=program)


def count(number: int, noun: str) -> str:
    """'1 problem', '3 problems': for the console's own reports, which are in English only (the
    site's words count through Words.n, with each language's plural forms)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def format_report(errors: list[DataError], *, stopped: str = "", program: str = REPOSITORY_PROGRAM) -> str:
    """The human report: every error, then what to do next (after `stopped`, when given)."""
    if not errors:
        return "The plan data is valid."
    files = sorted({e.file for e in errors})
    head = f"Found {count(len(errors), 'problem')} in {count(len(files), 'file')}:\n"
    body = "\n\n".join(e.format() for e in errors)
    tail = f"\n\n{stopped + ' ' if stopped else ''}Fix the problems above, then run {command('validate', program=program)} again."
    return head + "\n" + body + tail


def format_warnings(warnings: list[DataError]) -> str:
    """The warnings: nothing is wrong, but these are shown nowhere on the site."""
    if not warnings:
        return ""
    head = f"{count(len(warnings), 'warning')}: these are valid but shown on no page of the site.\n"
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
