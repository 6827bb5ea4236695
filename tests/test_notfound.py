"""The page-not-found page: one page that works at whatever address the host serves it."""
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

from conftest import POLISH
from plansite.notfound import not_found_html
from plansite.translations import Words
from plansite.validate import load_valid_plan


def _page(project, language=None):
    plan = load_valid_plan(project.root)
    return BeautifulSoup(not_found_html(plan, Words.for_language(project.root, plan, language)), "html.parser")


def test_it_leads_to_the_current_plan_and_the_editions_by_absolute_links(project):
    project.write("plan_data/languages.yaml", POLISH)
    page = _page(project)
    assert page.html["lang"] == "en" and page.html["dir"] == "ltr"
    assert page.title.get_text() == "Page not found – Example Safety Partnership"
    assert [e.name for e in page.body.find_all(recursive=False)] == ["header", "main", "nav"]
    assert page.main.h1.get_text() == "Page not found"
    assert [(a.get_text(), a["href"]) for a in page.main.find_all("a")] == [
        ("Go to the current plan: Example Plan 2021/22 refresh",
         "https://example.org/community-safety/2020-2023-refresh-2021/"),
        ("See every edition of the plan, old and new",
         "https://example.org/community-safety/2020-2023-refresh-2021/editions/")]
    assert [(a.get_text(), a["href"], a["lang"]) for a in page.nav.find_all("a")] == [
        ("Polski", "https://example.org/community-safety/pl/2020-2023-refresh-2021/", "pl")]
    # Self-contained: nothing to load, so nothing breaks at any depth.
    assert page.find_all(["link", "script", "img"]) == []
    assert page.style is not None


def test_in_another_language_it_leads_to_that_language(project):
    project.write("plan_data/languages.yaml", POLISH)
    page = _page(project, "pl")
    assert page.html["lang"] == "pl"
    assert page.main.find("a")["href"] == "https://example.org/community-safety/pl/2020-2023-refresh-2021/"
    assert [a["href"] for a in page.nav.find_all("a")] == [
        "https://example.org/community-safety/2020-2023-refresh-2021/"]
    # The tool's Polish for its own words; the partnership's name is English data, marked so in the page.
    assert page.main.h1.get_text() == "Nie znaleziono strony" and page.main.h1.find(lang="en") is None
    assert page.title.get_text() == "Nie znaleziono strony – Example Safety Partnership"


def test_without_the_site_address_its_links_start_at_the_hosts_root(project):
    project.replace("plan_data/partnership.yaml", "site_url: https://example.org/community-safety/\n", "")
    page = _page(project)
    assert [a["href"] for a in page.main.find_all("a")] == ["/2020-2023-refresh-2021/",
                                                            "/2020-2023-refresh-2021/editions/"]
    assert page.nav is None  # one language: no list of others


def test_names_from_the_data_are_escaped(project):
    project.replace("plan_data/partnership.yaml", "name: Example Safety Partnership",
                    "name: Example <script>alert(1)</script> & Partners")
    page = _page(project)
    assert page.find("script") is None
    assert page.header.get_text() == "Example <script>alert(1)</script> & Partners"


class _Host(SimpleHTTPRequestHandler):
    """A static host as GitHub Pages is one: a missing address, at any depth, gets the root's 404.html."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_it_passes_axe_served_for_a_missing_address_deep_down(project, tmp_path):
    """As a host serves it for an address three folders down (and a language's own, at its own
    address), at both widths and palettes, and it reflows at 320 pixels."""
    from browser import check_pages, require_tools

    require_tools()
    project.write("plan_data/languages.yaml", POLISH)
    plan = load_valid_plan(project.root)
    site = tmp_path / "site"
    (site / "pl").mkdir(parents=True)
    (site / "404.html").write_text(not_found_html(plan, Words()), encoding="utf-8")
    (site / "pl" / "404.html").write_text(not_found_html(plan, Words.for_language(project.root, plan, "pl")),
                                          encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Host, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with pytest.raises(HTTPError) as missing:
            urlopen(base + "a/b/c/")
        assert missing.value.code == 404 and b"<h1>Page not found</h1>" in missing.value.read()
        found = check_pages([base + "a/b/c/", base + "pl/404.html"])
        assert (found.violations, found.too_wide) == ([], [])
    finally:
        server.shutdown()
