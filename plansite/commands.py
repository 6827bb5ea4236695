"""The commands people run, as plain functions. The CLI only parses arguments."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import PlanDataInvalid, format_json, format_report
from .render import EDITION_VARIABLE, LANGUAGE_VARIABLE, BuildError, build_site
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
    return (f"Built {len(report.built)} and kept {len(report.reused)} unchanged editions and translations "
            f"in {site_dir}/. "
            f"Open {site_dir}/index.html, or preview with `python build_plan.py serve`. "
            f"The current plan is at {site_dir}/{current}/.{warning}")


def serve(project_dir: Path, *, edition: str | None, dev_addr: str, language: str | None = None) -> None:
    """Preview one edition, in one language, with live reload while plan_data/ and docs/ are edited."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    try:
        plan = load_valid_plan(project_dir)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report()) from None
    edition = edition or plan.current_edition_id()
    if edition not in plan.editions:
        raise CommandFailed(f"There is no edition '{edition}'. Choose one of: {', '.join(sorted(plan.editions))}.")
    codes = [lang["code"] for lang in plan.languages]
    if language and language not in codes:
        raise CommandFailed(f"There is no language '{language}' in plan_data/languages.yaml. "
                            f"Choose one of: {', '.join(codes)}, or add it there.")
    os.environ[EDITION_VARIABLE] = edition
    if language:
        os.environ[LANGUAGE_VARIABLE] = language
    in_language = f" in {language}" if language else ""
    print(f"Previewing {plan.editions[edition]['title']}{in_language} at http://{dev_addr}/ "
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


def publish(project_dir: Path, *, branch: str, push: bool, echo=print) -> str:
    """Publish every edition with mike to a git branch (for GitHub Pages), one version each."""
    import shutil
    import subprocess

    project_dir = Path(project_dir)
    try:
        plan = load_valid_plan(project_dir)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report()) from None
    mike = shutil.which("mike", path=str(Path(sys.executable).parent)) or shutil.which("mike")
    if mike is None:
        raise CommandFailed("mike is not installed. Run `.venv/bin/pip install mike`, then try again.")
    env = dict(os.environ)
    # mike runs `mkdocs build`; make sure it finds this environment's MkDocs.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop(EDITION_VARIABLE, None)
    current = plan.current_edition_id()
    editions = list(reversed(plan.editions_newest_first()))
    for number, edition in enumerate(editions, start=1):
        echo(f"[{number}/{len(editions)}] Publishing {edition['title']} to the branch {branch}")
        command = [mike, "deploy", "--branch", branch, "--title", edition["title"], "--update-aliases", edition["id"]]
        if edition["id"] == current:
            command.append("latest")
        if push:
            command.append("--push")
        result = subprocess.run(command, cwd=project_dir, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise CommandFailed(f"mike could not publish '{edition['id']}':\n{result.stderr.strip()}\n"
                                "Check that this folder is a git repository with at least one commit, then try again.")
    command = [mike, "set-default", "--branch", branch, "latest"] + (["--push"] if push else [])
    result = subprocess.run(command, cwd=project_dir, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandFailed(f"mike could not set the default version:\n{result.stderr.strip()}")
    where = "It was pushed" if push else f"Push it with `git push origin {branch}`"
    return f"Published {len(editions)} editions to the branch {branch}, with 'latest' as the default. {where}."


def check(project_dir: Path) -> tuple[bool, str]:
    """Readability of every plain-language summary; (all meet the target, report)."""
    from .readability import check_plan, format_report

    try:
        plan = load_valid_plan(project_dir)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report()) from None
    results = check_plan(plan)
    return all(r.meets_target for r in results), format_report(results)


def translations(project_dir: Path, action: str, languages: list[str] | None = None) -> str:
    """`extract` creates or updates the PO files; `status` counts what is translated."""
    from . import translations as stage

    try:
        plan = load_valid_plan(project_dir)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report()) from None
    known = [lang["code"] for lang in stage.translated_languages(plan)]
    unknown = [code for code in languages or [] if code not in known]
    if unknown:
        raise CommandFailed(f"{', '.join(unknown)} is not in plan_data/languages.yaml. Add it there first "
                            f"(known: {', '.join(known) or 'none'}).")
    if action == "extract":
        written = stage.extract(Path(project_dir), plan, languages)
        return (f"Wrote {len(written)} PO files under plan_data/{stage.TRANSLATIONS_DIR}/. Open them in a PO "
                "editor such as Poedit; texts whose English changed are marked fuzzy (needs review).")
    return stage.status_report(Path(project_dir), plan)
