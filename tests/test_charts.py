"""Static SVG charts: lines for three or more periods, bars for one or two, told apart without
colour, labelled for screen readers, and mirrored in a right-to-left language."""
from bs4 import BeautifulSoup

from plansite.charts import WIDTH, chart
from plansite.figures.read import Figure
from plansite.periods import parse_period
from plansite.translations import Words


def figure(period: str, series: str, value: float | None) -> Figure:
    return Figure("all-crime", parse_period(period), period, series, value, False, "plan-a", "", "figures.csv", 2)


# Synthetic figures, as in tests/conftest.py.
LINE = [figure("2019", "Here", 1200), figure("2020", "Here", 1000), figure("2020", "Similar areas", 900),
        figure("2022", "Here", 800)]
BARS = [figure("2020", "Here", 1000), figure("2022", "Here", 800), figure("2020", "Similar areas", 900)]


class NoTranslations:
    """A translator that has nothing translated yet."""

    def message(self, catalog, context, english):
        return None


def svg(markup: str):
    return BeautifulSoup(markup, "html.parser").svg


def draw(figures, words=None, chart_id="c1"):
    return svg(chart(chart_id, "Crimes reported: chart", "Fewer crimes.", figures, ["Here", "Similar areas"],
                     lambda f: f"{f.value:,.0f}", words))


def texts(drawing) -> list[tuple[str, str]]:
    return [(t["x"], t.get_text()) for t in drawing.find_all("text")]


def test_chart_is_an_image_named_by_its_title_and_description():
    drawing = draw(LINE)
    assert drawing["role"] == "img"
    assert drawing["aria-labelledby"] == "c1-t c1-d"
    assert drawing.find("title")["id"] == "c1-t" and drawing.find("title").get_text() == "Crimes reported: chart"
    assert drawing.find("desc")["id"] == "c1-d" and drawing.find("desc").get_text() == "Fewer crimes."
    # Drawn in the text colour, so it follows the light and the dark palette.
    assert (drawing["fill"], drawing["stroke"]) == ("currentColor", "currentColor")
    assert drawing.has_attr("direction") is False


def test_three_periods_make_a_line_chart_on_a_rounded_scale():
    drawing = draw(LINE)
    assert drawing["viewbox"] == f"0 0 {WIDTH} 340"
    # The axis runs to 2,000, the next round number above 1,200, in five steps.
    assert texts(drawing)[:5] == [("72", "0"), ("72", "500"), ("72", "1,000"), ("72", "1,500"), ("72", "2,000")]
    assert texts(drawing)[5:8] == [("80", "2019"), ("260", "2020"), ("440", "2022")]
    lines = drawing.find_all("path", attrs={"stroke-width": "2"})
    assert [p["d"] for p in lines] == ["M80 124L260 150L440 176", "M260 163"]
    # Series are told apart by dash and marker shape, and labelled at their last point.
    assert [p.get("stroke-dasharray") for p in lines] == [None, "6 4"]
    assert len(drawing.find_all("circle")) == 3 and len(drawing.find_all("rect")) == 1
    assert texts(drawing)[8:] == [("452", "Here"), ("272", "Similar areas")]


def test_two_periods_make_bars_outlined_then_solid_with_their_values():
    drawing = draw(BARS)
    bars = [(r["width"], r.get("fill"), r.get("stroke")) for r in drawing.find_all("rect")]
    # Legend first, then the bars: 1,000 is the top of the scale and fills the 280-unit plot.
    assert bars == [("18", "none", None), ("18", None, "none"),
                    ("280", "none", None), ("224", None, "none"), ("252", "none", None)]
    assert [t.get_text() for t in drawing.find_all("text")] == [
        "2020", "2022", "Here", "1,000", "800", "Similar areas", "900", "no figure"]


def test_one_period_has_no_legend():
    drawing = draw([figure("2020", "Here", 50)])
    assert [t.get_text() for t in drawing.find_all("text")] == ["Here", "50"]
    assert drawing["viewbox"] == "0 0 640 52"


def test_right_to_left_chart_is_the_mirror_image():
    urdu = Words("ur", NoTranslations(), direction="rtl")
    for figures in (LINE, BARS):
        english, mirrored = draw(figures), draw(figures, urdu)
        assert mirrored["direction"] == "rtl"
        assert [int(t["x"]) for t in mirrored.find_all("text")] == [WIDTH - int(t["x"])
                                                                     for t in english.find_all("text")]
    # A bar keeps its width and ends where the mirrored bar starts.
    english, mirrored = draw(BARS), draw(BARS, urdu)
    for left, right in zip(english.find_all("rect"), mirrored.find_all("rect")):
        assert left["width"] == right["width"]
        assert int(right["x"]) == WIDTH - int(left["x"]) - int(left["width"])


def test_series_names_from_the_data_are_marked_english_in_another_language():
    polish = Words("pl", NoTranslations())
    labels = [t.get_text() for t in draw(LINE, polish).find_all("text")][-2:]
    assert labels == [polish.english("Here"), polish.english("Similar areas")]
    assert labels != ["Here", "Similar areas"]
