"""Numbers, percentages, dates and periods written the way a language writes them (CLDR, through
Babel)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .messages import Messages


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


@dataclass(frozen=True)
class Formats:
    """Numbers, percentages, dates and periods the way one language writes them; in the source
    language, British English. A period's label also has words ('{start} to {end}'), which come
    from messages, the same language's catalogue."""

    messages: Messages

    @property
    def is_source(self) -> bool:
        return self.messages.translator is None

    @property
    def locale(self) -> str:
        """The Babel locale: en_GB for the source language."""
        return "en_GB" if self.is_source else self.messages.language.replace("-", "_")

    def number(self, value: float) -> str:
        """Up to two decimals, with the language's decimal mark and thousands separator."""
        from decimal import Decimal

        from babel.numbers import format_decimal

        rounded = Decimal(str(round(value, 2))).normalize()
        if rounded == rounded.to_integral():
            rounded = rounded.quantize(Decimal(1))
        return format_decimal(rounded, locale=self.locale, decimal_quantization=False)

    def percent(self, value: float) -> str:
        from decimal import Decimal

        from babel.numbers import format_percent

        if self.is_source:
            return f"{self.number(value)}%"
        return format_percent(Decimal(str(round(value, 2))) / 100, locale=self.locale, decimal_quantization=False)

    def date(self, value) -> str:
        """'2016-07-25', '2018-11' or '2017' as precisely as given."""
        return local_date(value, "en" if self.is_source else self.messages.language)

    def period(self, period) -> str:
        """A period's label: 'April 2017 to March 2018', '2017/18', 'the latest 12 months'."""
        if self.is_source:
            return period.label
        words = self.messages
        start, end = period.start, period.end
        kind = period.kind
        if kind == "month":
            return self.date(f"{start.year}-{start.month:02d}")
        if kind == "months":
            return words.t("{start} to {end}", start=self.date(f"{start.year}-{start.month:02d}"),
                           end=self.date(f"{end.year}-{end.month:02d}"))
        if kind == "dates":
            return words.t("{start} to {end}", start=self.date(start.isoformat()), end=self.date(end.isoformat()))
        if kind == "latest":
            return words.n("the latest {months} month", "the latest {months} months", period.months,
                           months=period.months)
        if kind == "before":
            return words.n("the {months} month before", "the {months} months before", period.months,
                           months=period.months)
        if kind == "reported":
            return words.t("as reported on {date}", date=self.date(start.isoformat()))
        if kind == "quarter_as_printed":
            return words.t("Q{quarter} ({year} data)", quarter=period.label[1], year=str(start.year))
        return period.label

    def period_phrase(self, period) -> str:
        """A period inside a sentence: 'in 2016', 'from April 2017 to March 2018'."""
        if self.is_source:
            return period.phrase
        if period.kind == "reported":
            return self.period(period)
        if period.kind in ("months", "dates"):
            return self.messages.t("from {period}", period=self.period(period))
        return self.messages.t("in {period}", period=self.period(period))
