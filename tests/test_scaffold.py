"""new-refresh and new-plan outline the next edition; it is published only once it is filled in."""
import re
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import make_project
from plansite.commands import CommandFailed, build, scaffold, validate
from plansite.scaffold import ScaffoldError, new_plan, new_refresh
from plansite.validate import load_valid_plan

NEW = "plan_data/editions/2020-2023-refresh-2022.yaml"


def unstatus(project):
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived\n", "")
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "status: current\n", "")


def fill_in(project, relative, **values):
    """Replace each FILL IN value of the given keys, as an officer would."""
    path = project.root / relative
    text = path.read_text()
    for key, value in values.items():
        text, count = re.subn(rf'^(\s*{key}: )"FILL IN[^"\n]*"', rf'\g<1>"{value}"', text, count=1, flags=re.M)
        assert count == 1, key
    path.write_text(text)


def test_the_outline_has_no_real_looking_date(project):
    unstatus(project)
    scaffold(project.root, "refresh")
    outline = (project.root / NEW).read_text()
    assert 'date: "FILL IN: the date the refresh was approved, as 2022-07-25 or 2022"' in outline
    assert date.today().isoformat() not in outline
    sources = (project.root / "plan_data/sources.yaml").read_text()
    assert 'date: "FILL IN: the date on the document, as 2022, 2022-07 or 2022-07-25"' in sources


def test_the_dates_to_fill_in_are_named_with_every_line_left(project):
    unstatus(project)
    scaffold(project.root, "refresh")
    valid, report = validate(project.root)
    assert not valid
    assert report.split("\n\n")[1] == (
        f"{NEW}:15:9: error [not-filled-in] A value still says FILL IN\n"
        "  at: published.date\n"
        "  problem: this still says FILL IN.\n"
        "  fix: Replace the whole FILL IN text with the real value. Expected: A date as precise as the source "
        "gives it: 2018, 2018-11 or 2018-11-13.")
    assert report.split("\n\n")[-1].splitlines() == [
        "These lines still say FILL IN; build and publish refuse an edition that does, unless it says "
        "'status: draft':",
        f'  {NEW}:15: date: "FILL IN: the date the refresh was approved, as 2022-07-25 or 2022"',
        f'  {NEW}:16: note: "FILL IN: who approved it, for example Approved by Cabinet"',
        f"  {NEW}:20: FILL IN: in plain words, what this refresh changes and why. Short sentences.",
        '  plan_data/sources.yaml:13: title: "FILL IN: the title of the 2022/23 refresh document, as printed on it"',
        '  plan_data/sources.yaml:15: date: "FILL IN: the date on the document, as 2022, 2022-07 or 2022-07-25"',
    ]


def test_an_unfinished_edition_cannot_become_current(site_project):
    unstatus(site_project)
    scaffold(site_project.root, "refresh")
    fill_in(site_project, NEW, date="2022-07-25")
    fill_in(site_project, "plan_data/sources.yaml", date="2022-07")
    valid, _ = validate(site_project.root)
    assert valid
    with pytest.raises(CommandFailed) as refused:
        build(site_project.root, site_project.root / "site")
    assert str(refused.value) == (
        "These lines still say FILL IN, so the editions they belong to cannot be published:\n"
        f'  {NEW}:16: note: "FILL IN: who approved it, for example Approved by Cabinet"\n'
        f"  {NEW}:20: FILL IN: in plain words, what this refresh changes and why. Short sentences.\n"
        '  plan_data/sources.yaml:13: title: "FILL IN: the title of the 2022/23 refresh document, as printed on it"\n'
        "Complete each of them. To build an edition before it is finished, write 'status: draft' in it: a "
        "draft is published with a notice saying so, and never becomes the current plan.\n"
        "Nothing was published.")
    assert not (site_project.root / "site").exists()


def test_new_refresh_then_build_publishes_it_as_current(site_project):
    unstatus(site_project)
    message = scaffold(site_project.root, "refresh")
    assert message.startswith("Created plan_data/editions/2020-2023-refresh-2022.yaml and an entry 'refresh-2022-23'")
    # A draft can be built while it is being written; it does not become current.
    site_project.replace(NEW, "kind: refresh\n", "kind: refresh\nstatus: draft\n")
    fill_in(site_project, NEW, date="2022-07-25")
    fill_in(site_project, "plan_data/sources.yaml", date="2022-07")
    built = build(site_project.root, site_project.root / "site")
    assert built.endswith("Note: 3 lines in draft editions (or the sources only they cite) still say FILL IN; "
                          "`.venv/bin/python build_plan.py validate` lists them.")
    assert load_valid_plan(site_project.root).current_edition_id() == "2020-2023-refresh-2021"
    # Finished and no longer a draft, it is published as the current plan.
    site_project.replace(NEW, "status: draft\n", "")
    fill_in(site_project, NEW, note="Approved by Cabinet")
    site_project.replace(NEW, "  FILL IN: in plain words, what this refresh changes and why. Short sentences.",
                         "  We keep our priorities.")
    fill_in(site_project, "plan_data/sources.yaml", title="Example refresh 2022/23")
    built = build(site_project.root, site_project.root / "site")
    assert "FILL IN" not in built
    plan = load_valid_plan(site_project.root)
    assert plan.current_edition_id() == "2020-2023-refresh-2022"
    assert plan.editions["2020-2023-refresh-2021"]["status"] == "archived"
    old_home = BeautifulSoup((site_project.root / "site" / "2020-2023-refresh-2021" / "index.html").read_text(), "html.parser")
    assert old_home.select_one(".plan-banner").a["href"] == "../2020-2023-refresh-2022/"


def test_new_plan_starts_when_the_last_plan_ends(project):
    scaffold(project.root, "plan")
    outline = (project.root / "plan_data/editions/2023-2026.yaml").read_text()
    assert 'date: "FILL IN: the date the plan was approved, as 2023-04-01 or 2023"' in outline
    assert "- id: plan-2023-2026" in (project.root / "plan_data/sources.yaml").read_text()
    valid, report = validate(project.root)
    assert not valid
    assert [line.split(": error ")[1] for line in report.splitlines() if ": error [" in line] == [
        "[not-filled-in] A value still says FILL IN", "[not-filled-in] A value still says FILL IN"]


def test_no_year_left_to_refresh(project):
    plan = load_valid_plan(project.root)
    new_refresh(project.root, plan)
    fill_in(project, NEW, date="2022-07-25")
    fill_in(project, "plan_data/sources.yaml", date="2022")
    plan = load_valid_plan(project.root)
    with pytest.raises(ScaffoldError) as error:
        new_refresh(project.root, plan)
    assert str(error.value) == ("The plan 2020-2023 (2020 to 2023) has no year left to refresh. "
                                "Start the next plan with `.venv/bin/python build_plan.py new-plan`.")


def test_refuses_to_overwrite(project):
    from plansite.scaffold import new_plan
    plan = load_valid_plan(project.root)
    target = project.root / "plan_data/editions/2023-2026.yaml"
    target.write_text("# mine\n")
    with pytest.raises(ScaffoldError) as error:
        new_plan(project.root, plan)
    assert str(error.value) == f"{target} already exists. Edit it, or delete it to start again."
    assert target.read_text() == "# mine\n"


def test_which_fill_in_lines_stop_a_build(project):
    from plansite.scaffold import unfinished_markers
    project.replace("plan_data/editions/2020-2023.yaml", "summary: We want fewer crimes.",
                    'summary: "FILL IN: the summary"')
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "status: current", "status: draft")
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "note: Presented to Cabinet",
                    'note: "FILL IN: who approved it"')
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "sources: [report-b]",
                    "sources: [report-b, report-c]")
    sources = project.root / "plan_data/sources.yaml"
    sources.write_text(sources.read_text() + '  - id: report-c\n    title: "FILL IN: its title"\n'
                       '    publisher: Exampleton Council\n    date: "2021"\n    kind: report\n')
    project.replace("plan_data/partnership.yaml", "text: Write to the council.", 'text: "FILL IN: how"')
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived\n", "")
    blocking = unfinished_markers(project.root, load_valid_plan(project.root))
    # The archived plan and the partnership (shown in every edition) stop it; the draft, and the
    # source only the draft cites, do not.
    assert blocking == ['plan_data/editions/2020-2023.yaml:11: summary: "FILL IN: the summary"',
                        'plan_data/partnership.yaml:12: text: "FILL IN: how"']
    # Once the plan cites the source too, its FILL IN stops the build as well.
    project.replace("plan_data/editions/2020-2023.yaml", "sources: [plan-a]", "sources: [plan-a, report-c]")
    assert 'plan_data/sources.yaml:13: title: "FILL IN: its title"' in unfinished_markers(
        project.root, load_valid_plan(project.root))


def test_a_hand_written_page_that_says_fill_in_stops_a_build(project):
    from plansite.scaffold import unfinished_markers
    project.write("docs/get-involved.md", "# Get involved\n\nFILL IN: the ways to help.\n")
    assert unfinished_markers(project.root, load_valid_plan(project.root)) == [
        "docs/get-involved.md:3: FILL IN: the ways to help."]
    # A Markdown heading is published, unlike a YAML comment.
    project.write("docs/about-this-site.md", "# FILL IN: a title\n")
    assert "docs/about-this-site.md:1: # FILL IN: a title" in unfinished_markers(
        project.root, load_valid_plan(project.root))


def test_while_every_edition_is_a_draft_no_fill_in_stops_a_build(project):
    """A new project (`init`): every page says it is a draft, so nothing passes for approved."""
    from plansite.scaffold import unfinished_markers
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: draft")
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "status: current", "status: draft")
    project.replace("plan_data/partnership.yaml", "text: Write to the council.", 'text: "FILL IN: how"')
    project.write("docs/get-involved.md", "FILL IN: the ways to help.\n")
    plan = load_valid_plan(project.root)
    assert not plan.has_current() and plan.current_edition_id() == "2020-2023-refresh-2021"
    assert unfinished_markers(project.root, plan) == []
    # Once one edition is approved, the partnership and the page are published as approved.
    project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "status: draft\n", "")
    assert unfinished_markers(project.root, load_valid_plan(project.root)) == [
        'plan_data/partnership.yaml:12: text: "FILL IN: how"', "docs/get-involved.md:1: FILL IN: the ways to help."]


def test_an_outline_quotes_a_name_with_yaml_punctuation(project):
    project.replace("plan_data/partnership.yaml", "name: Example Safety Partnership",
                    "name: 'Safer \"North: East\" Partnership'")
    outline = new_plan(project.root, load_valid_plan(project.root), program="plansite")
    edition = yaml.safe_load(outline.edition_file.read_text(encoding="utf-8"))
    assert edition["title"] == 'Safer "North: East" Partnership Plan 2023–2026'
    assert "outlined by `plansite new-plan`" in outline.edition_file.read_text(encoding="utf-8")
    sources = yaml.safe_load((project.root / "plan_data/sources.yaml").read_text(encoding="utf-8"))
    assert sources["sources"][-1]["publisher"] == 'Safer "North: East" Partnership'


def test_the_schema_line_is_written_only_where_the_schema_is(project, tmp_path):
    """An editor checks a new edition against the schema the first line names, in this
    repository; a partnership's project has no plansite/ folder, and gets no line naming a
    missing file."""
    unstatus(project)
    scaffold(project.root, "refresh")
    assert (project.root / NEW).read_text(encoding="utf-8").startswith("# The 2022/23 refresh of ")
    checkout = make_project(tmp_path / "checkout")
    (checkout.root / "plansite" / "schemas").mkdir(parents=True)
    (checkout.root / "plansite" / "schemas" / "edition.schema.json").write_text("{}", encoding="utf-8")
    unstatus(checkout)
    scaffold(checkout.root, "refresh")
    first, second = (checkout.root / NEW).read_text(encoding="utf-8").splitlines()[:2]
    assert first == "# yaml-language-server: $schema=../../plansite/schemas/edition.schema.json"
    assert (checkout.root / "plan_data" / "editions" / first.split("$schema=")[1]).resolve().is_file()
    assert second.startswith("# The 2022/23 refresh of ")
