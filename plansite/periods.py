"""Periods as people write them in spreadsheets: '2018-07', 'Jul 2018', 'Q1 2018/19',
'2017/18', 'April 2017 to March 2018', and periods a report gives only relative to its
own date: 'latest 12 months', '12 months before latest', 'as reported'.

Excel turns a typed 'Jul 2018' into a date and re-saves it as 'Jul-18' or '01/07/2018'; both
are read as July 2018 (dates are read day first, as in the UK). What Excel makes of other
periods (a day of the current year such as '18-Jul', a date stored as a number) is refused
with the way to stop Excel reformatting: format the column as Text."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import ERRORS, quoted

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

#: What the parser accepts, for error messages.
ACCEPTED = ("a period such as 2016, 2017/18, Q1 2018/19, 2018-07, Jul 2018, "
            "April 2017 to March 2018, 2016-07-01 to 2017-06-30, or, when the source gives it only "
            "relative to its own date, 'latest 6 months', '6 months before latest' or 'as reported'")


@dataclass(frozen=True)
class Period:
    """A span of time, with the words to describe it as precisely as the source did."""

    start: date
    end: date
    label: str
    relative: bool = False
    #: How the source wrote it, so the label can be written in another language:
    #: year, financial_year, quarter, quarter_as_printed, month, months, dates, latest, before or
    #: reported.
    kind: str = "year"
    months: int = 0

    @property
    def phrase(self) -> str:
        """The period inside a sentence: 'in 2016', 'from April 2017 to March 2018'."""
        if self.label.startswith("as reported"):
            return self.label
        if " to " in self.label and not self.relative:
            return f"from {self.label}"
        return f"in {self.label}"

    @property
    def sort_key(self) -> tuple:
        return (self.end, self.start)


class PeriodError(ValueError):
    """The text is not a period we can read. The words are invalid-period's, in errors/catalogue.py:
    `case` names which of its cases, and `values` fill it in."""

    def __init__(self, case: str = "", *, needs_anchor: bool = False, **values):
        self.case = case
        #: The values for the report, with the list of accepted forms where the fix names it.
        self.values = {**values, **({"accepted": ACCEPTED} if "{accepted}" in ERRORS["invalid-period"].wording(case)[1]
                                    else {})}
        message, self.fix = ERRORS["invalid-period"].fill(case, self.values)
        super().__init__(message)
        #: The period is relative, and no date to anchor it was given.
        self.needs_anchor = needs_anchor


def _day(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _year(text: str) -> int:
    """'2018' -> 2018; '18' -> 2018 (Excel's mmm-yy: plans and figures are of this century)."""
    return int(text) if len(text) == 4 else 2000 + int(text)


def _date(day: str, month: str, year: str, raw: str) -> date:
    try:
        return date(_year(year), int(month), int(day))
    except ValueError:
        raise PeriodError("not-a-date", value=quoted(raw)) from None


def _single_date(day: date, raw: str) -> Period:
    """A date standing for a period: the first of a month is that month (what Excel makes of a
    typed 'Jul 2018'); any other day is refused, since figures cover a span."""
    if day.day == 1:
        return Period(day, _month_end(day.year, day.month), f"{calendar.month_name[day.month]} {day.year}", kind="month")
    raise PeriodError("single-day", value=quoted(raw), day=_day(day))


_DMY = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month(text: str) -> int | None:
    return _MONTHS.get(text.lower().rstrip("."))


def _financial_year(first: str, second: str) -> int:
    """'2017', '18' -> 2017, checking that the second year follows the first."""
    start = int(first)
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if end != start + 1:
        raise PeriodError("not-financial-year", value=f"{first}/{second}")
    return start


def parse_period(text: str, anchor: date | None = None) -> Period:
    """Read a period. Relative periods need the anchor: the date of their source."""
    raw = " ".join(str(text).split())
    value = raw.lower()
    if not value:
        raise PeriodError("empty")
    relative = re.fullmatch(r"latest (\d+) months|(\d+) months before latest|as reported", value)
    if relative:
        if anchor is None:
            raise PeriodError("needs-source-date", needs_anchor=True)
        if value == "as reported":
            return Period(anchor, anchor, f"as reported on {anchor.day} {calendar.month_name[anchor.month]} {anchor.year}",
                          relative=True, kind="reported")
        months = int(relative[1] or relative[2])
        end = anchor if relative[1] else _months_before(anchor, months)
        label = f"the latest {months} months" if relative[1] else f"the {months} months before"
        return Period(_months_before(end, months), end, label, relative=True,
                      kind="latest" if relative[1] else "before", months=months)
    if m := re.fullmatch(r"(\d{4})", value):
        year = int(m[1])
        return Period(date(year, 1, 1), date(year, 12, 31), raw)
    if m := re.fullmatch(r"(\d{4})\s*/\s*(\d{2}|\d{4})", value):
        start = _financial_year(m[1], m[2])
        return Period(date(start, 4, 1), date(start + 1, 3, 31), f"{start}/{str(start + 1)[2:]}", kind="financial_year")
    if m := re.fullmatch(r"q([1-4])\s*\(\s*(\d{4})\s+data\s*\)", value):
        # As a report prints it: columns Q1, Q2 under "(2018 data)", not saying whether they are
        # calendar or financial quarters. Labelled so; its dates span both readings.
        quarter, year = int(m[1]), int(m[2])
        first = 1 + 3 * (quarter - 1)
        last_year, last = divmod(first + 5 - 1, 12)
        return Period(date(year, first, 1), _month_end(year + last_year, last + 1),
                      f"Q{quarter} ({year} data)", kind="quarter_as_printed")
    if m := re.fullmatch(r"q([1-4])\s+(\d{4})\s*/\s*(\d{2}|\d{4})", value):
        quarter, start = int(m[1]), _financial_year(m[2], m[3])
        first_month = 4 + 3 * (quarter - 1)
        year = start + (first_month - 1) // 12
        first_month = (first_month - 1) % 12 + 1
        return Period(date(year, first_month, 1), _month_end(year, first_month + 2),
                      f"Q{quarter} {start}/{str(start + 1)[2:]}", kind="quarter")
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError("no-month", value=raw, month=month)
        return Period(date(year, month, 1), _month_end(year, month), f"{calendar.month_name[month]} {year}", kind="month")
    # 'Jul 2018', and Excel's 'Jul-18' and 'Jul-2018'.
    if (m := re.fullmatch(r"([a-z]+\.?)(?:\s+|\s*-\s*)(\d{4})|([a-z]+\.?)-(\d{2})", value)) and _month(m[1] or m[3]):
        year, month = _year(m[2] or m[4]), _month(m[1] or m[3])
        return Period(date(year, month, 1), _month_end(year, month), f"{calendar.month_name[month]} {year}", kind="month")
    if (m := re.fullmatch(r"([a-z]+\.?)\s+(\d{2})", value)) and _month(m[1]):
        name = calendar.month_name[_month(m[1])]
        raise PeriodError("two-readings", value=quoted(raw), month_year=f"{name} 20{m[2]}",
                          day_month=f"{int(m[2])} {name}", example=f"{m[1].title()} 20{m[2]}")
    if (m := re.fullmatch(r"(\d{1,2})[\s-]([a-z]+\.?)", value)) and _month(m[2]):
        raise PeriodError("day-and-month", value=quoted(raw))
    if m := re.fullmatch(_DMY, value):
        return _single_date(_date(m[1], m[2], m[3], raw), raw)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:\s+00:00(?::00)?)?", value):
        return _single_date(_date(m[3], m[2], m[1], raw), raw)
    if re.fullmatch(r"\d{5}(\.\d+)?", value) and 20000 <= float(value) < 60000:
        # Excel counts days from 30 December 1899; a date cell re-saved as General shows the count.
        day = date(1899, 12, 30) + timedelta(days=int(float(value)))
        raise PeriodError("excel-serial", value=quoted(raw), day=_day(day))
    if m := re.fullmatch(_DMY + r"\s+to\s+" + _DMY, value):
        start, end = _date(m[1], m[2], m[3], raw), _date(m[4], m[5], m[6], raw)
        if end < start:
            raise PeriodError("reversed", value=raw)
        return Period(start, end, f"{_day(start)} to {_day(end)}", kind="dates")
    month_year = r"([a-z]+\.?)(?:\s+(\d{4})|-(\d{2}|\d{4}))"
    if m := re.fullmatch(r"([a-z]+\.?)(?:(?:\s+|-)(\d{4})|-(\d{2}))?\s+to\s+" + month_year, value):
        first, last = _month(m[1]), _month(m[4])
        if first and last:
            end_year = _year(m[5] or m[6])
            start_year = _year(m[2] or m[3]) if (m[2] or m[3]) else end_year
            start, end = date(start_year, first, 1), _month_end(end_year, last)
            if end < start:
                raise PeriodError("reversed", value=raw)
            label = (f"{calendar.month_name[first]} {start_year} to {calendar.month_name[last]} {end_year}"
                     if start_year != end_year else
                     f"{calendar.month_name[first]} to {calendar.month_name[last]} {end_year}")
            return Period(start, end, label, kind="months")
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})\s+to\s+(\d{4})-(\d{2})-(\d{2})", value):
        try:
            start = date(int(m[1]), int(m[2]), int(m[3]))
            end = date(int(m[4]), int(m[5]), int(m[6]))
        except ValueError as exc:
            raise PeriodError("not-a-date-range", value=raw, reason=exc) from None
        if end < start:
            raise PeriodError("reversed", value=raw)
        return Period(start, end, f"{start.day} {calendar.month_name[start.month]} {start.year} to "
                                  f"{end.day} {calendar.month_name[end.month]} {end.year}", kind="dates")
    raise PeriodError(value=quoted(raw))
