"""Start the next edition from a filled-in outline, so the comms team never faces a blank file.

`new-refresh` outlines the next annual refresh of the current plan; `new-plan` the next
three-year plan. Each also adds an outline entry for its source document to sources.yaml.
Every line to complete says FILL IN, the dates included (never a real-looking guess such as
today's date, which would pass for the approval date); `build_plan.py validate` lists those
still left, and `build` and `publish` refuse an edition that has any unless it is a draft.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import REPOSITORY_PROGRAM, command
from .measures_catalogue import measures_as_dicts
from .model import Plan, edition_order, source_refs

PLACEHOLDER = "FILL IN"


class ScaffoldError(Exception):
    """The next edition cannot be outlined; the message says why and what to do."""


@dataclass
class Outline:
    edition_file: Path
    edition_id: str
    source_id: str


#: The schema's place as the editions' first line names it, from plan_data/editions/.
SCHEMA_PATH = "../../plansite/schemas/edition.schema.json"


def schema_comment(project_dir: Path) -> str:
    """The first line of a new edition file, which lets an editor with the YAML language server
    check the file as it is typed: only where the schema is at the path the line names (in
    this repository). A partnership's project, with the tool installed, has no plansite/
    folder, and a line naming a missing file would only show the editor's error."""
    if (project_dir / "plan_data" / "editions" / SCHEMA_PATH).resolve().is_file():
        return f"# yaml-language-server: $schema={SCHEMA_PATH}\n"
    return ""


def yaml_scalar(value: str | int) -> str:
    """value as one YAML scalar on one line, quoted where YAML needs it (a colon, a quote, a
    leading special character), by the YAML library rather than by hand."""
    dumped = yaml.safe_dump({"v": value}, allow_unicode=True, width=1_000_000, default_flow_style=False)
    return dumped.removeprefix("v: ").rstrip("\n")


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
    publisher: {yaml_scalar(publisher)}
    date: "{PLACEHOLDER}: the date on the document, as {year}, {year}-07 or {year}-07-25"
    kind: {kind}
""", encoding="utf-8")


def new_refresh(project_dir: Path, plan: Plan, *, program: str = REPOSITORY_PROGRAM) -> Outline:
    """Outline the next annual refresh of the current plan; program is how the user runs the
    tool, for the commands it advises."""
    current = plan.editions[plan.current_edition_id()]
    base = current if current["kind"] == "plan" else plan.editions[current["base"]]
    taken = [e["period"]["start"] for e in plan.editions.values() if e.get("base") == base["id"]]
    year = max(taken + [base["period"]["start"]]) + 1
    if year >= base["period"]["end"]:
        raise ScaffoldError(
            f"The plan {base['id']} ({base['period']['start']} to {base['period']['end']}) has no year left to "
            f"refresh. Start the next plan with {command('new-plan', program=program)}.")
    edition_id = f"{base['id']}-refresh-{year}"
    source_id = f"refresh-{year}-{str(year + 1)[2:]}"
    label = f"{year}/{str(year + 1)[2:]}"
    path = project_dir / "plan_data" / "editions" / f"{edition_id}.yaml"
    _write_new(path, schema_comment(project_dir) + f"""\
# The {label} refresh of the {base['title']}, outlined by `{program} new-refresh`.
# Complete every line that says {PLACEHOLDER}, then run {command('validate', program=program).strip('`')}.
# A refresh lists only what it changes; everything else comes from the plan.
# Without a 'status' line this edition becomes the current plan when you build, and the
# previous one is archived; build refuses it while any line says FILL IN. Add
# 'status: draft' to build it before it is finished (as a draft, never the current plan).
id: {edition_id}
kind: refresh
base: {base['id']}
title: {yaml_scalar(f"{base['title']}: {label} refresh")}
period:
  start: {year}
  end: {year + 1}
published:
  date: "{PLACEHOLDER}: the date the refresh was approved, as {year}-07-25 or {year}"
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


def new_plan(project_dir: Path, plan: Plan, *, program: str = REPOSITORY_PROGRAM) -> Outline:
    """Outline the next three-year plan, starting when the latest plan ends."""
    latest = max((e for e in plan.editions.values() if e["kind"] == "plan"), key=edition_order)
    start = latest["period"]["end"]
    end = start + 3
    edition_id = f"{start}-{end}"
    source_id = f"plan-{start}-{end}"
    path = project_dir / "plan_data" / "editions" / f"{edition_id}.yaml"
    _write_new(path, schema_comment(project_dir) + f"""\
# The plan for {start} to {end}, outlined by `{program} new-plan`.
# Complete every line that says {PLACEHOLDER}, then run {command('validate', program=program).strip('`')}.
# Without a 'status' line this edition becomes the current plan when you build, and the
# previous one is archived; build refuses it while any line says FILL IN. Add
# 'status: draft' to build it before it is finished (as a draft, never the current plan).
id: {edition_id}
kind: plan
title: {yaml_scalar(f"{plan.partnership['name']} Plan {start}–{end}")}
period:
  start: {start}
  end: {end}
published:
  date: "{PLACEHOLDER}: the date the plan was approved, as {start}-04-01 or {start}"
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


def _markers(project_dir: Path) -> list[tuple[str, int, str]]:
    """(file, line, text) for every line under plan_data/ (its YAML, outside comments) and of the
    hand-written pages in docs/ that still says FILL IN."""
    found = []
    project_dir = Path(project_dir)
    pages = sorted((project_dir / "docs").rglob("*.md"))
    for path in sorted((project_dir / "plan_data").rglob("*.yaml")) + pages:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # validation reports a file it cannot read
        is_yaml = path.suffix == ".yaml"
        for number, line in enumerate(text.splitlines(), start=1):
            # In YAML a '#' starts a comment; in Markdown it is a heading, which is published.
            if PLACEHOLDER in line and not (is_yaml and line.lstrip().startswith("#")):
                found.append((path.relative_to(project_dir).as_posix(), number, line.strip()))
    return found


def placeholders_left(project_dir: Path) -> list[str]:
    """'file:line: text' for every line under plan_data/ and docs/ that still says FILL IN."""
    return [f"{file}:{line}: {text}" for file, line, text in _markers(project_dir)]


_SOURCE_ENTRY = re.compile(r"^\s*-\s*id:\s*([^\s#]+)")


def unfinished_markers(project_dir: Path, plan: Plan) -> list[str]:
    """The FILL IN lines that stop a build or publish: 'file:line: text' for each, in any file
    except a draft edition and a source document that only draft editions cite (none at all while
    every edition is a draft). The hand-written pages are in every edition, as the partnership is."""
    drafts = {ident for ident, edition in plan.editions.items() if edition["status"] == "draft"}
    if drafts == set(plan.editions):
        return []  # every page of every edition says it is a draft: nothing passes for approved
    draft_files = {plan.edition_files[ident] for ident in drafts}
    cited_by: dict[str, set] = {}
    for ident, edition in plan.editions.items():
        for _, source in source_refs(edition):
            cited_by.setdefault(source, set()).add(ident)
    # Measures, figures and the partnership publish their sources in every edition.
    published_everywhere = {s for _, s in source_refs(measures_as_dicts(plan.measures))} | {s for _, s in source_refs(plan.partnership)}
    published_everywhere |= {f.source for figures in plan.figures.values() for f in figures}
    blocking = []
    lines_of: dict[str, list[str]] = {}
    for file, number, text in _markers(project_dir):
        if file in draft_files:
            continue
        if file.endswith("sources.yaml"):
            lines = lines_of.setdefault(file, (Path(project_dir) / file).read_text(encoding="utf-8").splitlines())
            entry = next((m[1] for line in reversed(lines[:number]) if (m := _SOURCE_ENTRY.match(line))), None)
            citers = cited_by.get(entry, set())
            if entry not in published_everywhere and citers and citers <= drafts:
                continue
        blocking.append(f"{file}:{number}: {text}")
    return blocking
