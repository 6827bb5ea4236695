"""ErrorType: one kind of problem, with the templates its message and fix are worded from."""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Mapping

_FIELDS = string.Formatter()


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in _FIELDS.parse(template) if name}


@dataclass(frozen=True)
class ErrorType:
    """One kind of problem: its stable code and title, and the str.format templates of its
    message and fix. `cases` words the same problem found in another situation (a CSV cell, a
    YAML value): case name -> (message, fix). `parts` are phrases a message may include or not
    ({rows} is "" or parts["rows"]), kept here so that every word of a report is in this file."""

    code: str
    title: str
    message: str
    fix: str
    cases: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    parts: Mapping[str, str] = field(default_factory=dict)

    def wording(self, case: str = "") -> tuple[str, str]:
        """(message, fix) templates of a case; "" is the usual one."""
        if not case:
            return self.message, self.fix
        if case not in self.cases:
            raise KeyError(f"error {self.code!r} has no case {case!r}")
        return self.cases[case]

    def part(self, phrase: str, /, **values) -> str:
        """One of the optional phrases, filled in."""
        return _fill(self.parts[phrase], values, self.parts[phrase])

    def fill(self, case: str, values: dict) -> tuple[str, str]:
        """The message and fix of a case with its values; a value missing or unused raises."""
        message, fix = self.wording(case)
        unused = set(values) - _names(message) - _names(fix)
        if unused:
            raise TypeError(f"error {self.code!r} (case {case!r}) does not use {sorted(unused)}")
        return _fill(message, values, message), _fill(fix, values, fix)


def _fill(template: str, values: dict, shown: str) -> str:
    try:
        return template.format(**values)
    except KeyError as missing:
        raise TypeError(f"the error template {shown!r} needs the value {missing}") from None

