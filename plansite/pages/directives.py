"""Measures inside hand-written pages: the {{ measure: ID }} directive."""
from __future__ import annotations

import re

from ..model import Plan
from ..translations import Words
from .figures import measure_block
from .writer import ENGLISH


_DIRECTIVE = re.compile(r"^\{\{\s*measure:\s*(?P<id>[^\s}]+)(?:\s+(?P<part>summary|chart|table))?\s*\}\}\s*$")


class DirectiveError(ValueError):
    """A measure directive in a hand-written page that cannot be shown."""


def expand_measure_directives(markdown: str, plan: Plan, edition_id: str, page_path: str,
                              words: Words = ENGLISH) -> str:
    """Replace lines such as '{{ measure: deliberate-fires }}' or '{{ measure: deliberate-fires chart }}'
    with that measure's figures for the edition being built."""
    if "{{" not in markdown:
        return markdown
    edition = words.edition(plan, edition_id)
    local_plan = words.plan(plan)
    out = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = _DIRECTIVE.match(line.strip())
        if not match:
            if re.match(r"^\s*\{\{\s*measure", line):
                raise DirectiveError(
                    f"docs/{page_path}, line {number}: '{line.strip()}' is not a measure directive we can read. "
                    "Write {{ measure: MEASURE-ID }} or add one of summary, chart or table after the id, "
                    "for example {{ measure: deliberate-fires chart }}.")
            out.append(line)
            continue
        measure_id, part = match["id"], match["part"]
        if measure_id not in plan.measures:
            raise DirectiveError(
                f"docs/{page_path}, line {number}: there is no measure '{measure_id}'. "
                f"Use an id from plan_data/measures/, for example {sorted(plan.measures)[0]}.")
        parts = (part,) if part else ("summary", "chart", "table", "source")
        if part in ("chart", "table"):
            parts += ("source",)
        out.append(measure_block(local_plan, edition, measure_id, page_path, parts=parts, words=words))
    return "\n".join(out) + "\n"
