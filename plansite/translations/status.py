"""Writing the PO files (extract) and saying how complete they are (status)."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..model import Plan
from .catalogues import ENGLISH_CHANGED, _read, has_translation, message_key, po_path, site_messages, site_po_path
from .handwritten import (_TRANSLATED_FROM, TranslationUnreadable, english_hash, is_translation, read_translated_page,
                          split_front_matter)
from .languages import translated_languages
from .texts import PLAN_CATALOG, SITE_CATALOG, edition_messages, plan_messages, ui_messages


class Counts(NamedTuple):
    """How many texts or pages are translated, stale (the English changed since) or missing."""

    translated: int
    stale: int
    missing: int

    @property
    def total(self) -> int:
        return self.translated + self.stale + self.missing


def extract(root: Path, plan: Plan, languages: list[str] | None = None) -> list[Path]:
    """Create or update the PO file of every language and edition; return the files written."""
    written = []
    codes = languages or [lang["code"] for lang in translated_languages(plan)]
    for language in codes:
        written.append(_write_catalog(root, language, SITE_CATALOG, ui_messages(), "The words this site writes itself",
                                      keyed_by_english=True))
        written.append(_write_catalog(root, language, PLAN_CATALOG, plan_messages(plan),
                                      "Measures, sources and words that every edition shares"))
        for edition_id in plan.editions:
            written.append(_write_catalog(root, language, edition_id, edition_messages(plan, edition_id),
                                          plan.editions[edition_id]["title"]))
    return written


def _write_catalog(root: Path, language: str, name: str, messages: dict[str, str], title: str,
                   keyed_by_english: bool = False) -> Path:
    """Write one PO file: new texts empty, changed ones kept but fuzzy with the old English and
    the date the change was found, which the site shows beside the stale translation.

    The site's own words are keyed by their English (no msgctxt), as gettext does; plan texts
    by a stable id, so a translation follows its text when the English is edited."""
    from datetime import date

    path = site_po_path(root, language) if name == SITE_CATALOG else po_path(root, language, name)
    old = {message_key(message, keyed_by_english): message for message in _read(path, language) if message.id}
    catalog = Catalog(
        locale=language, fuzzy=False, project=title, version=name,
        header_comment=(f"# {title}: to translate into {language}.\n# Made by `build_plan.py translations "
                        "extract`; translate the msgstr lines, keep msgctxt and msgid."),
        last_translator="", language_team=language, msgid_bugs_address="")
    for key, english in messages.items():
        context = None if keyed_by_english else key
        previous = old.get(key)
        if previous is None or not has_translation(previous) or previous.pluralizable != isinstance(english, tuple):
            # A text that became plural (or stopped being) starts afresh: its forms differ.
            catalog.add(english, "", context=context)
        elif previous.id == english:
            catalog.add(english, previous.string, context=context, flags=previous.flags,
                        auto_comments=previous.auto_comments)
        else:
            catalog.add(english, previous.string, context=context, flags={"fuzzy"}, previous_id=previous.id,
                        auto_comments=[f"{ENGLISH_CHANGED}{date.today().isoformat()}"])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, include_previous=True, sort_output=False)
    return path


def message_counts(root: Path, plan: Plan, language: str, edition_id: str) -> Counts:
    """How many of an edition's texts are translated, stale (English changed since) or missing."""
    return _counts(root, language, edition_id, edition_messages(plan, edition_id))


def site_counts(root: Path, language: str) -> Counts:
    """How many of the site's own words are translated, stale or missing."""
    return _counts(root, language, SITE_CATALOG, ui_messages(), keyed_by_english=True)


def plan_counts(root: Path, plan: Plan, language: str) -> Counts:
    """How many of the texts every edition shares (measures, sources, glossary) are translated."""
    return _counts(root, language, PLAN_CATALOG, plan_messages(plan))


def _counts(root: Path, language: str, name: str, messages: dict, keyed_by_english: bool = False) -> Counts:
    """A plural text counts as translated when every one of its forms is."""
    if name == SITE_CATALOG:
        catalog, _ = site_messages(root, language)
    else:
        catalog = {message_key(message, keyed_by_english): message
                   for message in _read(po_path(root, language, name), language) if message.id}
    translated = stale = missing = 0
    for context, english in messages.items():
        message = catalog.get(context)
        if message is None or not has_translation(message, every_form=True) \
                or message.pluralizable != isinstance(english, tuple):
            missing += 1
        elif message.fuzzy or message.id != english:
            stale += 1
        else:
            translated += 1
    return Counts(translated, stale, missing)


def partial_plurals(root: Path, language: str) -> list[str]:
    """The English (singular) of the site's counting texts translated in some plural forms but not all."""
    catalog, _ = site_messages(root, language)
    return [m.id[0] for m in catalog.values() if m.pluralizable and has_translation(m)
            and not has_translation(m, every_form=True)]


def page_counts(root: Path, language: str) -> tuple[Counts, list[str]]:
    """Hand-written pages in docs/: translated, stale or missing; with notes on stale ones."""
    docs = Path(root) / "docs"
    translated = stale = missing = 0
    notes = []
    for page in sorted(docs.rglob("*.md")):
        if is_translation(page.name):
            continue
        translation = page.with_name(f"{page.stem}.{language}.md")
        current = english_hash(page.read_text(encoding="utf-8"))
        if not translation.is_file():
            missing += 1
            notes.append(f"{translation.relative_to(root)}: not translated yet; copy {page.relative_to(root)}, "
                         f"translate it, and start it with front matter saying 'translated_from: {current}'")
            continue
        try:
            front, _ = split_front_matter(read_translated_page(translation, translation.relative_to(root).as_posix()))
        except TranslationUnreadable:
            front = ""
        recorded = _TRANSLATED_FROM.search(front)
        if recorded and recorded.group(1) == current:
            translated += 1
        else:
            stale += 1
            notes.append(f"{translation.relative_to(root)}: the English page changed since it was translated; "
                         f"update it, then set 'translated_from: {current}' in its front matter")
    return Counts(translated, stale, missing), notes


def _shown(path: Path, root: Path) -> str:
    """A path as the user knows it: from the project folder when inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def status_report(root: Path, plan: Plan) -> str:
    """Per language and edition: strings and pages translated, stale and missing."""
    lines = []
    for language in translated_languages(plan):
        code = language["code"]
        pages, notes = page_counts(root, code)
        site = site_counts(root, code)
        shared = plan_counts(root, plan, code)
        lines.append(f"{language['name']} ({code}), {language.get('review', 'draft')}: hand-written pages "
                     f"{pages.translated} translated, {pages.stale} stale, {pages.missing} missing; "
                     f"the site's own words {site.translated} of {site.total} translated, {site.stale} stale; "
                     f"measures, sources and glossary {shared.translated} of {shared.total} translated, "
                     f"{shared.stale} stale")
        for edition in plan.editions_newest_first():
            counts = message_counts(root, plan, code, edition["id"])
            lines.append(f"  {edition['id']}: {counts.translated} of {counts.total} texts translated, "
                         f"{counts.stale} stale, {counts.missing} missing")
        lines += [f"  {note}" for note in notes]
        partial = partial_plurals(root, code)
        if partial:
            lines.append(f"  {_shown(site_po_path(root, code), root)}: "
                         + (f"{len(partial)} texts that count something lack some of their plural forms"
                            if len(partial) != 1 else "1 text that counts something lacks some of its plural forms")
                         + ", so readers see those numbers in English: "
                         + "; ".join(f"'{english}'" for english in partial))
    return "\n".join(lines) if lines else "No languages other than English are configured in plan_data/languages.yaml."
