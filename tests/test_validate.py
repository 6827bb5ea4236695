"""Each error code: the exact message, with file, line and key path."""
import json
from pathlib import Path

from plansite.commands import validate
from plansite.errors import ERROR_TYPES
from plansite.load import load_project
from plansite.validate import validate_project

PLAN_FILE = "plan_data/editions/2020-2023.yaml"
REFRESH_FILE = "plan_data/editions/2020-2023-refresh-2021.yaml"


def problems(project):
    loaded, errors = load_project(project.root)
    errors += validate_project(loaded)
    return [e.format() for e in sorted(errors, key=lambda e: (e.file, e.line or 0, e.code))]


def test_fixture_is_valid(project):
    assert problems(project) == []


def test_yaml_syntax_error_has_line_and_column(project):
    project.replace(PLAN_FILE, "summary: We want fewer crimes.", "summary: [We want fewer crimes.")
    [problem] = problems(project)
    assert problem.startswith(
        f"{PLAN_FILE}:13:11: error [yaml-syntax] The file is not valid YAML\n"
        "  problem: did not find expected ',' or ']' (while parsing a flow sequence).\n"
        "  fix: Check the indentation and punctuation on this line and the one above it:"
    )


def test_duplicate_key(project):
    project.replace(PLAN_FILE, "status: archived", "status: archived\nstatus: draft")
    assert problems(project) == [
        f"{PLAN_FILE}:11:1: error [duplicate-key] The same key is given twice\n"
        "  at: status\n"
        "  problem: the key 'status' appears twice here; YAML would silently keep only the last one.\n"
        "  fix: Delete one of the two 'status' entries, or merge them."
    ]


def test_missing_required_field(project):
    project.replace(PLAN_FILE, "    short_title: Less crime\n", "")
    assert problems(project) == [
        f"{PLAN_FILE}:14:5: error [missing-field] A required field is missing\n"
        "  at: priorities[0].short_title\n"
        "  problem: the required field 'short_title' is missing.\n"
        "  fix: Add a line 'short_title: ...' here. Expected: A short plain-language title. "
        "DATA-REFERENCE.md lists every field, with an example."
    ]



def test_several_missing_fields_are_each_reported_once(project):
    # jsonschema reports one 'required' error per missing field, each listing every field.
    project.write("plan_data/partnership.yaml", "name: Example Safety Partnership\n"
                  "vision:\n  text: A safer Exampleton.\n  source: plan-a\n"
                  "partners:\n  responsible_authorities: [Exampleton Council]\n  source: plan-a\n")
    assert problems(project) == [
        "plan_data/partnership.yaml:1:1: error [missing-field] A required field is missing\n"
        "  at: short_name\n"
        "  problem: the required field 'short_name' is missing.\n"
        "  fix: Add a line 'short_name: ...' here. Expected: A short name for page titles, and for the header "
        "of every page on a narrow screen (a phone), where the full name would take too many lines; for example "
        "Safer Peterborough. DATA-REFERENCE.md lists every field, with an example.",
        "plan_data/partnership.yaml:1:1: error [missing-field] A required field is missing\n"
        "  at: area\n"
        "  problem: the required field 'area' is missing.\n"
        "  fix: Add a line 'area: ...' here. Expected: The place the partnership serves. "
        "DATA-REFERENCE.md lists every field, with an example.",
        "plan_data/partnership.yaml:1:1: error [missing-field] A required field is missing\n"
        "  at: contact\n"
        "  problem: the required field 'contact' is missing.\n"
        "  fix: Add a line 'contact: ...' here. Expected: How to contact the partnership. Name roles and public "
        "addresses, never an individual's personal email or phone number. "
        "DATA-REFERENCE.md lists every field, with an example.",
    ]

def test_wrong_type(project):
    project.replace(PLAN_FILE, "  start: 2020", "  start: twenty twenty")
    assert problems(project) == [
        f"{PLAN_FILE}:5:10: error [wrong-type] A value has the wrong type\n"
        "  at: period.start\n"
        "  problem: expected a whole number, found text ('twenty twenty').\n"
        "  fix: Write a whole number here. Expected: A year, for example 2017."
    ]


def test_unknown_key_suggests_the_nearest(project):
    project.replace(PLAN_FILE, "    title: Tackling Anti-Social Behaviour", "    titel: Tackling Anti-Social Behaviour")
    found = problems(project)
    assert found[0] == (
        f"{PLAN_FILE}:23:5: error [missing-field] A required field is missing\n"
        "  at: priorities[1].title\n"
        "  problem: the required field 'title' is missing.\n"
        "  fix: Add a line 'title: ...' here. Expected: The title as the source gives it. "
        "DATA-REFERENCE.md lists every field, with an example."
    )
    assert found[1] == (
        f"{PLAN_FILE}:24:5: error [unknown-key] A key is not recognised\n"
        "  at: priorities[1].titel\n"
        "  problem: 'titel' is not a key allowed here.\n"
        "  fix: Did you mean 'title'? Rename the key. Allowed keys here: actions, id, key_facts, "
        "key_outcome, lead, measures, same_subject_as, short_title, source, success, title, why "
        "(DATA-REFERENCE.md says what each holds)."
    )


def test_invalid_enum_value(project):
    project.replace(PLAN_FILE, "status: archived", "status: archive")
    assert problems(project) == [
        f"{PLAN_FILE}:10:9: error [invalid-value] A value is not one of those allowed\n"
        "  at: status\n"
        "  problem: 'archive' is not allowed here; allowed values: draft, current, archived.\n"
        "  fix: Did you mean 'archived'? Use one of: draft, current, archived."
    ]


def test_invalid_id_format(project):
    project.replace(PLAN_FILE, "  - id: asb", "  - id: Anti Social")
    assert problems(project) == [
        # The refresh retires 'asb', which no longer exists in its base.
        f"{REFRESH_FILE}:23:13: error [unknown-priority] A priority or theme id does not exist\n"
        "  at: changes.priorities.retire[0].id\n"
        "  problem: the base plan '2020-2023' has no priority 'asb' to retire.\n"
        "  fix: Use one of the base plan's priorities: Anti Social, reducing-crime.",
        f"{PLAN_FILE}:23:9: error [invalid-format] A value is not in the expected format\n"
        "  at: priorities[1].id\n"
        "  problem: 'Anti Social' is not in the expected format.\n"
        "  fix: Correct the value. Expected: A stable identifier: lower-case letters, digits and single hyphens, "
        "for example offender-management.",
    ]


def test_empty_value(project):
    project.replace(PLAN_FILE, "sources: [plan-a]", "sources: []")
    assert problems(project) == [
        f"{PLAN_FILE}:11:1: error [empty-value] A value is empty\n"
        "  at: sources\n"
        "  problem: this value is empty.\n"
        "  fix: Fill it in, or remove the key if it is optional. "
        "Expected: The source documents this edition was transcribed from."
    ]


def test_out_of_range(project):
    project.replace(PLAN_FILE, "  end: 2023", "  end: 20230")
    assert problems(project) == [
        f"{PLAN_FILE}:6:8: error [out-of-range] A number is out of range\n"
        "  at: period.end\n"
        "  problem: 20230 is above the maximum of 2100.\n"
        "  fix: Correct the number. Expected: A year, for example 2017."
    ]


def test_duplicate_priority_id(project):
    project.replace(PLAN_FILE, "  - id: asb", "  - id: reducing-crime")
    found = [p for p in problems(project) if "[duplicate-id]" in p]
    assert found == [
        f"{PLAN_FILE}:23:9: error [duplicate-id] Two things share one id\n"
        "  at: priorities[1].id\n"
        f"  problem: the priority or theme id 'reducing-crime' is already used in {PLAN_FILE} line 14.\n"
        "  fix: Give each priority and theme its own id within the edition."
    ]


def test_duplicate_edition_id(project):
    project.write("plan_data/editions/copy.yaml", (project.root / PLAN_FILE).read_text())
    found = [p for p in problems(project) if "[duplicate-id]" in p]
    assert found == [
        "plan_data/editions/copy.yaml:1:5: error [duplicate-id] Two things share one id\n"
        "  at: id\n"
        f"  problem: the edition id '2020-2023' is already used in {PLAN_FILE} line 1.\n"
        "  fix: Each edition needs its own id, because the id is its web address; rename one of them."
    ]


def test_unknown_measure(project):
    project.replace(PLAN_FILE, "measures: [all-crime]", "measures: [all-crimes]")
    assert problems(project) == [
        f"{PLAN_FILE}:21:16: error [unknown-measure] A measure id is not in the measures catalogue\n"
        "  at: priorities[0].measures[0]\n"
        "  problem: 'all-crimes' is not a measure in plan_data/measures/.\n"
        "  fix: Did you mean 'all-crime'? Use the id of a measure in plan_data/measures/, or declare it there first."
    ]


def test_unknown_source(project):
    project.replace(PLAN_FILE, "    source: plan-a\n  - id: asb", "    source: plan-z\n  - id: asb")
    assert problems(project) == [
        f"{PLAN_FILE}:22:13: error [unknown-source] A source document id is not in sources.yaml\n"
        "  at: priorities[0].source\n"
        "  problem: 'plan-z' is not the id of a document in plan_data/sources.yaml.\n"
        "  fix: Did you mean 'plan-a'? Use the id of a source in plan_data/sources.yaml, or add the document there first."
    ]


def test_unknown_base_edition(project):
    project.replace(REFRESH_FILE, "base: 2020-2023", "base: 2019-2022")
    assert problems(project) == [
        f"{REFRESH_FILE}:3:7: error [unknown-edition] A base edition does not exist\n"
        "  at: base\n"
        "  problem: the base edition '2019-2022' does not exist.\n"
        "  fix: Did you mean '2020-2023'? Use the id of a plan in plan_data/editions/: 2020-2023, 2020-2023-refresh-2021."
    ]


def test_refresh_retiring_a_priority_its_base_lacks(project):
    project.replace(REFRESH_FILE, "      - id: asb", "      - id: burglary")
    assert problems(project) == [
        f"{REFRESH_FILE}:23:13: error [unknown-priority] A priority or theme id does not exist\n"
        "  at: changes.priorities.retire[0].id\n"
        "  problem: the base plan '2020-2023' has no priority 'burglary' to retire.\n"
        "  fix: Use one of the base plan's priorities: asb, reducing-crime."
    ]


def test_refresh_without_base(project):
    project.replace(REFRESH_FILE, "base: 2020-2023\n", "")
    found = problems(project)
    assert found == [
        f"{REFRESH_FILE}:1:1: error [missing-field] A required field is missing\n"
        "  at: base\n"
        "  problem: a refresh must name the plan it refreshes in 'base'.\n"
        "  fix: Add a line 'base: <id of the plan>', for example 'base: 2017-2020'."
    ]


def test_refresh_of_a_refresh(project):
    text = (project.root / REFRESH_FILE).read_text()
    text = text.replace("id: 2020-2023-refresh-2021", "id: 2020-2023-refresh-2022")
    text = text.replace("base: 2020-2023", "base: 2020-2023-refresh-2021").replace("status: current", "status: draft")
    text = text.replace("start: 2021\n  end: 2022", "start: 2022\n  end: 2023")
    project.write("plan_data/editions/2020-2023-refresh-2022.yaml", text)
    assert problems(project) == [
        "plan_data/editions/2020-2023-refresh-2022.yaml:3:7: error [invalid-base] A refresh's base is not a plan\n"
        "  at: base\n"
        "  problem: the base '2020-2023-refresh-2021' is a refresh, not a plan.\n"
        "  fix: Set 'base' to the plan that '2020-2023-refresh-2021' refreshes (2020-2023)."
    ]


def test_refresh_that_copies_priorities(project):
    project.write(REFRESH_FILE, (project.root / REFRESH_FILE).read_text() + "priorities: []\n")
    assert problems(project) == [
        f"{REFRESH_FILE}:30:1: error [refresh-has-priorities] A refresh copies priorities instead of listing changes\n"
        "  at: priorities\n"
        "  problem: a refresh does not copy its plan's priorities; it lists only what it changes.\n"
        "  fix: Move what this refresh adds, retires or updates under 'changes: priorities: add/retire/update', "
        "and delete the rest."
    ]


def test_plan_with_changes(project):
    project.write(PLAN_FILE, (project.root / PLAN_FILE).read_text() + "changes: {}\n")
    assert problems(project) == [
        f"{PLAN_FILE}:32:1: error [plan-has-changes] A plan lists changes or a base\n"
        "  at: changes\n"
        "  problem: an edition of kind 'plan' cannot have 'changes'; only a refresh is written as changes to a base plan.\n"
        "  fix: Set 'kind: refresh' if this edition refreshes a plan, or remove this key."
    ]


def test_reversed_period(project):
    project.replace(PLAN_FILE, "  start: 2020\n  end: 2023", "  start: 2023\n  end: 2020")
    found = problems(project)
    assert found[0] == (
        f"{PLAN_FILE}:6:8: error [period-reversed] A period ends before it starts\n"
        "  at: period.end\n"
        "  problem: the period ends in 2020, which is not after its start in 2023.\n"
        "  fix: Check the years: 'start' is the first year the edition covers and 'end' the last, "
        "for example start: 2017, end: 2020."
    )


def test_overlapping_plans(project):
    text = (project.root / PLAN_FILE).read_text().replace("id: 2020-2023", "id: 2022-2025")
    text = text.replace("start: 2020\n  end: 2023", "start: 2022\n  end: 2025")
    project.write("plan_data/editions/2022-2025.yaml", text)
    assert problems(project) == [
        "plan_data/editions/2022-2025.yaml:4:1: error [period-overlap] Two plan periods overlap\n"
        "  at: period\n"
        "  problem: this plan (2022–2025) overlaps the plan '2020-2023' (2020–2023).\n"
        "  fix: A plan cycle starts when the previous one ends: start this one in 2023 or later, or correct '2020-2023'."
    ]


def test_refresh_outside_its_plan(project):
    project.replace(REFRESH_FILE, "start: 2021\n  end: 2022", "start: 2023\n  end: 2024")
    assert problems(project) == [
        f"{REFRESH_FILE}:5:1: error [period-outside-base] A refresh's period is outside its plan's period\n"
        "  at: period\n"
        "  problem: this refresh covers 2023–2024, outside its plan '2020-2023' (2020–2023).\n"
        "  fix: A refresh covers a year inside its plan's period: use years between 2020 and 2023."
    ]


def test_two_current_editions(project):
    project.replace(PLAN_FILE, "status: archived", "status: current")
    assert problems(project) == [
        f"{PLAN_FILE}:10:9: error [multiple-current] More than one edition is current\n"
        "  at: status\n"
        f"  problem: 2 editions are marked current: '2020-2023-refresh-2021' ({REFRESH_FILE}), '2020-2023' ({PLAN_FILE}).\n"
        "  fix: Remove the 'status' line from all of them: the newest edition that is not a draft is then "
        "the current one. Or keep 'status: current' on one only."
    ]


def test_no_current_edition(project):
    project.replace(REFRESH_FILE, "status: current", "status: archived")
    assert problems(project) == [
        f"{REFRESH_FILE}:11:9: error [no-current] No edition is current\n"
        "  at: status\n"
        "  problem: every edition is a draft or archived, so the site would have no current plan.\n"
        "  fix: Remove the 'status' line from the edition in force now (or write 'status: current')."
    ]
    # A draft beside an archived edition leaves the archive with no current plan to point to.
    project.replace(REFRESH_FILE, "status: archived", "status: draft")
    assert [p.split("\n")[0] for p in problems(project)] == [
        f"{REFRESH_FILE}:11:9: error [no-current] No edition is current"]


def test_only_drafts_is_a_new_project_not_an_error(project):
    """`init` starts a project with one draft: the site leads to the newest draft."""
    project.replace(REFRESH_FILE, "status: current", "status: draft")
    project.replace(PLAN_FILE, "status: archived", "status: draft")
    assert problems(project) == []


def test_unknown_governance_body(project):
    project.write(PLAN_FILE, (project.root / PLAN_FILE).read_text() + (
        "governance:\n  bodies:\n    - id: board\n      name: Board\n      reports_to: bored\n  source: plan-a\n"))
    assert problems(project) == [
        f"{PLAN_FILE}:36:19: error [unknown-body] A governance body id does not exist\n"
        "  at: governance.bodies[0].reports_to\n"
        "  problem: there is no board or group with the id 'bored' in this edition's governance.\n"
        "  fix: Did you mean 'board'? Use the id of one of the bodies listed under governance.bodies, or add it there."
    ]


def test_missing_file(project):
    (project.root / "plan_data/partnership.yaml").unlink()
    assert problems(project) == [
        "plan_data/partnership.yaml: error [missing-file] A required file is missing\n"
        "  problem: plan_data/partnership.yaml does not exist.\n"
        "  fix: Create plan_data/partnership.yaml; see the README's section 'Editing the plan data'."
    ]


def test_every_problem_is_reported_at_once(project):
    project.replace(PLAN_FILE, "status: archived", "status: archive")
    project.replace(REFRESH_FILE, "base: 2020-2023", "base: 2019-2022")
    project.replace("plan_data/measures/measures.yaml", "unit: count", "unit: counts")
    valid, report = validate(project.root)
    assert not valid
    assert report.startswith("Found 3 problems in 3 files:\n")
    # validate publishes nothing, so it does not say "Nothing was published"; the command it
    # advises works as written after the README's setup.
    assert report.endswith("Fix the problems above, then run `.venv/bin/python build_plan.py validate` again.")


def test_json_report_has_codes_and_locations(project):
    project.replace(PLAN_FILE, "status: archived", "status: archive")
    valid, report = validate(project.root, as_json=True)
    data = json.loads(report)
    assert valid is False and data["valid"] is False
    assert data["errors"] == [{
        "code": "invalid-value", "title": ERROR_TYPES["invalid-value"], "file": PLAN_FILE,
        "line": 10, "column": 9, "path": "status",
        "message": "'archive' is not allowed here; allowed values: draft, current, archived.",
        "fix": "Did you mean 'archived'? Use one of: draft, current, archived.", "severity": "error",
    }]
    assert data["warnings"] == []


def test_missing_data_file(project):
    (project.root / "plan_data/data/figures.csv").unlink()
    assert problems(project) == []  # checked by check_project, with the figures
    valid, report = validate(project.root)
    assert not valid
    assert report.split("\n\n")[1] == (
        "plan_data/measures/measures.yaml:7:11: error [data-file-missing] A measure's data file does not exist\n"
        "  at: measures[0].data\n"
        "  problem: the data file plan_data/data/figures.csv does not exist.\n"
        "  fix: Save the figures as plan_data/data/figures.csv, or correct the file name."
    )


def test_every_error_code_has_a_test():
    here = Path(__file__).parent
    tested = "".join(p.read_text(encoding="utf-8") for p in here.glob("test_*.py"))
    untested = [code for code in ERROR_TYPES if f"[{code}]" not in tested and f'"{code}"' not in tested]
    assert untested == []


def test_without_statuses_the_newest_edition_is_current(project):
    from plansite.validate import load_valid_plan
    project.replace(PLAN_FILE, "status: archived\n", "")
    project.replace(REFRESH_FILE, "status: current\n", "")
    plan = load_valid_plan(project.root)
    assert {e: plan.editions[e]["status"] for e in plan.editions} == {
        "2020-2023": "archived", "2020-2023-refresh-2021": "current"}


def test_a_draft_is_never_current_by_default(project):
    from plansite.validate import load_valid_plan
    project.replace(PLAN_FILE, "status: archived\n", "")
    project.replace(REFRESH_FILE, "status: current", "status: draft")
    plan = load_valid_plan(project.root)
    assert plan.current_edition_id() == "2020-2023"
    assert plan.editions["2020-2023-refresh-2021"]["status"] == "draft"


def test_a_date_not_in_the_calendar(project):
    # The pattern YYYY-MM-DD lets 2021-13-45 through; later stages compare and format dates.
    project.replace("plan_data/sources.yaml", 'date: "2021-07-25"', 'date: "2021-13-45"')
    assert problems(project) == [
        "plan_data/sources.yaml:10:11: error [invalid-format] A value is not in the expected format\n"
        "  at: sources[1].date\n"
        "  problem: '2021-13-45' is not a date in the calendar.\n"
        "  fix: Write the date the source gives as YYYY-MM-DD (such as 2018-11-13), YYYY-MM or YYYY, "
        "with a month from 01 to 12 and a day that month has."
    ]
