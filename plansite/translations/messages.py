"""Messages: the site's own words and the plan's text in one language, looked up in its PO files,
with English (where there is no translation) and stale translations marked."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogues import ENGLISH_CHANGED, Translator
from .english import fill, fill_translation, harmless, mark_english, stale_mark, strip_markers
from .texts import SITE_CATALOG, _TEXT_KEYS, _text_fields


@dataclass(frozen=True)
class Messages:
    """The words of one language. Without a translator it is the English, unmarked.

    English with no translation comes back bracketed (mark_english) and a stale translation
    followed by a stale_mark holding the date its English changed, so that each page says what
    it holds from its own text (stale_dates); nothing is kept from one page to the next."""

    language: str = "en"
    translator: Translator | None = None

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
