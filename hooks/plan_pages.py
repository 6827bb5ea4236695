"""MkDocs hook: adds one plan edition's generated pages to the build.

A thin adapter: all content logic lives in the plansite package. The edition is
read from plan_data/ inside the events, never at import time, because MkDocs keeps
hook modules alive across `mkdocs serve` rebuilds.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from plansite import render, theme


@event_priority(-50)
def on_config(config):
    project_dir = Path(config.config_file_path).parent
    try:
        config.plan_edition = render.prepare_edition(project_dir, config)
    except render.BuildError as error:
        raise PluginError(str(error)) from None
    return config


def on_env(env, config, files):
    # Compiling Material's templates is half of each edition's build; cache the bytecode.
    env.bytecode_cache = render.template_cache(Path(config.config_file_path).parent)
    return env


# Runs late so that plugins which rewrite the file list see our pages last.
@event_priority(-100)
def on_files(files, config):
    for page in config.plan_edition.pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(
                f"docs/{page.path} has the same path as a page generated from plan_data/. "
                f"Rename or remove docs/{page.path}."
            )
        files.append(File.generated(config, page.path, content=page.markdown))
    for data_file in config.plan_edition.data_files:
        files.append(File.generated(config, data_file.path, content=data_file.content))
    return files


def on_page_markdown(markdown, page, config, files):
    try:
        return config.plan_edition.page_markdown(markdown, page.file.src_uri)
    except render.BuildError as error:
        raise PluginError(str(error)) from None


def on_page_context(context, page, config, nav):
    context["plan_banner"] = config.plan_edition.banner(page.url)
    return context


def on_post_page(output, page, config):
    return _fix(output, config)


def on_post_template(output_content, template_name, config):
    return _fix(output_content, config) if template_name.endswith(".html") else output_content


def _fix(html, config):
    return theme.fix_html(html, version_label=f"{config.site_name}: choose another edition")
