"""The commands people run, as plain functions. The CLI only parses arguments."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import REPOSITORY_PROGRAM, PlanDataInvalid, command, count, format_json, format_report, format_warnings, sort_errors
from .model import Plan
from .prepare import BuildError, EditionRequest
from .reference import markdown as reference_markdown
from .render import BUILD_STATE, build_site, check_site_config
from .scaffold import ScaffoldError, new_plan, new_refresh, placeholders_left, unfinished_markers
from .starter import StarterError, create_project
from .validate import check_project, load_valid_plan, plan_from, publishing_problems


class CommandFailed(Exception):
    """A command could not do its job; the message tells the user what to do next."""


#: What build and publish say when they stop before changing anything.
NOTHING_PUBLISHED = "Nothing was published."


# Every command takes `program`: how the user runs this tool (REPOSITORY_PROGRAM, or
# "plansite"), so that the commands its messages advise work as written.


def load_plan(project_dir: Path, *, stopped: str = "", then: str = "", program: str = REPOSITORY_PROGRAM) -> Plan:
    """The validated plan, or CommandFailed with every problem; `stopped` says what did not
    happen (build and publish: nothing was published), `then` what to do after fixing them."""
    try:
        return load_valid_plan(project_dir)
    except PlanDataInvalid as invalid:
        raise CommandFailed(invalid.report(stopped=stopped, program=program)
                            + (f"\n{then}" if then else "")) from None


def validate(project_dir: Path, *, as_json: bool = False, program: str = REPOSITORY_PROGRAM) -> tuple[bool, str]:
    """Check everything under plan_data/; return (valid, report). Warnings (data that no page
    shows) are reported too, and do not make the data invalid."""
    unread = []
    project, figures, errors = check_project(project_dir, unread)
    errors = sort_errors(errors)
    plan = None if errors else plan_from(project, figures, unread)
    warnings = [] if plan is None else plan.warnings
    unpublishable = [] if plan is None else publishing_problems(plan, publishing=False)
    if as_json:
        return not errors, format_json(errors, warnings + unpublishable)
    left = placeholders_left(project_dir)
    fill_in = ("These lines still say FILL IN; build and publish refuse an edition that does, unless it "
               "says 'status: draft':\n  " + "\n  ".join(left)) if left else ""
    if errors:
        return False, format_report(errors, program=program) + (f"\n\n{fill_in}" if fill_in else "")
    figure_count = sum(len(rows) for rows in figures.values())
    parts = [f"The plan data is valid: {count(len(project.editions), 'edition')}, "
             f"{count(len(figures), 'measure')}, {count(figure_count, 'figure')}."]
    if warnings:
        parts.append(format_warnings(warnings))
    if unpublishable:
        parts.append(before_publishing(unpublishable))
    if fill_in:
        parts.append(fill_in)
    return True, "\n\n".join(parts)


def unfinished(plan: Plan, project_dir: Path) -> str:
    """Why the plan cannot be published while lines still say FILL IN, or '' when it can."""
    blocking = unfinished_markers(Path(project_dir), plan)
    if not blocking:
        return ""
    return ("These lines still say FILL IN, so the editions they belong to cannot be published:\n  "
            + "\n  ".join(blocking)
            + "\nComplete each of them. To build an edition before it is finished, write 'status: draft' "
              "in it: a draft is published with a notice saying so, and never becomes the current plan.")


def before_publishing(problems: list) -> str:
    """For validate and build: what the data still lacks to be published (a preview builds without it)."""
    return ("Before this can be published:\n\n" + "\n\n".join(p.format() for p in problems)) if problems else ""


def warnings_summary(plan: Plan, program: str = REPOSITORY_PROGRAM) -> str:
    """For the end of a build: what is valid but on no page, in one line each."""
    if not plan.warnings:
        return ""
    lines = [f"{w.location()}: {w.message}" for w in sort_errors(plan.warnings)]
    return (f"\n{count(len(lines), 'warning')}: shown on no page of the site:\n  " + "\n  ".join(lines)
            + f"\n{command('validate', program=program)} says how to attach each one.")


def build(project_dir: Path, site_dir: Path, *, strict: bool = True, jobs: int | None = None,
          leaflet_cache: Path | None = None, program: str = REPOSITORY_PROGRAM) -> str:
    """Build every edition into site_dir; leave site_dir untouched on any failure. Leaflets are
    cached in leaflet_cache (default: the project's .cache/leaflets/)."""
    plan = load_plan(project_dir, stopped=NOTHING_PUBLISHED, program=program)
    refused = unfinished(plan, project_dir)
    if refused:
        raise CommandFailed(f"{refused}\n{NOTHING_PUBLISHED}")
    try:
        report = build_site(project_dir, site_dir, strict=strict, jobs=jobs, plan=plan,
                            leaflet_cache=leaflet_cache)
    except BuildError as error:
        raise CommandFailed(str(error)) from None
    current = plan.current_edition_id()
    left = placeholders_left(project_dir)
    drafts = (f"\nNote: {count(len(left), 'line')} in draft editions (or the sources only they "
              f"cite) still say FILL IN; {command('validate', program=program)} lists them." if left else "")
    if plan.has_current():
        leads = f"The current plan is at {site_dir}/{current}/."
    else:
        leads = (f"No plan is approved yet: the site leads to the draft at {site_dir}/{current}/, and every "
                 "page says it is a draft.")
        drafts = (f"\nNote: {count(len(left), 'line')} still say FILL IN; {command('validate', program=program)} lists "
                  "them." if left else "")
    unpublishable = publishing_problems(plan, publishing=False)
    missing = f"\n\n{before_publishing(unpublishable)}" if unpublishable else ""
    return (f"Built {len(report.built)} and kept {len(report.reused)} unchanged editions and translations "
            f"in {site_dir}/. "
            f"Open {site_dir}/index.html, or preview with {command('serve', program=program)}. "
            f"{leads}{drafts}{warnings_summary(plan, program)}{missing}")


def serve(project_dir: Path, *, edition: str | None, dev_addr: str, language: str | None = None,
          echo=lambda line: print(line, file=sys.stderr), program: str = REPOSITORY_PROGRAM) -> None:
    """Preview one edition, in one language, with live reload while plan_data/ and docs/ are edited."""
    from .preview import serve_preview

    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandFailed(f"'{dev_addr}' is not an address to serve on. Give a host and a port, for example "
                            f"{command('serve', '--dev-addr', '127.0.0.1:8001', program=program)}.")
    plan = load_plan(project_dir, then="The preview starts once the data is valid.", program=program)
    edition = edition or plan.current_edition_id()
    if edition not in plan.editions:
        raise CommandFailed(f"There is no edition '{edition}'. Choose one of: {', '.join(sorted(plan.editions))}.")
    codes = [lang["code"] for lang in plan.languages]
    if language and language not in codes:
        raise CommandFailed(f"There is no language '{language}' in plan_data/languages.yaml. "
                            f"Choose one of: {', '.join(codes)}, or add it there.")
    try:
        check_site_config(Path(project_dir))
    except BuildError as error:
        raise CommandFailed(str(error)) from None
    in_language = f" in {language}" if language else ""
    echo(f"Previewing {plan.editions[edition]['title']}{in_language} at http://{dev_addr}/ "
         "(it rebuilds when you save a file in plan_data/ or docs/; press Ctrl+C to stop).")
    from mkdocs.exceptions import MkDocsException

    try:
        serve_preview(Path(project_dir) / "mkdocs.yml", dev_addr, echo, EditionRequest(edition, language, program=program))
    except MkDocsException as error:  # mkdocs.yml itself cannot be read
        raise CommandFailed(f"The preview stopped: {error}") from None
    except OSError as error:  # most often: the address is in use
        raise CommandFailed(f"The preview could not start at {dev_addr}: {error.strerror or error}. "
                            f"Stop the other preview, or choose another address, for example "
                            f"{command('serve', '--dev-addr', '127.0.0.1:8001', program=program)}.") from None


def scaffold(project_dir: Path, what: str, *, program: str = REPOSITORY_PROGRAM) -> str:
    """Outline the next refresh ('refresh') or plan ('plan') in plan_data/."""
    plan = load_plan(project_dir, then="Fix these before starting a new edition.", program=program)
    try:
        outline = (new_refresh if what == "refresh" else new_plan)(Path(project_dir), plan, program=program)
    except ScaffoldError as error:
        raise CommandFailed(str(error)) from None
    return (f"Created {outline.edition_file.relative_to(project_dir)} and an entry '{outline.source_id}' in "
            f"plan_data/sources.yaml.\nComplete every line that says FILL IN (the date first: until it is "
            f"filled in, {command('validate', program=program)} reports it), then build. The new edition becomes the "
            "current plan and the previous one is archived; write 'status: draft' in it to build it "
            "before it is finished.")


def publish(project_dir: Path, *, branch: str, push: bool, echo=print, program: str = REPOSITORY_PROGRAM) -> str:
    """Build the whole site (every edition, in every language) as `build` does, in a temporary
    folder, and commit it to a git branch in mike's layout, for GitHub Pages. site/ is left
    exactly as it was."""
    import shutil
    import tempfile

    project_dir = Path(project_dir)
    plan = load_plan(project_dir, stopped=NOTHING_PUBLISHED, program=program)
    refused = unfinished(plan, project_dir)
    if refused:
        raise CommandFailed(f"{refused}\n{NOTHING_PUBLISHED}")
    missing = publishing_problems(plan, publishing=True)
    if missing:
        raise CommandFailed(format_report(missing, stopped=NOTHING_PUBLISHED))
    git_dir = _git(project_dir, "rev-parse", "--git-dir", fail=(
        "This folder is not a git repository. Run `git init` and commit the project, then try again."))
    _git(project_dir, "rev-parse", "--verify", "HEAD", fail=(
        "The git repository has no commit yet. Commit the project (`git add -A && git commit`), then try again."))
    with tempfile.TemporaryDirectory(prefix="plan-publish-") as scratch:
        out = Path(scratch) / "site"
        previous = project_dir / "site"
        if (previous / BUILD_STATE).is_file():
            # Start from a copy of the last build, so unchanged editions are kept, not rebuilt.
            shutil.copytree(previous, out, symlinks=True)
        try:
            report = build_site(project_dir, out, plan=plan, echo=echo)
        except BuildError as error:
            raise CommandFailed(f"{error}\n{NOTHING_PUBLISHED}") from None
        (out / BUILD_STATE).unlink(missing_ok=True)  # ours, not the public's
        (out / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve the files as they are
        commit = _commit_tree(project_dir, Path(git_dir), out, branch, Path(scratch) / "index",
                              f"Publish {plan.editions[plan.current_edition_id()]['title']} and every other edition")
    folders = len(report.built) + len(report.reused)
    if push:
        _git(project_dir, "push", "origin", f"refs/heads/{branch}:refs/heads/{branch}",
             fail=f"The branch {branch} was published locally, but could not be pushed")
    where = "It was pushed to origin" if push else f"Push it with `git push origin {branch}`"
    return (f"Published {len(plan.editions)} editions ({folders} builds, with their translations) to the "
            f"branch {branch} (commit {commit[:12]}), with 'latest' leading to the current one. {where}."
            f"{warnings_summary(plan, program)}")


def _git(project_dir: Path, *args: str, fail: str, env: dict | None = None, input: str | None = None) -> str:
    import subprocess

    try:
        result = subprocess.run(["git", *args], cwd=project_dir, env=env, input=input,
                                capture_output=True, text=True)
    except FileNotFoundError:
        raise CommandFailed("git is not installed. Install it (on Debian: `apt-get install git`), "
                            "then try again.") from None
    if result.returncode != 0:
        raise CommandFailed(f"{fail}\n(git {args[0]}: {result.stderr.strip()})")
    return result.stdout.strip()


def _commit_tree(project_dir: Path, git_dir: Path, tree: Path, branch: str, index: Path, message: str) -> str:
    """Commit the folder `tree` as the whole content of `branch`, on top of the branch's last
    commit, without touching the work tree, the index or HEAD (a separate index is used)."""
    env = dict(os.environ, GIT_INDEX_FILE=str(index), GIT_DIR=str((project_dir / git_dir).resolve()),
               GIT_WORK_TREE=str(tree))
    fail = f"The site could not be committed to the branch {branch}"
    parent = None
    try:
        parent = _git(project_dir, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", fail=fail, env=env)
    except CommandFailed:
        pass  # a new branch
    # -f: the site is published whole, whatever the project's .gitignore says (such as site/).
    _git(tree, "add", "-A", "-f", ".", fail=fail, env=env)
    written = _git(tree, "write-tree", fail=fail, env=env)
    command_args = ["commit-tree", written, "-m", message] + (["-p", parent] if parent else [])
    commit = _git(tree, *command_args, fail=(
        f"{fail}. If git asks who you are, run `git config user.name \"Your Name\"` and "
        "`git config user.email you@example.org`, then try again"), env=env)
    _git(tree, "update-ref", f"refs/heads/{branch}", commit, *([parent] if parent else []), fail=fail, env=env)
    return commit


def check(project_dir: Path, *, program: str = REPOSITORY_PROGRAM) -> tuple[bool, str]:
    """Readability of every plain-language summary; (all meet the target, report)."""
    from .readability import check_plan, format_report

    plan = load_plan(project_dir, program=program)
    results = check_plan(plan)
    return all(r.meets_target for r in results), format_report(results)


def translations(project_dir: Path, action: str, languages: list[str] | None = None, *,
                 program: str = REPOSITORY_PROGRAM) -> str:
    """`extract` creates or updates the PO files; `status` counts what is translated."""
    from . import translations as stage

    plan = load_plan(project_dir, program=program)
    known = [lang["code"] for lang in stage.translated_languages(plan)]
    unknown = [code for code in languages or [] if code not in known]
    if unknown:
        raise CommandFailed(f"{', '.join(unknown)} is not in plan_data/languages.yaml. Add it there first "
                            f"(known: {', '.join(known) or 'none'}).")
    if action == "extract":
        written = stage.extract(Path(project_dir), plan, languages)
        outside = sorted({p.parent.relative_to(project_dir).as_posix() for p in written
                          if p.is_relative_to(project_dir) and not p.is_relative_to(project_dir / "plan_data")})
        # In the tool's own repository, the site's words are the tool's (plansite/locale/).
        also = f" and {', '.join(f'{folder}/' for folder in outside)}" if outside else ""
        return (f"Wrote {len(written)} PO files under plan_data/{stage.TRANSLATIONS_DIR}/{also}. Open them in a "
                "PO editor such as Poedit; texts whose English changed are marked fuzzy (needs review).")
    return stage.status_report(Path(project_dir), plan)


def reference(project_dir: Path, *, to_stdout: bool = False) -> str:
    """The data reference (DATA-REFERENCE.md), made from the schemas: written into the project
    folder, or returned whole for printing."""
    text = reference_markdown()
    if to_stdout:
        return text
    target = project_dir / "DATA-REFERENCE.md"
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as problem:
        raise CommandFailed(f"Could not write {target}: {problem.strerror or problem}.") from None
    return f"Wrote {target.name}: every plan-data file's fields, from the schemas."


def init(project_dir: Path, *, name: str, area: str, short_name: str | None = None, start_year: int,
         force: bool = False, program: str = REPOSITORY_PROGRAM) -> str:
    """Start a new partnership's project in project_dir: the starter files (see plansite.starter)
    and the data reference, DATA-REFERENCE.md. `program` is how the user runs the tool, for the
    commands the message advises."""
    try:
        made = create_project(project_dir, name=name, area=area, short_name=short_name,
                              start_year=start_year, force=force)
    except StarterError as error:
        raise CommandFailed(str(error)) from None
    reference_file = Path(project_dir) / "DATA-REFERENCE.md"
    if not reference_file.exists():  # --force keeps a file that is there
        try:
            reference_file.write_text(reference_markdown(), encoding="utf-8")
        except OSError as problem:
            raise CommandFailed(f"Could not write {reference_file}: {problem.strerror or problem}.") from None
    folder = Path(project_dir)
    return (f"Made a new project in {folder}/ ({count(len(made.written) + 1, 'file')}). Every value to "
            f"complete says FILL IN, and its plan ({made.edition_file}) is a draft, so the site says so on "
            f"every page.\nNext: read {folder / 'README.md'}, then, in that folder, run `{program} validate` "
            f"and `{program} build`.")
