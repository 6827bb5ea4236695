"""The commands people run, as plain functions. The CLI only parses arguments."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import PlanDataInvalid, format_json, format_report
from .render import EDITION_VARIABLE, BuildError, build_site
from .scaffold import ScaffoldError, new_plan, new_refresh, placeholders_left
from .validate import check_project, load_valid_plan


class CommandFailed(Exception):
    """A command could not do its job; the message tells the user what to do next."""


def validate(project_dir: Path, *, as_json: bool = False) -> tuple[bool, str]:
    """Check everything under plan_data/; return (valid, report)."""
    project, figures, errors = check_project(project_dir)
    errors = PlanDataInvalid(errors).errors if errors else []
    if as_json:
        return not errors, format_json(errors)
    if errors:
        return False, format_report(errors)
    left = placeholders_left(project_dir)
    if left:
        return True, ("The plan data is valid, but these lines still say FILL IN:\n  " + "\n  ".join(left))
    count = sum(len(rows) for rows in figures.values())
    return True, (f"The plan data is valid: {len(project.editions)} editions, {len(figures)} measures, "
                  f"{count} figures.")


def build(project_dir: Path, site_dir: Path, *, strict: bool = True, jobs: int | None = None) -> str:
    """Build every edition into site_dir; leave site_dir untouched on any failure."""
    try:
        report = build_site(project_dir, site_dir, strict=strict, jobs=jobs)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report()) from None
    except BuildError as error:
        raise CommandFailed(str(error)) from None
    plan = report.plan
    current = plan.current_edition_id()
    left = placeholders_left(project_dir)
    warning = (f"\nWarning: {len(left)} lines under plan_data/ still say FILL IN; "
               "`python build_plan.py validate` lists them." if left else "")
    return (f"Built {len(report.built)} and kept {len(report.reused)} unchanged editions in {site_dir}/. "
            f"Open {site_dir}/index.html, or preview with `python build_plan.py serve`. "
            f"The current plan is at {site_dir}/{current}/.{warning}")


def serve(project_dir: Path, *, edition: str | None, dev_addr: str) -> None:
    """Preview one edition with live reload while plan_data/ and docs/ are edited."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    try:
        plan = load_valid_plan(project_dir)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report()) from None
    edition = edition or plan.current_edition_id()
    if edition not in plan.editions:
        raise CommandFailed(f"There is no edition '{edition}'. Choose one of: {', '.join(sorted(plan.editions))}.")
    os.environ[EDITION_VARIABLE] = edition
    print(f"Previewing {plan.editions[edition]['title']} at http://{dev_addr}/ "
          "(it reloads when you save a file in plan_data/ or docs/; press Ctrl+C to stop).", file=sys.stderr)
    try:
        mkdocs_serve(config_file=str(Path(project_dir) / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    except MkDocsException as error:
        raise CommandFailed(f"The preview stopped: {error}") from None


def scaffold(project_dir: Path, what: str) -> str:
    """Outline the next refresh ('refresh') or plan ('plan') in plan_data/."""
    try:
        plan = load_valid_plan(project_dir)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report() + "\nFix these before starting a new edition.") from None
    try:
        outline = (new_refresh if what == "refresh" else new_plan)(Path(project_dir), plan)
    except ScaffoldError as error:
        raise CommandFailed(str(error)) from None
    return (f"Created {outline.edition_file.relative_to(project_dir)} and an entry '{outline.source_id}' in "
            "plan_data/sources.yaml.\nComplete every line that says FILL IN, check with "
            "`python build_plan.py validate`, then build. The new edition becomes the current plan "
            "and the previous one is archived.")
