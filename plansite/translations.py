"""Translations stage: plan text in gettext PO files, one per language and edition, that any
translator's tool opens (Poedit, Weblate, Crowdin, Lokalise).

Each message's context (msgctxt) is a stable id made from where the text sits in the edition,
such as `priorities/offender-management/why`, and its msgid is the English text. When the
English changes, `extract` keeps the translation but marks it fuzzy and records the old English,
so the translator sees exactly what changed; until then the translation counts as stale.
"""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .model import Plan
from .versions import resolve_edition

TRANSLATIONS_DIR = "translations"
#: How extract notes, on a stale message, when it found that the English had changed.
ENGLISH_CHANGED = "English changed on "
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


def _text_fields(value, text_keys: set[str], visit) -> object:
    """Call visit(stable id, text) on every text a reader sees in nested plan data, and
    return a copy of the data with each text replaced by what visit returned."""

    def walk(value, path: list[str], key: str | None):
        if isinstance(value, dict):
            return {child_key: (child if child_key in _SKIP else walk(child, path + [child_key], child_key))
                    for child_key, child in value.items()}
        if isinstance(value, list):
            out = []
            for index, item in enumerate(value):
                label = item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else str(index)
                out.append(walk(item, path + [label], key if key in _TEXT_LISTS else None))
            return out
        if isinstance(value, str) and value.strip() and (key in text_keys or key in _TEXT_LISTS):
            return visit("/".join(path), value.strip())
        return value

    return walk(value, [], None)


def _collect(value, text_keys: set[str]) -> dict[str, str]:
    messages: dict[str, str] = {}

    def visit(context: str, text: str) -> str:
        messages[context] = text
        return text

    _text_fields(value, text_keys, visit)
    return messages


def edition_messages(plan: Plan, edition_id: str) -> dict[str, str]:
    """Stable id -> English text, for every piece of text the edition shows."""
    return _collect(resolve_edition(plan, edition_id), _TEXT_KEYS)


#: Texts in plan_data/ that every edition shares: measure names, sources, the glossary, contacts.
_PLAN_TEXT_KEYS = {"title", "plain_title", "description", "meaning", "text", "name", "role", "how"}


def _plan_texts(plan: Plan) -> dict:
    return {"partnership": plan.partnership, "measures": plan.measures, "sources": plan.sources,
            "glossary": {term.replace("/", " "): entry for term, entry in plan.glossary.items()}}


def plan_messages(plan: Plan) -> dict[str, str]:
    """Stable id -> English text, for the plan text that every edition shares."""
    return _collect(_plan_texts(plan), _PLAN_TEXT_KEYS)


def po_path(root: Path, language: str, edition_id: str) -> Path:
    return Path(root) / "plan_data" / TRANSLATIONS_DIR / language / f"{edition_id}.po"


def _read(path: Path, language: str) -> Catalog:
    """A PO file as a catalog; read once per version of the file (a build reads each many times)."""
    if not path.is_file():
        return Catalog(locale=language)
    stat = path.stat()
    return _read_version(str(path), language, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _read_version(path: str, language: str, modified: int, size: int) -> Catalog:
    from io import BytesIO

    # Without the byte-order mark that Notepad writes, which Babel would take for text.
    return read_po(BytesIO(Path(path).read_bytes().removeprefix(b"\xef\xbb\xbf")), locale=language)


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

    path = po_path(root, language, name)
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
    catalog = _read(po_path(root, language, SITE_CATALOG), language)
    return [m.id[0] for m in catalog if m.id and m.pluralizable and has_translation(m)
            and not has_translation(m, every_form=True)]


def english_hash(text: str) -> str:
    """A short fingerprint of an English page, which its translation records as translated_from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


_TRANSLATION_NAME = re.compile(r"\.[a-z]{2,3}(-[A-Z]{2})?\.md$")


def is_translation(file_name: str) -> bool:
    """'get-involved.pl.md' is a translation of 'get-involved.md' (mkdocs-static-i18n's naming)."""
    return bool(_TRANSLATION_NAME.search(file_name))


def translation_path(root: Path, page_path: str, language: str) -> Path:
    return Path(root) / "docs" / (page_path[:-3] + f".{language}.md")


#: A translated page's front matter: the only key it may give is translated_from. Read by us and
#: never handed to MkDocs, whose templates print a page's front-matter title without escaping it.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
_TRANSLATED_FROM = re.compile(r"^translated_from:\s*(\w+)", re.M)


class TranslationUnreadable(ValueError):
    """A translated page that is not UTF-8 text: where, and what to do."""

    def __init__(self, shown: str, line: int):
        self.file, self.line = shown, line
        super().__init__(f"{shown}, line {line}: the translation was not published because it is not UTF-8 text. "
                         "Save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8).")


def read_translated_page(path: Path, shown: str) -> str:
    """A translated page's text; raises TranslationUnreadable, naming the first line that is
    not UTF-8, when it is saved in another encoding."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TranslationUnreadable(shown, data.count(b"\n", 0, error.start) + 1) from None


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body) of a translated page; the front matter is '' when it has none."""
    match = _FRONT_MATTER.match(text)
    return (match.group(1) or "", text[match.end():]) if match else ("", text)


def handwritten_translation(root: Path, page_path: str, language: str) -> tuple[str, str | None] | None:
    """A hand-written page's translation (its Markdown, without the front matter) and, when it
    is stale, the date its English changed ('' when unknown); None when the page has no
    translation. Raises TranslationUnreadable when it is not UTF-8. What the Markdown may
    do is limited where it is rendered (TranslatedPageMarkdown, then plansite.sanitise)."""
    path = translation_path(root, page_path, language)
    if not path.is_file():
        return None
    front, body = split_front_matter(read_translated_page(path, path.relative_to(root).as_posix()))
    english = (Path(root) / "docs" / page_path).read_text(encoding="utf-8")
    recorded = _TRANSLATED_FROM.search(front)
    if recorded and recorded.group(1) == english_hash(english):
        return body, None
    return body, _last_changed(Path(root) / "docs" / page_path)


#: The first line of a translated page's Markdown while MkDocs renders it, so that
#: TranslatedPageMarkdown knows to read it without attribute lists.
TRANSLATED_PAGE = "\ue003"


def translated_page_markdown(markdown: str) -> str:
    """A translated page's Markdown, marked for TranslatedPageMarkdown."""
    return f"{TRANSLATED_PAGE}\n{markdown}"


class _Unmark(Preprocessor):
    """On a page marked as a translation: drop the mark and switch attribute lists off, so that
    no '{ onclick=... }' or '{: #id .class }' a translator writes becomes an attribute. Each
    page has a Markdown instance of its own, so the site's other pages keep them."""

    def run(self, lines):
        if lines and lines[0] == TRANSLATED_PAGE:
            if "attr_list" in self.md.treeprocessors:
                self.md.treeprocessors.deregister("attr_list")
            return lines[1:]
        return lines


class TranslatedPageMarkdown(Extension):
    """The Markdown extension that reads marked translated pages without attribute lists."""

    def extendMarkdown(self, md):
        # First of all, so that no other extension reads the page before.
        md.preprocessors.register(_Unmark(md), "plansite_translated_page", 100)


def render_translated_page(markdown_text: str, extensions: list, configs: dict | None = None) -> str:
    """A translated page's HTML, rendered as the build renders it (the site's Markdown
    extensions, without attribute lists) but not yet cleaned: what validate checks."""
    import markdown

    md = markdown.Markdown(extensions=list(extensions) + [TranslatedPageMarkdown()], extension_configs=configs or {})
    return md.convert(translated_page_markdown(markdown_text))


def _last_changed(path: Path) -> str:
    """The date a file was last committed, or '' outside a git checkout."""
    import subprocess

    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


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
            lines.append(f"  {po_path(root, code, SITE_CATALOG).relative_to(root).as_posix()}: "
                         + (f"{len(partial)} texts that count something lack some of their plural forms"
                            if len(partial) != 1 else "1 text that counts something lacks some of its plural forms")
                         + ", so readers see those numbers in English: "
                         + "; ".join(f"'{english}'" for english in partial))
    return "\n".join(lines) if lines else "No languages other than English are configured in plan_data/languages.yaml."


#: The catalog of the words the site writes itself (headings, sentences about figures, notices),
#: keyed by their English text; `extract` finds them in the code as calls to t("...").
SITE_CATALOG = "site"
#: The catalog of plan text shared by every edition: measures, sources, partnership, glossary.
PLAN_CATALOG = "plan"
_CODE = Path(__file__).parent


@functools.cache
def ui_messages() -> dict[str, str | tuple[str, str]]:
    """Every English text the site writes itself, found in the code as t("...") or plain("...")
    calls, and the texts that count something as n("singular", "plural", count) calls (their
    value is the pair, a gettext plural), in the order the code has them. Read from the syntax
    tree, so calls inside f-strings count too."""
    import ast

    found: dict[str, str | tuple[str, str]] = {}
    for path in sorted(_CODE.rglob("*.py")):  # the pages package too
        calls = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name in ("t", "plain"):
                calls.append((node.lineno, node.col_offset, node.args[0].value, node.args[0].value))
            elif name == "n" and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) \
                    and isinstance(node.args[1].value, str):
                calls.append((node.lineno, node.col_offset, node.args[0].value,
                              (node.args[0].value, node.args[1].value)))
        for _, _, key, message in sorted(calls):
            found.setdefault(key, message)
    return found


class Translator:
    """Looks up translations for one language; falls back to the English, and says so."""

    def __init__(self, root: Path, language: str):
        self.root = Path(root)
        self.language = language
        self._catalogs: dict[str, dict] = {}
        self._plural = None

    def _catalog(self, name: str) -> dict:
        if name not in self._catalogs:
            catalog = _read(po_path(self.root, self.language, name), self.language)
            self._catalogs[name] = {message_key(m, keyed_by_english=name == SITE_CATALOG): m for m in catalog if m.id}
            if name == SITE_CATALOG:
                self._plural = plural_function(catalog.plural_expr)
        return self._catalogs[name]

    def message(self, catalog: str, context: str | None, english: str):
        """The PO entry for a text (by its stable id, or by its English in the site catalog;
        a plural text by its English singular)."""
        message = self._catalog(catalog).get(english if context is None else context)
        return message if message is not None and has_translation(message) else None

    def lookup(self, catalog: str, context: str | None, english: str) -> str | None:
        """The translation (stale ones too, which still publish), or None."""
        message = self.message(catalog, context, english)
        return message.string if message is not None and not message.pluralizable else None

    def plural_index(self, count: int | float) -> int:
        """Which of the site catalog's plural forms a count takes (its Plural-Forms header)."""
        self._catalog(SITE_CATALOG)
        if count != int(count):
            return 99  # beyond the last form: the caller takes the last one
        return self._plural(int(count))

    def has_any(self, catalog: str) -> bool:
        return any(has_translation(m) for m in self._catalog(catalog).values())


def message_key(message, keyed_by_english: bool) -> str | None:
    """How a PO entry is found: by its English (a plural one by its singular), or by its msgctxt."""
    if not keyed_by_english:
        return message.context
    return message.id[0] if message.pluralizable else message.id


def has_translation(message, every_form: bool = False) -> bool:
    """A PO entry with a translation: a plural one with at least one form (n() shows English
    for a count whose form is empty), or with every form when every_form."""
    if message.pluralizable:
        forms = [form for form in (message.string or ()) if isinstance(form, str)]
        return bool(forms) and (all if every_form else any)(forms)
    return bool(message.string)


def plural_function(expression: str):
    """The function from a count to a plural form's index, from a Plural-Forms expression (C
    syntax, as in every PO file), read by the standard library's gettext; malformed ones are
    reported by validate before any build reads them."""
    import gettext

    return gettext.c2py(expression)


def harmless(text: str) -> str:
    """Translated text made safe to write into a page's Markdown: it comes from outside the
    team, so it is escaped as plain text. No HTML it contains is kept, no Markdown link can be
    formed ([ and ] are escaped) and no attribute list can be read ({ and } are escaped, so
    '{ onclick=... }' stays text); our own markers are removed. Written once, read once:
    Markdown and the theme show the characters as the translator typed them."""
    from html import escape

    return escape(_MARKERS.sub("", text), quote=True).translate(_MARKDOWN_ESCAPES)


_MARKDOWN_ESCAPES = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;"})
_PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")


def fill_translation(template: str, values: dict) -> str:
    """A translated template with its values in: the translator's text is escaped (harmless)
    and only a {name} whose name is one of the values is replaced; any other brace stays text."""
    return "".join(str(values[part[1:-1]]) if _PLACEHOLDER.fullmatch(part) and part[1:-1] in values
                   else harmless(part) for part in _PLACEHOLDER.split(template))


def fill(template: str, values: dict) -> str:
    """Put values into a {name} template by plain replacement, not str.format: a translated
    template must not be able to reach into the values' attributes."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


# --- Marking English text on pages in other languages --------------------------------------

#: Private-use characters that bracket English shown on a page in another language. The page's
#: HTML is rewritten at the end so that each bracketed run is marked lang="en" dir="ltr" (WCAG
#: 3.1.2); brackets inside attributes, <title> and charts' text are removed there.
ENGLISH_START, ENGLISH_END = "\ue000", "\ue001"
#: Brackets a stale translation's mark while pages are written, so that the page can say so,
#: with the date the English changed in between, written in private-use characters that
#: Markdown and the table of contents ignore; removed with the others.
STALE = "\ue002"
_DATE_DIGITS = "0123456789-"
_DATE_MARKS = "".join(chr(0xE010 + i) for i in range(len(_DATE_DIGITS)))
_STALE_MARK = re.compile(f"{STALE}([{_DATE_MARKS}]*){STALE}")
#: Every private-use character the build uses as a marker; none may come from a translation.
_MARKERS = re.compile("[\ue000-\ue01f]")


def stale_mark(changed: str) -> str:
    """The mark after a stale translation, holding the date its English changed ('' if unknown)."""
    return STALE + changed.translate(str.maketrans(_DATE_DIGITS, _DATE_MARKS)) + STALE


def stale_dates(markdown: str) -> list[str]:
    """The dates the English changed of the stale translations a page holds ('' when unknown)."""
    return sorted({found.translate(str.maketrans(_DATE_MARKS, _DATE_DIGITS)) for found in _STALE_MARK.findall(markdown)})


def _drop_stale(text: str) -> str:
    return _STALE_MARK.sub("", text).replace(STALE, "")


_BLOCK_PREFIX = re.compile(r"^(\s*(?:(?:[-*+]|\d+\.|>|#{1,6})\s+)*)(.*?)(\s*)$")


def mark_english(text: str) -> str:
    """Bracket English text line by line, after any Markdown list, quote or heading marker, so
    that the Markdown still reads the same."""
    out = []
    for line in text.split("\n"):
        prefix, body, trailing = _BLOCK_PREFIX.match(line).groups()
        out.append(f"{prefix}{ENGLISH_START}{body}{ENGLISH_END}{trailing}" if body else line)
    return "\n".join(out)


def strip_markers(text: str) -> str:
    return _MARKERS.sub("", text)


_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW_ELEMENTS = ("title", "script", "style", "textarea", "svg")


def mark_english_html(html: str) -> str:
    """Turn the bracketed English in a page into <span lang="en" dir="ltr"> around each run of
    text, so runs that cross tags stay valid HTML; drop brackets where no span can go."""
    if ENGLISH_START not in html:
        return _drop_stale(html)
    html = re.sub(r"<svg\b.*?</svg>", lambda m: mark_english_svg(m[0]), html, flags=re.S)
    out = []
    depth = 0
    raw: str | None = None
    for token in _TAG.split(html):
        if token.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9-]+)", token)
            name = name.group(1).lower() if name else ""
            if raw is None and not token.startswith("</") and name in _RAW_ELEMENTS:
                raw = name
            elif raw is not None and token.startswith("</") and name == raw:
                raw = None
            out.append(strip_markers(token))
            continue
        if raw is not None:
            # No span can go in a title, a script or a chart; charts were marked above.
            out.append(strip_markers(token))
            continue
        pieces = re.split(f"([{ENGLISH_START}{ENGLISH_END}])", _drop_stale(token))
        for piece in pieces:
            if piece == ENGLISH_START:
                depth += 1
            elif piece == ENGLISH_END:
                depth = max(0, depth - 1)
            elif depth > 0 and piece.strip():
                out.append(f'<span lang="en" dir="ltr">{piece}</span>')
            else:
                out.append(piece)
    return "".join(out)


_SVG_TEXT = re.compile(r"<(text|title|desc)(\s[^>]*)?>([^<]*\ue000[^<]*)</\1>")


def mark_english_svg(svg: str) -> str:
    """In a chart, mark each <text>, <title> or <desc> that holds English as lang="en"."""
    return _SVG_TEXT.sub(lambda m: f'<{m[1]}{m[2] or ""} lang="en" dir="ltr">{strip_markers(m[3])}</{m[1]}>', svg)


def text_direction(language: str) -> str:
    """'rtl' for a language written right to left (CLDR's character order), otherwise 'ltr'."""
    from babel import Locale

    return "rtl" if Locale.parse(language.replace("-", "_")).character_order == "right-to-left" else "ltr"


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
