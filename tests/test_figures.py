"""plansite/figures/: figures as they really arrive (read), the errors they raise, which an edition
shows (select), and what the site says about them (judge, wording)."""
from datetime import date

import pytest

from plansite.editions import ResolvedEdition
from plansite.errors import DataError
from plansite.figures.judge import summarise
from plansite.figures.read import Figure, parse_number, read_figures
from plansite.figures.tables import decode_csv
from plansite.figures.select import edition_figures, in_edition
from plansite.figures.wording import format_value, sentence
from plansite.measures_catalogue import Measure
from plansite.periods import parse_period

SOURCES = {"plan-a": {"id": "plan-a", "date": "2020"}, "report-b": {"id": "report-b", "date": "2018-11-13"}}


def measure(better="down", unit="count", **extra):
    return {"id": "fires", "title": "Deliberate fires", "plain_title": "Deliberate fires", "unit": unit,
            "better": better, **extra}


def typed_measure(better="down", unit="count", **extra):
    """The same measure as the model hands it on, for judging and wording."""
    return Measure.from_dict({"sources": ["plan-a"], **measure(better, unit, **extra)}, area="Peterborough")


def read(tmp_path, content: bytes, name="figures.csv", measures=None):
    folder = tmp_path / "plan_data" / "data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)
    errors: list[DataError] = []
    figures = read_figures(tmp_path, name, measures or {"fires": measure()}, SOURCES, errors, area="Peterborough")
    return figures, [e.format() for e in errors]


@pytest.mark.parametrize("text, expected", [
    ("1,633", (1633.0, False)), ("73%", (73.0, True)), ("5.6", (5.6, False)), (" 12 ", (12.0, False)),
    ("", (None, False)), ("n/a", (None, False)), ("N/A", (None, False)), ("-", (None, False)),
    ("\u22125", (-5.0, False)), ("-5", (-5.0, False)),
])
def test_numbers_as_excel_writes_them(text, expected):
    assert parse_number(text) == expected


def test_encodings_excel_saves():
    assert decode_csv("café".encode("utf-8")) == "café"
    assert decode_csv(b"\xef\xbb\xbf" + "café".encode("utf-8")) == "café"
    assert decode_csv("café – 12".encode("cp1252")) == "café – 12"


def test_csv_saved_by_excel_with_bom_blank_rows_and_trailing_columns(tmp_path):
    content = ("measure,period,series,value,source,note,,\r\n"
               "fires,Jul 2018,Peterborough,\"1,633\",plan-a,,,\r\n"
               ",,,,,,,\r\n"
               "fires,2018-08,Peterborough,n/a,plan-a,not published,,\r\n").encode("utf-8")
    figures, errors = read(tmp_path, b"\xef\xbb\xbf" + content)
    assert errors == []
    assert [(f.period.label, f.value, f.row) for f in figures] == [("July 2018", 1633.0, 2), ("August 2018", None, 4)]


def test_windows_1252_csv(tmp_path):
    content = "measure,period,value,source,note\nfires,2017/18,12,plan-a,Peterborough’s figure\n".encode("cp1252")
    figures, errors = read(tmp_path, content)
    assert errors == [] and figures[0].note == "Peterborough’s figure"
    assert figures[0].series == "Peterborough"


def test_xlsx_is_read_directly(tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append(["measure", "period", "series", "value", "source"])
    sheet.append(["fires", "Q1 2018/19", "Peterborough", 135, "plan-a"])
    sheet.append(["fires", "Q2 2018/19", "Peterborough", "73%", "plan-a"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    figures, errors = read(tmp_path, path.read_bytes(), name="book.xlsx")
    assert errors == []
    assert [(f.period.label, f.value, f.is_percent) for f in figures] == [
        ("Q1 2018/19", 135.0, False), ("Q2 2018/19", 73.0, True)]


def test_row_errors_name_file_row_column_value_and_fix(tmp_path):
    content = ("measure,period,series,value,source\n"
               "fires,2018,Peterborough,lots,plan-a\n"
               "fires,summer,Peterborough,3,plan-a\n"
               "fire,2018,Peterborough,3,plan-a\n"
               "fires,2019,Peterborough,3,plan-z\n"
               "fires,2020,Peterborough,3,plan-a\n"
               "fires,2020,Peterborough,4,plan-a\n").encode()
    _, errors = read(tmp_path, content)
    assert errors == [
        "plan_data/data/figures.csv:2: error [invalid-number] A figure is not a number\n"
        "  at: row 2, column D (value)\n"
        "  problem: 'lots' is not a number.\n"
        "  fix: Write a number such as 1633, 1,633, 5.6 or 73%, or leave the cell empty (or n/a) if there is no figure.",
        "plan_data/data/figures.csv:3: error [invalid-period] A period is not one we can read\n"
        "  at: row 3, column B (period)\n"
        "  problem: 'summer' is not a period we can read.\n"
        "  fix: Write a period such as 2016, 2017/18, Q1 2018/19, 2018-07, Jul 2018, April 2017 to March 2018, "
        "2016-07-01 to 2017-06-30, or, when the source gives it only relative to its own date, "
        "'latest 6 months', '6 months before latest' or 'as reported'.",
        "plan_data/data/figures.csv:4: error [unknown-measure] A measure id is not in the measures catalogue\n"
        "  at: row 4, column A (measure)\n"
        "  problem: 'fire' is not a measure in plan_data/measures/.\n"
        "  fix: Did you mean 'fires'? Use the id of a measure in plan_data/measures/, or declare it there first.",
        "plan_data/data/figures.csv:5: error [unknown-source] A source document id is not in sources.yaml\n"
        "  at: row 5, column E (source)\n"
        "  problem: 'plan-z' is not the id of a document in plan_data/sources.yaml.\n"
        "  fix: Did you mean 'plan-a'? Use the id of a source in plan_data/sources.yaml, or add the document there first.",
        "plan_data/data/figures.csv:7: error [duplicate-row] The same figure is given twice\n"
        "  at: row 7, column B (period)\n"
        "  problem: fires, 2020, Peterborough is already given in row 6.\n"
        "  fix: Keep one row per measure, period and series: delete or correct one of them.",
    ]


def test_missing_column(tmp_path):
    _, errors = read(tmp_path, b"measure,when,value,source\nfires,2018,3,plan-a\n")
    assert errors == [
        "plan_data/data/figures.csv:1: error [missing-column] A data file lacks a required column\n"
        "  at: row 1 (the header row)\n"
        "  problem: the header row has no column named 'period'; it has 'measure', 'when', 'value', 'source'.\n"
        "  fix: Name the columns in row 1: measure, period, value, source, series, note (series and note may be left out)."
    ]


def test_damaged_xlsx(tmp_path):
    _, errors = read(tmp_path, b"\x00\x01 not a zip file", name="broken.xlsx")
    assert len(errors) == 1
    assert errors[0].startswith("plan_data/data/broken.xlsx: error [data-unreadable] A data file cannot be read as a spreadsheet\n")
    assert errors[0].endswith("  fix: Open it in Excel or LibreOffice and save it again as 'CSV UTF-8 (Comma delimited)' or .xlsx.")


def figure(period, value, series="Peterborough", source="plan-a"):
    anchor = date(2018, 11, 13)
    return Figure("fires", parse_period(period, anchor), period, series, value, False, source, "", "f.csv", 2)


EDITION = ResolvedEdition(id="2020-2023", kind="plan", title="Plan", period={"start": 2020, "end": 2023},
                          published={"date": "2020"}, status="current", sources=("plan-a",), all_sources=("plan-a",))


def test_an_edition_shows_the_figures_of_its_years_and_its_own_sources_baselines():
    shown = [figure("2019/20", 1, source="report-b"), figure("2023/24", 2, source="report-b"),
             figure("2018/19", 3, source="plan-a")]
    hidden = [figure("2018/19", 4, source="report-b"), figure("2024/25", 5, source="report-b"),
              figure("2024/25", 6, source="plan-a")]
    assert [f.value for f in shown + hidden if in_edition(f, EDITION)] == [1, 2, 3]


def test_edition_figures_keeps_the_measures_order_and_skips_the_others():
    from types import SimpleNamespace

    figures = [figure("2017/18", 1, source="report-b"), figure("2021/22", 2, source="report-b"),
               figure("2022/23", 3, source="report-b")]
    plan = SimpleNamespace(figures={"fires": figures})
    assert [f.value for f in edition_figures(plan, EDITION, "fires")] == [2, 3]
    assert edition_figures(plan, EDITION, "unknown") == []


def test_fewer_fires_is_an_improvement():
    summary = summarise(typed_measure("down"), [figure("12 months before latest", 482), figure("latest 12 months", 348)])
    assert (summary.movement, summary.trend) == ("down", "improving")
    assert sentence(summary) == (
        "Deliberate fires fell by 28%, from 482 to 348, in the latest 12 months compared with the 12 months before. "
        "The plan aims for this figure to go down, so this is an improvement.")


def test_more_of_a_better_up_measure_is_an_improvement():
    rates = typed_measure("up", unit="percentage")
    summary = summarise(rates, [figure("2016/17", 37.4), figure("2017/18", 39.5)])
    assert summary.trend == "improving"
    assert sentence(summary) == (
        "Deliberate fires rose by 2.1 percentage points, from 37.4% to 39.5%, in 2017/18 compared with 2016/17. "
        "The plan aims for this figure to go up, so this is an improvement.")


def test_rise_in_a_better_down_measure_is_getting_worse():
    summary = summarise(typed_measure("down"), [figure("2015", 100), figure("2016", 106)])
    assert summary.trend == "getting worse"
    assert sentence(summary).endswith("The plan aims for this figure to go down, so this is getting worse.")


def test_neutral_measure_is_not_judged():
    summary = summarise(typed_measure("neither"), [figure("2015", 100), figure("2016", 120)])
    assert (summary.movement, summary.trend) == ("up", "not judged")
    assert sentence(summary) == (
        "Deliberate fires rose by 20%, from 100 to 120, in 2016 compared with 2015. "
        "The plan does not say whether higher or lower is better for this figure.")


def test_small_change_is_no_clear_change():
    summary = summarise(typed_measure("down"), [figure("2015", 100), figure("2016", 101)])
    assert (summary.movement, summary.trend) == ("same", "no clear change")
    assert sentence(summary) == (
        "Deliberate fires stayed about the same, 101 in 2016 compared with 2015 (100). "
        "The plan aims for this figure to go down, and there is no clear change.")


def test_single_figure_has_no_trend():
    summary = summarise(typed_measure("down"), [figure("2016", 101)])
    assert summary.trend == ""
    assert sentence(summary) == "Deliberate fires: 101 in 2016. Only one figure has been published, so there is no trend yet."


def test_missing_period_is_said_and_skipped():
    summary = summarise(typed_measure("down"), [figure("2015", 100), figure("2016", None), figure("2017", 90)])
    assert summary.previous.period.label == "2015"
    assert sentence(summary) == (
        "Deliberate fires fell by 10%, from 100 to 90, in 2017 compared with 2015. "
        "The plan aims for this figure to go down, so this is an improvement. No figure was published for 2016.")


def test_no_figures_says_so_plainly():
    assert sentence(summarise(typed_measure("down"), [])) == "No figures have been published for this measure yet."


def test_comparators_and_target():
    fires = typed_measure("down", comparators=["England"], target={"text": "Below 100.", "value": 100, "source": "plan-a"})
    summary = summarise(fires, [figure("2016", 120), figure("2016", 90, series="England")])
    assert [(c.name, c.value, c.judgement) for c in summary.comparisons] == [("England", 90, "worse")]
    assert summary.target_met is False


def test_ranges_read_as_from_and_to():
    summary = summarise(typed_measure("down"), [figure("2016-04-01 to 2016-09-30", 418)])
    assert sentence(summary) == ("Deliberate fires: 418 from 1 April 2016 to 30 September 2016. "
                                 "Only one figure has been published, so there is no trend yet.")


def test_street_level_crime_is_counted_per_month_area_and_type(tmp_path):
    from plansite.figures.read import aggregate_street_crime
    path = tmp_path / "street.csv"
    path.write_text(
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
        "a,2024-01,C,C,0,0,x,E1,Peterborough 001A,Burglary,,\n"
        "b,2024-01,C,C,0,0,x,E2,Peterborough 002B,Burglary,,\n"
        "c,2024-01,C,C,0,0,x,E3,Fenland 001A,Burglary,,\n"
        "d,2024-02,C,C,0,0,x,E1,Peterborough 001A,Drugs,,\n")
    counts = aggregate_street_crime(path, chunk_rows=2)
    assert sorted(map(tuple, counts[["month", "area", "crime_type", "count"]].values.tolist())) == [
        ("2024-01", "Fenland", "Burglary", 1), ("2024-01", "Peterborough", "Burglary", 2),
        ("2024-02", "Peterborough", "Drugs", 1)]


def test_breakdown_only_figures_name_the_highest_and_lowest():
    survey = typed_measure("neither", unit="percentage", series="Total")
    summary = summarise(survey, [figure("2016/17", 78.5, series="Environmental crime"),
                                 figure("2016/17", 32.2, series="Arson"), figure("2016/17", 57.0, series="Begging")])
    assert sentence(summary) == ("Deliberate fires in 2016/17: highest for Environmental crime (78.5%), "
                                 "lowest for Arson (32.2%).")


# --- Qualifiers: the source's "over 9%" stays "over 9%" ------------------------------------

def qualified_figure(period, value, qualifier, series="Peterborough", percent=False):
    return Figure("fires", parse_period(period, date(2018, 11, 13)), period, series, float(value), percent, "plan-a",
                  "", "f.csv", 2, qualifier)


def test_qualifier_column_is_read_and_normalised(tmp_path):
    content = ("measure,period,series,qualifier,value,source\n"
               "fires,2016,Peterborough,Over,9%,plan-a\n"
               "fires,2017,Peterborough,at  least,56%,plan-a\n"
               "fires,2018,Peterborough,,12,plan-a\n").encode()
    figures, errors = read(tmp_path, content)
    assert errors == []
    assert [(f.value, f.qualifier) for f in figures] == [(9.0, "over"), (56.0, "at least"), (12.0, "")]


def test_unknown_qualifier_and_qualifier_without_a_figure_are_errors(tmp_path):
    content = ("measure,period,series,qualifier,value,source\n"
               "fires,2016,Peterborough,roughly,9%,plan-a\n"
               "fires,2017,Peterborough,over,n/a,plan-a\n").encode()
    figures, errors = read(tmp_path, content)
    assert figures == []
    assert errors == [
        "plan_data/data/figures.csv:2: error [invalid-qualifier] A figure's qualifier is not one we know\n"
        "  at: row 2, column D (qualifier)\n"
        "  problem: 'roughly' is not a qualifier we know.\n"
        "  fix: Write the source's own word before the figure: over, at least, around; "
        "or leave the cell empty when the source gives the figure exactly.",
        "plan_data/data/figures.csv:3: error [invalid-qualifier] A figure's qualifier is not one we know\n"
        "  at: row 3, column D (qualifier)\n"
        "  problem: the qualifier 'over' has no figure in the value column.\n"
        "  fix: Write the figure in the value column, or leave the qualifier empty.",
    ]


def test_latest_figure_and_sentence_keep_the_qualifier():
    change = typed_measure("up", unit="percentage")
    summary = summarise(change, [qualified_figure("latest 12 months", 9, "over")])
    assert format_value(change, summary.latest) == "over 9%"
    assert sentence(summary) == ("Deliberate fires: over 9% in the latest 12 months. "
                                 "Only one figure has been published, so there is no trend yet.")


def test_a_lower_bound_is_judged_only_when_the_bound_makes_the_direction_certain():
    # "over 1,800" after an exact 1,500 is certainly more; the amount is not known.
    rising = summarise(typed_measure("up"), [figure("2015", 1500), qualified_figure("2016", 1800, "over")])
    assert (rising.movement, rising.trend, rising.inexact) == ("up", "improving", True)
    assert sentence(rising) == (
        "Deliberate fires rose from 1,500 to over 1,800, in 2016 compared with 2015. "
        "The source does not give the exact figure, so we do not say by how much. "
        "The plan aims for this figure to go up, so this is an improvement.")
    # "over 1,800" after an exact 2,000 may be more or less: no direction, no judgement.
    unknown = summarise(typed_measure("up"), [figure("2015", 2000), qualified_figure("2016", 1800, "over")])
    assert (unknown.movement, unknown.trend) == ("", "")
    assert sentence(unknown) == (
        "Deliberate fires: over 1,800, in 2016 compared with 2015 (2,000). "
        "The source does not give the exact figure, so we cannot say whether it went up or down.")


def test_an_approximate_figure_is_never_judged():
    summary = summarise(typed_measure("down"), [qualified_figure("2015", 6, "around"), figure("2016", 3)])
    assert (summary.movement, summary.trend) == ("", "")
    assert "around 6" in sentence(summary)


def test_comparisons_and_targets_with_a_qualifier():
    fires = typed_measure("down", comparators=["England"], target={"text": "At most 10.", "value": 10, "source": "plan-a"})
    summary = summarise(fires, [qualified_figure("2016", 12, "at least"), qualified_figure("2016", 11, "over", "England")])
    assert [(c.name, c.judgement, format_value(fires, c.figure)) for c in summary.comparisons] == [
        ("England", "", "over 11")]
    assert summary.target_met is False  # at least 12 is above a target of at most 10
    summary = summarise(fires, [qualified_figure("2016", 8, "at least"), figure("2016", 20, series="England")])
    assert summary.comparisons[0].judgement == "" and summary.target_met is None
    summary = summarise(fires, [qualified_figure("2016", 30, "over"), figure("2016", 20, series="England")])
    assert summary.comparisons[0].judgement == "worse"  # over 30 is certainly more than 20


def test_table_chart_and_open_data_keep_the_qualifier():
    from types import SimpleNamespace

    from bs4 import BeautifulSoup

    from plansite.charts import chart
    from plansite.opendata import measure_csv
    from plansite.pages import figures_table

    change = typed_measure("up", unit="percentage")
    figures = [qualified_figure("latest 12 months", 9, "over", percent=True)]
    table = BeautifulSoup(figures_table(change, figures, "t"), "html.parser")
    assert [td.get_text() for td in table.select("td")] == ["over 9%"]
    svg = BeautifulSoup(chart("c", "Title", "Description", figures, ["Peterborough"], lambda f: "9%"), "html.parser")
    assert "over 9%" in [text.get_text() for text in svg.select("text")]
    plan = SimpleNamespace(measures={"fires": change}, sources={"plan-a": {"title": "Plan A"}})
    lines = measure_csv(plan, figures).splitlines()
    assert lines == ["measure,period,period_start,period_end,series,qualifier,value,unit,source,source_title,note",
                     "fires,latest 12 months,2017-11-13,2018-11-13,Peterborough,over,9,percentage,plan-a,Plan A,"]


def test_qualifier_words_are_the_sites_own_words_for_translators():
    from plansite.translations import ui_messages

    assert {"over {value}", "at least {value}", "around {value}"} <= set(ui_messages())


def test_quarters_as_a_report_prints_them(tmp_path):
    content = ("measure,period,value,source\n"
               "fires,Q1 (2018 data),135,report-b\nfires,Q2 (2018 data),117,report-b\n").encode()
    figures, errors = read(tmp_path, content)
    assert errors == []
    assert [(f.period.label, f.period.start.isoformat(), f.period.end.isoformat()) for f in figures] == [
        ("Q1 (2018 data)", "2018-01-01", "2018-06-30"), ("Q2 (2018 data)", "2018-04-01", "2018-09-30")]


def test_a_qualifier_typed_into_the_value_cell_is_pointed_to_its_column(tmp_path):
    _, errors = read(tmp_path, b"measure,period,value,source\nfires,2016,over 1800,plan-a\n")
    assert errors == [
        "plan_data/data/figures.csv:2: error [invalid-number] A figure is not a number\n"
        "  at: row 2, column C (value)\n"
        "  problem: 'over 1800' is not a number.\n"
        "  fix: Write the number alone in the value column and 'over' in a column named qualifier."]


def test_breakdowns_are_not_ranked_when_a_figure_is_not_exact():
    survey = typed_measure("neither", series="Total")
    summary = summarise(survey, [figure("2016/17", 45, series="Arson"),
                                 qualified_figure("2016/17", 40, "over", series="Begging")])
    assert sentence(summary) == ("Deliberate fires in 2016/17: the source does not give every figure exactly, "
                                 "so we do not say which is highest or lowest.")


# --- Hostile and Excel-made data files -----------------------------------------------------

HEADER = "measure,period,series,value,source,note\n"


@pytest.mark.parametrize("cell, column, what, shown", [
    ('"=HYPERLINK(""http://example.org"",""click"")"', "F (note)", "'='", "'=HYPERLINK(\"http://example.org\",\"click\")'"),
    ("@SUM(A1)", "F (note)", "'@'", "'@SUM(A1)'"),
    ("+1+1", "F (note)", "'+'", "'+1+1'"),
    ("-2+3", "F (note)", "'-'", "'-2+3'"),
    (' =1+1', "F (note)", "'='", "'=1+1'"),
    ('"\t=1+1"', "F (note)", "a tab", "'\\t=1+1'"),
    ('"\r=1+1"', "F (note)", "a line break (carriage return)", "'\\r=1+1'"),
])
def test_formula_like_cells_are_refused(tmp_path, cell, column, what, shown):
    _, errors = read(tmp_path, (HEADER + f"fires,2018,Peterborough,3,plan-a,{cell}\n").encode())
    deleted = what.removeprefix("a ")
    assert errors == [
        "plan_data/data/figures.csv:2: error [formula-in-cell] A cell would run as a formula in a spreadsheet\n"
        f"  at: row 2, column {column}\n"
        f"  problem: {shown} starts with {what}, which Excel and other spreadsheet programs take as the start "
        "of a formula: in the published CSV it could run when a resident opens it.\n"
        f"  fix: Begin the cell with a letter or a digit, or delete the {deleted} at its start. "
        "(A negative figure such as -5 is fine in the value column.)"]


def test_formula_in_series_and_value_but_negative_numbers_are_fine(tmp_path):
    figures, errors = read(tmp_path, (HEADER + "fires,2018,Peterborough,-5,plan-a,\n"
                                      "fires,2019,Peterborough,+7.5%,plan-a,\n"
                                      "fires,2020,@SUM(1),3,plan-a,\n"
                                      "fires,2021,Peterborough,=1+1,plan-a,\n").encode())
    assert [(f.value, f.is_percent) for f in figures] == [(-5.0, False), (7.5, True)]
    assert [e.splitlines()[1] for e in errors] == ["  at: row 4, column C (series)", "  at: row 5, column D (value)"]


def test_semicolons_and_decimal_commas_as_european_excel_saves(tmp_path):
    content = ("measure;period;series;value;source;note\n"
               "fires;2018;Peterborough;1.633;plan-a;x\n"
               "fires;2019;Peterborough;5,6;plan-a;\"a; b\"\n"
               "fires;2020;Peterborough;73,5 %;plan-a;\n"
               "fires;2021;Peterborough;1 200,5;plan-a;\n").encode()
    figures, errors = read(tmp_path, content)
    assert errors == []
    assert [(f.value, f.is_percent, f.note) for f in figures] == [
        (1633.0, False, "x"), (5.6, False, "a; b"), (73.5, True, ""), (1200.5, False, "")]


def test_a_number_that_does_not_fit_the_separator_names_it(tmp_path):
    _, errors = read(tmp_path, b"measure;period;value;source\nfires;2018;1,633.5;plan-a\n")
    assert errors == [
        "plan_data/data/figures.csv:2: error [invalid-number] A figure is not a number\n"
        "  at: row 2, column C (value)\n"
        "  problem: '1,633.5' is not a number.\n"
        "  fix: This file's columns are separated by semicolons (;), as Excel saves CSV where a comma is the "
        "decimal sign: write a number such as 1633, 1.633, 5,6 or 73%, or leave the cell empty (or n/a) if "
        "there is no figure. Or save the file as 'CSV UTF-8 (Comma delimited)'."]


def test_excels_sep_line_names_the_separator(tmp_path):
    figures, errors = read(tmp_path, b"sep=;\nmeasure;period;value;source\nfires;Jul-18;2,5;plan-a\n")
    assert errors == [] and [(f.period.label, f.value, f.row) for f in figures] == [("July 2018", 2.5, 3)]


def test_csv_macintosh_and_other_single_byte_encodings():
    mac = "fires,2018,3,plan-a,“The café’s figure” – up £5\n"
    assert decode_csv(mac.encode("mac_roman")) == mac
    assert decode_csv(mac.encode("cp1252")) == mac
    assert decode_csv("fires,2018,3,plan-a,Meeting at the café\n".encode("mac_roman")).endswith("café\n")
    assert decode_csv("fires,2018,3,plan-a,Meeting at the café, £5\n".encode("cp850")).endswith("café, £5\n")
    polish = "fires,2018,3,plan-a,Zażółć gęślą jaźń\n"
    assert decode_csv(polish.encode("cp1250")) == polish
    assert decode_csv(("measure\tvalue\n" + "café\t3\n").encode("utf-16")) == "measure\tvalue\ncafé\t3\n"


def test_mac_csv_reads_as_written(tmp_path):
    content = (HEADER + "fires,2018,Peterborough,3,plan-a,“The café’s figure” – up\n").encode("mac_roman")
    figures, errors = read(tmp_path, content)
    assert errors == [] and figures[0].note == "“The café’s figure” – up"


def test_old_mac_line_endings(tmp_path):
    content = (HEADER + "fires,2018,Peterborough,3,plan-a,café\n").replace("\n", "\r").encode("mac_roman")
    figures, errors = read(tmp_path, content)
    assert errors == [] and [(f.note, f.row) for f in figures] == [("café", 2)]


def test_unicode_text_saved_by_excel_is_tab_separated_utf16(tmp_path):
    content = "measure\tperiod\tvalue\tsource\tnote\nfires\t2018\t3\tplan-a\tcafé\n".encode("utf-16")
    figures, errors = read(tmp_path, content)
    assert errors == [] and figures[0].note == "café"


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b"\xef\xbb\xbf", b"  \n"])
def test_empty_file(tmp_path, content):
    _, errors = read(tmp_path, content)
    assert errors == [
        "plan_data/data/figures.csv: error [empty-file] A data file is empty\n"
        "  problem: the file is empty: it has no header row and no figures.\n"
        "  fix: Write the column names in row 1 (measure, period, value, source, and optionally series and note) "
        "and a figure in each row below, or remove the measure's 'data' line."]


def test_empty_header_row(tmp_path):
    _, errors = read(tmp_path, b",,,\nfires,2018,3,plan-a\n")
    assert errors == [
        "plan_data/data/figures.csv:1: error [missing-column] A data file lacks a required column\n"
        "  at: row 1 (the header row)\n"
        "  problem: the header row has no column named 'measure', 'period', 'value', 'source'; it is empty.\n"
        "  fix: Name the columns in row 1: measure, period, value, source, series, note (series and note may be left out)."]


def test_errors_quote_little_of_a_garbage_header(tmp_path):
    garbage = ",".join("\x01\x7f" + "x" * 200 for _ in range(30)) + "\n"
    _, errors = read(tmp_path, garbage.encode())
    problem = errors[0].splitlines()[2]
    assert problem == ("  problem: the header row has no column named 'measure', 'period', 'value', 'source'; it has "
                       + ", ".join(["'\\x01\\x7f" + "x" * 51 + "…'"] * 10) + " and 20 more.")


@pytest.mark.parametrize("content, problem", [
    (b"PK\x03\x04" + bytes(range(256)) * 8,
     "the file is not CSV text: it is an Excel workbook (.xlsx) or another zip file with a .csv name."),
    (b"\xd0\xcf\x11\xe0" + bytes(range(256)) * 8,
     "the file is not CSV text: it is an old Excel workbook (.xls) with a .csv name."),
    (bytes(range(256)) * 8, "the file holds binary data, not text."),
])
def test_binary_files_are_refused_without_quoting_them(tmp_path, content, problem):
    _, errors = read(tmp_path, content)
    assert len(errors) == 1 and errors[0].splitlines()[1] == f"  problem: {problem}"


def test_a_quotation_mark_never_closed(tmp_path):
    content = (HEADER + 'fires,2018,Peterborough,3,plan-a,"never closed\n' + "fires,2019,x,3,plan-a,\n" * 10_000).encode()
    figures, errors = read(tmp_path, content)
    assert figures == [] and errors == [
        "plan_data/data/figures.csv:2: error [data-unreadable] A data file cannot be read as a spreadsheet\n"
        "  problem: row 2 could not be read (field larger than field limit (131072)); usually a quotation mark (\") "
        "that is never closed, so the rest of the file runs into one cell.\n"
        "  fix: Find the cell that starts with a quotation mark and close it, or delete the mark; or save the "
        "file again from Excel."]


def test_a_line_too_long_to_be_a_row(tmp_path):
    _, errors = read(tmp_path, (HEADER + "x" * 200_000 + "\n").encode())
    assert errors[0].splitlines()[:2] == [
        "plan_data/data/figures.csv:2: error [data-unreadable] A data file cannot be read as a spreadsheet",
        "  problem: line 2 is longer than 100,000 characters, so this is not a spreadsheet's rows of figures."]


def test_encoding_that_changes_after_the_start_gives_no_figures(tmp_path, monkeypatch):
    import plansite.figures.tables as tables_module
    monkeypatch.setattr(tables_module, "SAMPLE_BYTES", 64)
    content = (HEADER + "fires,2018,Peterborough,3,plan-a,plain\n" * 3).encode() + "fires,2019,Peterborough,3,plan-a,café\n".encode("cp1252")
    figures, errors = read(tmp_path, content)
    assert figures == [] and errors == [
        "plan_data/data/figures.csv:5: error [data-encoding] A data file's text encoding is not recognised\n"
        "  problem: line 5 holds characters that are not UTF-8 text, the encoding the start of the file is in.\n"
        "  fix: Open the file in Excel and save it again as 'CSV UTF-8 (Comma delimited)'."]


def test_too_many_problems_stop_the_list(tmp_path):
    figures, errors = read(tmp_path, (HEADER + "fires,2018,Peterborough,lots,plan-a,\n" * 500).encode())
    assert figures == [] and len(errors) == 101
    assert errors[-1] == (
        "plan_data/data/figures.csv:102: error [too-many-problems] A data file has too many problems to list\n"
        "  problem: the file has more than 100 problems; the rest from row 102 on are not listed.\n"
        "  fix: Fix the problems above (often one mistake repeated, such as a wrong column), then validate again.")


def test_excel_periods_in_a_csv(tmp_path):
    content = (HEADER + "fires,Jul-18,Peterborough,1,plan-a,\n"
                        "fires,01/08/2018,Peterborough,2,plan-a,\n"
                        "fires,18-Sep,Peterborough,3,plan-a,\n").encode()
    figures, errors = read(tmp_path, content)
    assert [f.period.label for f in figures] == ["July 2018", "August 2018"]
    assert errors == [
        "plan_data/data/figures.csv:4: error [invalid-period] A period is not one we can read\n"
        "  at: row 4, column B (period)\n"
        "  problem: '18-Sep' is a day and a month with no year: Excel shows a date this way when it has turned "
        "what was typed (such as Jul-18) into a day of the current year.\n"
        "  fix: If Excel changed what you typed, format the period column as Text (select the column, then "
        "Format Cells, Text) and type the periods again, for example Jul 2018 or 2018-07."]


def workbook(tmp_path, rows, sheets=("Figures",), formats=None, name="book.xlsx"):
    from openpyxl import Workbook
    book = Workbook()
    book.active.title = sheets[0]
    for extra in sheets[1:]:
        book.create_sheet(extra)
    sheet = book[sheets[0]]
    sheet.append(["measure", "period", "series", "value", "source", "note"])
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    path = tmp_path / name
    book.save(path)
    return path.read_bytes()


def test_xlsx_percentages_dates_and_numbers_as_excel_shows_them(tmp_path):
    from datetime import datetime
    content = workbook(tmp_path, [["fires", datetime(2018, 7, 1), "Peterborough", 0.1, "plan-a", None],
                                  ["fires", "Aug-18", "Peterborough", 0.735, "plan-a", None],
                                  ["fires", "2019", "Peterborough", 1633.0, "plan-a", None]],
                       formats={"D2": "0%", "D3": "0.0%"})
    figures, errors = read(tmp_path, content, name="book.xlsx")
    assert errors == []
    assert [(f.period.label, f.period_text, f.value, f.is_percent) for f in figures] == [
        ("July 2018", "01/07/2018", 10.0, True), ("August 2018", "Aug-18", 73.5, True), ("2019", "2019", 1633.0, False)]


def test_xlsx_date_cell_that_is_not_a_month(tmp_path):
    from datetime import datetime
    content = workbook(tmp_path, [["fires", datetime(2018, 7, 15), "Peterborough", 3, "plan-a", None]])
    _, errors = read(tmp_path, content, name="book.xlsx")
    assert errors[0].splitlines()[2] == ("  problem: '15/07/2018' is a single day (15 July 2018, reading the date day "
                                         "first as in the UK), not a period.")


def test_xlsx_formula_without_a_saved_result_is_an_error(tmp_path):
    content = workbook(tmp_path, [["fires", "2018", "Peterborough", "=2*3", "plan-a", None]])
    figures, errors = read(tmp_path, content, name="book.xlsx")
    assert figures == [] and errors == [
        "plan_data/data/book.xlsx:2: error [formula-without-value] A formula has no saved result\n"
        "  at: row 2, column D (value)\n"
        "  problem: the cell holds a formula ('=2*3') whose result was never saved, so there is nothing to read.\n"
        "  fix: Open the workbook in Excel or LibreOffice, let it calculate, and save it; or type the value "
        "itself in the cell."]


def test_xlsx_formula_with_its_saved_result_is_read(tmp_path):
    import zipfile
    content = workbook(tmp_path, [["fires", "2018", "Peterborough", "=2*3", "plan-a", None]])
    # openpyxl cannot save a formula's result; Excel always does. Add it as Excel would.
    source = tmp_path / "book.xlsx"
    source.write_bytes(content)
    saved = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(saved, "w") as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b"<f>2*3</f><v />" in data
                data = data.replace(b"<f>2*3</f><v />", b"<f>2*3</f><v>6</v>")
            copy.writestr(item, data)
    figures, errors = read(tmp_path, saved.read_bytes(), name="book.xlsx")
    assert errors == [] and [f.value for f in figures] == [6.0]


def test_xlsx_with_several_sheets_needs_the_measure_to_name_one(tmp_path):
    content = workbook(tmp_path, [["fires", "2018", "Peterborough", 3, "plan-a", None]], sheets=("Figures", "Notes"))
    figures, errors = read(tmp_path, content, name="book.xlsx")
    assert figures == [] and errors == [
        "plan_data/data/book.xlsx: error [several-sheets] A workbook has several sheets and the measure names none\n"
        "  problem: the workbook has 2 sheets ('Figures', 'Notes'), and the measure does not say which one holds "
        "its figures.\n"
        "  fix: Add a line 'sheet: Figures' (the sheet's name as its tab shows it) to each measure in "
        "plan_data/measures/ that reads this file, or delete the other sheets."]


def test_measures_read_the_sheet_they_name(tmp_path):
    from plansite.figures.read import read_all_figures
    content = workbook(tmp_path, [["fires", "2018", "Peterborough", 3, "plan-a", None]], sheets=("Figures", "Notes"))
    (tmp_path / "plan_data" / "data").mkdir(parents=True)
    (tmp_path / "plan_data" / "data" / "book.xlsx").write_bytes(content)
    errors = []
    figures = read_all_figures(tmp_path, {"fires": measure(data="book.xlsx", sheet="Figures")}, SOURCES, errors, area="Peterborough")
    assert errors == [] and [f.value for f in figures["fires"]] == [3.0]
    read_all_figures(tmp_path, {"fires": measure(data="book.xlsx", sheet="Figs")}, SOURCES, errors, area="Peterborough")
    assert errors == [
        DataError(code="unknown-sheet", file="plan_data/data/book.xlsx", line=None, column=None, path="",
                  message="the workbook has no sheet named 'Figs'; it has 'Figures', 'Notes'.",
                  fix="Correct the measure's 'sheet' to the name on the sheet's tab.")]


def test_a_workbook_that_would_unpack_too_far_is_not_opened(tmp_path, monkeypatch):
    import zipfile
    import plansite.figures.tables as tables_module
    monkeypatch.setattr(tables_module, "MAX_XLSX_BYTES", 1 << 20)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (2 << 20))
    _, errors = read(tmp_path, path.read_bytes(), name="book.xlsx")
    assert errors == [
        "plan_data/data/book.xlsx: error [data-unreadable] A data file cannot be read as a spreadsheet\n"
        "  problem: the workbook would take 2 MB once unpacked, more than the 1 MB a workbook of figures may.\n"
        "  fix: Keep only the figures in the workbook, or save the sheet as 'CSV UTF-8 (Comma delimited)'."]


def test_a_column_named_twice(tmp_path):
    _, errors = read(tmp_path, b"measure,period,value,Value,source\nfires,2018,3,4,plan-a\n")
    assert errors == [
        "plan_data/data/figures.csv:1: error [duplicate-column] A data file names a column twice\n"
        "  at: row 1 (the header row)\n"
        "  problem: the header row names 'value' twice (columns C and D), so which one holds the figures is not clear.\n"
        "  fix: Keep one column of each name: delete the other, or rename it to something else."]


def test_a_spreadsheet_error_value(tmp_path):
    _, errors = read(tmp_path, (HEADER + "fires,2018,Peterborough,#DIV/0!,plan-a,\n").encode())
    assert errors[0].splitlines()[2:] == [
        "  problem: '#DIV/0!' is the error a spreadsheet shows for a formula it cannot work out, not a figure.",
        "  fix: Correct the formula in the spreadsheet and save the file again, or leave the cell empty (or n/a) "
        "if there is no figure."]


def test_errors_quote_at_most_60_characters_of_a_cell(tmp_path):
    _, errors = read(tmp_path, (HEADER + "fires," + "x" * 5000 + ",Peterborough,3,plan-a,\n").encode())
    assert errors[0].splitlines()[2] == "  problem: '" + "x" * 59 + "…' is not a period we can read."


def test_a_sheet_named_for_a_csv(tmp_path):
    from plansite.figures.read import read_all_figures
    (tmp_path / "plan_data" / "data").mkdir(parents=True)
    (tmp_path / "plan_data" / "data" / "figures.csv").write_text(HEADER + "fires,2018,Peterborough,3,plan-a,\n")
    errors = []
    read_all_figures(tmp_path, {"fires": measure(data="figures.csv", sheet="Figures")}, SOURCES, errors, area="Peterborough")
    assert [e.format() for e in errors] == [
        "plan_data/data/figures.csv: error [unknown-sheet] A measure names a sheet the workbook does not have\n"
        "  problem: a measure names the sheet 'Figures', but a CSV file has no sheets.\n"
        "  fix: Remove the measure's 'sheet' line, or name the .xlsx workbook in its 'data'."]


def test_a_control_character_in_a_cell(tmp_path, monkeypatch):
    import plansite.figures.tables as tables_module
    monkeypatch.setattr(tables_module, "SAMPLE_BYTES", 64)  # after the bytes that are checked for binary data
    content = (HEADER + "".join(f"fires,{year},Peterborough,3,plan-a,plain\n" for year in (2016, 2017, 2018))
               + "fires,2019,Peterborough,3,plan-a,a\x00b\n").encode()
    figures, errors = read(tmp_path, content)
    assert errors == [
        "plan_data/data/figures.csv:5: error [control-character] A cell holds an invisible control character\n"
        "  at: row 5, column F (note)\n"
        "  problem: 'a\\x00b' holds an invisible control character (\\x00).\n"
        "  fix: Retype the cell: such characters come from copying text out of another program, or from a file "
        "that is not text."]


@pytest.mark.parametrize("content, problem", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
     "the file is not an .xlsx workbook: it is an old Excel workbook (.xls), or a workbook protected with a password."),
    (HEADER.encode(), "the file is text, not an .xlsx workbook: a CSV file with an .xlsx name?"),
])
def test_files_with_an_xlsx_name_that_are_not_workbooks(tmp_path, content, problem):
    _, errors = read(tmp_path, content, name="book.xlsx")
    assert len(errors) == 1 and errors[0].splitlines()[1] == f"  problem: {problem}"


def test_a_relative_period_whose_source_has_no_real_date(tmp_path):
    folder = tmp_path / "plan_data" / "data"
    folder.mkdir(parents=True)
    (folder / "figures.csv").write_text(HEADER + "fires,latest 12 months,Peterborough,3,report-b,\n")
    errors = []
    figures = read_figures(tmp_path, "figures.csv", {"fires": measure()},
                           {"report-b": {"id": "report-b", "date": "2018-13-45"}}, errors, area="Peterborough")
    assert figures == [] and [e.format() for e in errors] == [
        "plan_data/data/figures.csv:2: error [invalid-period] A period is not one we can read\n"
        "  at: row 2, column B (period)\n"
        "  problem: the period is relative to the date of its source 'report-b', and that source's date "
        "'2018-13-45' is not a real date.\n"
        "  fix: Correct the source's date in plan_data/sources.yaml (year-month-day, such as 2018-11-13)."]
