"""Render stage: build every edition with MkDocs into one site folder.

Each edition is its own MkDocs site under site/<edition id>/, the layout mike
uses, so a static host serves every edition side by side. Editions are built in a
temporary folder and moved into site/ only when every one of them built: a failed
build never leaves a half-written or empty site behind.
"""
from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import PlanDataInvalid
from .leaflet import CHROMIUM, leaflet_html, leaflet_path, render_pdf
from .model import Plan
from .opendata import DataFile, edition_data_files
from .translations import Translator, translated_languages
from .pages import (DirectiveError, Page, abbreviation_definitions, edition_figures, edition_nav, edition_page_paths,
                    edition_pages, expand_measure_directives, page_banner)
from .validate import load_valid_plan
from .versions import edition_measure_ids, resolve_edition

#: The environment variable that tells the MkDocs hook which edition to build.
EDITION_VARIABLE = "PLAN_EDITION"
MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"


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

    def page_markdown(self, markdown: str, page_path: str) -> str:
        """A page's Markdown with its measure directives expanded and the glossary's
        abbreviations defined, so every occurrence gets an <abbr> with its expansion."""
        try:
            markdown = expand_measure_directives(markdown, self.plan, self.edition_id, page_path)
        except DirectiveError as error:
            raise BuildError(str(error)) from None
        definitions = abbreviation_definitions(self.plan)
        return markdown + ("\n\n" + definitions + "\n" if definitions else "")


#: Where the accessibility tests leave their results, for the accessibility statement.
TEST_REPORT = ".cache/accessibility/report.json"


def read_test_report(project_dir: Path) -> dict | None:
    try:
        return json.loads((Path(project_dir) / TEST_REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


#: Where compiled templates are kept between builds; safe to delete at any time.
TEMPLATE_CACHE = ".cache/templates"


def template_cache(project_dir: Path):
    """A Jinja bytecode cache in the project, shared by every edition's build."""
    from jinja2 import FileSystemBytecodeCache

    if os.environ.get("PLANSITE_TEMPLATE_CACHE") == "off":  # for benchmarks that compare with plain MkDocs
        return None
    folder = Path(project_dir) / TEMPLATE_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


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
    # mike names the version it deploys in MIKE_DOCS_VERSION; use it as the edition id.
    edition_id = (os.environ.get(EDITION_VARIABLE) or os.environ.get(MIKE_VERSION_VARIABLE)
                  or plan.current_edition_id())
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
    current = plan.current_edition_id()
    current_sources = edition_page_paths(plan, current) + _handwritten_pages(config)
    report = read_test_report(project_dir)
    data_files = edition_data_files(plan, edition_id)
    resolved = resolve_edition(plan, edition_id)
    pdf = render_pdf(leaflet_html(plan, resolved), project_dir)
    if pdf is not None:
        data_files.append(DataFile(leaflet_path(edition_id), pdf))
    # A leaflet in each language whose translators have done this edition's summary.
    translated_leaflets = []
    for language in translated_languages(plan):
        translator = Translator(project_dir, language["code"])
        if translator.lookup(edition_id, "summary", resolved["summary"]) is None:
            continue
        translated_pdf = render_pdf(leaflet_html(plan, resolved, translator), project_dir)
        if translated_pdf is not None:
            path = leaflet_path(edition_id, language["code"])
            data_files.append(DataFile(path, translated_pdf))
            translated_leaflets.append((language["code"], language["name"], path))
    pages = edition_pages(plan, edition_id, report, leaflet=leaflet_path(edition_id) if pdf else None,
                          translated_leaflets=translated_leaflets)
    return EditionBuild(edition_id, pages, data_files, plan, {page_url(path) for path in current_sources})


def _handwritten_pages(config) -> list[str]:
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


def write_latest_alias(site: Path, plan: Plan, source: Path) -> None:
    """latest/<page> leads to the same page of the current edition (built in source), so links
    to 'latest' never go stale.

    Redirect pages rather than a copy or a symbolic link: every static host serves them."""
    current = plan.editions[plan.current_edition_id()]
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


#: Where a built site remembers what each edition was built from.
BUILD_STATE = ".build-state.json"

#: Files whose change can alter every page: the theme, hand-written pages, translations, our code.
_TEMPLATE_INPUTS = ("mkdocs.yml", "docs", "overrides", "hooks", "plan_data/translations")


def _inputs_digest(project_dir: Path) -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent
    paths = [project_dir / name for name in _TEMPLATE_INPUTS] + [package]
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def edition_build_key(plan: Plan, edition_id: str, templates_digest: str, test_report: dict | None = None) -> str:
    """A fingerprint of everything one edition's pages are made from.

    Besides the edition and the figures it shows, every page mentions the other editions
    (the editions and history pages, the archive banner), so their titles, periods,
    statuses and priorities are part of it; their text and figures are not."""
    edition = resolve_edition(plan, edition_id)
    measure_ids = edition_measure_ids(edition)
    payload = {
        "edition": edition,
        "figures": {m: [(f.period_text, f.series, f.value, f.is_percent, f.source, f.note)
                        for f in edition_figures(plan, edition, m)] for m in measure_ids},
        "measures": {m: plan.measures[m] for m in measure_ids},
        "sources": plan.sources,
        "partnership": plan.partnership,
        "editions": [(e["id"], e["title"], e["status"], e["period"], e["published"], e["kind"],
                      [(i["id"], i["title"], i.get("change")) for kind in ("priorities", "themes")
                       for i in resolve_edition(plan, e["id"])[kind]])
                     for e in plan.editions_newest_first()],
        "templates": templates_digest,
        "accessibility_tests": test_report,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class BuildReport:
    """What a whole-site build did."""

    plan: Plan
    built: list[str]
    reused: list[str]


def _build_in_worker(project_dir: Path, edition_id: str, site_dir: Path, strict: bool, plan: Plan) -> tuple[list[str], str]:
    """Build one edition in a worker process; return MkDocs' warnings and an error message, if any."""
    from mkdocs.exceptions import MkDocsException

    messages: list[str] = []
    logger = logging.getLogger("mkdocs")
    handler = _MkDocsMessages(messages.append)
    logger.addHandler(handler)
    try:
        build_edition(project_dir, edition_id, site_dir, strict=strict, plan=plan)
        return messages, ""
    except (MkDocsException, SystemExit) as failure:
        return messages, str(failure) or failure.__class__.__name__
    finally:
        logger.removeHandler(handler)


def build_site(project_dir: Path, site_dir: Path, *, strict: bool = True, jobs: int | None = None,
               echo: Callable[[str], None] = print) -> BuildReport:
    """Validate plan_data/, build every edition whose inputs changed (in parallel), keep the
    others from the previous build, and change site_dir only when all of it succeeded."""
    project_dir = Path(project_dir).resolve()
    site_dir = Path(site_dir).resolve()
    plan = load_valid_plan(project_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        templates = _inputs_digest(project_dir)
        report = read_test_report(project_dir)
        keys = {e: edition_build_key(plan, e, templates, report) for e in plan.editions}
        try:
            previous = json.loads((site_dir / BUILD_STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        editions = [e["id"] for e in plan.editions_newest_first()]
        reused = [e for e in editions if previous.get(e) == keys[e] and (site_dir / e / "index.html").is_file()]
        to_build = [e for e in editions if e not in reused]
        for edition_id in reused:
            echo(f"Unchanged, kept from the last build: {plan.editions[edition_id]['title']}")
        if to_build and not Path(CHROMIUM).exists():
            echo(f"Note: Chromium ({CHROMIUM}) is not installed, so leaflets that changed since they were "
                 "last printed are left out. Run `bash scripts/install-test-tools.sh --site`, then build again.")
        _build_editions(project_dir, plan, to_build, staging, site_dir, strict, jobs, echo)
        current = plan.current_edition_id()
        write_latest_alias(staging, plan, (staging if current in to_build else site_dir) / current)
        (staging / "index.html").write_text(root_index_html(plan), encoding="utf-8")
        (staging / "versions.json").write_text(
            json.dumps(versions_json(plan), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if reused:
            stale = [e for e in previous if e not in plan.editions]
            _swap_parts(staging, site_dir, to_build + [LATEST, "index.html", "versions.json"], stale)
        else:
            _swap_into_place(staging, site_dir)
        # Written last: if anything above failed, the next build rebuilds what it must.
        _write_atomically(site_dir / BUILD_STATE, json.dumps(keys, indent=2) + "\n")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildReport(plan, to_build, reused)


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _swap_parts(staging: Path, site_dir: Path, names: list[str], stale: list[str]) -> None:
    """Move the rebuilt parts of the site into place one rename each, leaving the unchanged
    editions where they are; everything was built before the first rename."""
    trash = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
    try:
        for name in names + stale:
            if (site_dir / name).exists():
                (site_dir / name).rename(trash / name)
        for name in names:
            (staging / name).rename(site_dir / name)
    finally:
        shutil.rmtree(trash, ignore_errors=True)


def _build_editions(project_dir, plan, edition_ids, staging, site_dir, strict, jobs, echo) -> None:
    if not edition_ids:
        return
    import mkdocs.commands.build  # noqa: F401  imported once here, so forked workers share it

    workers = max(1, min(jobs or os.cpu_count() or 1, len(edition_ids)))
    echo(f"Building {len(edition_ids)} edition{'s' if len(edition_ids) != 1 else ''} "
         f"on {workers} core{'s' if workers != 1 else ''} ...")
    failures = []
    if workers == 1:
        results = ((e, _build_in_worker(project_dir, e, staging / e, strict, plan)) for e in edition_ids)
        _report_builds(results, plan, edition_ids, site_dir, failures, echo)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_build_in_worker, project_dir, e, staging / e, strict, plan): e for e in edition_ids}
            results = ((futures[f], f.result()) for f in as_completed(futures))
            _report_builds(results, plan, edition_ids, site_dir, failures, echo)
    if failures:
        names = ", ".join(f"'{e}' ({error})" for e, error in failures)
        raise BuildError(f"MkDocs could not build the edition {names}. The messages above say what went wrong. "
                         f"Your previous {site_dir.name}/ folder was left as it was.")


def _report_builds(results, plan, edition_ids, site_dir, failures, echo) -> None:
    for number, (edition_id, (messages, error)) in enumerate(results, start=1):
        for message in messages:
            echo(message)
        if error:
            failures.append((edition_id, error))
            echo(f"[{number}/{len(edition_ids)}] FAILED {plan.editions[edition_id]['title']}")
        else:
            echo(f"[{number}/{len(edition_ids)}] Built {plan.editions[edition_id]['title']} "
                 f"-> {site_dir.name}/{edition_id}/")


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
