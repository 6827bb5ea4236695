"""The published CSV downloads are safe to open in a spreadsheet."""
import csv
import io
import json
from datetime import date
from types import SimpleNamespace

import pytest

from plansite.figures.read import Figure
from plansite.measures_catalogue import Measure
from plansite.opendata import measure_csv, safe_cell
from plansite.periods import parse_period


@pytest.mark.parametrize("value, published", [
    ("=HYPERLINK(\"http://example.org\")", "'=HYPERLINK(\"http://example.org\")"),
    ("@SUM(A1)", "'@SUM(A1)"), ("+1", "'+1"), ("-1+2", "'-1+2"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    (" =1", "' =1"), ("Peterborough", "Peterborough"), ("", ""), (-5, -5), (7.5, 7.5),
])
def test_cells_that_a_spreadsheet_would_run_are_made_text(value, published):
    assert safe_cell(value) == published


def test_every_text_cell_of_a_download_is_neutralised_and_numbers_stay_numbers():
    fires = Measure.from_dict({"id": "fires", "title": "Fires", "plain_title": "Fires", "unit": "count",
                               "better": "down", "sources": ["plan-a"]}, area="Exampleton")
    plan = SimpleNamespace(measures={"fires": fires},
                           sources={"plan-a": {"title": "=cmd|' /C calc'!A0"}})
    figure = Figure("fires", parse_period("2018"), "2018", "@SUM(1)", -5.0, False, "plan-a", "-note", "f.csv", 2, "over")
    rows = list(csv.reader(io.StringIO(measure_csv(plan, [figure]))))
    assert rows[1] == ["fires", "2018", date(2018, 1, 1).isoformat(), "2018-12-31", "'@SUM(1)", "over", "-5", "count",
                       "plan-a", "'=cmd|' /C calc'!A0", "'-note"]


def test_the_licence_is_the_one_the_partnership_chose_and_none_until_it_has(project):
    """A licence is the partnership's decision: none is stated until partnership.yaml gives one."""
    from bs4 import BeautifulSoup

    from plansite.opendata import edition_data_files
    from plansite.pages import edition_pages
    from plansite.validate import load_valid_plan

    def published(plan):
        files = {f.path: f.content for f in edition_data_files(plan, "2020-2023-refresh-2021")}
        page = {p.path: p for p in edition_pages(plan, "2020-2023-refresh-2021")}["open-data.md"].markdown
        return json.loads(files["data/datapackage.json"]), BeautifulSoup(page, "html.parser").get_text()

    package, page = published(load_valid_plan(project.root))
    assert "licenses" not in package and "licence" not in page.lower()
    assert "The figures on this site are published as files that anyone may download." in page
    project.write("plan_data/partnership.yaml", (project.root / "plan_data/partnership.yaml").read_text()
                  + "data_licence:\n  name: CC-BY-4.0\n  title: Creative Commons Attribution 4.0\n")
    package, page = published(load_valid_plan(project.root))
    assert package["licenses"] == [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}]
    assert ("anyone may download and reuse, under the Creative Commons Attribution 4.0." in page)
