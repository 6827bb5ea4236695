"""Render stage: build every edition with MkDocs into one site folder.

Each edition is its own MkDocs site under site/<edition id>/, the layout mike
uses, so a static host serves every edition side by side. The build goes to a
temporary folder that replaces site/ only when every edition built: a failed
build never leaves a half-written or empty site behind.
"""
from __future__ import annotations

import html
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import PlanDataInvalid
from .model import Plan
from .opendata import DataFile, edition_data_files
from .pages import DirectiveError, Page, edition_nav, edition_pages, expand_measure_directives, page_banner
from .validate import load_valid_plan

#: The environment variable that tells the MkDocs hook which edition to build.
EDITION_VARIABLE = "PLAN_EDITION"


class BuildError(Exception):
    """A build failed for a reason the user can fix; the message says how."""


@dataclass
class EditionBuild:
    """What the MkDocs hook needs to publish one edition."""

    edition_id: str
    pages: list[Page]
    data_files: list[DataFile]
    plan: Plan
    current_page_urls: set[str]

    def banner(self, page_url: str) -> dict | None:
        """The archive or draft notice for one page, or None on the current edition."""
        return page_banner(self.plan, self.edition_id, page_url, self.current_page_urls)

    def expand_directives(self, markdown: str, page_path: str) -> str:
        """Measures placed in a hand-written page with {{ measure: ID }}."""
        try:
            return expand_measure_directives(markdown, self.plan, self.edition_id, page_path)
        except DirectiveError as error:
            raise BuildError(str(error)) from None


def prepare_edition(project_dir: Path, config) -> EditionBuild:
    """Load and validate plan_data/, then set the MkDocs config up for one edition."""
    # A whole-site build validates once and hands the plan to each edition's build;
    # `mkdocs serve` and `mkdocs build` read plan_data/ afresh on every build.
    plan = getattr(config, "plan_preloaded", None)
    if plan is None:
        try:
            plan = load_valid_plan(project_dir)
        except PlanDataInvalid as invalid:
            raise BuildError(invalid.report()) from None
    edition_id = os.environ.get(EDITION_VARIABLE) or plan.current_edition_id()
    if edition_id not in plan.editions:
        raise BuildError(
            f"There is no edition '{edition_id}' in plan_data/editions/. "
            f"Choose one of: {', '.join(sorted(plan.editions))}."
        )
    edition = plan.editions[edition_id]
    # The same config object can be built more than once (a plugin may rebuild per
    # language), so keep the hand-written nav from mkdocs.yml and rebuild from it.
    if not hasattr(config, "plan_handwritten_nav"):
        config.plan_handwritten_nav = list(config.nav or [])
    config.nav = edition_nav(plan, edition_id) + config.plan_handwritten_nav
    config.site_name = edition["title"]
    config.extra["plan"] = template_context(plan, edition_id)
    current = plan.current_edition_id()
    current_sources = [p.path for p in edition_pages(plan, current)] + _handwritten_pages(project_dir, config)
    return EditionBuild(edition_id, edition_pages(plan, edition_id), edition_data_files(plan, edition_id), plan,
                        {page_url(path) for path in current_sources})


def _handwritten_pages(project_dir: Path, config) -> list[str]:
    docs = Path(config.docs_dir)
    return [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]


def page_url(source_path: str) -> str:
    """The directory URL MkDocs gives a Markdown source: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = source_path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def template_context(plan: Plan, edition_id: str) -> dict:
    """Facts about the edition that the theme's templates show."""
    current = plan.current_edition_id()
    return {
        "edition": edition_id,
        "status": plan.editions[edition_id]["status"],
        "current": current,
        "current_title": plan.editions[current]["title"],
        "partnership": plan.partnership["name"],
    }


#: The alias that always leads to the current edition, as mike names it.
LATEST = "latest"


def versions_json(plan: Plan) -> list[dict]:
    """The editions in mike's versions.json format, which Material's selector reads."""
    current = plan.current_edition_id()
    return [{"version": e["id"], "title": e["title"], "aliases": [LATEST] if e["id"] == current else []}
            for e in plan.editions_newest_first()]


def redirect_html(target: str, title: str, link_text: str) -> str:
    """A page that sends the reader on at once, with a link for browsers that do not follow it."""
    title, link_text = html.escape(title), html.escape(link_text)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
        f"<link rel=\"canonical\" href=\"{target}\">\n</head>\n<body>\n"
        f"<main><h1>{title}</h1>\n<p><a href=\"{target}\">{link_text}</a></p></main>\n"
        "</body>\n</html>\n"
    )


def root_index_html(plan: Plan) -> str:
    """The site root's page: it sends readers to the current edition."""
    current = plan.editions[plan.current_edition_id()]
    return redirect_html(f"{current['id']}/", f"{plan.partnership['name']}: current plan",
                         f"Go to the current plan: {current['title']}")


def write_latest_alias(site: Path, plan: Plan) -> None:
    """latest/<page> leads to the same page of the current edition, so links to 'latest' never go stale.

    Redirect pages rather than a copy or a symbolic link: every static host serves them."""
    current = plan.editions[plan.current_edition_id()]
    source = site / current["id"]
    for page in source.rglob("index.html"):
        relative = page.parent.relative_to(source).as_posix()
        depth = 0 if relative == "." else relative.count("/") + 1
        target = "../" * (depth + 1) + f"{current['id']}/" + ("" if relative == "." else relative + "/")
        out = site / LATEST / page.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirect_html(target, current["title"], f"Go to this page in the {current['title']}"),
                       encoding="utf-8")


class _MkDocsMessages(logging.Handler):
    """Shows MkDocs warnings and errors to the user; they are why a strict build stops."""

    def __init__(self, echo: Callable[[str], None]):
        super().__init__(logging.WARNING)
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        self.echo(f"  {record.levelname.lower()}: {record.getMessage()}")


def build_edition(project_dir: Path, edition_id: str, site_dir: Path, *, strict: bool, plan: Plan | None = None) -> None:
    """Build one edition with MkDocs into site_dir, reusing an already validated plan if given."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    previous = os.environ.get(EDITION_VARIABLE)
    os.environ[EDITION_VARIABLE] = edition_id
    try:
        config = load_config(config_file=str(project_dir / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
        config.plan_preloaded = plan
        build(config)
    finally:
        if previous is None:
            os.environ.pop(EDITION_VARIABLE, None)
        else:
            os.environ[EDITION_VARIABLE] = previous


def build_site(project_dir: Path, site_dir: Path, *, strict: bool = True,
               echo: Callable[[str], None] = print) -> Plan:
    """Validate plan_data/, build every edition, and replace site_dir only on success."""
    from mkdocs.exceptions import MkDocsException

    project_dir = Path(project_dir).resolve()
    site_dir = Path(site_dir).resolve()
    plan = load_valid_plan(project_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    mkdocs_logger = logging.getLogger("mkdocs")
    handler = _MkDocsMessages(echo)
    mkdocs_logger.addHandler(handler)
    try:
        editions = plan.editions_newest_first()
        for number, edition in enumerate(editions, start=1):
            echo(f"[{number}/{len(editions)}] Building {edition['title']} -> {site_dir.name}/{edition['id']}/")
            try:
                build_edition(project_dir, edition["id"], staging / edition["id"], strict=strict, plan=plan)
            except (MkDocsException, SystemExit) as failure:
                raise BuildError(
                    f"MkDocs could not build the edition '{edition['id']}' ({failure}). "
                    "The messages above say what went wrong. "
                    f"Your previous {site_dir.name}/ folder was left as it was."
                ) from None
        (staging / "index.html").write_text(root_index_html(plan), encoding="utf-8")
        write_latest_alias(staging, plan)
        (staging / "versions.json").write_text(
            json.dumps(versions_json(plan), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _swap_into_place(staging, site_dir)
    finally:
        mkdocs_logger.removeHandler(handler)
        shutil.rmtree(staging, ignore_errors=True)
    return plan


def _swap_into_place(staging: Path, site_dir: Path) -> None:
    """Replace site_dir with staging in two renames, so site_dir is never half-written."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
