"""Tiny fixture projects, written as YAML text so that line numbers are exact."""
from __future__ import annotations

import contextlib
import shutil
import textwrap
from pathlib import Path

import pytest

from plansite.translations import is_translation

ROOT = Path(__file__).resolve().parent.parent

#: plan_data/languages.yaml with English and a draft Polish translation.
POLISH = """\
languages:
  - code: en
    name: English
  - code: pl
    name: Polski
    review: draft
"""

#: The site's address is example.org's, reserved for examples: a placeholder for tests only.
PARTNERSHIP = """\
name: Example Safety Partnership
short_name: Example Safety
area: Exampleton
vision:
  text: A safer Exampleton.
  source: plan-a
partners:
  responsible_authorities:
    - Exampleton Council
  source: plan-a
contact:
  text: Write to the council.
site_url: https://example.org/community-safety/
"""

SOURCES = """\
sources:
  - id: plan-a
    title: Example Plan 2020 to 2023
    publisher: Example Safety Partnership
    date: "2020"
    kind: plan
  - id: report-b
    title: Example refresh report
    publisher: Exampleton Council
    date: "2021-07-25"
    kind: report
"""

MEASURES = """\
measures:
  - id: all-crime
    title: All recorded crime
    plain_title: Crimes reported
    unit: count
    better: down
    data: figures.csv
    comparators: [Similar areas]
    sources: [plan-a]
"""

# Synthetic figures for tests only; never published with the real site.
FIGURES = """\
measure,period,series,value,source,note
all-crime,2019,Exampleton,"1,200",plan-a,
all-crime,2020,Exampleton,"1,000",plan-a,
all-crime,2020,Similar areas,900,plan-a,
all-crime,2022,Exampleton,800,report-b,
"""

PLAN = """\
id: 2020-2023
kind: plan
title: Example Plan 2020 to 2023
period:
  start: 2020
  end: 2023
published:
  date: "2020"
  note: Year printed on the plan
status: archived
sources: [plan-a]
summary: We want fewer crimes.
priorities:
  - id: reducing-crime
    title: Reducing Crime
    short_title: Less crime
    key_outcome: Fewer victims.
    why: Crime hurts people.
    actions:
      - Work together.
    measures: [all-crime]
    source: plan-a
  - id: asb
    title: Tackling Anti-Social Behaviour
    short_title: Nuisance behaviour
    source: plan-a
themes:
  - id: mental-health
    title: Mental Health
    short_title: Mental health
    source: plan-a
"""

REFRESH = """\
id: 2020-2023-refresh-2021
kind: refresh
base: 2020-2023
title: Example Plan 2021/22 refresh
period:
  start: 2021
  end: 2022
published:
  date: "2021-07-25"
  note: Presented to Cabinet
status: current
sources: [report-b]
summary: We added a priority.
changes:
  priorities:
    add:
      - id: vulnerable-people
        title: High Risk and Vulnerable People
        short_title: People at risk
        why: Some people are at risk.
        source: report-b
    retire:
      - id: asb
        reason: Now part of everyday work.
    update:
      - id: reducing-crime
        lead:
          role: Chief Inspector
          source: report-b
"""

FILES = {
    "plan_data/partnership.yaml": PARTNERSHIP,
    "plan_data/sources.yaml": SOURCES,
    "plan_data/measures/measures.yaml": MEASURES,
    "plan_data/data/figures.csv": FIGURES,
    "plan_data/editions/2020-2023.yaml": PLAN,
    "plan_data/editions/2020-2023-refresh-2021.yaml": REFRESH,
}


class Project:
    """A fixture project folder whose files tests can overwrite."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@contextlib.contextmanager
def tool_translations(folder: Path):
    """The tool's own translations of the site's words (plansite/locale/) read from folder
    instead: an empty one for tests of a language the tool has not translated, so what they
    see comes from the project's PO files alone."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("plansite.translations.catalogues.PACKAGE_LOCALE", folder)
        yield


@pytest.fixture
def no_tool_translations(tmp_path_factory):
    """As tool_translations, for one test: the tool brings no translation of the site's words."""
    with tool_translations(tmp_path_factory.mktemp("no-locale")):
        yield


def make_project(root: Path) -> Project:
    """Write the small valid project (one plan and one refresh of it) into root."""
    fixture = Project(root)
    for relative, text in FILES.items():
        fixture.write(relative, text)
    return fixture


def add_site_files(project: Project, leaflet_cache: Path) -> Project:
    """Add the real mkdocs.yml, hook and hand-written docs to a project, ready to build (the
    theme's files come from the package, as for any partnership's project).

    Its .cache/leaflets/ is the session's shared leaflet cache, so a test that builds with the
    default cache does not print the leaflets other fixture projects printed already."""
    shutil.copy(ROOT / "mkdocs.yml", project.root / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", project.root / "hooks")
    # The English pages only: each test adds the translations it needs.
    shutil.copytree(ROOT / "docs", project.root / "docs",
                    ignore=lambda folder, names: [n for n in names if is_translation(n)])
    (project.root / ".cache").mkdir()
    (project.root / ".cache" / "leaflets").symlink_to(leaflet_cache, target_is_directory=True)
    return project


@pytest.fixture(scope="session")
def leaflet_cache(tmp_path_factory) -> Path:
    """One leaflet cache for every fixture project of the session: they print the same leaflets."""
    return tmp_path_factory.mktemp("leaflets")


@pytest.fixture
def project(tmp_path) -> Project:
    """A small valid project: one plan and one refresh of it."""
    return make_project(tmp_path)


@pytest.fixture
def site_project(project, leaflet_cache) -> Project:
    """The small project ready to build, for a test that changes it."""
    return add_site_files(project, leaflet_cache)


@pytest.fixture(scope="module")
def module_site_project(tmp_path_factory, leaflet_cache) -> Project:
    """The small project ready to build, shared by a module's tests that only read what it builds."""
    return add_site_files(make_project(tmp_path_factory.mktemp("site-project")), leaflet_cache)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The shipped Safer Peterborough site, built once for every test that reads it.

    Its leaflets are cached where `make site` caches them (.cache/leaflets/, by content), so
    neither prints what the other printed."""
    from plansite.commands import build

    out = tmp_path_factory.mktemp("real") / "site"
    build(ROOT, out)
    return out


@pytest.fixture(scope="session")
def real_site_url(real_site):
    """The built site served over HTTP on loopback, as a browser reaches it."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(real_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


_KEYBOARD_RESULTS = {"passed": 0, "failed": 0, "left_out": 0}
_KEYBOARD = "tests/test_keyboard.py"


def pytest_deselected(items):
    # -k or -m left some keyboard tests out: the run is not the statement's "every kind of control".
    _KEYBOARD_RESULTS["left_out"] += sum(item.nodeid.startswith(_KEYBOARD) for item in items)


def pytest_runtest_logreport(report):
    if report.when == "call" and report.nodeid.startswith(_KEYBOARD):
        _KEYBOARD_RESULTS["passed" if report.passed else "failed"] += 1


def pytest_sessionfinish(session):
    """Record the keyboard results for the accessibility statement, only from a run of all of
    them: a run of some (`-k`, or a test named on the command line) would say "1 of 1 check
    passed" and, by changing the report, rebuild every edition."""
    ran = _KEYBOARD_RESULTS["passed"] + _KEYBOARD_RESULTS["failed"]
    some_named = any(f"{_KEYBOARD}::" in arg.replace("\\", "/") for arg in session.config.args)
    if ran and not _KEYBOARD_RESULTS["left_out"] and not some_named:
        from browser import record
        record("keyboard", checks=ran, failed=_KEYBOARD_RESULTS["failed"])
