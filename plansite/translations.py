"""Translations stage: plan text in gettext PO files, one per language and edition, that any
translator's tool opens (Poedit, Weblate, Crowdin, Lokalise).

Each message's context (msgctxt) is a stable id made from where the text sits in the edition,
such as `priorities/offender-management/why`, and its msgid is the English text. When the
English changes, `extract` keeps the translation but marks it fuzzy and records the old English,
so the translator sees exactly what changed; until then the translation counts as stale.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .model import Plan
from .versions import resolve_edition

TRANSLATIONS_DIR = "translations"
#: Fields whose text a reader sees; everything else (ids, dates, references) stays as it is.
_TEXT_KEYS = {"title", "short_title", "summary", "text", "key_outcome", "why", "note", "name", "description",
              "reason", "role", "crime_type", "source_note"}
_TEXT_LISTS = {"actions", "success", "items", "findings", "areas", "delivered_by", "linked_to",
               "responsible_authorities", "cooperating_bodies", "invitees"}
_SKIP = {"sources_all", "own_fields", "updated_fields", "base_title", "source_notes", "changes"}


class Counts(NamedTuple):
    """How many texts or pages are translated, stale (the English changed since) or missing."""

    translated: int
    stale: int
    missing: int

    @property
    def total(self) -> int:
        return self.translated + self.stale + self.missing


def default_language(plan: Plan) -> str:
    return plan.languages[0]["code"] if plan.languages else "en"


def translated_languages(plan: Plan) -> list[dict]:
    """Every configured language but the source language."""
    return plan.languages[1:]


def edition_messages(plan: Plan, edition_id: str) -> dict[str, str]:
    """Stable id -> English text, for every piece of text the edition shows."""
    messages: dict[str, str] = {}

    def walk(value, path: list[str], key: str | None):
        if isinstance(value, dict):
            for child_key, child in value.items():
                if child_key not in _SKIP:
                    walk(child, path + [child_key], child_key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                label = item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else str(index)
                walk(item, path + [label], key if key in _TEXT_LISTS else None)
        elif isinstance(value, str) and value.strip() and (key in _TEXT_KEYS or key in _TEXT_LISTS):
            messages["/".join(path)] = value.strip()

    walk(resolve_edition(plan, edition_id), [], None)
    return messages


def po_path(root: Path, language: str, edition_id: str) -> Path:
    return Path(root) / "plan_data" / TRANSLATIONS_DIR / language / f"{edition_id}.po"


def _read(path: Path, language: str) -> Catalog:
    if not path.is_file():
        return Catalog(locale=language)
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def extract(root: Path, plan: Plan, languages: list[str] | None = None) -> list[Path]:
    """Create or update the PO file of every language and edition; return the files written."""
    written = []
    codes = languages or [lang["code"] for lang in translated_languages(plan)]
    for language in codes:
        written.append(_write_catalog(root, language, SITE_CATALOG, UI_MESSAGES, "The words this site writes itself"))
        for edition_id in plan.editions:
            written.append(_write_catalog(root, language, edition_id, edition_messages(plan, edition_id),
                                          plan.editions[edition_id]["title"]))
    return written


def _write_catalog(root: Path, language: str, name: str, messages: dict[str, str], title: str) -> Path:
    """Write one PO file: new texts empty, changed ones kept but fuzzy with the old English."""
    path = po_path(root, language, name)
    old = {message.context: message for message in _read(path, language) if message.id}
    catalog = Catalog(
        locale=language, fuzzy=False, project=title, version=name,
        header_comment=(f"# {title}: to translate into {language}.\n# Made by `build_plan.py translations "
                        "extract`; translate the msgstr lines, keep msgctxt and msgid."),
        last_translator="", language_team=language, msgid_bugs_address="")
    for context, english in messages.items():
        previous = old.get(context)
        if previous is None or not previous.string:
            catalog.add(english, "", context=context)
        elif previous.id == english:
            catalog.add(english, previous.string, context=context, flags=previous.flags)
        else:
            catalog.add(english, previous.string, context=context, flags={"fuzzy"}, previous_id=previous.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, include_previous=True, sort_output=False)
    return path


def message_counts(root: Path, plan: Plan, language: str, edition_id: str) -> Counts:
    """How many of an edition's texts are translated, stale (English changed since) or missing."""
    return _counts(root, language, edition_id, edition_messages(plan, edition_id))


def _counts(root: Path, language: str, name: str, messages: dict[str, str]) -> Counts:
    catalog = {message.context: message for message in _read(po_path(root, language, name), language) if message.id}
    translated = stale = missing = 0
    for context, english in messages.items():
        message = catalog.get(context)
        if message is None or not message.string:
            missing += 1
        elif message.fuzzy or message.id != english:
            stale += 1
        else:
            translated += 1
    return Counts(translated, stale, missing)


def english_hash(text: str) -> str:
    """A short fingerprint of an English page, which its translation records as translated_from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def page_counts(root: Path, language: str) -> tuple[Counts, list[str]]:
    """Hand-written pages in docs/: translated, stale or missing; with notes on stale ones."""
    docs = Path(root) / "docs"
    translated = stale = missing = 0
    notes = []
    for page in sorted(docs.rglob("*.md")):
        if re.search(r"\.[a-z]{2,3}(-[A-Z]{2})?\.md$", page.name):
            continue
        translation = page.with_name(f"{page.stem}.{language}.md")
        current = english_hash(page.read_text(encoding="utf-8"))
        if not translation.is_file():
            missing += 1
            continue
        recorded = re.search(r"^translated_from:\s*(\w+)", translation.read_text(encoding="utf-8"), re.M)
        if recorded and recorded.group(1) == current:
            translated += 1
        else:
            stale += 1
            notes.append(f"{translation.relative_to(root)}: the English page changed since it was translated; "
                         f"update it, then set 'translated_from: {current}' in its front matter")
    return Counts(translated, stale, missing), notes


def status_report(root: Path, plan: Plan) -> str:
    """Per language and edition: strings and pages translated, stale and missing."""
    lines = []
    for language in translated_languages(plan):
        code = language["code"]
        pages, notes = page_counts(root, code)
        site = _counts(root, code, SITE_CATALOG, UI_MESSAGES)
        lines.append(f"{language['name']} ({code}), {language.get('review', 'draft')}: hand-written pages "
                     f"{pages.translated} translated, {pages.stale} stale, {pages.missing} missing; "
                     f"the site's own words {site.translated} of {site.total} translated, {site.stale} stale")
        for edition in plan.editions_newest_first():
            counts = message_counts(root, plan, code, edition["id"])
            lines.append(f"  {edition['id']}: {counts.translated} of {counts.total} texts translated, "
                         f"{counts.stale} stale, {counts.missing} missing")
        lines += [f"  {note}" for note in notes]
    return "\n".join(lines) if lines else "No languages other than English are configured in plan_data/languages.yaml."


#: Words the site itself writes (not plan text), translated in <language>/site.po.
UI_MESSAGES = {
    "leaflet/summary-heading": "The plan in plain words",
    "leaflet/priorities-heading": "Our priorities",
    "leaflet/themes-heading": "Themes that run through all our work",
    "leaflet/replaced": "This plan is no longer in force. The current plan is the {current}.",
    "leaflet/made-from": "Made from: {sources}. The full plan, with every figure and its source, is on the "
                         "partnership's plan website.",
    "notice/draft": "This translation is a draft. It awaits review by a qualified translator.",
    "notice/fallback": "Some parts are not yet translated and are shown in English.",
}
SITE_CATALOG = "site"


class Translator:
    """Looks up translations for one language; falls back to the English, and says so."""

    def __init__(self, root: Path, language: str):
        self.root = Path(root)
        self.language = language
        self._catalogs: dict[str, dict] = {}

    def _catalog(self, name: str) -> dict:
        if name not in self._catalogs:
            catalog = _read(po_path(self.root, self.language, name), self.language)
            self._catalogs[name] = {m.context: m for m in catalog if m.id}
        return self._catalogs[name]

    def lookup(self, catalog: str, context: str, english: str) -> str | None:
        """The translation (stale ones too, which still publish), or None."""
        message = self._catalog(catalog).get(context)
        return message.string if message is not None and message.string else None

    def has_any(self, catalog: str) -> bool:
        return any(m.string for m in self._catalog(catalog).values())


def harmless(text: str) -> str:
    """Translated text made safe to publish: it comes from outside the team, so no HTML it
    contains is kept and no Markdown link can be formed (no javascript: links)."""
    from html import escape

    return escape(text, quote=True).replace("[", "&#91;").replace("]", "&#93;")
