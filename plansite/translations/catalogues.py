"""The PO files: where they live, read once per version of the file, and looked up by stable id
or by English (a plural text by its singular)."""
from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from .texts import SITE_CATALOG

TRANSLATIONS_DIR = "translations"
#: How extract notes, on a stale message, when it found that the English had changed.
ENGLISH_CHANGED = "English changed on "


#: The translations of the site's own words (site.po) that ship with the tool, so every
#: partnership gets them, and each new one, with `pip install -U`.
PACKAGE_LOCALE = Path(__file__).resolve().parent.parent / "locale"


def po_path(root: Path, language: str, edition_id: str) -> Path:
    """A project's PO file for one edition, for its shared plan texts (plan.po), or for its own
    versions of the site's words (site.po), which come before the tool's."""
    return Path(root) / "plan_data" / TRANSLATIONS_DIR / language / f"{edition_id}.po"


def package_site_po(language: str) -> Path:
    """The tool's own translation of the site's words into a language."""
    return PACKAGE_LOCALE / language / f"{SITE_CATALOG}.po"


def is_tool_checkout(root: Path) -> bool:
    """Whether the project is the tool's own repository, whose site.po files are the tool's."""
    return Path(root).resolve() == PACKAGE_LOCALE.parent.parent


def site_po_path(root: Path, language: str) -> Path:
    """Where `extract` writes the site's words for a language: in the tool's own repository,
    the tool's catalogue; in a partnership's project, the project's."""
    return package_site_po(language) if is_tool_checkout(root) else po_path(root, language, SITE_CATALOG)


def site_messages(root: Path, language: str) -> tuple[dict, Catalog]:
    """The site's words in a language, by English: the tool's translations, with those the
    project gives in its own site.po in their place; and the catalog whose Plural-Forms count."""
    catalog = _read(package_site_po(language), language)
    messages = {message_key(m, keyed_by_english=True): m for m in catalog if m.id}
    own = po_path(root, language, SITE_CATALOG)
    if own.is_file():
        catalog = _read(own, language)
        messages.update({message_key(m, keyed_by_english=True): m for m in catalog if m.id and has_translation(m)})
    return messages, catalog


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


class Translator:
    """Looks up translations for one language; falls back to the English, and says so."""

    def __init__(self, root: Path, language: str):
        self.root = Path(root)
        self.language = language
        self._catalogs: dict[str, dict] = {}
        self._plural = None

    def _catalog(self, name: str) -> dict:
        if name == SITE_CATALOG and name not in self._catalogs:
            self._catalogs[name], catalog = site_messages(self.root, self.language)
            self._plural = plural_function(catalog.plural_expr)
        elif name not in self._catalogs:
            catalog = _read(po_path(self.root, self.language, name), self.language)
            self._catalogs[name] = {message_key(m, keyed_by_english=False): m for m in catalog if m.id}
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
