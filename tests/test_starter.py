"""`plansite init`: the starter project validates at once, refuses to overwrite, quotes what
it is given safely, and, once filled in, builds a site with the area's own name and no word of
Peterborough. The filled-in content is synthetic, written here by code, for the tests only."""
from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite import cli
from plansite.commands import CommandFailed, build, init, validate
from plansite.starter import FILES, yaml_scalar

NAME = "Safer Exampletown Partnership"
AREA = "Exampletown"
YEAR = 2026
EDITION = f"{YEAR}-{YEAR + 3}"

#: What every new project holds, beside the edition (named by its years).
EXPECTED = {".gitignore", "DATA-REFERENCE.md", "README.md", "build_plan.py", "hooks/plan_pages.py", "mkdocs.yml",
            "docs/get-involved.md", "docs/about-this-site.md", "plan_data/partnership.yaml",
            "plan_data/sources.yaml", "plan_data/languages.yaml", "plan_data/measures/measures.yaml",
            "plan_data/data/README.md", f"plan_data/editions/{EDITION}.yaml"}


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def start(folder: Path, **options) -> str:
    return init(folder, name=options.pop("name", NAME), area=options.pop("area", AREA), start_year=YEAR, **options)


def test_init_writes_every_starter_file_and_it_validates_with_no_error(tmp_path):
    project = tmp_path / "exampletown"
    message = start(project, program="plansite")
    assert files_in(project) == EXPECTED
    assert message == (
        f"Made a new project in {project}/ (14 files). Every value to complete says FILL IN, and its plan "
        f"(plan_data/editions/{EDITION}.yaml) is a draft, so the site says so on every page.\n"
        f"Next: read {project}/README.md, then, in that folder, run `plansite validate` and `plansite build`.")
    valid, report = validate(project)
    assert valid, report
    # One warning only: the site's address, which no starter can know.
    assert report.startswith("The plan data is valid: 1 edition, 0 measures, 0 figures.\n\nBefore this can be "
                             "published:\n\nplan_data/partnership.yaml: warning [missing-site-url] ")
    assert report.count("warning [") == 1 and "error [" not in report
    # Every file a person must complete is listed, by the lines that say FILL IN.
    listed = {line.strip().split(":")[0] for line in report.split("unless it says 'status: draft':\n")[1].splitlines()}
    assert listed == {"plan_data/partnership.yaml", "plan_data/sources.yaml", f"plan_data/editions/{EDITION}.yaml",
                      "docs/get-involved.md", "docs/about-this-site.md"}
    # The starter carries none of the theme: the package supplies it.
    assert not (project / "overrides").exists() and not (project / "docs" / "stylesheets").exists()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert not any(line.strip().startswith("custom_dir") for line in config.splitlines())
    assert "extra_css" not in config and "extra_javascript" not in config
    # (DATA-REFERENCE.md's examples come from this repository's own data, so it is left out.)
    assert "peterborough" not in "".join((project / f).read_text(encoding="utf-8").lower()
                                         for f in EXPECTED - {"DATA-REFERENCE.md"})
    edition = yaml.safe_load((project / f"plan_data/editions/{EDITION}.yaml").read_text(encoding="utf-8"))
    assert edition["status"] == "draft" and edition["period"] == {"start": YEAR, "end": YEAR + 3}
    # The thin entry points are this repository's own, word for word.
    for entry in ("build_plan.py", "hooks/plan_pages.py"):
        assert (project / entry).read_text() == (Path(__file__).parent.parent / entry).read_text()


@pytest.mark.parametrize("name", ['Safer "North: East" Partnership', "Partnership's: #1 - [safe] {town}",
                                  "- *Star* & @at: yes"])
def test_a_name_with_yaml_punctuation_stays_the_name(tmp_path, name):
    start(tmp_path, name=name, area="Area: North")
    partnership = yaml.safe_load((tmp_path / "plan_data/partnership.yaml").read_text(encoding="utf-8"))
    assert (partnership["name"], partnership["short_name"], partnership["area"]) == (name, name, "Area: North")
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == f"{name} plans"
    edition = yaml.safe_load((tmp_path / f"plan_data/editions/{EDITION}.yaml").read_text(encoding="utf-8"))
    assert edition["title"] == f"{name} Plan {YEAR}–{YEAR + 3}"
    assert validate(tmp_path)[0]


def test_yaml_scalar_is_one_line_of_yaml():
    for value in ["plain", "a: b", "'quoted'", '"double"', "# not a comment", "yes", "1.5", "ü ≠ ∅"]:
        text = yaml_scalar(value)
        assert "\n" not in text and yaml.safe_load(f"key: {text}") == {"key": value}


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CommandFailed) as refused:
        start(tmp_path)
    assert str(refused.value) == (
        f"{tmp_path} is not empty. Choose a new or empty folder, or add --force to add the starter files beside "
        "what is there (no existing file is changed).")
    assert files_in(tmp_path) == {"notes.txt"}


def test_force_adds_files_but_never_overwrites_one(tmp_path):
    (tmp_path / "plan_data").mkdir()
    (tmp_path / "plan_data" / "sources.yaml").write_text("mine", encoding="utf-8")
    (tmp_path / "README.md").write_text("mine", encoding="utf-8")
    with pytest.raises(CommandFailed) as refused:
        start(tmp_path, force=True)
    assert str(refused.value) == (
        f"These files exist already in {tmp_path}, and init never overwrites a file: README.md, "
        "plan_data/sources.yaml. Move or delete them, or choose another folder.")
    assert files_in(tmp_path) == {"README.md", "plan_data/sources.yaml"}
    (tmp_path / "README.md").unlink()
    (tmp_path / "plan_data" / "sources.yaml").unlink()
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    start(tmp_path, force=True)
    assert files_in(tmp_path) == EXPECTED | {"notes.txt"}
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("name, area, message", [
    ("  ", AREA, '--name is empty. Give the partnership\'s name, for example --name "Safer Exampletown Partnership".'),
    (NAME, "", '--area is empty. Give the partnership\'s area, for example --area "Exampletown".'),
    ("Safer\x07Town", AREA, "--name holds an invisible control character. Type the name again."),
    ("x" * 121, AREA, "--name is 121 characters long; give the name in at most 120."),
])
def test_init_refuses_a_name_it_cannot_use(tmp_path, name, area, message):
    with pytest.raises(CommandFailed) as refused:
        start(tmp_path / "new", name=name, area=area)
    assert str(refused.value) == message
    assert not (tmp_path / "new").exists()


def test_the_cli_reports_a_refusal_in_one_message(tmp_path, capsys):
    (tmp_path / "x").write_text("", encoding="utf-8")
    assert cli.main(["init", str(tmp_path), "--name", NAME, "--area", AREA]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"{tmp_path} is not empty.") and "Traceback" not in err


def test_each_entry_point_names_itself():
    assert cli.parser().format_usage().startswith("usage: plansite ")
    assert cli.parser("build_plan.py").format_usage().startswith("usage: build_plan.py ")
    assert cli.PROGRAMS == {"plansite": "plansite", "build_plan.py": ".venv/bin/python build_plan.py"}


def test_every_starter_file_is_package_data():
    """pyproject's package-data globs reach every file init writes, however deep."""
    import tomllib

    globs = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]["plansite.starter"]
    for source in FILES:
        assert any(Path("files", source).match(glob) for glob in globs), source


# --- The filled-in project, built once -------------------------------------------------------

#: Synthetic figures for the test, written by code: two years of the area's own figure, and
#: one comparison.
FIGURES = [("all-crime", f"{YEAR}/{str(YEAR + 1)[2:]}", "", "1200"),
           ("all-crime", f"{YEAR + 1}/{str(YEAR + 2)[2:]}", "", "1000"),
           ("all-crime", f"{YEAR + 1}/{str(YEAR + 2)[2:]}", "Similar areas", "900")]


def fill_in(project: Path) -> None:
    """What a new user writes into the starter: a name, a priority, a measure with figures, the
    pages. The plan stays a draft (until it is approved), so the site is one of drafts only."""
    def edit(relative, change):
        path = project / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    source = f"plan-{EDITION}"

    def partnership(p):
        p["vision"]["text"] = "A safer Exampletown for everyone."
        p["partners"]["responsible_authorities"] = ["Exampletown Council", "Exampleshire Police"]
        p["contact"]["text"] = "Write to Exampletown Council."
        p["site_url"] = "https://exampletown.example/community-safety/"

    def sources(s):
        s["sources"][0].update(title=f"{NAME} Plan {YEAR} to {YEAR + 3}", date=f"{YEAR}-04-01")

    def measures(m):
        m["measures"] = [{"id": "all-crime", "title": "All recorded crime", "plain_title": "Crimes reported",
                          "unit": "count", "better": "down", "data": "figures.csv",
                          "comparators": ["Similar areas"], "sources": [source]}]

    def edition(e):
        e["published"] = {"date": f"{YEAR}-04-01", "note": "Approved by the partnership board"}
        e["summary"] = "We want fewer crimes in Exampletown."
        e["vision"]["text"] = "A safer Exampletown."
        e["priorities"][0].update(title="Reducing crime", short_title="Less crime", key_outcome="Fewer victims.",
                                  why="Crime hurts people.", actions=["Work together."], measures=["all-crime"])

    edit("plan_data/partnership.yaml", partnership)
    edit("plan_data/sources.yaml", sources)
    edit("plan_data/measures/measures.yaml", measures)
    edit(f"plan_data/editions/{EDITION}.yaml", edition)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["measure", "period", "series", "value", "source"])
    writer.writerows((m, period, series, value, source) for m, period, series, value in FIGURES)
    (project / "plan_data/data/figures.csv").write_text(out.getvalue(), encoding="utf-8")
    (project / "docs/get-involved.md").write_text("# Get involved\n\nJoin a street group.\n", encoding="utf-8")
    (project / "docs/about-this-site.md").write_text("# About this site\n\nOur plans as web pages.\n",
                                                     encoding="utf-8")


@pytest.fixture(scope="module")
def exampletown_site(tmp_path_factory, leaflet_cache) -> Path:
    """The starter, filled in by fill_in and built once for the module."""
    project = tmp_path_factory.mktemp("starter") / "exampletown"
    start(project)
    fill_in(project)
    out = project.parent / "site"
    build(project, out, leaflet_cache=leaflet_cache)
    return out


def test_the_filled_in_project_validates_with_nothing_left_to_fill_in(exampletown_site):
    valid, report = validate(exampletown_site.parent / "exampletown")
    assert (valid, report) == (True, "The plan data is valid: 1 edition, 1 measure, 3 figures.")


def test_every_page_and_the_leaflet_say_the_plan_is_a_draft(exampletown_site):
    edition = exampletown_site / EDITION
    leaflet = text_of(next(edition.glob("leaflet/*.pdf")))
    assert "This is a draft plan. It has not been approved yet and may change." in " ".join(leaflet.split())
    # The site leads to the draft, as it has no approved plan.
    root = BeautifulSoup((exampletown_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert root.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={EDITION}/"
    assert root.title.get_text() == f"{NAME}: draft plan"
    pages = sorted(edition.rglob("index.html"))
    assert len(pages) > 5
    for page in pages:
        banner = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".plan-banner--draft")
        assert banner is not None, f"{page.relative_to(exampletown_site)} has no draft notice"
        assert " ".join(banner.get_text().split()) == (
            "This is a draft plan. It has not been approved yet and may change.")


def text_of(path: Path) -> str | None:
    """A built file's text: a PDF's extracted text, a gzipped file's content, None for binaries."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def test_no_built_file_mentions_peterborough(exampletown_site):
    read = {p.relative_to(exampletown_site).as_posix(): text_of(p) for p in exampletown_site.rglob("*") if p.is_file()}
    assert any(name.endswith(".pdf") for name in read), "the site has no leaflet to check"
    mentions = sorted(name for name, text in read.items() if text and "peterborough" in text.lower())
    assert not mentions, f"these built files mention Peterborough: {mentions}"


def test_the_area_labels_its_own_figures(exampletown_site):
    edition = exampletown_site / EDITION
    page = BeautifulSoup((edition / "priorities/first-priority/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    tables = [t for t in page.find_all("table") if "Similar areas" in t.get_text()]
    assert tables and all(AREA in t.get_text() for t in tables)
    charts = page.find_all("svg")
    labelled = [svg for svg in charts if "Similar areas" in svg.get_text()]
    assert labelled and all(AREA in svg.get_text() for svg in labelled)
    rows = list(csv.DictReader((edition / "data/all-crime.csv").read_text(encoding="utf-8").splitlines()))
    assert {row["series"] for row in rows} == {AREA, "Similar areas"}
