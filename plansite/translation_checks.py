"""Translations are checked like the rest of the data: the PO files, the translated pages in
docs/ and the language codes of languages.yaml, each problem with its file, line, code and fix,
in the same report as the YAML and spreadsheet checks (validate.check_project calls
check_translations)."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import DataError, part
from .load import RawProject
from .site_markdown import with_required
from .translations.catalogues import is_tool_checkout, package_site_po

TRANSLATIONS = Path("plan_data") / "translations"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def check_translations(project: RawProject) -> list[DataError]:
    """Every problem in the languages' codes, their PO files and their translated pages."""
    root = Path(project.root)
    errors, codes = _check_languages(project)
    folder = root / TRANSLATIONS
    source = codes[0] if codes else "en"
    if folder.is_dir():
        for language in sorted(p for p in folder.iterdir() if p.is_dir()):
            if language.name not in codes or language.name == source:
                errors.append(_unlisted(root, language, codes))
                continue
            for path in sorted(language.glob("*.po")):
                errors += check_po_file(root, path)
    if is_tool_checkout(root):
        # The tool's own repository: its site.po files are translators' work like any other.
        for code in codes[1:]:
            if package_site_po(code).is_file():
                errors += check_po_file(root.resolve(), package_site_po(code))
    docs = root / "docs"
    if docs.is_dir():
        extensions = _site_extensions(root)
        for language in codes[1:]:
            for page in sorted(docs.rglob(f"*.{language}.md")):
                errors += check_translated_page(root, page, extensions)
    return errors


def _check_languages(project: RawProject) -> tuple[list[DataError], list[str]]:
    """Each code must be one CLDR knows (Babel's data: numbers, dates, plural forms and the
    direction of writing all come from it), and given once."""
    from babel import Locale, UnknownLocaleError

    doc = project.languages
    if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get("languages"), list):
        return [], ["en"]
    errors, seen, codes = [], {}, []
    for index, entry in enumerate(doc.data["languages"]):
        code = entry.get("code") if isinstance(entry, dict) else None
        if not isinstance(code, str) or not code:
            continue  # the schema check reports it
        path = ("languages", index, "code")
        if code in seen:
            errors.append(doc.error("duplicate-id", path, case="language", id=code, entry=seen[code] + 1))
            continue
        seen[code] = index
        codes.append(code)
        try:
            Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            errors.append(doc.error("unknown-language", path, language=code))
    return errors, codes


def _unlisted(root: Path, language: Path, codes: list[str]) -> DataError:
    shown = language.relative_to(root).as_posix() + "/"
    if codes and language.name == codes[0]:
        return DataError.of("unlisted-language", file=shown, case="source", language=language.name, folder=shown)
    return DataError.of("unlisted-language", file=shown, language=language.name, folder=shown,
                        listed=", ".join(codes))


def check_po_file(root: Path, path: Path) -> list[DataError]:
    """A PO file's problems: not UTF-8, not valid PO, a malformed Plural-Forms header, and
    translations whose {placeholders} differ from their English."""
    from io import BytesIO

    from babel.messages.pofile import PoFileError, read_po

    shown = path.relative_to(root).as_posix()
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return [DataError.of("not-utf8", file=shown, line=data.count(b"\n", 0, error.start) + 1)]
    # Notepad starts a UTF-8 file with a byte-order mark, which gettext's format does not have.
    data = data.removeprefix(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    syntax = [DataError.of("po-syntax", file=shown, line=number, text=_short(line)) for number, line in _bad_lines(text)]
    if syntax:
        return syntax
    header = _plural_forms_header(text)
    if header is not None:
        problem = _plural_forms_problem(header[1])
        if problem is not None:
            case, values = problem
            return [DataError.of("plural-forms", file=shown, line=header[0], path="Plural-Forms", case=case,
                                 header=header[1], **values)]
    try:
        catalog = read_po(BytesIO(data), abort_invalid=True, charset="utf-8")
    except PoFileError as error:
        return [DataError.of("po-syntax", file=shown, line=error.lineno, case="here", text=_short(error.line))]
    except (ValueError, UnicodeError) as error:
        return [DataError.of("po-syntax", file=shown, case="unreadable", problem=error)]
    errors = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        english = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        wanted = sorted(set(_PLACEHOLDER.findall(english[0])) | set(_PLACEHOLDER.findall(english[-1])))
        for index, form in enumerate(forms):
            if not form:
                continue
            found = sorted(set(_PLACEHOLDER.findall(form)))
            if found == wanted:
                continue
            which = f"msgstr[{index}]" if message.pluralizable else "msgstr"
            errors.append(DataError.of("placeholder-mismatch", file=shown, line=message.lineno, path=which,
                                       english=_short(english[0]), found=_names(found), wanted=_names(wanted)))
    return errors


_QUOTED = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(rf"(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+)?{_QUOTED}")


def _bad_lines(text: str) -> list[tuple[int, str]]:
    """The lines that are not PO: each line is a comment, a keyword with its quoted text, or a
    quoted text that continues the one above (the format's own grammar, line by line). Babel
    would guess at such a line, or print a warning that names no file."""
    bad = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not _PO_LINE.fullmatch(stripped):
            bad.append((number, stripped))
    return bad[:10]


_PLURAL_HEADER = re.compile(r'^"Plural-Forms:(.*?)(?:\\n)?"\s*$', re.M)


def _plural_forms_header(text: str) -> tuple[int, str] | None:
    """(line, value) of the Plural-Forms header, if the file has one."""
    match = _PLURAL_HEADER.search(text)
    if not match:
        return None
    return text.count("\n", 0, match.start()) + 1, match.group(1).strip()


def _plural_forms_problem(value: str) -> tuple[str, dict] | None:
    """What is wrong with a Plural-Forms value such as 'nplurals=2; plural=(n != 1);', as the
    case of plural-forms and its values, or None."""
    import gettext

    parts = dict(part.strip().split("=", 1) for part in value.split(";") if "=" in part)
    count, expression = parts.get("nplurals", "").strip(), parts.get("plural", "").strip()
    if not count.isdigit() or not 1 <= int(count) <= 6:
        return "", {}
    try:
        choose = gettext.c2py(expression)
        indexes = {choose(n) for n in range(0, 1001)}
    except (ValueError, SyntaxError, TypeError, ZeroDivisionError, RecursionError):
        return "expression", {}
    if max(indexes) >= int(count):
        return "too-few", {"form": max(indexes), "count": count, "last": int(count) - 1}
    return None


def check_translated_page(root: Path, page: Path, extensions: tuple[list, dict]) -> list[DataError]:
    """A translated page in docs/: UTF-8, and nothing in it that could run a script, found in
    the HTML that the build's own Markdown makes of it (so a link split over two lines, a
    reference definition or an entity-spelt scheme is read as the reader's browser would)."""
    from .sanitise import ALLOWED, unsafe_parts
    from .translations import TranslationUnreadable, read_translated_page, render_translated_page, split_front_matter

    shown = page.relative_to(root).as_posix()
    try:
        text = read_translated_page(page, shown)
    except TranslationUnreadable as error:
        return [DataError.of("not-utf8", file=shown, line=error.line, case="page")]
    front, body = split_front_matter(text)
    offset = text[:len(text) - len(body)].count("\n")
    names, configs = extensions
    html = render_translated_page(body, names, configs)
    problems = unsafe_parts(html)
    problems += [part("unsafe-translation", "element", tag=tag) for tag in sorted(set(re.findall(r"<([a-zA-Z][a-zA-Z0-9-]*)", html)))
                 if tag.lower() not in ALLOWED]
    errors = []
    for problem in problems:
        needle = re.search(r"'([^']+)'|<([a-z0-9-]+)>|attribute (\w+)", problem)
        line = _line_of(body, next(g for g in needle.groups() if g) if needle else "")
        errors.append(DataError.of("unsafe-translation", file=shown, line=None if line is None else line + offset,
                                   problem=problem))
    return errors


def _line_of(text: str, needle: str) -> int | None:
    """The first line that holds needle, as written or with its character references read
    ('JaVa&#115;cript:' holds 'JaVascript:'); None when no single line does."""
    from html import unescape

    if not needle:
        return None
    needle = needle.lower()
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line.lower() or needle in unescape(line).lower():
            return number
    return None


def _site_extensions(root: Path) -> tuple[list, dict]:
    """The Markdown extensions and their settings a build uses: the project's mkdocs.yml's, and
    those every build adds."""
    import yaml

    try:
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    names, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            (name, settings), = entry.items()
            names.append(name)
            configs[name] = settings or {}
        else:
            names.append(entry)
    return with_required(names, configs)


def _names(placeholders: list[str]) -> str:
    return ", ".join("{" + name + "}" for name in placeholders) if placeholders else part("placeholder-mismatch", "none")


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:57] + "..."
