"""The Markdown the generated pages are written in: the extensions, with their settings, that
every build turns on whatever a project's mkdocs.yml says (plansite.hook), and that the checks
of translated pages render with (plansite.translation_checks)."""

MARKDOWN_EXTENSIONS = {"abbr": {}, "toc": {"permalink": True}, "attr_list": {}, "admonition": {},
                       "tables": {}, "md_in_html": {}}


def with_required(names: list, configs: dict) -> tuple[list, dict]:
    """A project's extensions and settings, with those the pages need added where missing."""
    names = list(names) + [name for name in MARKDOWN_EXTENSIONS if name not in names]
    configs = dict(configs)
    for name, settings in MARKDOWN_EXTENSIONS.items():
        if settings and name not in configs:
            configs[name] = dict(settings)
    return names, configs
