"""Numbers, dates and periods written the way a language writes them (CLDR, through Babel)."""
from __future__ import annotations


def local_date(value, language: str) -> str:
    """A date as precise as the source gives it ('2016-07-25', '2018-11', '2017'), written the
    way the language writes dates (CLDR); English as in Britain: '25 July 2016'."""
    from datetime import date

    from babel.dates import format_date

    parts = [int(p) for p in str(value).split("-")]
    locale = "en_GB" if language == "en" else language.replace("-", "_")
    if len(parts) == 3:
        return format_date(date(*parts), format="long", locale=locale)
    if len(parts) == 2:
        return format_date(date(parts[0], parts[1], 1), format="LLLL y", locale=locale)
    return str(parts[0])
