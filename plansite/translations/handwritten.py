"""Translated hand-written pages (docs/<page>.<language>.md): reading them safely, whether they
are stale, and rendering their Markdown without attribute lists."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


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
