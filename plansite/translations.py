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
    with open(path, "rb") as handle:
        return read_po(handle, locale=language)


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
    old = {(message.id if keyed_by_english else message.context): message
           for message in _read(path, language) if message.id}
    catalog = Catalog(
        locale=language, fuzzy=False, project=title, version=name,
        header_comment=(f"# {title}: to translate into {language}.\n# Made by `build_plan.py translations "
                        "extract`; translate the msgstr lines, keep msgctxt and msgid."),
        last_translator="", language_team=language, msgid_bugs_address="")
    for key, english in messages.items():
        context = None if keyed_by_english else key
        previous = old.get(key)
        if previous is None or not previous.string:
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


def _counts(root: Path, language: str, name: str, messages: dict[str, str], keyed_by_english: bool = False) -> Counts:
    catalog = {(message.id if keyed_by_english else message.context): message
               for message in _read(po_path(root, language, name), language) if message.id}
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


_TRANSLATION_NAME = re.compile(r"\.[a-z]{2,3}(-[A-Z]{2})?\.md$")


def is_translation(file_name: str) -> bool:
    """'get-involved.pl.md' is a translation of 'get-involved.md' (mkdocs-static-i18n's naming)."""
    return bool(_TRANSLATION_NAME.search(file_name))


def translation_path(root: Path, page_path: str, language: str) -> Path:
    return Path(root) / "docs" / (page_path[:-3] + f".{language}.md")


#: An HTML tag or comment; a Markdown autolink such as <https://example.org> is not one.
_RAW_HTML = re.compile(r"<(?!(?:https?://|mailto:)[^>\s]*>)[a-zA-Z!/?]")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]*\]:\s*<?(\S*)", re.M)
_ATTRIBUTE_LIST = re.compile(r"\{:?[^}\n]*\b(on[a-z]+|href|src|style|formaction|srcdoc)\s*=", re.I)
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def unsafe_markdown(text: str) -> list[tuple[int, str]]:
    """(line, problem) for anything in a translated page that could run a script or change
    the page's HTML: raw HTML, script links, attribute lists that set events or links."""
    from html import unescape

    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _RAW_HTML.search(line):
            problems.append((number, "it contains HTML. Translations are plain Markdown: remove the <...> tags"))
        if _ATTRIBUTE_LIST.search(line):
            problems.append((number, "it sets an HTML attribute with {...}. Remove the {...} part"))
        for match in _LINK_TARGET.finditer(line):
            target = re.sub(r"[\s\x00-\x1f]", "", unescape(match.group(1) or match.group(2) or "")).lower()
            if target.startswith(_SCRIPT_SCHEMES):
                problems.append((number, f"its link goes to '{target.split(':')[0]}:', which could run a script. "
                                         "Link to a web page (https://...) or to another page of the site"))
    return problems


def handwritten_translation(root: Path, page_path: str, language: str) -> tuple[str, str | None] | None:
    """A hand-written page's translation, and, when it is stale, the date its English changed
    ('' when unknown); None when the page has no translation. Raises ValueError when the
    translation contains something that could run a script."""
    path = translation_path(root, page_path, language)
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8-sig")
    problems = unsafe_markdown(text)
    if problems:
        shown = path.relative_to(root).as_posix()
        raise ValueError("\n".join(f"{shown}, line {line}: the translation was not published because {problem}."
                                    for line, problem in problems))
    english = (Path(root) / "docs" / page_path).read_text(encoding="utf-8")
    recorded = re.search(r"^translated_from:\s*(\w+)", text, re.M)
    if recorded and recorded.group(1) == english_hash(english):
        return text, None
    return text, _last_changed(Path(root) / "docs" / page_path)


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
    return "\n".join(lines) if lines else "No languages other than English are configured in plan_data/languages.yaml."


#: The catalog of the words the site writes itself (headings, sentences about figures, notices),
#: keyed by their English text; `extract` finds them in the code as calls to t("...").
SITE_CATALOG = "site"
#: The catalog of plan text shared by every edition: measures, sources, partnership, glossary.
PLAN_CATALOG = "plan"
_CODE = Path(__file__).parent


@functools.cache
def ui_messages() -> dict[str, str]:
    """Every English text the site writes itself, found in the code as t("...") or plain("...")
    calls, in the order the code has them. Read from the syntax tree, so calls inside f-strings
    count too."""
    import ast

    found: dict[str, str] = {}
    for path in sorted(_CODE.glob("*.py")):
        calls = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                if name in ("t", "plain"):
                    calls.append((node.lineno, node.col_offset, node.args[0].value))
        for _, _, message in sorted(calls):
            found.setdefault(message, message)
    return found


class Translator:
    """Looks up translations for one language; falls back to the English, and says so."""

    def __init__(self, root: Path, language: str):
        self.root = Path(root)
        self.language = language
        self._catalogs: dict[str, dict] = {}

    def _catalog(self, name: str) -> dict:
        if name not in self._catalogs:
            catalog = _read(po_path(self.root, self.language, name), self.language)
            key = (lambda m: m.id) if name == SITE_CATALOG else (lambda m: m.context)
            self._catalogs[name] = {key(m): m for m in catalog if m.id}
        return self._catalogs[name]

    def message(self, catalog: str, context: str | None, english: str):
        """The PO entry for a text (by its stable id, or by its English in the site catalog)."""
        message = self._catalog(catalog).get(english if context is None else context)
        return message if message is not None and message.string else None

    def lookup(self, catalog: str, context: str | None, english: str) -> str | None:
        """The translation (stale ones too, which still publish), or None."""
        message = self.message(catalog, context, english)
        return message.string if message is not None else None

    def has_any(self, catalog: str) -> bool:
        return any(m.string for m in self._catalog(catalog).values())


def harmless(text: str) -> str:
    """Translated text made safe to publish: it comes from outside the team, so no HTML it
    contains is kept and no Markdown link can be formed (no javascript: links)."""
    from html import escape

    text = text.replace(ENGLISH_START, "").replace(ENGLISH_END, "")
    return escape(text, quote=True).replace("[", "&#91;").replace("]", "&#93;")


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
#: Follows a stale translation while pages are written, so that the page can say so; removed with the others.
STALE = "\ue002"
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
    return text.replace(ENGLISH_START, "").replace(ENGLISH_END, "").replace(STALE, "")


_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW_ELEMENTS = ("title", "script", "style", "textarea", "svg")


def mark_english_html(html: str) -> str:
    """Turn the bracketed English in a page into <span lang="en" dir="ltr"> around each run of
    text, so runs that cross tags stay valid HTML; drop brackets where no span can go."""
    if ENGLISH_START not in html:
        return html.replace(STALE, "")
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
        pieces = re.split(f"([{ENGLISH_START}{ENGLISH_END}])", token.replace(STALE, ""))
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
    followed by STALE, so a page can say what it holds; the dates the English changed are
    kept in stale_since for that notice."""

    def __init__(self, language: str = "en", translator: Translator | None = None, *,
                 direction: str = "ltr", review: str = "reviewed"):
        self.language = language
        self.translator = translator
        self.direction = direction
        self.review = review
        self.locale = "en_GB" if translator is None else language.replace("-", "_")
        #: The editions published in this language; None when every edition is.
        self.editions: set[str] | None = None
        self.reset()

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

    def reset(self) -> None:
        """Start afresh. A page's own text says whether it holds English or stale translations,
        by its markers; stale_since keeps the dates the English changed, for the notice."""
        self.stale_since: set[str] = set()

    def t(self, english: str, **values) -> str:
        """One of the site's own texts, with {name} values filled in; English when untranslated,
        marked as such so that the values (which may be translated) are not."""
        if self.translator is None:
            return fill(english, values)
        message = self.translator.message(SITE_CATALOG, None, english)
        if message is not None:
            return fill(harmless(message.string) + self._note_stale(message, english), values)
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

    def _note_stale(self, message, english: str) -> str:
        """STALE when the English changed after the translation was made, noting when."""
        if message.fuzzy or message.id != english:
            changed = next((c[len(ENGLISH_CHANGED):] for c in message.auto_comments
                            if c.startswith(ENGLISH_CHANGED)), "")
            self.stale_since.add(changed)
            return STALE
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
            return self.t("the latest {months} months", months=period.months)
        if kind == "before":
            return self.t("the {months} months before", months=period.months)
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
