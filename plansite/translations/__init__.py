"""Translations stage: plan text in gettext PO files, one per language and edition, that any
translator's tool opens (Poedit, Weblate, Crowdin, Lokalise).

Each message's context (msgctxt) is a stable id made from where the text sits in the edition,
such as `priorities/offender-management/why`, and its msgid is the English text. When the
English changes, `extract` keeps the translation but marks it fuzzy and records the old English,
so the translator sees exactly what changed; until then the translation counts as stale.

One module per job: texts (what needs translating), catalogues (the PO files, read and looked
up), status (extract and status), handwritten (translated pages in docs/), english (marking
English, filling templates safely), messages (Messages: the lookup of one language's words, with
English and stale text marked), formats (Formats: numbers, dates, periods), languages, and words
(Words, what a page says in one language: a frozen facade over a Messages and a Formats). Every
public name is imported here, so `from plansite.translations import X` reaches any of them.
"""
from .catalogues import (ENGLISH_CHANGED, TRANSLATIONS_DIR, Translator, has_translation, message_key, plural_function,
                         po_path)
from .english import (ENGLISH_END, ENGLISH_START, STALE, fill, fill_translation, harmless, mark_english,
                      mark_english_html, mark_english_svg, stale_dates, stale_mark, strip_markers)
from .formats import Formats, local_date
from .handwritten import (TRANSLATED_PAGE, TranslatedPageMarkdown, TranslationUnreadable, english_hash,
                          handwritten_translation, is_translation, read_translated_page, render_translated_page,
                          split_front_matter, translated_page_markdown, translation_path)
from .languages import default_language, text_direction, translated_languages
from .messages import Messages
from .status import (Counts, extract, message_counts, page_counts, partial_plurals, plan_counts,
                     site_counts, status_report)
from .texts import PLAN_CATALOG, SITE_CATALOG, edition_messages, plan_messages, ui_messages
from .words import Words

__all__ = [
    "ENGLISH_CHANGED", "ENGLISH_END", "ENGLISH_START", "PLAN_CATALOG", "SITE_CATALOG", "STALE", "TRANSLATED_PAGE",
    "TRANSLATIONS_DIR", "Counts", "Formats", "Messages", "TranslatedPageMarkdown", "TranslationUnreadable",
    "Translator", "Words",
    "default_language", "edition_messages", "english_hash", "extract", "fill", "fill_translation",
    "handwritten_translation", "harmless", "has_translation", "is_translation", "local_date", "mark_english",
    "mark_english_html", "mark_english_svg", "message_counts", "message_key", "page_counts", "partial_plurals",
    "plan_counts", "plan_messages", "plural_function", "po_path", "read_translated_page", "render_translated_page",
    "site_counts", "split_front_matter", "stale_dates", "stale_mark", "status_report", "strip_markers",
    "text_direction", "translated_languages", "translated_page_markdown", "translation_path", "ui_messages",
]
