"""Words: everything a page says in one language."""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Plan
from ..versions import resolve_edition
from .catalogues import Translator
from .formats import local_date
from .english import fill, fill_translation, harmless, mark_english, stale_mark, strip_markers
from .languages import default_language, text_direction
from .status import ENGLISH_CHANGED
from .texts import PLAN_CATALOG, SITE_CATALOG, _PLAN_TEXT_KEYS, _TEXT_KEYS, _plan_texts, _text_fields


class Words:
    """Everything a page says, in one language: the site's own words (site.po), plan text
    (<edition>.po and plan.po), numbers and dates. Without a translator it is the English.

    English with no translation comes back bracketed (mark_english) and a stale translation
    followed by a stale_mark holding the date its English changed, so that each page says what
    it holds from its own text (stale_dates); Words keeps nothing from one page to the next."""

    def __init__(self, language: str = "en", translator: Translator | None = None, *,
                 direction: str = "ltr", review: str = "reviewed"):
        self.language = language
        self.translator = translator
        self.direction = direction
        self.review = review
        self.locale = "en_GB" if translator is None else language.replace("-", "_")
        #: The editions published in this language; None when every edition is.
        self.editions: set[str] | None = None

    @classmethod
    def for_language(cls, root: Path, plan: Plan, code: str | None) -> "Words":
        """The words of one of the plan's languages; the source language when code is None."""
        if not code or code == default_language(plan):
            return cls()
        language = next(lang for lang in plan.languages if lang["code"] == code)
        return cls(code, Translator(root, code), direction=text_direction(code),
                   review=language.get("review", "draft"))

    @property
    def is_source(self) -> bool:
        return self.translator is None

    def t(self, english: str, **values) -> str:
        """One of the site's own texts, with {name} values filled in; English when untranslated,
        marked as such so that the values (which may be translated) are not."""
        if self.translator is None:
            return fill(english, values)
        message = self.translator.message(SITE_CATALOG, None, english)
        if message is not None and not message.pluralizable:
            return fill_translation(message.string, values) + self._note_stale(message, english)
        return self._english(english, values)

    def n(self, singular: str, plural: str, number: int | float, /, **values) -> str:
        """One of the site's own texts that counts something, as gettext's ngettext: the form
        for number in this language (its PO file's Plural-Forms), with {name} values filled in.
        English has two forms: singular for 1, plural otherwise. A count that is not a whole
        number takes the language's last form."""
        if self.translator is None:
            return fill(singular if number == 1 else plural, values)
        message = self.translator.message(SITE_CATALOG, None, singular)
        if message is not None and message.pluralizable:
            forms = list(message.string)
            form = forms[min(self.translator.plural_index(number), len(forms) - 1)]
            if form:
                return fill_translation(form, values) + self._note_stale(message, (singular, plural))
        return self._english(singular if number == 1 else plural, values)

    def _english(self, english: str, values: dict) -> str:
        parts = re.split(r"(\{[a-z_]+\})", english)
        return fill("".join(p if p.startswith("{") or not p.strip() else mark_english(p) for p in parts), values)

    def plain(self, english: str, **values) -> str:
        """As t(), for places that cannot mark language (navigation titles, attributes)."""
        return strip_markers(self.t(english, **values))

    def english(self, text: str) -> str:
        """Text from the data that has no translation at all (names in the figures)."""
        if self.translator is None:
            return text
        return mark_english(text)

    def _note_stale(self, message, english) -> str:
        """A stale mark when the English changed after the translation was made, with the
        date extract noticed it."""
        if message.fuzzy or message.id != english:
            changed = next((c[len(ENGLISH_CHANGED):] for c in message.auto_comments
                            if c.startswith(ENGLISH_CHANGED)), "")
            return stale_mark(changed)
        return ""

    def translate(self, catalog: str, data, text_keys: set[str] = _TEXT_KEYS):
        """A copy of plan data with each text translated, or marked as English."""
        if self.translator is None:
            return data

        def visit(context: str, english: str) -> str:
            message = self.translator.message(catalog, context, english)
            if message is None:
                return mark_english(english)
            return harmless(message.string) + self._note_stale(message, english)

        return _text_fields(data, text_keys, visit)

    def edition(self, plan: Plan, edition_id: str) -> dict:
        """An edition with its refresh changes applied, in this language."""
        return self.translate(edition_id, resolve_edition(plan, edition_id))

    def plan(self, plan: Plan) -> Plan:
        """The plan with its shared texts (measures, sources, glossary, contacts) in this language."""
        if self.translator is None:
            return plan
        from dataclasses import replace

        texts = self.translate(PLAN_CATALOG, _plan_texts(plan), _PLAN_TEXT_KEYS)
        glossary = {term: texts["glossary"][term.replace("/", " ")] for term in plan.glossary}
        return replace(plan, partnership=texts["partnership"], measures=texts["measures"],
                       sources=texts["sources"], glossary=glossary)

    # Numbers and dates, the way the language writes them (CLDR, through Babel).

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

        if self.translator is None:
            return f"{self.number(value)}%"
        return format_percent(Decimal(str(round(value, 2))) / 100, locale=self.locale, decimal_quantization=False)

    def date(self, value) -> str:
        """'2016-07-25', '2018-11' or '2017' as precisely as given."""
        return local_date(value, "en" if self.is_source else self.language)

    def period(self, period) -> str:
        """A period's label: 'April 2017 to March 2018', '2017/18', 'the latest 12 months'."""
        if self.is_source:
            return period.label
        start, end = period.start, period.end
        kind = period.kind
        if kind == "month":
            return self.date(f"{start.year}-{start.month:02d}")
        if kind == "months":
            return self.t("{start} to {end}", start=self.date(f"{start.year}-{start.month:02d}"),
                          end=self.date(f"{end.year}-{end.month:02d}"))
        if kind == "dates":
            return self.t("{start} to {end}", start=self.date(start.isoformat()), end=self.date(end.isoformat()))
        if kind == "latest":
            return self.n("the latest {months} month", "the latest {months} months", period.months, months=period.months)
        if kind == "before":
            return self.n("the {months} month before", "the {months} months before", period.months, months=period.months)
        if kind == "reported":
            return self.t("as reported on {date}", date=self.date(start.isoformat()))
        if kind == "quarter_as_printed":
            return self.t("Q{quarter} ({year} data)", quarter=period.label[1], year=str(start.year))
        return period.label

    def period_phrase(self, period) -> str:
        """A period inside a sentence: 'in 2016', 'from April 2017 to March 2018'."""
        if self.is_source:
            return period.phrase
        if period.kind == "reported":
            return self.period(period)
        if period.kind in ("months", "dates"):
            return self.t("from {period}", period=self.period(period))
        return self.t("in {period}", period=self.period(period))
