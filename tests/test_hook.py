"""What the MkDocs hook receives: an EditionRequest, never PLAN_EDITION or PLAN_LANGUAGE."""
from __future__ import annotations

from plansite.prepare import EditionRequest


def test_a_build_mike_starts_builds_the_version_mike_names():
    assert EditionRequest.from_mike({"MIKE_DOCS_VERSION": "2017-2020"}) == EditionRequest("2017-2020")


def test_a_build_mkdocs_starts_by_itself_ignores_the_old_variables():
    # The current edition in the source language, whatever the environment says.
    assert EditionRequest.from_mike({"PLAN_EDITION": "2011-2014", "PLAN_LANGUAGE": "pl"}) == EditionRequest()
    assert EditionRequest.from_mike({"MIKE_DOCS_VERSION": ""}) == EditionRequest()


def _config(tmp_path, text):
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_a_project_gets_the_package_theme_files_extensions_and_no_web_fonts(tmp_path):
    from plansite.hook import SCRIPT, STYLESHEET, THEME_FILES, use_package_theme

    config = _config(tmp_path, "site_name: X\ntheme:\n  name: material\n  font:\n    text: Roboto\n")
    use_package_theme(config)
    assert config.theme.dirs[0] == str(THEME_FILES) and "material" in config.theme.dirs[1]
    assert config.theme["font"] is False
    assert [str(c) for c in config.extra_css] == [STYLESHEET] and [str(s) for s in config.extra_javascript] == [SCRIPT]
    assert {"abbr", "toc", "attr_list", "admonition", "tables", "md_in_html"} <= set(config.markdown_extensions)
    assert config.mdx_configs["toc"] == {"permalink": True}
    assert "navigation.indexes" in config.theme["features"] and config.extra["version"] == {"provider": "mike"}
    # Applied twice (serve rebuilds with the same config), nothing is added twice.
    use_package_theme(config)
    assert config.theme.dirs.count(str(THEME_FILES)) == 1 and len(config.extra_css) == 1


def test_a_project_template_comes_before_the_package_one(tmp_path):
    from plansite.hook import THEME_FILES, use_package_theme

    (tmp_path / "overrides").mkdir()
    config = _config(tmp_path, "site_name: X\ntheme:\n  name: material\n  custom_dir: overrides\n"
                               "markdown_extensions:\n  - toc:\n      permalink: '#'\n")
    use_package_theme(config)
    assert config.theme.dirs[:2] == [str(tmp_path / "overrides"), str(THEME_FILES)]
    assert config.mdx_configs["toc"] == {"permalink": "#"}  # the project's own setting stays


def test_settings_the_pages_cannot_work_with_are_refused(tmp_path):
    import pytest

    from plansite.hook import use_package_theme
    from plansite.prepare import BuildError

    with pytest.raises(BuildError) as folders:
        use_package_theme(_config(tmp_path, "site_name: X\nuse_directory_urls: false\ntheme:\n  name: material\n"))
    assert str(folders.value) == ("mkdocs.yml sets use_directory_urls to false, but every link between the plan's "
                                  "pages is written for folder addresses. Delete that line from mkdocs.yml.")
    with pytest.raises(BuildError) as theme:
        use_package_theme(_config(tmp_path, "site_name: X\ntheme:\n  name: mkdocs\n"))
    assert str(theme.value) == ("mkdocs.yml's theme is 'mkdocs', but the plan's pages are made for Material for "
                                "MkDocs. Set `theme: name: material` in mkdocs.yml.")
