"""Prepare stage: everything one MkDocs build of one edition in one language needs, made
from the plan before MkDocs runs: its pages, data files, leaflets, menu and the words of its
language. The hook (plansite/hook.py) hands this to MkDocs' events; render.py runs the builds.
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import REPOSITORY_PROGRAM, PlanDataInvalid, command
from .leaflet import Leaflet, default_cache, edition_leaflet, leaflet_path, print_leaflets, render_pdf
from .model import Plan
from .opendata import DataFile, edition_data_files
from .translations import (Translator, strip_markers, Words, default_language, handwritten_translation, harmless, message_counts,
                           page_counts, text_direction, translated_languages, translated_page_markdown)
from .theme import Markup, markup_nav
from .pages.editions import edition_label
from .pages.partners import CONTACT_ANCHOR
from .pages import (DirectiveError, Page, abbreviation_definitions, after_title, edition_nav,
                    edition_page_paths, edition_pages, expand_measure_directives, page_banner, translation_notices)
from .urls import edition_folder, get_relative_url, page_url, page_url as url_of
from .validate import load_valid_plan
from .versions import resolve_edition

#: mike names the version it deploys in this environment variable; we use it as the edition id.
MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"


class BuildError(Exception):
    """A build failed for a reason the user can fix; the message says how."""


@dataclass(frozen=True)
class EditionRequest:
    """Which edition one MkDocs build publishes and in which language, handed to the hook
    (plansite.hook.PlanPages). None: the current edition, the source language, and
    plan_data/ read and validated afresh; a whole-site build validates once and passes the plan,
    and the cache it printed the leaflets into (None: the project's .cache/leaflets/).
    template_cache: keep compiled templates in .cache/templates/ (the benchmark turns it off,
    to compare fairly with plain MkDocs)."""

    edition_id: str | None = None
    language: str | None = None
    plan: Plan | None = None
    leaflet_cache: Path | None = None
    template_cache: bool = True
    #: How the user runs the tool, for the commands an error advises (see errors.command).
    program: str = REPOSITORY_PROGRAM

    @classmethod
    def from_mike(cls, environ=os.environ) -> "EditionRequest":
        """For a build that MkDocs starts by itself: mike's `mkdocs build` names its version in
        MIKE_DOCS_VERSION, the one way it can tell us; plain `mkdocs build` builds the current edition."""
        return cls(edition_id=environ.get(MIKE_VERSION_VARIABLE) or None)


@dataclass(frozen=True)
class PageChrome:
    """What the header and footer of one page show (theme_files/partials/header.html, footer.html):
    the partnership's name, in full and short, and links relative to the page."""

    name: str
    short_name: str
    home_href: str
    #: (label, href) for the footer: contact, accessibility statement, open data.
    footer_links: tuple[tuple[str, str], ...]


@dataclass
class EditionBuild:
    """What the MkDocs hook needs to publish one edition in one language."""

    edition_id: str
    pages: list[Page]
    data_files: list[DataFile]
    plan: Plan
    current_page_urls: set[str]
    words: Words
    #: (code, name, direction) of every language this edition is published in, English first.
    languages: list[tuple[str, str, str]]
    #: Hand-written page -> its translation's Markdown, for the pages translated into this language.
    translated_pages: dict[str, str]
    #: Hand-written pages whose translation is older than the English, with the English's date.
    stale_pages: dict[str, str]

    @property
    def language(self) -> str:
        return self.words.language

    def theme_labels(self) -> dict[str, str]:
        """Accessible names the theme lacks, in the page's language."""
        # The version label is read as plain text by the theme's script, so not escaped as HTML;
        # the search label goes into an attribute as it is.
        # The picker shows the edition's short label, so its name starts with that label (WCAG 2.5.3).
        label = self.words.plain("{edition}: choose another edition",
                                 edition=strip_markers(edition_label(self.plan, self.edition_id, self.words)))
        return {"version_label": html.unescape(label),
                "search_label": self.words.plain("Search")}

    def chrome(self, page_url: str) -> PageChrome:
        """The header's name and the footer's links for the page at page_url (a directory URL
        inside the edition, or a file such as '404.html'); a link only to a page this build has."""
        partnership = self.words.plan(self.plan).partnership
        paths = {page.path for page in self.pages}
        # Marked where English stands in for a missing translation: the hook's last step marks
        # such text lang="en" (theme.mark_languages).
        t = self.words.t
        wanted = ((t("Contact the partnership"), "partners.md", CONTACT_ANCHOR),
                  (t("Accessibility statement"), "accessibility.md", ""),
                  (t("Open data"), "open-data.md", ""))
        links = tuple((label, get_relative_url(url_of(path), page_url) + (f"#{fragment}" if fragment else ""))
                      for label, path, fragment in wanted if path in paths)
        short_name = partnership.get("short_name")
        if short_name is None:
            short_name = partnership["name"]
        elif short_name == self.plan.partnership.get("short_name"):
            # The catalogues do not translate the short name: it is English on every page.
            short_name = self.words.english(short_name)
        return PageChrome(partnership["name"], short_name, get_relative_url("", page_url), links)

    def banner(self, page_url: str) -> dict | None:
        """The archive or draft notice for one page, or None on the current edition."""
        return page_banner(self.plan, self.edition_id, page_url, self.current_page_urls, self.words)

    def page_markdown(self, markdown: str, page_path: str) -> str:
        """A page's Markdown with its measure directives expanded and the glossary's
        abbreviations defined, so every occurrence gets an <abbr> with its expansion."""
        try:
            markdown = expand_measure_directives(markdown, self.plan, self.edition_id, page_path, self.words)
        except DirectiveError as error:
            raise BuildError(str(error)) from None
        if page_path in self.translated_pages:
            changed = self.stale_pages.get(page_path)
            markdown = after_title(markdown.lstrip("\n"), translation_notices(
                self.words, markdown, [] if changed is None else [changed]))
        definitions = abbreviation_definitions(self.plan)
        markdown += ("\n\n" + definitions + "\n") if definitions else ""
        # A translator's page is read without attribute lists (TranslatedPageMarkdown).
        return translated_page_markdown(markdown) if page_path in self.translated_pages else markdown

    def is_untranslated(self, page_path: str, generated: bool) -> bool:
        """A hand-written page shown in English on a page in another language."""
        return not self.words.is_source and not generated and page_path not in self.translated_pages

    def alternates(self, page_url: str) -> list[dict]:
        """The same page in each language of this edition, as links relative to the page,
        for the language switcher. English is at <site>/<edition>/, another language at
        <site>/<language>/<edition>/."""
        source = self.languages[0][0]
        # Between languages, so from the site root.
        here = edition_folder(self.edition_id, None if self.language == source else self.language) + page_url
        return [{"name": name, "lang": code, "dir": direction, "current": code == self.language,
                 "link": get_relative_url(edition_folder(self.edition_id, None if code == source else code) + page_url,
                                          here)}
                for code, name, direction in self.languages]


def untranslated_notice_html(words: Words) -> str:
    """The notice, in the reader's language, above a page that is shown in English."""
    from .translations import mark_english_html

    text = words.t("This page is not yet translated and is shown in English.")
    return (f'<div class="admonition note" lang="{words.language}" dir="{words.direction}">'
            f'<p class="admonition-title">{mark_english_html(words.t("About this translation"))}</p>'
            f"<p>{mark_english_html(text)}</p></div>")


#: Where the accessibility tests leave their results, for the accessibility statement.
TEST_REPORT = ".cache/accessibility/report.json"


def read_test_report(project_dir: Path) -> dict | None:
    try:
        return json.loads((Path(project_dir) / TEST_REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def edition_languages(project_dir: Path, plan: Plan, edition_id: str) -> list[str]:
    """The languages an edition is published in: the source language always, the current
    edition in every configured language (so each language has a home), and any other
    edition in the languages whose translators have started it."""
    source = default_language(plan)
    current = plan.current_edition_id()
    return [source] + [lang["code"] for lang in translated_languages(plan)
                       if edition_id == current or Translator(project_dir, lang["code"]).has_any(edition_id)]


def site_folder(plan: Plan, language: str, edition_id: str) -> str:
    """Where one edition in one language goes in the site: '2024-2027' or 'pl/2024-2027'."""
    return edition_id if language == default_language(plan) else f"{language}/{edition_id}"


def prepare_edition(project_dir: Path, config, request: EditionRequest, handwritten_nav: list) -> EditionBuild:
    """Load and validate plan_data/ (unless the request brings the plan), then set the MkDocs
    config up for the requested edition and language; handwritten_nav is the menu of the
    hand-written pages, as mkdocs.yml has it."""
    # A whole-site build validates once and hands the plan to each edition's build;
    # `mkdocs serve` and `mkdocs build` read plan_data/ afresh on every build.
    plan = request.plan
    if plan is None:
        try:
            plan = load_valid_plan(project_dir)
        except PlanDataInvalid as invalid:
            raise BuildError(invalid.report(program=request.program)) from None
    edition_id = request.edition_id or plan.current_edition_id()
    if edition_id not in plan.editions:
        raise BuildError(
            f"There is no edition '{edition_id}' in plan_data/editions/. "
            f"Choose one of: {', '.join(sorted(plan.editions))}."
        )
    codes = [lang["code"] for lang in plan.languages]
    language = request.language or default_language(plan)
    if language not in codes:
        raise BuildError(f"There is no language '{language}' in plan_data/languages.yaml. "
                         f"Choose one of: {', '.join(codes)}, or add it to plan_data/languages.yaml.")
    languages = edition_languages(project_dir, plan, edition_id)
    if language not in languages:
        raise BuildError(f"The edition '{edition_id}' has no translation into '{language}' yet. "
                         f"Run {command('translations', 'extract', program=request.program)}, translate some of "
                         f"plan_data/translations/{language}/{edition_id}.po, then build again.")
    # In another language, the editions it has: links to any other go to the English.
    published = None if language == default_language(plan) else frozenset(
        e for e in plan.editions if language in edition_languages(project_dir, plan, e))
    words = Words.for_language(project_dir, plan, language, editions=published)
    edition = words.edition(plan, edition_id)
    handwritten = _handwritten_pages(config)
    translated_pages, stale_pages = {}, {}
    for path in handwritten:
        if not words.is_source:
            try:
                found = handwritten_translation(project_dir, path, language)
            except ValueError as unsafe:
                raise BuildError(str(unsafe)) from None
            if found is not None:
                translated_pages[path], changed = found
                if changed is not None:
                    stale_pages[path] = changed
    # Titles are HTML already (a translation is escaped once): marked so, the theme's `| e` keeps them as they are.
    config.nav = markup_nav(edition_nav(plan, edition_id, words)
                            + _handwritten_nav(handwritten_nav, words, translated_pages))
    config.site_name = Markup(edition.title)
    if not config.site_description:
        # Each page's meta description, unless mkdocs.yml gives one; escaped here, as the
        # theme prints it into an attribute as it is.
        config.site_description = Markup.escape(words.plain("{partnership}: community safety plans, in plain words.",
                                              partnership=words.plan(plan).partnership["name"]))
    config.theme["language"] = language
    current = plan.current_edition_id()
    current_sources = edition_page_paths(plan, current) + handwritten
    report = read_test_report(project_dir)
    data_files = edition_data_files(plan, edition_id)
    # A whole-site build has printed every leaflet already, so they come from its cache; a
    # preview prints its edition's leaflets here, in one browser session.
    cache = request.leaflet_cache or default_cache(project_dir)
    leaflets = edition_leaflets(project_dir, plan, edition_id, words)
    print_leaflets([item.leaflet for item in leaflets], cache)
    leaflet = None
    translated_leaflets = []
    for item in leaflets:
        pdf = render_pdf(item.leaflet, cache)
        if pdf is None:
            continue
        data_files.append(DataFile(item.path, pdf))
        if item.own:
            leaflet = item.path
        else:
            translated_leaflets.append((item.code, item.name, item.path))
    pages = edition_pages(plan, edition_id, report, leaflet=leaflet, translated_leaflets=translated_leaflets,
                          words=words, completeness=language_completeness(project_dir, plan, edition_id),
                          handwritten=_handwritten_titles(handwritten_nav, words, translated_pages))
    names = {lang["code"]: lang["name"] for lang in plan.languages}
    # The plan as written: whatever shows it in the page's language translates it from this.
    return EditionBuild(edition_id, pages, data_files, plan, {page_url(path) for path in current_sources},
                        words, [(code, names[code], text_direction(code)) for code in languages],
                        translated_pages, stale_pages)


#: The reproducible-builds standard's variable: the date to give every file a build dates.
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def source_date_epoch() -> str | None:
    """SOURCE_DATE_EPOCH when the packager set it, checked: whole seconds since 1970, UTC."""
    epoch = os.environ.get(SOURCE_DATE_EPOCH) or None
    if epoch is not None and not (epoch.isascii() and epoch.isdigit() and int(epoch) <= 253402300799):
        raise BuildError(f"SOURCE_DATE_EPOCH is '{epoch}', which is not a date. Set it to a whole number of "
                         "seconds since 1 January 1970 UTC (such as 1727136000 for 24 September 2024), "
                         "or unset it to date each leaflet by its edition.")
    return epoch


@dataclass(frozen=True)
class EditionLeaflet:
    """One leaflet an edition's build publishes, and where."""

    path: str
    code: str
    name: str
    #: The build's own language (else a translation offered on the English pages).
    own: bool
    leaflet: Leaflet


def edition_leaflets(project_dir: Path, plan: Plan, edition_id: str, words: Words) -> list[EditionLeaflet]:
    """The leaflets one edition publishes in the language of words: its own, and on the English
    pages one in each language whose translators have done the summary."""
    resolved = resolve_edition(plan, edition_id)
    epoch = source_date_epoch()
    names = {lang["code"]: lang["name"] for lang in plan.languages}
    own = None if words.is_source else words.language
    found = [EditionLeaflet(leaflet_path(edition_id, own), words.language, names.get(words.language, words.language),
                            True, edition_leaflet(plan, resolved, None if words.is_source else words.translator, epoch))]
    for other in (translated_languages(plan) if words.is_source else []):
        translator = Translator(project_dir, other["code"])
        if translator.lookup(edition_id, "summary", resolved.summary) is None:
            continue
        found.append(EditionLeaflet(leaflet_path(edition_id, other["code"]), other["code"], other["name"], False,
                                    edition_leaflet(plan, resolved, translator, epoch)))
    return found


def language_completeness(project_dir: Path, plan: Plan, edition_id: str) -> list[dict]:
    """For the public languages page: how much of this edition each language has translated."""
    from .translations import plan_counts, site_counts

    rows = []
    for language in translated_languages(plan):
        code = language["code"]
        counts = [message_counts(project_dir, plan, code, edition_id), site_counts(project_dir, code),
                  plan_counts(project_dir, plan, code)]
        done = sum(c.translated + c.stale for c in counts)
        total = sum(c.total for c in counts)
        pages, _ = page_counts(project_dir, code)
        rows.append({"code": code, "name": language["name"], "review": language.get("review", "draft"),
                     "texts_done": done, "texts_total": total,
                     "pages_done": pages.translated + pages.stale, "pages_total": pages.total,
                     "published": code in edition_languages(project_dir, plan, edition_id)})
    return rows


def _handwritten_nav(nav: list, words: Words, translated_pages: dict[str, str]) -> list:
    """The hand-written pages' menu entries: in another language, a translated page takes its
    title from its own first heading, and an untranslated one keeps its English title, marked."""
    if words.is_source:
        return nav
    out = []
    for entry in nav:
        if isinstance(entry, dict):
            (title, target), = entry.items()
            if isinstance(target, str):
                out.append(target if target in translated_pages else {words.english(title): target})
            else:
                out.append({words.english(title): _handwritten_nav(target, words, translated_pages)})
        else:
            out.append(entry)
    return out


def _handwritten_titles(nav: list, words: Words, translated_pages: dict[str, str]) -> list[tuple[str, str]]:
    """(title, path) of each hand-written page in the menu, as the A to Z lists them: a translated
    page by its own first heading (escaped, as a translator wrote it), any other by its English title."""
    found = []
    for entry in nav:
        if not isinstance(entry, dict):
            continue
        (title, target), = entry.items()
        if not isinstance(target, str):
            found += _handwritten_titles(target, words, translated_pages)
            continue
        heading = next((line[2:].strip() for line in translated_pages.get(target, "").splitlines()
                        if line.startswith("# ")), None)
        found.append((harmless(heading) if heading else title if words.is_source else words.english(title), target))
    return found


def _handwritten_pages(config) -> list[str]:
    """The English hand-written pages in docs/ (not their translations, such as page.pl.md)."""
    from .translations import is_translation

    docs = Path(config.docs_dir)
    return [p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not is_translation(p.name)]


