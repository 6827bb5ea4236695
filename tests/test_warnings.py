"""Valid data that no page shows is reported as a warning, and a measure may read several files."""
import json
from pathlib import Path

from plansite.commands import validate, warnings_summary
from plansite.validate import load_valid_plan

ROOT = Path(__file__).resolve().parent.parent
MEASURES_FILE = "plan_data/measures/measures.yaml"

ASB = """\
  - id: asb-incidents
    title: ASB incidents
    plain_title: Reports of nuisance behaviour
    unit: count
    better: down
    data: asb.csv
    sources: [plan-a]
"""


def add_measure(project, text=ASB):
    path = project.root / MEASURES_FILE
    path.write_text(path.read_text() + text)


def warnings(project):
    return [w.format() for w in load_valid_plan(project.root).warnings]


def test_the_fixture_has_no_warnings(project):
    assert warnings(project) == []
    valid, report = validate(project.root)
    assert valid and report == "The plan data is valid: 2 editions, 1 measure, 4 figures."


def test_a_data_file_no_measure_reads(project):
    # The officer saves the new quarter's figures as a new file, and no measure names it.
    project.write("plan_data/data/quarterly-2022-q1.csv",
                  "measure,period,value,source\nall-crime,Q1 2022/23,700,report-b\n")
    valid, report = validate(project.root)
    assert valid
    assert report.split("\n\n")[1:] == [
        "1 warning: these are valid but shown on no page of the site.",
        "plan_data/data/quarterly-2022-q1.csv: warning [unread-data-file] No measure reads a data file\n"
        "  problem: no measure reads this file, so none of its figures is shown. It has figures for all-crime.\n"
        "  fix: Name the file in the 'data' of each measure it has figures for, in plan_data/measures/: "
        "'data' may be a list of files, or a pattern such as quarterly-*.csv that takes each new quarter's "
        "file. Then make sure an edition shows the measure: add its id to 'measures:' on the priority or "
        "theme it measures, or to the edition's 'other_measures:' list (see the README, 'Which measures an "
        "edition shows').",
    ]


def test_excel_lock_files_and_other_files_are_not_data(project):
    project.write("plan_data/data/~$figures.xlsx", "lock")
    project.write("plan_data/data/README.txt", "notes")
    assert warnings(project) == []


def test_a_measure_no_edition_lists(project):
    add_measure(project)
    project.write("plan_data/data/asb.csv", "measure,period,value,source\nasb-incidents,2021,50,report-b\n")
    assert warnings(project) == [
        "plan_data/measures/measures.yaml:10:9: warning [unlisted-measure] No edition lists a measure\n"
        "  at: measures[1].id\n"
        "  problem: no edition lists the measure 'asb-incidents', so no page shows it. Its 1 figure is shown nowhere.\n"
        "  fix: To show it in an edition, add its id to 'measures:' on the priority or theme it measures, or to "
        "the edition's 'other_measures:' list (see the README, 'Which measures an edition shows'). If no "
        "edition measures it, delete it from the catalogue."
    ]
    # Attached as the warning says, it is shown and the warning goes.
    project.replace("plan_data/editions/2020-2023.yaml", "themes:\n", "other_measures: [asb-incidents]\nthemes:\n")
    assert warnings(project) == []


def test_a_measure_shown_by_a_handwritten_page_is_shown(site_project):
    add_measure(site_project)
    site_project.write("plan_data/data/asb.csv", "measure,period,value,source\nasb-incidents,2021,50,report-b\n")
    site_project.write("docs/asb.md", "# ASB\n\n{{ measure: asb-incidents }}\n")
    assert warnings(site_project) == []


def test_a_figure_outside_every_edition_that_lists_its_measure(project):
    # New rows for a year after the last edition: valid, but no page shows them.
    path = project.root / "plan_data/data/figures.csv"
    path.write_text(path.read_text() + "all-crime,2030,Exampleton,750,report-b,\n")
    assert warnings(project) == [
        "plan_data/data/figures.csv:6: warning [figure-not-shown] A figure is shown on no page\n"
        "  at: row 6\n"
        "  problem: the figure for all-crime, 2030, Exampleton falls outside the years of every edition that "
        "lists 'all-crime' (2020-2023 (2020–2023), 2020-2023-refresh-2021 (2021–2022)), so no page shows it.\n"
        "  fix: In the edition whose years include 2030 (start one with the command "
        "new-refresh if there is none), add its id to 'measures:' on the priority or theme it measures, or to "
        "the edition's 'other_measures:' list (see the README, 'Which measures an edition shows'); or correct "
        "the period."
    ]


def test_a_row_in_a_file_its_measure_does_not_read(project):
    add_measure(project)
    project.replace("plan_data/editions/2020-2023.yaml", "themes:\n", "other_measures: [asb-incidents]\nthemes:\n")
    project.write("plan_data/data/asb.csv", "measure,period,value,source\nasb-incidents,2021,50,report-b\n")
    path = project.root / "plan_data/data/figures.csv"
    path.write_text(path.read_text() + "asb-incidents,2020,Exampleton,60,plan-a,\n")
    assert warnings(project) == [
        "plan_data/data/figures.csv:6: warning [figure-not-shown] A figure is shown on no page\n"
        "  at: row 6\n"
        "  problem: the measure 'asb-incidents' reads its figures from asb.csv, not from this file, so this "
        "row is shown nowhere.\n"
        "  fix: Add figures.csv to the measure's 'data' in plan_data/measures/ (a list of files, or a pattern "
        "such as quarterly-*.csv), or move the row into one of its files."
    ]


def test_json_report_has_the_warnings(project):
    project.write("plan_data/data/spare.csv", "measure,period,value,source\n")
    valid, report = validate(project.root, as_json=True)
    data = json.loads(report)
    assert valid and data["valid"] and data["errors"] == []
    assert [(w["code"], w["severity"], w["file"]) for w in data["warnings"]] == [
        ("unread-data-file", "warning", "plan_data/data/spare.csv")]


def test_the_build_summary_lists_the_warnings(project):
    project.write("plan_data/data/spare.csv", "measure,period,value,source\n")
    assert warnings_summary(load_valid_plan(project.root)) == (
        "\n1 warning: shown on no page of the site:\n"
        "  plan_data/data/spare.csv: no measure reads this file, so none of its figures is shown.\n"
        "`.venv/bin/python build_plan.py validate` says how to attach each one.")


def test_the_shipped_data_warns_only_of_what_no_page_shows():
    # Both are declared from the 2011-2014 plan, which names them (a priority area of the plan
    # for 2010/11; a chart whose figures are not in its text) but measures neither; no edition
    # lists them. Left for the maintainers to attach or delete: see the report of this change.
    assert [(w.code, w.path) for w in load_valid_plan(ROOT).warnings] == [
        ("unlisted-measure", "measures[0].id"), ("unlisted-measure", "measures[3].id")]


# --- A measure reads several files -------------------------------------------------------------

def test_a_pattern_reads_every_quarter_file(project):
    project.replace(MEASURES_FILE, "data: figures.csv", "data: [figures.csv, quarterly-*.csv]")
    project.write("plan_data/data/quarterly-2022-q1.csv",
                  "measure,period,value,source\nall-crime,Q1 2022/23,700,report-b\n")
    project.write("plan_data/data/quarterly-2022-q2.csv",
                  "measure,period,value,source\nall-crime,Q2 2022/23,650,report-b\n")
    plan = load_valid_plan(project.root)
    assert sorted((f.period_text, f.file) for f in plan.figures["all-crime"] if f.series == "Exampleton") == [
        ("2019", "plan_data/data/figures.csv"), ("2020", "plan_data/data/figures.csv"),
        ("2022", "plan_data/data/figures.csv"),
        ("Q1 2022/23", "plan_data/data/quarterly-2022-q1.csv"),
        ("Q2 2022/23", "plan_data/data/quarterly-2022-q2.csv")]
    assert plan.warnings == []


def test_the_same_figure_in_two_files_names_both(project):
    project.replace(MEASURES_FILE, "data: figures.csv", "data: figures*.csv")
    project.write("plan_data/data/figures-2022.csv", "measure,period,value,source\nall-crime,2022,810,report-b\n")
    valid, report = validate(project.root)
    assert not valid
    assert report.split("\n\n")[1] == (
        "plan_data/data/figures.csv:5: error [duplicate-row] The same figure is given twice\n"
        "  at: row 5\n"
        "  problem: all-crime, 2022, Exampleton is already given in plan_data/data/figures-2022.csv row 2.\n"
        "  fix: Keep one row per measure, period and series across the measure's files: delete or correct "
        "one of them.")


def test_a_pattern_that_matches_no_file(project):
    project.replace(MEASURES_FILE, "data: figures.csv", "data: [figures.csv, quarterly-*.csv]")
    valid, report = validate(project.root)
    assert not valid
    assert report.split("\n\n")[1] == (
        "plan_data/measures/measures.yaml:7:5: error [data-file-missing] A measure's data file does not exist\n"
        "  at: measures[0].data\n"
        "  problem: no file in plan_data/data/ matches the pattern quarterly-*.csv.\n"
        "  fix: Save the figures as plan_data/data/quarterly-*.csv, or correct the file name.")


def test_data_names_a_file_in_plan_data_data_only(project):
    project.replace(MEASURES_FILE, "data: figures.csv", "data: [figures.csv, ../secrets.csv]")
    valid, report = validate(project.root)
    assert not valid
    assert report.split("\n\n")[1] == (
        "plan_data/measures/measures.yaml:7:25: error [invalid-format] A value is not in the expected format\n"
        "  at: measures[0].data[1]\n"
        "  problem: '../secrets.csv' is not in the expected format.\n"
        "  fix: Correct the value. Expected: A file name in plan_data/data/, such as performance-2018.csv, "
        "or a pattern where * stands for any characters, such as quarterly-*.csv.")


def test_a_file_whose_name_data_cannot_give_is_named_with_a_fix(project):
    project.write("plan_data/data/Quarterly Q2 (final).CSV", "measure,period,value,source\n")
    [warning] = load_valid_plan(project.root).warnings
    assert warning.message == (
        "no measure reads this file, so none of its figures is shown. 'data' cannot name it as it is (a name "
        "has only letters, digits, '-', '_' and '.', and ends in .csv or .xlsx): rename it first, for example "
        "to Quarterly-Q2-final.csv.")


def test_each_measure_reads_its_own_sheet_of_each_workbook(project):
    from openpyxl import Workbook

    for quarter in ("q1", "q2"):
        book = Workbook()
        book.active.title = "Crime"
        book.active.append(["measure", "period", "value", "source"])
        book.active.append(["all-crime", f"{quarter.upper()} 2021/22", 700, "report-b"])
        other = book.create_sheet("ASB")
        other.append(["measure", "period", "value", "source"])
        other.append(["asb-incidents", f"{quarter.upper()} 2021/22", 50, "report-b"])
        book.save(project.root / f"plan_data/data/quarterly-{quarter}.xlsx")
    project.replace(MEASURES_FILE, "    data: figures.csv\n", "    data: quarterly-*.xlsx\n    sheet: Crime\n")
    add_measure(project, ASB.replace("data: asb.csv", "data: quarterly-*.xlsx\n    sheet: ASB"))
    project.replace("plan_data/editions/2020-2023.yaml", "themes:\n", "other_measures: [asb-incidents]\nthemes:\n")
    plan = load_valid_plan(project.root)
    assert [(f.period_text, f.file) for f in plan.figures["asb-incidents"]] == [
        ("Q1 2021/22", "plan_data/data/quarterly-q1.xlsx"), ("Q2 2021/22", "plan_data/data/quarterly-q2.xlsx")]
    assert [f.period_text for f in plan.figures["all-crime"]] == ["Q1 2021/22", "Q2 2021/22"]
    # figures.csv is now read by no measure.
    assert [w.code for w in plan.warnings] == ["unread-data-file"]
