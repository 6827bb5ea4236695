"""Start the next edition from a filled-in outline, so the comms team never faces a blank file.

`new-refresh` outlines the next annual refresh of the current plan; `new-plan` the next
three-year plan. Each also adds an outline entry for its source document to sources.yaml.
Every line to complete says FILL IN; `build_plan.py validate` lists those still left.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .model import Plan, edition_order

PLACEHOLDER = "FILL IN"


class ScaffoldError(Exception):
    """The next edition cannot be outlined; the message says why and what to do."""


@dataclass
class Outline:
    edition_file: Path
    edition_id: str
    source_id: str


def _write_new(path: Path, text: str) -> None:
    if path.exists():
        raise ScaffoldError(f"{path} already exists. Edit it, or delete it to start again.")
    path.write_text(text, encoding="utf-8")


def _add_source(project_dir: Path, source_id: str, kind: str, year: int, what: str, publisher: str) -> None:
    path = project_dir / "plan_data" / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^\s*- id: {re.escape(source_id)}\s*$", text, re.M):
        return
    path.write_text(text.rstrip("\n") + f"""
  - id: {source_id}
    title: "{PLACEHOLDER}: the title of the {what}, as printed on it"
    publisher: {publisher}
    date: "{year}"  # {PLACEHOLDER}: the date on the document, for example {year}-07-25
    kind: {kind}
""", encoding="utf-8")


def new_refresh(project_dir: Path, plan: Plan, today: date | None = None) -> Outline:
    """Outline the next annual refresh of the current plan."""
    today = today or date.today()
    current = plan.editions[plan.current_edition_id()]
    base = current if current["kind"] == "plan" else plan.editions[current["base"]]
    taken = [e["period"]["start"] for e in plan.editions.values() if e.get("base") == base["id"]]
    year = max(taken + [base["period"]["start"]]) + 1
    if year >= base["period"]["end"]:
        raise ScaffoldError(
            f"The plan {base['id']} ({base['period']['start']} to {base['period']['end']}) has no year left to "
            f"refresh. Start the next plan with `python build_plan.py new-plan`.")
    edition_id = f"{base['id']}-refresh-{year}"
    source_id = f"refresh-{year}-{str(year + 1)[2:]}"
    label = f"{year}/{str(year + 1)[2:]}"
    path = project_dir / "plan_data" / "editions" / f"{edition_id}.yaml"
    _write_new(path, f"""# yaml-language-server: $schema=../../plansite/schemas/edition.schema.json
# The {label} refresh of the {base['title']}, outlined by `build_plan.py new-refresh`.
# Complete every line that says {PLACEHOLDER}, then run `python build_plan.py validate`.
# A refresh lists only what it changes; everything else comes from the plan.
# Without a 'status' line this edition becomes the current plan when you build, and the
# previous one is archived. Add 'status: draft' to keep it unpublished as current.
id: {edition_id}
kind: refresh
base: {base['id']}
title: "{base['title']}: {label} refresh"
period:
  start: {year}
  end: {year + 1}
published:
  date: "{today.isoformat()}"  # {PLACEHOLDER}: the date the refresh was approved
  note: "{PLACEHOLDER}: who approved it, for example Approved by Cabinet"
sources:
  - {source_id}  # outlined in plan_data/sources.yaml: complete it there
summary: |
  {PLACEHOLDER}: in plain words, what this refresh changes and why. Short sentences.
changes:
  priorities:
    add: []
    # - id: new-priority-id
    #   title: The title as the refresh document gives it
    #   short_title: A short plain title
    #   key_outcome: ...
    #   source: {source_id}
    retire: []
    # - id: id-of-a-priority-in-{base['id']}
    #   reason: Why it was retired.
    update: []
    # - id: id-of-a-priority-in-{base['id']}
    #   lead: {{name: ..., role: ..., source: {source_id}}}
""")
    _add_source(project_dir, source_id, "plan", year, f"{label} refresh document", plan.partnership["name"])
    return Outline(path, edition_id, source_id)


def new_plan(project_dir: Path, plan: Plan, today: date | None = None) -> Outline:
    """Outline the next three-year plan, starting when the latest plan ends."""
    today = today or date.today()
    latest = max((e for e in plan.editions.values() if e["kind"] == "plan"), key=edition_order)
    start = latest["period"]["end"]
    end = start + 3
    edition_id = f"{start}-{end}"
    source_id = f"plan-{start}-{end}"
    path = project_dir / "plan_data" / "editions" / f"{edition_id}.yaml"
    _write_new(path, f"""# yaml-language-server: $schema=../../plansite/schemas/edition.schema.json
# The plan for {start} to {end}, outlined by `build_plan.py new-plan`.
# Complete every line that says {PLACEHOLDER}, then run `python build_plan.py validate`.
# Without a 'status' line this edition becomes the current plan when you build, and the
# previous one is archived. Add 'status: draft' to keep it unpublished as current.
id: {edition_id}
kind: plan
title: "{plan.partnership['name']} Plan {start}–{end}"
period:
  start: {start}
  end: {end}
published:
  date: "{today.isoformat()}"  # {PLACEHOLDER}: the date the plan was approved
  note: "{PLACEHOLDER}: who approved it, for example Approved by Cabinet"
sources:
  - {source_id}  # outlined in plan_data/sources.yaml: complete it there
summary: |
  {PLACEHOLDER}: in plain words, what the plan is for and its priorities. Short sentences.
priorities:
  - id: first-priority
    title: "{PLACEHOLDER}: the priority's title as the plan gives it"
    short_title: "{PLACEHOLDER}: a short plain title"
    key_outcome: "{PLACEHOLDER}: the key outcome, in the plan's words"
    why: "{PLACEHOLDER}: why it is a priority, in the plan's words"
    actions:
      - "{PLACEHOLDER}: one thing the partnership plans to do"
    measures: []
    source: {source_id}
themes: []
""")
    _add_source(project_dir, source_id, "plan", start, f"plan for {start} to {end}", plan.partnership["name"])
    return Outline(path, edition_id, source_id)


def placeholders_left(project_dir: Path) -> list[str]:
    """'file:line' for every line under plan_data/ that still says FILL IN."""
    found = []
    data = Path(project_dir) / "plan_data"
    for path in sorted(data.rglob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PLACEHOLDER in line and not line.lstrip().startswith("#"):
                found.append(f"{path.relative_to(project_dir).as_posix()}:{number}: {line.strip()}")
    return found
