"""`serve`: one line per rebuild, and the error report in the browser when the data is wrong."""
from datetime import datetime
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from plansite.preview import RebuildState, error_handler, error_page_html, make_builder


def clock(*times):
    values = iter(times)
    return lambda: next(values)


def at(text):
    return lambda: datetime.fromisoformat(f"2026-01-05T{text}")


def test_the_error_page_shows_the_report_escaped():
    page = BeautifulSoup(error_page_html("plan.yaml:3: error <b>&</b>\n  fix: do this"), "html.parser")
    assert page.html["lang"] == "en"
    assert page.title.string == "The preview could not be rebuilt"
    assert page.h1.string == "The preview could not be rebuilt"
    assert page.pre.string == "plan.yaml:3: error <b>&</b>\n  fix: do this"
    assert page.find("b") is None and page.find("script") is None


def test_each_successful_rebuild_prints_one_line_with_its_time(tmp_path):
    lines, built = [], []
    state = RebuildState()
    builder = make_builder(built.append, lambda: "fresh config", tmp_path, state, lines.append,
                           clock=clock(0.0, 1.25, 10.0, 10.5), now=at("14:03:07"))
    builder("first config")
    builder()
    assert built == ["first config", "fresh config"]
    assert lines == ["14:03:07 Built the preview in 1.2 s.", "14:03:07 Rebuilt the preview in 0.5 s."]
    assert state.failure is None


def test_a_failed_rebuild_shows_the_report_instead_of_stale_pages(tmp_path):
    (tmp_path / "index.html").write_text("old page")
    (tmp_path / "priorities").mkdir()
    (tmp_path / "priorities" / "index.html").write_text("old page")

    def broken(config):
        raise PluginError("Found 1 problem in 1 file:\n\nplan_data/x.yaml:1: error [yaml-syntax] ...")

    lines, state = [], RebuildState()
    builder = make_builder(broken, lambda: None, tmp_path, state, lines.append, clock=clock(0.0, 1.0),
                           now=at("09:00:00"))
    assert builder() is None  # never raises: MkDocs' server would keep every request waiting
    assert list(tmp_path.iterdir()) == []
    assert state.failure == "Found 1 problem in 1 file:\n\nplan_data/x.yaml:1: error [yaml-syntax] ..."
    assert lines == ["09:00:00 The preview could not be rebuilt:\n"
                     "Found 1 problem in 1 file:\n\nplan_data/x.yaml:1: error [yaml-syntax] ...\n"
                     "The browser shows this report until you fix it and save."]
    handle = error_handler(state, tmp_path, lambda html: html + b"<script>reload</script>")
    page = handle(404).decode()
    assert "plan_data/x.yaml:1: error [yaml-syntax]" in page and page.endswith("<script>reload</script>")
    # Fixed: the site's own 404 page again.
    state.failure = None
    (tmp_path / "404.html").write_text("not here")
    assert handle(404) == b"not here"


def test_bad_data_on_a_rebuild_reaches_the_page(site_project):
    """The real hook, in a real MkDocs build, with data broken while the preview runs."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from plansite.prepare import EditionRequest
    from plansite.render import add_plan_pages

    site = site_project.root / "preview"
    site.mkdir()
    site_project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: archive")
    state = RebuildState()

    def config():
        loaded = load_config(config_file=str(site_project.root / "mkdocs.yml"), site_dir=str(site))
        add_plan_pages(loaded, EditionRequest("2020-2023"))
        return loaded
    make_builder(build, config, site, state, lambda _: None)()
    assert state.failure.startswith("Found 1 problem in 1 file:\n\nplan_data/editions/2020-2023.yaml:10:9: "
                                    "error [invalid-value] A value is not one of those allowed\n")
    assert not state.failure.endswith("Nothing was published.")
    page = BeautifulSoup(error_handler(state, site, lambda html: html)(404), "html.parser")
    assert page.pre.string == state.failure


def test_an_address_without_a_port_is_refused_with_an_example(project):
    import pytest

    from plansite.commands import CommandFailed, serve
    with pytest.raises(CommandFailed) as refused:
        serve(project.root, edition=None, dev_addr="localhost", echo=lambda _: None)
    assert str(refused.value) == ("'localhost' is not an address to serve on. Give a host and a port, for "
                                  "example `.venv/bin/python build_plan.py serve --dev-addr 127.0.0.1:8001`.")


def test_serve_with_bad_data_says_so_and_not_that_nothing_was_published(project):
    import pytest

    from plansite.commands import CommandFailed, serve
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: archive")
    with pytest.raises(CommandFailed) as refused:
        serve(project.root, edition=None, dev_addr="127.0.0.1:8000", echo=lambda _: None)
    assert str(refused.value).endswith(
        "Fix the problems above, then run `.venv/bin/python build_plan.py validate` again.\n"
        "The preview starts once the data is valid.")
    assert "Nothing was published" not in str(refused.value)


def test_the_preview_advises_the_command_the_user_ran(project):
    """Run as `plansite serve`, the report a rebuild shows after a save says `plansite validate`."""
    import pytest

    from plansite.prepare import BuildError, EditionRequest, prepare_edition
    project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: archive")
    with pytest.raises(BuildError) as refused:
        prepare_edition(project.root, None, EditionRequest(program="plansite"), [])
    assert str(refused.value).endswith("Fix the problems above, then run `plansite validate` again.")
