"""Command-line driver: parses arguments and calls plansite.commands."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import commands


#: How each entry point is typed, for --help and for the commands messages advise: the
#: console script that `pip install` gives, and this repository's own build_plan.py (run
#: with the .venv that `make site` makes).
PROGRAMS = {"plansite": "plansite", "build_plan.py": ".venv/bin/python build_plan.py"}


def parser(prog: str = "plansite") -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog=prog,
        description="Build the partnership's plan website from the YAML and CSV files in plan_data/.",
    )
    main.add_argument("--project", type=Path, default=Path("."), help="the project folder (default: this folder)")
    sub = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = sub.add_parser("validate", help="check everything in plan_data/ and list every problem")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    build = sub.add_parser("build", help="check plan_data/ and build the whole site into site/")
    build.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    build.add_argument("--no-strict", action="store_true", help="do not stop on MkDocs warnings")
    build.add_argument("--jobs", type=int, default=None, help="editions to build at once (default: one per core)")
    serve = sub.add_parser("serve", help="preview one edition in your browser, reloading on every save")
    serve.add_argument("--edition", help="the edition id to preview (default: the current one)")
    serve.add_argument("--language", help="the language to preview, such as pl (default: English)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    publish = sub.add_parser("publish", help="build every edition in every language and commit the site to a git branch (GitHub Pages)")
    publish.add_argument("--branch", default="gh-pages", help="the branch to publish to (default: gh-pages)")
    publish.add_argument("--push", action="store_true", help="push the branch to the remote afterwards")
    words = sub.add_parser("translations", help="PO files for translators: extract them, or see their status")
    words.add_argument("action", choices=["extract", "status"])
    words.add_argument("--language", action="append", help="only this language (repeatable)")
    sub.add_parser("check", help="check the plain-language summaries: reading age, long sentences, passive voice")
    sub.add_parser("new-refresh", help="outline the next annual refresh of the current plan")
    sub.add_parser("new-plan", help="outline the next three-year plan")
    start = sub.add_parser("init", help="start a new partnership's project in a folder, ready to fill in")
    start.add_argument("folder", type=Path, help="the folder to make the project in (new, or empty)")
    start.add_argument("--name", required=True, help="the partnership's full name, such as \"Safer Exampletown Partnership\"")
    start.add_argument("--area", required=True, help="the place it serves, such as Exampletown: it names your own figures")
    start.add_argument("--short-name", help="a shorter name for page titles (default: the name)")
    start.add_argument("--force", action="store_true",
                       help="add the files to a folder that is not empty (no existing file is overwritten)")
    reference = sub.add_parser("reference", help="write DATA-REFERENCE.md: every plan-data file's fields, from the schemas")
    reference.add_argument("--stdout", action="store_true", help="print it instead of writing the file")
    return main


def main(argv: list[str] | None = None, prog: str = "plansite") -> int:
    """Run one command; prog is the entry point ("plansite" or "build_plan.py")."""
    args = parser(prog).parse_args(argv)
    project = args.project.resolve()
    program = PROGRAMS.get(prog, prog)
    try:
        if args.command == "init":
            import datetime

            print(commands.init(args.folder, name=args.name, area=args.area, short_name=args.short_name,
                                start_year=datetime.date.today().year, force=args.force,
                                program=program))
            return 0
        if args.command == "validate":
            valid, report = commands.validate(project, as_json=args.json, program=program)
            print(report)
            return 0 if valid else 1
        if args.command == "build":
            print(commands.build(project, args.site_dir or project / "site", strict=not args.no_strict, jobs=args.jobs,
                                 program=program))
            return 0
        if args.command == "translations":
            print(commands.translations(project, args.action, args.language, program=program))
            return 0
        if args.command == "check":
            ok, report = commands.check(project, program=program)
            print(report)
            return 0 if ok else 1
        if args.command == "publish":
            print(commands.publish(project, branch=args.branch, push=args.push, program=program))
            return 0
        if args.command in ("new-refresh", "new-plan"):
            print(commands.scaffold(project, args.command.removeprefix("new-"), program=program))
            return 0
        if args.command == "reference":
            print(commands.reference(project, to_stdout=args.stdout), end="" if args.stdout else "\n")
            return 0
        if args.command == "serve":
            commands.serve(project, edition=args.edition, dev_addr=args.dev_addr, language=args.language,
                           program=program)
            return 0
    except commands.CommandFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped early, as `validate | head` does: not our error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 2
