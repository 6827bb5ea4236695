"""Structural tests of a built fixture site: pages, titles, headings and links."""
import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, Project
from plansite.commands import CommandFailed, build
from plansite.prepare import BuildError

REFRESH = "2020-2023-refresh-2021"


def soup(path: Path) -> BeautifulSoup:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    # The permalink anchors MkDocs adds to headings are not part of their text.
    for permalink in html.select("a.headerlink"):
        permalink.decompose()
    return html


def heading(page: BeautifulSoup, text: str, level: str = "h2"):
    found = [h for h in page.select(f"article {level}") if h.get_text(strip=True) == text]
    assert len(found) == 1, f"expected one {level} {text!r}"
    return found[0]


@pytest.fixture(scope="module")
def built(module_site_project):
    """The fixture site, built once for the tests that only read it."""
    build(module_site_project.root, module_site_project.root / "site")
    return module_site_project.root / "site"


@pytest.fixture
def own_built(built, tmp_path) -> tuple[Project, Path]:
    """A copy of the built fixture project and its site, for a test that changes them."""
    shutil.copytree(built.parent, tmp_path / "project", symlinks=True)
    return Project(tmp_path / "project"), tmp_path / "project" / "site"


def test_output_paths(built):
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("index.html"))
    edition_pages = ["", "a-z/", "about/", "about-this-site/", "accessibility/", "editions/", "get-involved/", "history/", "measures/",
                     "open-data/", "partners/", "priorities/", "priorities/reducing-crime/", "sources/",
                     "search-all/", "themes/mental-health/"]
    expected = ["index.html"] + [f"latest/{page}index.html" for page in sorted(edition_pages + ["changes/", "priorities/vulnerable-people/"])]
    for edition, extra in (("2020-2023", ["priorities/asb/"]), (REFRESH, ["changes/", "priorities/vulnerable-people/"])):
        expected += [f"{edition}/{page}index.html" for page in sorted(edition_pages + extra)]
    assert pages == sorted(expected)


def test_root_sends_readers_to_the_current_edition(built):
    page = soup(built / "index.html")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={REFRESH}/"
    assert page.find("a")["href"] == f"{REFRESH}/"


def test_versions_json_lists_every_edition_newest_first(built):
    assert json.loads((built / "versions.json").read_text()) == [
        {"version": REFRESH, "title": "2021/22 refresh of the 2020–23 plan", "aliases": ["latest"]},
        {"version": "2020-2023", "title": "2020–23 plan", "aliases": []},
    ]


def test_refresh_home_shows_changes_against_its_base(built):
    page = soup(built / REFRESH / "index.html")
    assert page.h1.get_text(strip=True) == "Example Plan 2021/22 refresh"
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert headings == ["How we are doing", "The plan in plain words", "Priorities at a glance",
                        "Cross-cutting themes at a glance", "Retired in this refresh", "About this page"]
    glance = heading(page, "Priorities at a glance").find_next("ul")
    links = [(a.get_text(), a["href"]) for a in glance.find_all("a")]
    assert links == [("Less crime", "priorities/reducing-crime/"), ("People at risk", "priorities/vulnerable-people/")]
    assert "(new in this refresh)" in glance.get_text()
    retired = heading(page, "Retired in this refresh").find_next("ul").get_text(strip=True)
    assert retired == "Tackling Anti-Social Behaviour: Now part of everyday work."


def test_priority_page_sections_and_sources(built):
    page = soup(built / "2020-2023" / "priorities" / "reducing-crime" / "index.html")
    assert page.h1.get_text(strip=True) == "Reducing Crime"
    assert [h.get_text(strip=True) for h in page.select("article h2")] == [
        "How we are doing", "Key outcome", "Why is it a priority?", "What we plan to do", "How we will measure success"]
    assert [h.get_text(strip=True) for h in page.select("article h3")] == ["Crimes reported"]
    assert page.find("a", string="About this measure")["href"] == "../../measures/#all-crime"
    source = page.find("a", string="Example Plan 2020 to 2023")
    assert source["href"] == "../../sources/#plan-a"
    assert (built / "2020-2023" / "measures" / "index.html").exists()
    assert soup(built / "2020-2023" / "measures" / "index.html").find(id="all-crime") is not None


def test_missing_source_text_is_said_once_below_the_content(built):
    page = soup(built / "2020-2023" / "priorities" / "asb" / "index.html")
    notes = [p.get_text(" ", strip=True) for p in page.select("article p.plan-based-on")]
    assert notes == ["This part of the plan has not been published on this site yet.",
                     "This page is based on Example Plan 2020 to 2023 , 2020."]
    assert [h.get_text(strip=True) for h in page.select("article h2")] == ["How we are doing"]


def test_refresh_updates_a_priority_lead(built):
    page = soup(built / REFRESH / "priorities" / "reducing-crime" / "index.html")
    lead = heading(page, "Who leads this work").find_next("p").get_text()
    assert lead == "Chief Inspector."
    assert page.find(class_="admonition-title", string="Updated in this refresh") is not None


def banner(page):
    return page.select_one(".md-banner .plan-banner")


def test_archive_banner_on_every_archived_page_links_to_the_same_page(built):
    pages = sorted((built / "2020-2023").rglob("index.html"))
    assert len(pages) == 17
    for path in pages:
        assert banner(soup(path)) is not None, path
    home = banner(soup(built / "2020-2023" / "index.html"))
    assert home.get_text(" ", strip=True) == (
        "This is an archived plan. It is not the current plan. The current plan is the "
        "Example Plan 2021/22 refresh. Read this page in the current plan")
    assert home.a["href"] == f"../{REFRESH}/"
    same = banner(soup(built / "2020-2023" / "priorities" / "reducing-crime" / "index.html")).a
    assert (same.get_text(), same["href"]) == ("Read this page in the current plan", f"../../../{REFRESH}/priorities/reducing-crime/")
    # Retired in the refresh, so the banner leads to the current plan's home instead.
    gone = banner(soup(built / "2020-2023" / "priorities" / "asb" / "index.html")).a
    assert (gone.get_text(), gone["href"]) == ("Go to the current plan", f"../../../{REFRESH}/")
    for path in (built / "2020-2023").rglob("index.html"):
        href = banner(soup(path)).a["href"]
        assert (path.parent / href / "index.html").resolve().is_file(), path


def test_no_banner_on_the_current_edition(built):
    for path in (built / REFRESH).rglob("index.html"):
        assert banner(soup(path)) is None, path


def test_banner_needs_no_javascript(built):
    """Material's own 'outdated version' banner is hidden until its script shows it; ours is
    shown by the HTML alone: not hidden, not inside a template, noscript or the outdated slot."""
    for path in sorted((built / "2020-2023").rglob("index.html")):
        found = banner(soup(path))
        for element in [found, *found.parents]:
            assert element.name not in ("template", "noscript"), path
            assert not element.has_attr("hidden"), (path, element.name)
            assert element.get("data-md-component") != "outdated", path
            assert "display:none" not in (element.get("style") or "").replace(" ", ""), path


def test_editions_page_links_between_editions(built):
    page = soup(built / REFRESH / "editions" / "index.html")
    links = [(a.get_text(), a["href"]) for a in page.select("article table a")]
    assert links == [("Example Plan 2021/22 refresh", f"../../{REFRESH}/"),
                     ("Example Plan 2020 to 2023", "../../2020-2023/")]
    for _, href in links:
        assert (built / REFRESH / "editions" / href / "index.html").resolve().exists()


def test_nothing_is_loaded_from_another_host(built):
    for page in built.rglob("*.html"):
        html = soup(page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                value = element.get(attribute) or ""
                assert not value.startswith(("http:", "https:", "//")), f"{page}: {element}"


def test_failed_build_leaves_the_previous_site(own_built):
    site_project, built = own_built
    marker = built / "2020-2023" / "index.html"
    before = marker.read_text()
    site_project.replace("plan_data/editions/2020-2023.yaml", "status: archived", "status: archive")
    with pytest.raises(CommandFailed) as failure:
        build(site_project.root, built)
    assert str(failure.value).startswith("Found 1 problem in 1 file:\n\nplan_data/editions/2020-2023.yaml:10:9:")
    assert marker.read_text() == before
    assert not list(site_project.root.glob(".site-*"))


def test_mkdocs_warning_stops_a_strict_build_and_keeps_the_site(own_built):
    site_project, built = own_built
    before = (built / "index.html").read_text()
    (site_project.root / "docs" / "about-this-site.md").write_text("[broken](nowhere.md)\n")
    with pytest.raises(CommandFailed) as failure:
        build(site_project.root, built)
    # The edition's pages are built in parallel, so either may be named first.
    assert "' (Aborted with 1 warnings in strict mode!)" in str(failure.value)
    assert str(failure.value).startswith("MkDocs could not build '2020-2023")
    assert (built / "index.html").read_text() == before


def test_home_page_answers_how_we_are_doing_first(built):
    """The first thing after the title and the plan's one sentence is "How we are doing": a list
    of cards, each with its item's title, latest figure, date, judgement word and change."""
    page = soup(built / REFRESH / "index.html")
    article = page.select_one("article")
    first = [el for el in article.find_all(["p", "h2"], recursive=False)][:2]
    assert first[0].get_text(strip=True) == "This update of the plan, for 2021 to 2022, has 2 priorities and 1 cross-cutting theme."
    assert first[1].name == "h2" and first[1].get_text(strip=True) == "How we are doing"
    assert first[1]["id"] == "how-we-are-doing"
    cards = first[1].find_next_sibling("ul", class_="plan-cards").find_all("li", recursive=False)
    assert len(cards) == 1
    card = cards[0]
    assert card.h3.a["href"] == "priorities/reducing-crime/" and card.h3.get_text() == "Less crime"
    assert card.select_one(".plan-card__value").get_text() == "800"
    assert card.select_one(".plan-card__period").get_text() == "2022"
    assert card.select_one(".plan-tag").get_text(strip=True) == "Improving"
    assert card.select_one(".plan-card__judgement").get_text(" ", strip=True) == (
        "Improving Down from 1,000 (2020) to 800. Lower is better.")
    assert not set("↑↓→") & set(article.get_text())
    source = article.select_one("p.plan-cards__source")
    assert source.get_text(" ", strip=True).startswith("Figures from: Example refresh report , 25 July 2021")
    # The dates and status come after the content, not before it.
    text = article.get_text(" ", strip=True)
    assert text.index("How we are doing") < text.index("Period:")


def test_generated_page_clashing_with_a_docs_page_is_refused(site_project, capsys):
    (site_project.root / "docs" / "measures.md").write_text("# Mine\n")
    with pytest.raises(CommandFailed) as failure:
        build(site_project.root, site_project.root / "site")
    # Both editions stop, in either order, each on the clash.
    assert str(failure.value).startswith("MkDocs could not build '")
    assert "(Aborted with a BuildError!)" in str(failure.value)
    clash = ("  error: docs/measures.md has the same path as a page generated from plan_data/. "
             "Rename or remove docs/measures.md.")
    assert capsys.readouterr().out.splitlines().count(clash) == 2
    assert not (site_project.root / "site").exists()


def test_priority_page_shows_figures_sentence_chart_table_and_download(built):
    page = soup(built / REFRESH / "priorities" / "reducing-crime" / "index.html")
    text = page.select_one("article").get_text(" ", strip=True)
    assert "Latest figure: 800 (2022)" in text
    assert "Compared with:" not in text  # the comparator has no figure for 2022
    sentence = ("Crimes reported fell by 20%, from 1,000 to 800, in 2022 compared with 2020. "
                "The plan aims for this figure to go down, so this is an improvement.")
    assert sentence in text
    # The word carries the judgement, with an icon tied to it; the movement is said in words.
    direction = next(p for p in page.select("article p") if p.get_text().startswith("Direction of travel:"))
    assert direction.get_text(" ", strip=True) == "Direction of travel: Improving (the figure went down)"
    assert direction.select_one(".plan-tag--good svg")["aria-hidden"] == "true"
    svg = page.select_one("figure.plan-figure svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Crimes reported: chart"
    assert svg.find(id=desc_id).get_text().startswith(sentence)
    table = page.select_one(".plan-table table")
    assert table.caption.get_text() == "Crimes reported: the figures"
    assert [th.get_text() for th in table.select("thead th")] == ["Period", "Exampleton", "Similar areas"]
    assert [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")] == [
        ["2019", "1,200", ""], ["2020", "1,000", "900"], ["2022", "800", ""]]
    download = page.find("a", string="Download these figures (CSV)")["href"]
    csv_file = (built / REFRESH / "priorities" / "reducing-crime" / download).resolve()
    assert csv_file.read_text().splitlines()[0] == (
        "measure,period,period_start,period_end,series,qualifier,value,unit,source,source_title,note")
    assert len(csv_file.read_text().splitlines()) == 5


def test_archived_plan_shows_only_figures_inside_its_period(built):
    page = soup(built / "2020-2023" / "priorities" / "reducing-crime" / "index.html")
    rows = [tr.th.get_text() for tr in page.select(".plan-table tbody tr")]
    # 2022 comes from the refresh's report, inside 2020-2023; the 2019 figure is the plan's own baseline.
    assert rows == ["2019", "2020", "2022"]


def test_measure_without_figures_says_so(own_built):
    site_project, built = own_built
    site_project.replace("plan_data/measures/measures.yaml", "    data: figures.csv\n", "")
    build(site_project.root, built)
    page = soup(built / REFRESH / "priorities" / "reducing-crime" / "index.html")
    assert "No figures have been published for this measure yet." in page.select_one("article").get_text()
    assert page.select_one("figure.plan-figure") is None


def test_open_data_package(built):
    package = json.loads((built / REFRESH / "data" / "datapackage.json").read_text())
    assert [r["path"] for r in package["resources"]] == ["all-crime.csv"]
    assert (built / REFRESH / "data" / "all-crime.csv").is_file()
    export = json.loads((built / REFRESH / "data" / "plan.json").read_text())
    assert export["edition"]["id"] == REFRESH
    assert [p["id"] for p in export["edition"]["priorities"]] == ["reducing-crime", "vulnerable-people"]
    assert sorted(export["editions"]) == ["2020-2023", REFRESH]
    assert export["measures"]["all-crime"]["data"] == "figures.csv"


def test_measure_directive_in_a_hand_written_page(site_project):
    site_project.write("docs/get-involved.md", "# Get involved\n\n{{ measure: all-crime chart }}\n\nText after.\n")
    build(site_project.root, site_project.root / "site")
    page = soup(site_project.root / "site" / REFRESH / "get-involved" / "index.html")
    assert page.select_one("figure.plan-figure svg[role=img]") is not None
    assert page.select_one(".plan-table") is None
    download = page.find("a", string="Download these figures (CSV)")["href"]
    assert (site_project.root / "site" / REFRESH / "get-involved" / download).resolve().is_file()
    assert "Text after." in page.select_one("article").get_text()


def test_measure_directive_with_an_unknown_measure(site_project, capsys):
    site_project.write("docs/get-involved.md", "# Get involved\n\n{{ measure: all-crimes }}\n")
    with pytest.raises(CommandFailed):
        build(site_project.root, site_project.root / "site")
    assert ("docs/get-involved.md, line 3: there is no measure 'all-crimes'. "
            "Use an id from plan_data/measures/, for example all-crime.") in capsys.readouterr().out


def test_what_changed_page_of_a_refresh(built):
    page = soup(built / REFRESH / "changes" / "index.html")
    sections = {h.get_text(strip=True): [li.get_text(" ", strip=True) for li in h.find_next("ul").find_all("li")]
                for h in page.select("article h2") if h.find_next("ul")}
    assert sections["New priorities and themes"] == ["High Risk and Vulnerable People (new priority)"]
    assert sections["Retired priorities and themes"] == ["Tackling Anti-Social Behaviour (priority): Now part of everyday work."]
    assert sections["Leads"] == ["Reducing Crime : now led by Chief Inspector"]
    assert not (built / "2020-2023" / "changes").exists()


def test_history_page_lists_every_edition_oldest_first(built):
    page = soup(built / "2020-2023" / "history" / "index.html")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in page.select("article tbody tr")]
    assert rows == [
        ["Example Plan 2020 to 2023 (this edition)", "2020 to 2023", "Reducing Crime Tackling Anti-Social Behaviour", "Mental Health"],
        ["Example Plan 2021/22 refresh", "2021 to 2022", "Reducing Crime High Risk and Vulnerable People (new)", "Mental Health"],
    ]


def test_latest_alias_leads_to_the_same_page_of_the_current_edition(built):
    page = soup(built / "latest" / "priorities" / "reducing-crime" / "index.html")
    target = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert target == f"0; url=../../../{REFRESH}/priorities/reducing-crime/"
    assert (built / "latest" / "priorities" / "reducing-crime" / target.split("url=")[1] / "index.html").resolve().is_file()
    assert soup(built / "latest" / "index.html").find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=../{REFRESH}/"


def test_incremental_build_skips_unchanged_editions(site_project):
    from plansite.render import build_site
    out = site_project.root / "site"
    first = build_site(site_project.root, out, echo=lambda _: None)
    assert sorted(first.built) == ["2020-2023", REFRESH] and first.reused == []
    again = build_site(site_project.root, out, echo=lambda _: None)
    assert again.built == [] and sorted(again.reused) == ["2020-2023", REFRESH]
    site_project.replace("plan_data/editions/2020-2023-refresh-2021.yaml", "summary: We added a priority.",
                         "summary: We added a priority this year.")
    changed = build_site(site_project.root, out, echo=lambda _: None)
    assert changed.built == [REFRESH] and changed.reused == ["2020-2023"]
    assert "We added a priority this year." in (out / REFRESH / "index.html").read_text()
    assert (out / "2020-2023" / "index.html").is_file()
    # The 2022 figure falls inside both editions' periods, so both rebuild.
    site_project.replace("plan_data/data/figures.csv", "all-crime,2022,Exampleton,800", "all-crime,2022,Exampleton,700")
    figures = build_site(site_project.root, out, echo=lambda _: None)
    assert sorted(figures.built) == ["2020-2023", REFRESH]


def test_site_works_under_a_sub_path(built, tmp_path):
    """Serve the site at /community-safety/ and follow every link and asset from its root."""
    import shutil
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from urllib.error import HTTPError
    from urllib.parse import urljoin, urlsplit
    from urllib.request import urlopen

    www = tmp_path / "www"
    shutil.copytree(built, www / "community-safety")
    handler = partial(SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/community-safety/"
    try:
        seen, queue, broken = set(), [base], []
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urlopen(url, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get_content_type()
            except HTTPError as error:
                broken.append(f"{url}: {error.code}")
                continue
            if kind != "text/html":
                continue
            page = BeautifulSoup(body, "html.parser")
            refresh = page.find("meta", attrs={"http-equiv": "refresh"})
            targets = [refresh["content"].split("url=")[1]] if refresh else []
            targets += [e.get("href") or e.get("src") for e in page.find_all(["a", "link", "script", "img"])]
            for target in filter(None, targets):
                absolute = urljoin(url, target).split("#")[0]
                if urlsplit(absolute).netloc == urlsplit(base).netloc:
                    assert absolute.startswith(base), f"{url} links outside the sub-path: {target}"
                    queue.append(absolute)
        assert broken == []
        for edition in ("2020-2023", REFRESH):
            for page in (built / edition).rglob("index.html"):
                assert base + page.parent.relative_to(built).as_posix() + "/" in seen, page
    finally:
        server.shutdown()


def test_accessibility_statement_without_test_results(built):
    page = soup(built / REFRESH / "accessibility" / "index.html")
    assert page.h1.get_text() == "Accessibility statement"
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert headings == ["How accessible this website is", "What to do if you need the plan in a different format",
                        "Reporting accessibility problems with this website", "Enforcement procedure",
                        "Technical information about this website's accessibility", "How we tested this website"]
    tested = heading(page, "How we tested this website").find_next("p").get_text()
    assert tested.startswith("This copy of the site was built without the results of the accessibility tests.")


def test_accessibility_statement_reports_the_last_test_run(site_project):
    import json as json_module
    report = site_project.root / ".cache" / "accessibility" / "report.json"
    report.parent.mkdir(parents=True)
    report.write_text(json_module.dumps({
        "axe": {"date": "2026-11-21", "commit": "abc1234", "tool": "axe-core 4.14.1", "browser": "Chromium 156",
                "pages": 28, "widths": [1280, 375], "violations": 0},
        "html": {"date": "2026-11-21", "tool": "Nu Html Checker (vnu-jar 26.9.27)", "files": 40, "errors": 0},
        "keyboard": {"date": "2026-11-21", "checks": 9, "failed": 0}}))
    build(site_project.root, site_project.root / "site")
    page = soup(site_project.root / "site" / REFRESH / "accessibility" / "index.html")
    text = heading(page, "How we tested this website").find_next("ul").get_text(" ", strip=True)
    assert "all 28 pages of every edition and language in Chromium 156, 1280 and 375 pixels wide" in text
    assert "axe-core 4.14.1" in text and ": no problems found" in text
    assert "all 40 HTML files with the Nu Html Checker (vnu-jar 26.9.27): no errors found" in text
    assert "9 of 9 checks passed" in text
    assert "last ran on 21 November 2026 (code version abc1234)" in page.select_one("article").get_text()


def test_summary_names_the_documents_it_was_written_from(built):
    page = soup(built / REFRESH / "index.html")
    line = heading(page, "The plan in plain words").find_next("em", string=lambda t: t and "Written in plain words" in t)
    paragraph = line.parent if line else page.find(string=lambda t: t and "Written in plain words from" in t).find_parent("p")
    assert [a["href"] for a in paragraph.find_all("a")] == ["sources/#plan-a", "sources/#report-b"]


def test_a_folder_that_is_not_a_site_gets_one_message_not_one_per_edition(tmp_path):
    from plansite.render import check_site_config

    with pytest.raises(BuildError) as missing:
        check_site_config(tmp_path)
    assert str(missing.value) == (
        f"There is no mkdocs.yml in {tmp_path}, so this is not a plan website's folder. Run the command in your "
        "project's folder (or give --project FOLDER), or start a new project with `plansite init FOLDER`.")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: X\ntheme:\n  name: material\n", encoding="utf-8")
    with pytest.raises(BuildError) as no_hook:
        check_site_config(tmp_path)
    assert str(no_hook.value) == (
        "mkdocs.yml does not name the hook that adds the plan's pages, so no page of the plan would be built. "
        "Add these lines to mkdocs.yml:\n\nhooks:\n  - hooks/plan_pages.py\n\nand make sure hooks/plan_pages.py "
        "exists (`plansite init` writes both).")
    (tmp_path / "mkdocs.yml").write_text("site_name: X\ntheme:\n  name: material\nhooks:\n  - hooks/plan_pages.py\n",
                                         encoding="utf-8")
    with pytest.raises(BuildError) as no_file:
        check_site_config(tmp_path)
    assert str(no_file.value) == (
        "mkdocs.yml is not valid:\n  error: Config value 'hooks': The path "
        f"'{tmp_path}/hooks/plan_pages.py' isn't an existing file.\n"
        "Correct it (`plansite init` writes one that works), then build again.")
    (tmp_path / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "plan_pages.py", tmp_path / "hooks" / "plan_pages.py")
    check_site_config(tmp_path)


def test_every_folder_has_the_one_self_contained_page_not_found(built):
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("404.html"))
    assert pages == [f"{REFRESH}/404.html", "2020-2023/404.html", "404.html"]
    root = (built / "404.html").read_text(encoding="utf-8")
    # Each edition's is the site root's, not the theme's (whose links and stylesheet are relative).
    assert [(built / page).read_text(encoding="utf-8") == root for page in pages] == [True, True, True]
    page = soup(built / "404.html")
    assert page.main.h1.get_text() == "Page not found"
    assert page.find_all(["link", "script"]) == []
    assert page.main.find("a")["href"] == f"https://example.org/community-safety/{REFRESH}/"


FOOTER = ["Contact the partnership", "Accessibility statement", "Open data"]


def test_header_names_the_partnership_and_the_footer_links_lead_to_pages(built):
    for edition in ("2020-2023", REFRESH):
        for path in sorted((built / edition).rglob("index.html")):
            page = soup(path)
            name = page.select_one("header .plan-header__name")
            assert [s.get_text() for s in name.find_all("span")] == ["Example Safety Partnership", "Example Safety"]
            assert (path.parent / name["href"] / "index.html").resolve() == built / edition / "index.html", path
            links = page.select("footer .plan-footer__links a")
            assert [a.get_text() for a in links] == FOOTER, path
            for a in links:
                target, _, fragment = a["href"].partition("#")
                resolved = (path.parent / target / "index.html").resolve()
                assert resolved.is_file(), (path, a["href"])
                if fragment:
                    assert soup(resolved).find(id=fragment).get_text(strip=True) == "Contact the partnership"


def test_editions_page_stacks_its_rows_with_their_own_labels_and_status_tags(built):
    page = soup(built / REFRESH / "editions" / "index.html")
    rows = page.select(".plan-stack table tbody tr")
    assert [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in rows] == [
        ["Example Plan 2021/22 refresh (this edition)", "Period: 2021 to 2022", "Current plan", "Date: 25 July 2021"],
        ["Example Plan 2020 to 2023", "Period: 2020 to 2023", "Archived plan", "Date: 2020"],
    ]
    assert [tag["class"] for tag in page.select(".plan-stack .plan-tag")] == [
        ["plan-tag", "plan-tag--current"], ["plan-tag", "plan-tag--archived"]]


def test_open_data_page_links_every_published_file(built):
    path = built / REFRESH / "open-data" / "index.html"
    links = [a["href"] for a in soup(path).select("article li a")]
    published = sorted(p.name for p in (built / REFRESH / "data").iterdir())
    assert sorted(href.rsplit("/", 1)[1] for href in links) == published
    for href in links:
        assert (path.parent / href).resolve().is_file(), href
