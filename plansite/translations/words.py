"""Words: everything a page says in one language, composed of its Messages and its Formats."""
from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field, replace
from pathlib import Path

from ..editions import ResolvedEdition
from ..measures_catalogue import Measure
from ..model import Plan
from ..versions import resolve_edition
from .catalogues import Translator
from .formats import Formats
from .languages import default_language, text_direction
from .messages import Messages
from .texts import _PLAN_TEXT_KEYS, _TEXT_KEYS, PLAN_CATALOG, _plan_texts


@dataclass(frozen=True)
class Words:
    """Everything a page says, in one language: the site's own words (site.po), plan text
    (<edition>.po and plan.po), numbers and dates. Without a translator it is the English.

    Made once with everything it needs and never changed (frozen): the lookup is Messages,
    numbers, dates and periods are Formats; Words only passes each call on. English with no
    translation comes back marked, a stale translation with a stale mark (see Messages)."""

    language: str = "en"
    translator: Translator | None = None
    _: KW_ONLY
    direction: str = "ltr"
    review: str = "reviewed"
    #: The editions published in this language; None when every edition is.
    editions: frozenset[str] | None = None
    messages: Messages = field(init=False, repr=False, compare=False)
    formats: Formats = field(init=False, repr=False, compare=False)
    #: What edition() and plan() made, by edition id (None for plan()), with the plan it was made
    #: from: a page asks for the same edition many times, and translating it again is the same.
    _made: dict = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self):
        # Frozen: the parts are made here, once, from the fields.
        messages = Messages(self.language, self.translator)
        object.__setattr__(self, "messages", messages)
        object.__setattr__(self, "formats", Formats(messages))
        if self.editions is not None:
            object.__setattr__(self, "editions", frozenset(self.editions))

    @classmethod
    def for_language(cls, root: Path, plan: Plan, code: str | None, *,
                     editions: frozenset[str] | None = None) -> "Words":
        """The words of one of the plan's languages; the source language when code is None.
        editions: the editions published in that language (None: every edition)."""
        if not code or code == default_language(plan):
            return cls(editions=editions)
        language = next(lang for lang in plan.languages if lang["code"] == code)
        return cls(code, Translator(root, code), direction=text_direction(code),
                   review=language.get("review", "draft"), editions=editions)

    @property
    def is_source(self) -> bool:
        return self.translator is None

    @property
    def locale(self) -> str:
        return self.formats.locale

    # The site's own words and the plan's text (Messages).

    def t(self, english: str, **values) -> str:
        """One of the site's own texts, with {name} values filled in (Messages.t)."""
        return self.messages.t(english, **values)

    def n(self, singular: str, plural: str, number: int | float, /, **values) -> str:
        """One of the site's own texts that counts something, in the form for number (Messages.n)."""
        return self.messages.n(singular, plural, number, **values)

    def plain(self, english: str, **values) -> str:
        """As t(), for places that cannot mark language (navigation titles, attributes)."""
        return self.messages.plain(english, **values)

    def english(self, text: str) -> str:
        """Text from the data that has no translation at all (names in the figures)."""
        return self.messages.english(text)

    def translate(self, catalog: str, data, text_keys: set[str] = _TEXT_KEYS):
        """A copy of plan data with each text translated, or marked as English (Messages.translate)."""
        return self.messages.translate(catalog, data, text_keys)

    def _remembered(self, plan: Plan, key: str | None, make):
        made = self._made.get(key)
        if made is None or made[0] is not plan:
            made = (plan, make())
            self._made[key] = made
        return made[1]

    def edition(self, plan: Plan, edition_id: str) -> ResolvedEdition:
        """An edition with its refresh changes applied, in this language."""
        # Translated as the dict it came from (the catalogues' ids are its keys), then typed again.
        return self._remembered(plan, edition_id, lambda: ResolvedEdition.from_dict(
            self.translate(edition_id, resolve_edition(plan, edition_id).as_dict())))

    def plan(self, plan: Plan) -> Plan:
        """The plan with its shared texts (measures, sources, glossary, contacts) in this language."""
        if self.translator is None:
            return plan
        return self._remembered(plan, None, lambda: self._translated_plan(plan))

    def _translated_plan(self, plan: Plan) -> Plan:
        texts = self.translate(PLAN_CATALOG, _plan_texts(plan), _PLAN_TEXT_KEYS)
        glossary = {term: texts["glossary"][term.replace("/", " ")] for term in plan.glossary}
        # Translated as the dicts they came from (the catalogues' ids are their keys), then typed again.
        # The series keeps its English name: the figures are labelled with it.
        measures = {ident: replace(Measure.from_dict(measure, area=None), own_series=plan.measures[ident].own_series)
                    for ident, measure in texts["measures"].items()}
        return replace(plan, partnership=texts["partnership"], measures=measures,
                       sources=texts["sources"], glossary=glossary)

    # Numbers, dates and periods, the way the language writes them (Formats).

    def number(self, value: float) -> str:
        """Up to two decimals, with the language's decimal mark and thousands separator."""
        return self.formats.number(value)

    def percent(self, value: float) -> str:
        return self.formats.percent(value)

    def date(self, value) -> str:
        """'2016-07-25', '2018-11' or '2017' as precisely as given."""
        return self.formats.date(value)

    def period(self, period) -> str:
        """A period's label: 'April 2017 to March 2018', '2017/18', 'the latest 12 months'."""
        return self.formats.period(period)

    def period_phrase(self, period) -> str:
        """A period inside a sentence: 'in 2016', 'from April 2017 to March 2018'."""
        return self.formats.period_phrase(period)
