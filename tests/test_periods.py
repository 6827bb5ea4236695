from datetime import date

import pytest

from plansite.periods import PeriodError, parse_period


@pytest.mark.parametrize("text, start, end, label", [
    ("2016", date(2016, 1, 1), date(2016, 12, 31), "2016"),
    ("2017/18", date(2017, 4, 1), date(2018, 3, 31), "2017/18"),
    ("2017/2018", date(2017, 4, 1), date(2018, 3, 31), "2017/18"),
    ("Q1 2018/19", date(2018, 4, 1), date(2018, 6, 30), "Q1 2018/19"),
    ("q4 2018/19", date(2019, 1, 1), date(2019, 3, 31), "Q4 2018/19"),
    ("2018-07", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("Jul 2018", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("September 2018", date(2018, 9, 1), date(2018, 9, 30), "September 2018"),
    ("April 2017 to March 2018", date(2017, 4, 1), date(2018, 3, 31), "April 2017 to March 2018"),
    ("January to December 2015", date(2015, 1, 1), date(2015, 12, 31), "January to December 2015"),
    ("2016-07-01 to 2017-06-30", date(2016, 7, 1), date(2017, 6, 30), "1 July 2016 to 30 June 2017"),
])
def test_period_forms(text, start, end, label):
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_six_month_periods_and_as_reported():
    latest = parse_period("latest 6 months", date(2018, 11, 13))
    before = parse_period("6 months before latest", date(2018, 11, 13))
    assert (latest.start, latest.end, latest.label) == (date(2018, 5, 13), date(2018, 11, 13), "the latest 6 months")
    assert (before.start, before.end, before.label) == (date(2017, 11, 13), date(2018, 5, 13), "the 6 months before")
    reported = parse_period("as reported", date(2018, 11, 13))
    assert reported.label == "as reported on 13 November 2018"


def test_relative_periods_need_a_dated_source():
    with pytest.raises(PeriodError) as error:
        parse_period("latest 6 months")
    assert str(error.value) == "a period relative to its source needs a source with a date."


def test_relative_periods_are_anchored_at_their_source_date():
    latest = parse_period("latest 12 months", date(2018, 11, 13))
    before = parse_period("12 months before latest", date(2018, 11, 13))
    assert latest.end == date(2018, 11, 13) and latest.label == "the latest 12 months"
    assert before.end == date(2017, 11, 13) and before.label == "the 12 months before"
    assert before.sort_key < latest.sort_key


@pytest.mark.parametrize("text, message", [
    ("2017/19", "2017/19 is not a financial year (the second year must follow the first)."),
    ("2018-13", "2018-13 has no month 13."),
    ("March 2018 to April 2017", "March 2018 to April 2017 ends before it starts."),
    ("last summer", "'last summer' is not a period we can read."),
    ("", "the period is empty."),
])
def test_unreadable_periods(text, message):
    with pytest.raises(PeriodError) as error:
        parse_period(text)
    assert str(error.value) == message


@pytest.mark.parametrize("text, start, end, label", [
    ("Jul-18", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("Jul-2018", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("01/07/2018", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("1/7/18", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("2018-07-01", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("2018-07-01 00:00:00", date(2018, 7, 1), date(2018, 7, 31), "July 2018"),
    ("Apr-17 to Mar-18", date(2017, 4, 1), date(2018, 3, 31), "April 2017 to March 2018"),
    ("01/04/2017 to 31/03/2018", date(2017, 4, 1), date(2018, 3, 31), "1 April 2017 to 31 March 2018"),
])
def test_periods_as_excel_resaves_them(text, start, end, label):
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


EXCEL = ("If Excel changed what you typed, format the period column as Text (select the column, then Format Cells, "
         "Text) and type the periods again, for example Jul 2018 or 2018-07.")


@pytest.mark.parametrize("text, message, fix", [
    ("18-Jul", "'18-Jul' is a day and a month with no year: Excel shows a date this way when it has turned what "
               "was typed (such as Jul-18) into a day of the current year.", EXCEL),
    ("15/07/2018", "'15/07/2018' is a single day (15 July 2018, reading the date day first as in the UK), not a period.",
     "Write the month (Jul 2018) or the span (2018-04-01 to 2019-03-31). " + EXCEL),
    ("07/15/2018", "'07/15/2018' is not a real date (dates are read day first, as in the UK: 31/03/2018).", EXCEL),
    ("43282", "'43282' looks like a date that a spreadsheet stored as a number (1 July 2018).", EXCEL),
    ("Jul 18", "'Jul 18' could be July 2018 or 18 July.", "Write the year in full, such as Jul 2018."),
])
def test_what_excel_made_of_a_period_is_refused_with_how_to_stop_it(text, message, fix):
    with pytest.raises(PeriodError) as error:
        parse_period(text)
    assert (str(error.value), error.value.fix) == (message, fix)
