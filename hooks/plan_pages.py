"""MkDocs hook: adds one plan edition's generated pages, in one language, to the build.

A thin adapter: all content logic lives in the plansite package. The edition is
read from plan_data/ inside the events, never at import time, because MkDocs keeps
hook modules alive across `mkdocs serve` rebuilds.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from plansite import render, sanitise, theme, translations


@event_priority(-50)
def on_config(config):
    project_dir = Path(config.config_file_path).parent
    try:
        config.plan_edition = render.prepare_edition(project_dir, config)
    except render.BuildError as error:
        raise PluginError(str(error)) from None
    # The 404 page has no page events; its switcher leads to each language's home.
    config.extra["alternate"] = config.plan_edition.alternates("")
    if not config.plan_edition.words.is_source and not any(
            isinstance(e, translations.TranslatedPageMarkdown) for e in config.markdown_extensions):
        # Translated pages are read without attribute lists; the site's other pages keep them.
        config.markdown_extensions.append(translations.TranslatedPageMarkdown())
    return config


def on_env(env, config, files):
    # Compiling Material's templates is half of each edition's build; cache the bytecode.
    env.bytecode_cache = render.template_cache(Path(config.config_file_path).parent)
    return env


# Runs late so that plugins which rewrite the file list see our pages last.
@event_priority(-100)
def on_files(files, config):
    build = config.plan_edition
    for file in list(files):
        # Translations of hand-written pages (page.pl.md) are not pages of their own: they
        # replace their English page in their language's build.
        if file.src_uri.endswith(".md") and translations.is_translation(Path(file.src_uri).name):
            files.remove(file)
    for path, markdown in build.translated_pages.items():
        files.remove(files.get_file_from_path(path))
        files.append(File.generated(config, path, content=markdown))
    for page in build.pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(
                f"docs/{page.path} has the same path as a page generated from plan_data/. "
                f"Rename or remove docs/{page.path}."
            )
        files.append(File.generated(config, page.path, content=page.markdown))
    for data_file in build.data_files:
        files.append(File.generated(config, data_file.path, content=data_file.content))
    return files


def on_page_markdown(markdown, page, config, files):
    try:
        return config.plan_edition.page_markdown(markdown, page.file.src_uri)
    except render.BuildError as error:
        raise PluginError(str(error)) from None


def on_page_content(html, page, config, files):
    build = config.plan_edition
    if build.words.is_source:
        return html
    if build.is_untranslated(page.file.src_uri, page.file.generated_by is not None):
        html = render.untranslated_notice_html(build.words) + f'<div lang="en" dir="ltr">{html}</div>'
    # Every page in another language carries a translator's words: whatever they are, only the
    # elements, attributes and link schemes our pages use reach the reader.
    return sanitise.clean_html(html)


def on_page_context(context, page, config, nav):
    build = config.plan_edition
    context["plan_banner"] = build.banner(page.url)
    # The language switcher leads to this same page in each language.
    config.extra["alternate"] = build.alternates(page.url)
    return context


def on_post_page(output, page, config):
    return _fix(output, config)


def on_post_template(output_content, template_name, config):
    return _fix(output_content, config) if template_name.endswith(".html") else output_content


@event_priority(-100)
def on_post_build(config):
    # The search index is written from the pages' text, before their English was marked.
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        text = index.read_text(encoding="utf-8")
        index.write_text(translations.strip_markers(text), encoding="utf-8")


def _fix(html, config):
    words = config.plan_edition.words
    html = theme.fix_html(html, **config.plan_edition.theme_labels(config.site_name))
    html = theme.set_direction(html, words.direction)
    html = theme.drop_alternate_links(html)
    return html if words.is_source else theme.mark_languages(html)
