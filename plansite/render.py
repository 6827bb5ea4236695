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
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .figures.select import edition_figures
from .leaflet import CHROMIUM, default_cache, print_leaflets
from .model import Plan
from .notfound import not_found_html
from .prepare import (BuildError, EditionRequest, edition_languages, edition_leaflets, read_test_report,
                      site_folder, source_date_epoch)
from .translations import Words, default_language
from .urls import edition_folder, get_relative_url
from .validate import load_valid_plan
from .versions import edition_measure_ids, resolve_edition


#: The alias that always leads to the current edition, as mike names it.
LATEST = "latest"


def versions_json(plan: Plan, edition_ids: list[str] | None = None, words: Words | None = None) -> list[dict]:
    """The editions in mike's versions.json format, which Material's selector reads; in another
    language, only the editions published in it, with their short labels in that language."""
    from .pages.editions import edition_label
    from .translations import strip_markers

    current = plan.current_edition_id()
    words = words or Words()
    # The short label, not the full title: the picker's items must fit a 320 px screen.
    return [{"version": e["id"], "title": html.unescape(strip_markers(edition_label(plan, e["id"], words))),
             "aliases": [LATEST] if e["id"] == current else []}
            for e in plan.editions_newest_first() if edition_ids is None or e["id"] in edition_ids]


def redirect_html(target: str, title: str, link_text: str, language: str = "en") -> str:
    """A page that sends the reader on at once, with a link for browsers that do not follow it."""
    title, link_text = html.escape(title), html.escape(link_text)
    return (
        f"<!doctype html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
        f"<link rel=\"canonical\" href=\"{target}\">\n</head>\n<body>\n"
        f"<main><h1>{title}</h1>\n<p><a href=\"{target}\">{link_text}</a></p></main>\n"
        "</body>\n</html>\n"
    )


def root_index_html(plan: Plan) -> str:
    """The site root's page (or a language's root): it sends readers to the current edition."""
    current = plan.editions[plan.current_edition_id()]
    if not plan.has_current():  # a new project: every edition is a draft, and the root says so
        return redirect_html(f"{current['id']}/", f"{plan.partnership['name']}: draft plan",
                             f"Go to the draft plan: {current['title']}")
    return redirect_html(f"{current['id']}/", f"{plan.partnership['name']}: current plan",
                         f"Go to the current plan: {current['title']}")


def write_latest_alias(site: Path, plan: Plan, source: Path) -> None:
    """latest/<page> leads to the same page of the current edition (built in source), so links
    to 'latest' never go stale.

    Redirect pages rather than a copy or a symbolic link: every static host serves them."""
    current = plan.editions[plan.current_edition_id()]
    for page in source.rglob("index.html"):
        relative = page.parent.relative_to(source).as_posix()
        url = "" if relative == "." else relative + "/"
        # latest/ sits beside the editions, in the same language's folder.
        target = get_relative_url(edition_folder(current["id"]) + url, f"{LATEST}/{url}")
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


@contextmanager
def mkdocs_messages() -> Iterator[list[str]]:
    """The warnings and errors MkDocs logs inside the block, as the lines the user is shown."""
    messages: list[str] = []
    logger = logging.getLogger("mkdocs")
    handler = _MkDocsMessages(messages.append)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def build_edition(project_dir: Path, edition_id: str, site_dir: Path, *, strict: bool, plan: Plan | None = None,
                  language: str | None = None, leaflet_cache: Path | None = None,
                  template_cache: bool = True) -> None:
    """Build one edition in one language (the source language when None) with MkDocs into
    site_dir, reusing an already validated plan if given, and leaflets from leaflet_cache
    (default: the project's .cache/leaflets/)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project_dir / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
    add_plan_pages(config, EditionRequest(edition_id, language, plan, leaflet_cache, template_cache))
    build(config)


def add_plan_pages(config, request: EditionRequest) -> None:
    """Hand a loaded MkDocs config the edition and language to build: the hook in mkdocs.yml
    finds this among the plugins and prepares it."""
    from .hook import NAME, PlanPages

    config.plugins[NAME] = PlanPages(request)


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
        "edition": edition.as_dict(),
        "figures": {m: [(f.period_text, f.series, f.value, f.is_percent, f.source, f.note)
                        for f in edition_figures(plan, edition, m)] for m in measure_ids},
        "measures": {m: plan.measures[m].as_dict() for m in measure_ids},
        "sources": plan.sources,
        "partnership": plan.partnership,
        "editions": [(e["id"], e["title"], e["status"], e["period"], e["published"], e["kind"],
                      [(i.id, i.title, i.change) for kind in ("priorities", "themes")
                       for i in resolve_edition(plan, e["id"]).kind_items(kind)])
                     for e in plan.editions_newest_first()],
        "templates": templates_digest,
        "accessibility_tests": test_report,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class BuildReport:
    """What a whole-site build did: the site folders built and kept ('2024-2027', 'pl/2024-2027')."""

    plan: Plan
    built: list[str]
    reused: list[str]


@dataclass(frozen=True)
class _Unit:
    """One edition in one language: one MkDocs build, one folder of the site."""

    edition_id: str
    language: str | None  # None for the source language
    folder: str

    def describe(self, plan: Plan) -> str:
        title = plan.editions[self.edition_id]["title"]
        return title if self.language is None else f"{title} ({self.language})"


def _build_in_worker(project_dir: Path, unit: _Unit, site_dir: Path, strict: bool, plan: Plan,
                     leaflet_cache: Path, template_cache: bool) -> tuple[list[str], str]:
    """Build one edition in one language in a worker process; return MkDocs' warnings and an
    error message, if any."""
    from mkdocs.exceptions import MkDocsException

    with mkdocs_messages() as messages:
        try:
            build_edition(project_dir, unit.edition_id, site_dir, strict=strict, plan=plan, language=unit.language,
                          leaflet_cache=leaflet_cache, template_cache=template_cache)
            return messages, ""
        except (MkDocsException, SystemExit) as failure:
            return messages, str(failure) or failure.__class__.__name__


def _units(project_dir: Path, plan: Plan) -> list[_Unit]:
    source = default_language(plan)
    units = []
    for edition in plan.editions_newest_first():
        for language in edition_languages(project_dir, plan, edition["id"]):
            units.append(_Unit(edition["id"], None if language == source else language,
                               site_folder(plan, language, edition["id"])))
    return units


#: The thin hook a project's mkdocs.yml names, which adds the plan's pages to every build.
HOOK_FILE = "hooks/plan_pages.py"


def check_site_config(project_dir: Path) -> None:
    """mkdocs.yml exists, is valid and names the hook that adds the plan's pages; else one
    message says what to do, rather than one failure per edition."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from . import hook

    path = Path(project_dir) / "mkdocs.yml"
    if not path.is_file():
        raise BuildError(f"There is no mkdocs.yml in {project_dir}, so this is not a plan website's folder. "
                         "Run the command in your project's folder (or give --project FOLDER), or start a new "
                         "project with `plansite init FOLDER`.")
    with mkdocs_messages() as messages:
        try:
            config = load_config(config_file=str(path))
        except (ConfigurationError, SystemExit) as problem:
            raise BuildError("mkdocs.yml is not valid" + (":\n" + "\n".join(messages) if messages else f": {problem}")
                             + "\nCorrect it (`plansite init` writes one that works), then build again.") from None
    # The hook module imports plansite's; whatever else it does, that is how it adds the pages.
    if not any(value is hook or (getattr(value, "__module__", None) or "").startswith("plansite.")
               for module in config.hooks.values() for value in vars(module).values()):
        raise BuildError(f"mkdocs.yml does not name the hook that adds the plan's pages, so no page of the plan "
                         f"would be built. Add these lines to mkdocs.yml:\n\nhooks:\n  - {HOOK_FILE}\n\nand "
                         f"make sure {HOOK_FILE} exists (`plansite init` writes both).")


def build_site(project_dir: Path, site_dir: Path, *, strict: bool = True, jobs: int | None = None,
               echo: Callable[[str], None] = print, plan: Plan | None = None,
               leaflet_cache: Path | None = None, template_cache: bool = True) -> BuildReport:
    """Validate plan_data/ (unless given its validated plan), build every edition and language
    whose inputs changed (in parallel), keep the others from the previous build, and change
    site_dir only when all of it succeeded.

    Leaflets are printed into and read from leaflet_cache (default: the project's .cache/leaflets/);
    template_cache=False compiles the theme's templates afresh in every build, as plain MkDocs does."""
    project_dir = Path(project_dir).resolve()
    leaflet_cache = Path(leaflet_cache).resolve() if leaflet_cache else default_cache(project_dir)
    site_dir = Path(site_dir).resolve()
    plan = plan or load_valid_plan(project_dir)
    check_site_config(project_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        templates = _inputs_digest(project_dir)
        report = read_test_report(project_dir)
        units = _units(project_dir, plan)
        edition_keys = {e: edition_build_key(plan, e, templates, report) for e in plan.editions}
        # The leaflets' date, when the packager sets one, is part of what each folder is made from.
        epoch = source_date_epoch()
        keys = {u.folder: hashlib.sha256((f"{edition_keys[u.edition_id]} {u.language}"
                                          + (f" {epoch}" if epoch else "")).encode()).hexdigest()
                for u in units}
        try:
            previous = json.loads((site_dir / BUILD_STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        reused = [u for u in units if previous.get(u.folder) == keys[u.folder]
                  and (site_dir / u.folder / "index.html").is_file()]
        to_build = [u for u in units if u not in reused]
        for unit in reused:
            echo(f"Unchanged, kept from the last build: {unit.describe(plan)}")
        if to_build and not Path(CHROMIUM).exists():
            echo(f"Note: Chromium ({CHROMIUM}) is not installed, so leaflets that changed since they were "
                 "last printed are left out. Install it (on Debian: `apt install chromium`; in plansite's own "
                 "repository: `bash scripts/install-test-tools.sh --site`), then build again.")
        # Every leaflet the builds need, printed in one browser session before they start.
        print_leaflets([item.leaflet for u in to_build for item in edition_leaflets(
            project_dir, plan, u.edition_id, Words.for_language(project_dir, plan, u.language))], leaflet_cache)
        _build_units(project_dir, plan, to_build, staging, site_dir, strict, jobs, echo, leaflet_cache,
                     template_cache)
        # Each language is a site of its own editions, as mike lays them out: a root page that
        # leads to the current edition, latest/ and versions.json.
        current = plan.current_edition_id()
        roots = []
        for language in dict.fromkeys(u.language for u in units):
            prefix = "" if language is None else f"{language}/"
            folder = site_folder(plan, language or default_language(plan), current)
            built = any(u.folder == folder for u in to_build)
            (staging / prefix).mkdir(parents=True, exist_ok=True)
            write_latest_alias(staging / prefix, plan, (staging if built else site_dir) / folder)
            (staging / prefix / "index.html").write_text(root_index_html(plan), encoding="utf-8")
            # The host serves the root's 404.html for a missing address anywhere (a language's,
            # for hosts that look in the nearest folder first).
            (staging / prefix / "404.html").write_text(
                not_found_html(plan, Words.for_language(project_dir, plan, language)), encoding="utf-8")
            editions = [u.edition_id for u in units if u.language == language]
            (staging / prefix / "versions.json").write_text(
                json.dumps(versions_json(plan, editions, Words.for_language(project_dir, plan, language)),
                           indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            roots += [prefix + LATEST, prefix + "index.html", prefix + "404.html", prefix + "versions.json"]
        if reused:
            stale = [folder for folder in previous if folder not in keys]
            _swap_parts(staging, site_dir, [u.folder for u in to_build] + roots, stale)
        else:
            _swap_into_place(staging, site_dir)
        # Written last: if anything above failed, the next build rebuilds what it must.
        _write_atomically(site_dir / BUILD_STATE, json.dumps(keys, indent=2) + "\n")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildReport(plan, [u.folder for u in to_build], [u.folder for u in reused])


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _swap_parts(staging: Path, site_dir: Path, names: list[str], stale: list[str]) -> None:
    """Move the rebuilt parts of the site into place one rename each, leaving the unchanged
    editions where they are; everything was built before the first rename. Names are paths
    inside the site, such as '2024-2027' or 'pl/versions.json'."""
    trash = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
    try:
        for name in names + stale:
            if (site_dir / name).exists():
                (site_dir / name).rename(trash / name.replace("/", "__"))
        for name in names:
            (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).rename(site_dir / name)
    finally:
        shutil.rmtree(trash, ignore_errors=True)


def _build_units(project_dir, plan, units, staging, site_dir, strict, jobs, echo, leaflet_cache,
                 template_cache) -> None:
    if not units:
        return
    import mkdocs.commands.build  # noqa: F401  imported once here, so forked workers share it

    workers = max(1, min(jobs or os.cpu_count() or 1, len(units)))
    echo(f"Building {len(units)} edition{'s' if len(units) != 1 else ''} and translation{'s' if len(units) != 1 else ''} "
         f"on {workers} core{'s' if workers != 1 else ''} ...")
    failures = []
    # Each unit builds into a folder of its own, never inside another unit's, because MkDocs
    # empties its site folder first; they are moved into place once all have built.
    folders = {u: staging / ".units" / u.folder.replace("/", "__") for u in units}
    if workers == 1:
        results = ((u, _build_in_worker(project_dir, u, folders[u], strict, plan, leaflet_cache, template_cache))
                   for u in units)
        _report_builds(results, plan, units, site_dir, failures, echo)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_build_in_worker, project_dir, u, folders[u], strict, plan, leaflet_cache,
                                   template_cache): u
                       for u in units}
            results = ((futures[f], f.result()) for f in as_completed(futures))
            _report_builds(results, plan, units, site_dir, failures, echo)
    if failures:
        names = ", ".join(f"'{u.folder}' ({error})" for u, error in failures)
        raise BuildError(f"MkDocs could not build {names}. The messages above say what went wrong. "
                         f"Your previous {site_dir.name}/ folder was left as it was.")
    for unit, folder in folders.items():
        (staging / unit.folder).parent.mkdir(parents=True, exist_ok=True)
        folder.rename(staging / unit.folder)
    shutil.rmtree(staging / ".units", ignore_errors=True)


def _report_builds(results, plan, units, site_dir, failures, echo) -> None:
    for number, (unit, (messages, error)) in enumerate(results, start=1):
        for message in messages:
            echo(message)
        if error:
            failures.append((unit, error))
            echo(f"[{number}/{len(units)}] FAILED {unit.describe(plan)}")
        else:
            echo(f"[{number}/{len(units)}] Built {unit.describe(plan)} -> {site_dir.name}/{unit.folder}/")


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
