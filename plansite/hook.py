"""The MkDocs side of one build: an object that receives which edition and language to build,
and holds what MkDocs' events need, so nothing travels in environment variables or in
attributes added to MkDocs' config.

hooks/plan_pages.py adds it to the build (our whole-site build hands it the request itself).
It has no on_config method of its own: it is registered while MkDocs runs its config event,
and the hook calls prepare() instead.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from . import notfound, prepare, sanitise, search, theme, translations
from .site_markdown import with_required

#: The name it has among MkDocs' plugins.
NAME = "plansite"


class PlanPages:
    """Adds one plan edition's generated pages, in one language, to one MkDocs build."""

    def __init__(self, request: prepare.EditionRequest):
        self.request = request
        self.build: prepare.EditionBuild | None = None
        #: The hand-written menu from mkdocs.yml, kept before prepare() replaces config.nav.
        self.handwritten_nav: list | None = None

    def prepare(self, config):
        """Set the config up for the requested edition (on MkDocs' config event)."""
        from mkdocs.exceptions import PluginError

        # The same config object can be built more than once (a plugin may rebuild per
        # language), so keep the hand-written nav from mkdocs.yml and rebuild from it.
        if self.handwritten_nav is None:
            self.handwritten_nav = list(config.nav or [])
        try:
            use_package_theme(config)
            self.build = prepare.prepare_edition(Path(config.config_file_path).parent, config, self.request,
                                                self.handwritten_nav)
        except prepare.BuildError as error:
            raise PluginError(str(error)) from None
        # The 404 page has no page events; its switcher leads to each language's home.
        config.extra["alternate"] = self.build.alternates("")
        if not self.build.words.is_source and not any(
                isinstance(e, translations.TranslatedPageMarkdown) for e in config.markdown_extensions):
            # Translated pages are read without attribute lists; the site's other pages keep them.
            config.markdown_extensions.append(translations.TranslatedPageMarkdown())
        return config

    def on_env(self, env, config, files):
        # Compiling Material's templates is half of each edition's build; cache the bytecode.
        if self.request.template_cache:
            env.bytecode_cache = template_cache(Path(config.config_file_path).parent)
        return env

    # Runs late so that plugins which rewrite the file list see our pages last.
    @event_priority(-100)
    def on_files(self, files, config):
        from mkdocs.exceptions import PluginError
        from mkdocs.structure.files import File

        build = self.build
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

    def on_page_markdown(self, markdown, page, config, files):
        from mkdocs.exceptions import PluginError

        try:
            return self.build.page_markdown(markdown, page.file.src_uri)
        except prepare.BuildError as error:
            raise PluginError(str(error)) from None

    def on_page_content(self, html, page, config, files):
        if self.build.words.is_source:
            return html
        if self.build.is_untranslated(page.file.src_uri, page.file.generated_by is not None):
            html = prepare.untranslated_notice_html(self.build.words) + f'<div lang="en" dir="ltr">{html}</div>'
        # Every page in another language carries a translator's words: whatever they are, only the
        # elements, attributes and link schemes our pages use reach the reader.
        return sanitise.clean_html(html)

    def on_page_context(self, context, page, config, nav):
        context["plan_banner"] = self.build.banner(page.url)
        context["plan_search"] = search.search_labels(self.build.words, page.url, page.file.src_uri == "search-all.md")
        context["plan_chrome"] = self.build.chrome(page.url)
        # The language switcher leads to this same page in each language.
        config.extra["alternate"] = self.build.alternates(page.url)
        return context

    def on_post_page(self, output, page, config):
        return self._fix(output, config)

    def on_post_template(self, output_content, template_name, config):
        return self._fix(output_content, config) if template_name.endswith(".html") else output_content

    @event_priority(-100)
    def on_post_build(self, config):
        # The search index is written from the pages' text, before their English was marked.
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            # The theme writes non-ASCII characters, our markers too, as \uXXXX escapes: read
            # them back as characters before taking the markers out.
            data = json.loads(index.read_text(encoding="utf-8"))
            data = json.loads(translations.strip_markers(json.dumps(data, ensure_ascii=False)))
            # Other spellings a resident may type: the glossary's, without hyphens, without accents.
            data = search.enrich_index(data, self.build.plan.glossary)
            index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        # The theme's 404 page links relative to the site root, so it works nowhere else: ours
        # carries its own styles and links from any address (plansite/notfound.py).
        (Path(config.site_dir) / "404.html").write_text(notfound.not_found_html(self.build.plan, self.build.words),
                                                        encoding="utf-8")

    def _fix(self, html, config):
        words = self.build.words
        html = theme.fix_html(html, **self.build.theme_labels())
        html = theme.set_direction(html, words.direction)
        html = theme.drop_alternate_links(html)
        return html if words.is_source else theme.mark_languages(html)


#: The theme files this package ships (template overrides, stylesheet, script), so a
#: partnership's project needs no copy of them and gets every fix with `pip install -U`.
THEME_FILES = Path(__file__).parent / "theme_files"
STYLESHEET = "stylesheets/plan.css"
SCRIPT = "javascripts/plan.js"
#: Material features the pages rely on: section index pages (each priority list is one).
THEME_FEATURES = ("navigation.indexes",)


def use_package_theme(config) -> None:
    """Set a project's MkDocs config up with what the generated pages need, whatever its
    mkdocs.yml says: the package's templates below the project's own `custom_dir` (a project
    overrides one by a file of the same name there), its stylesheet and script (a project's
    docs/stylesheets/plan.css or docs/javascripts/plan.js replaces them), the Markdown
    extensions, Material's version selector, and no web fonts (which come from another host)."""
    if not config.use_directory_urls:
        raise prepare.BuildError("mkdocs.yml sets use_directory_urls to false, but every link between the "
                                 "plan's pages is written for folder addresses. Delete that line from mkdocs.yml.")
    theme = config.theme
    if theme.name != "material":
        raise prepare.BuildError(f"mkdocs.yml's theme is '{theme.name}', but the plan's pages are made for "
                                 "Material for MkDocs. Set `theme: name: material` in mkdocs.yml.")
    if str(THEME_FILES) not in theme.dirs:
        # After the project's custom_dir (always first when set), before Material's own.
        theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_FILES))
    theme["font"] = False
    features = theme.get("features") or []
    theme["features"] = features + [f for f in THEME_FEATURES if f not in features]
    config.extra.setdefault("version", {"provider": "mike"})
    if STYLESHEET not in [str(css) for css in config.extra_css]:
        config.extra_css.append(STYLESHEET)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    # MkDocs lists toc by default, without the heading links the pages' anchors offer.
    names, configs = with_required([e for e in config.markdown_extensions if isinstance(e, str)], config.mdx_configs)
    config.markdown_extensions.extend(name for name in names if name not in config.markdown_extensions)
    config.mdx_configs.update(configs)


#: Where compiled templates are kept between builds; safe to delete at any time.
TEMPLATE_CACHE = ".cache/templates"


def template_cache(project_dir: Path):
    """A Jinja bytecode cache in the project, shared by every edition's build."""
    from jinja2 import FileSystemBytecodeCache

    folder = Path(project_dir) / TEMPLATE_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
