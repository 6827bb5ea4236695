"""Accessibility proven in a real browser: axe-core on every page, the Nu Html Checker on
every file, and the keyboard on every kind of control."""
import json
import subprocess
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


import pytest

from browser import (AXE_TAGS, SCHEMES, VNU, WIDTHS, PageChecks, chromium_version, check_pages, narrowing_differences,
                     record, require_tools, tool_version)


def content_pages(site):
    """Every page a reader can reach: each edition's pages in each language (not the redirects
    of latest/ and the roots, not 404.html)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site)
        if "latest" in relative.parts or 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        pages.append(relative.parent.as_posix() + "/")
    return pages


@pytest.fixture(scope="module")
def page_checks(real_site, real_site_url) -> tuple[list[str], PageChecks]:
    """axe and the reflow check on every page, in one pass: (the URLs, what was found)."""
    require_tools()
    urls = [real_site_url + page for page in content_pages(real_site)]
    assert len(urls) > 80
    # Two browsers side by side: one per core on these machines.
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        parts = list(pool.map(check_pages, [urls[0::2], urls[1::2]]))
    return urls, PageChecks(violations=[v for part in parts for v in part.violations],
                            too_wide=[line for part in parts for line in part.too_wide])


def test_every_page_passes_axe_at_both_widths_and_palettes(page_checks):
    urls, found = page_checks
    violations = found.violations
    record("axe", tool=f"axe-core {tool_version('axe-core')}", browser=chromium_version(), pages=len(urls),
           widths=list(WIDTHS), palettes=list(SCHEMES), rules=AXE_TAGS, violations=len(violations))
    assert violations == [], f"{len(violations)} axe violations:\n" + "\n".join(violations[:40])


#: One page of each layout: a home page with its cards, a list, a priority with a chart, the
#: measures tables, the stacked editions table, a search page, and a home page right to left.
SAMPLE_PAGES = ["2024-2027/", "2024-2027/priorities/", "2017-2020/priorities/offender-management/",
                "2017-2020/measures/", "2024-2027/editions/", "2024-2027/search-all/", "ur/2024-2027/"]


def test_a_page_narrowed_in_place_is_laid_out_as_one_loaded_narrow(real_site, real_site_url):
    """The axe pass loads each page wide and narrows it in place: that is sound only if every
    element a reader sees then has the same box, look and attributes as on a page loaded at
    the phone width."""
    require_tools()
    assert all((real_site / page / "index.html").exists() for page in SAMPLE_PAGES)
    differences = narrowing_differences([real_site_url + page for page in SAMPLE_PAGES])
    assert differences == {real_site_url + page: [] for page in SAMPLE_PAGES}


#: A page that sizes a box to the window once, as it loads, and never again.
SIZED_ONCE = """<!doctype html><html lang="en"><head><title>Sized once</title></head><body><main>
<h1>Sized once</h1><p>Some words to read.</p><div id="box">A box</div></main>
<script>document.getElementById('box').style.width = (innerWidth / 2) + 'px';</script></body></html>"""


def test_a_page_laid_out_only_as_it_loads_is_found(tmp_path):
    require_tools()
    page = tmp_path / "sized-once.html"
    page.write_text(SIZED_ONCE, encoding="utf-8")
    [lines] = narrowing_differences([page.as_uri()]).values()
    assert [line.split(" | ")[0] for line in lines] == ["loaded DIV"], lines
    assert "style=width: 187.5px;\nnarrowed DIV" in lines[0] and lines[0].endswith("style=width: 640px;")


def test_every_file_is_valid_html(real_site):
    require_tools()
    files = sorted(str(p) for p in real_site.rglob("*.html"))
    assert len(files) > 80
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True)
    errors = vnu_errors(result.returncode, result.stdout, result.stderr)
    record("html", tool=f"Nu Html Checker (vnu-jar {tool_version('vnu-jar')})", files=len(files), errors=len(errors))
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors[:40])


def vnu_errors(returncode: int, stdout: str, stderr: str) -> list[str]:
    """The errors in the Nu Html Checker's JSON report (on stderr). No report, or an exit code
    that disagrees with it, means the checker itself failed, which is not 'no errors'."""
    try:
        messages = json.loads(stderr)["messages"]
    except (ValueError, KeyError, TypeError):
        raise AssertionError(f"The HTML checker gave no report (exit code {returncode}):\n"
                             f"{(stderr or stdout)[-2000:]}") from None
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in messages]
    if returncode != 0 and not errors:
        raise AssertionError(f"The HTML checker stopped with exit code {returncode} but reported nothing:\n"
                             f"{stdout[-2000:]}")
    return errors


def test_empty_or_failed_checker_output_is_not_a_pass():
    import pytest

    with pytest.raises(AssertionError, match=r"^The HTML checker gave no report \(exit code 1\):\nError: Unable to access jarfile"):
        vnu_errors(1, "", "Error: Unable to access jarfile vnu.jar\n")
    with pytest.raises(AssertionError, match=r"^The HTML checker gave no report \(exit code 0\)"):
        vnu_errors(0, "", "")
    with pytest.raises(AssertionError, match=r"^The HTML checker stopped with exit code 1 but reported nothing"):
        vnu_errors(1, "java.lang.OutOfMemoryError", '{"messages": []}')
    assert vnu_errors(0, "", '{"messages": []}') == []
    assert vnu_errors(1, "", json.dumps({"messages": [
        {"type": "error", "url": "file:/tmp/real/site/2024-2027/index.html", "lastLine": 3,
         "message": "Duplicate ID \u201cx\u201d."}]})) == ["2024-2027/index.html:3: Duplicate ID \u201cx\u201d."]


def test_every_page_reflows_at_320_pixels(page_checks):
    """WCAG 1.4.10: at 320 CSS pixels (400% zoom of a 1280-pixel screen) nothing scrolls sideways
    but the tables' own scroll boxes."""
    urls, found = page_checks
    assert len(urls) > 80
    assert found.too_wide == []


#: A page with the theme's palette switch (its markup, and a script doing what the theme's does
#: with it): its text is readable in the light palette and not in the dark one.
PALETTE_PAGE = """<!doctype html><html lang="en"><head><title>Palettes</title>
<style>[data-md-color-scheme="slate"] p {{ color: #444; background: #222; }}</style></head>
<body data-md-color-scheme="default"><header><form data-md-component="palette">
<input class="md-option" type="radio" name="__palette" id="__palette_0" data-md-color-scheme="default"
       aria-label="Switch to dark mode" checked>
<input class="md-option" type="radio" name="__palette" id="__palette_1" data-md-color-scheme="slate"
       aria-label="Switch to light mode">
</form></header><main><h1>Palettes</h1><p>Readable only in the light palette.</p></main>
<script>{script}</script></body></html>"""
THEME_SWITCH = ("document.querySelectorAll('input.md-option').forEach(o => o.addEventListener('change', "
                "() => document.body.setAttribute('data-md-color-scheme', o.dataset.mdColorScheme)));")

#: Pages with one known fault each, checked together in one browser as the site's pages are.
FAULTY_PAGES = {
    # An unlabelled image, in every palette at every width.
    "bad.html": '<!doctype html><html lang="en"><head><title>Bad</title></head>'
                '<body><main><h1>Bad</h1><img src="x.png"></main></body></html>',
    "palettes.html": PALETTE_PAGE.format(script=THEME_SWITCH),
    # 350 pixels fits the phone width (375) but not 320: found only if the page is measured at 320.
    "wide.html": '<!doctype html><html lang="en"><head><title>Wide</title></head>'
                 '<body style="margin:0"><main><h1>Wide</h1><div style="width:350px">x</div></main></body></html>',
}


@pytest.fixture(scope="module")
def faulty_pages(tmp_path_factory) -> tuple[dict[str, str], PageChecks]:
    """check_pages on FAULTY_PAGES: (each page's URL by name, what was found)."""
    require_tools()
    folder = tmp_path_factory.mktemp("faulty")
    urls = {}
    for name, html in FAULTY_PAGES.items():
        (folder / name).write_text(html, encoding="utf-8")
        urls[name] = (folder / name).as_uri()
    return urls, check_pages(list(urls.values()))


def _lines_about(url: str, lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith(url + " ") or line.startswith(url + ":")]


def test_axe_finds_a_known_violation(faulty_pages):
    """The axe run cannot pass by accident: a page with an unlabelled image fails it, at each
    width and in each palette."""
    urls, found = faulty_pages
    lines = _lines_about(urls["bad.html"], found.violations)
    assert len(lines) == len(WIDTHS) * len(SCHEMES)
    assert all(" image-alt (critical): " in line for line in lines), lines


def test_the_dark_run_checks_the_dark_palette(faulty_pages):
    """The page is switched to the dark palette in place: a fault only the dark palette has is
    found, at each width, and only in the dark run."""
    urls, found = faulty_pages
    lines = _lines_about(urls["palettes.html"], found.violations)
    assert [line.split("] ")[0].split(" [")[1] for line in lines] == [f"{width}px, dark" for width in WIDTHS], lines
    assert all(" color-contrast (serious): " in line for line in lines), lines


def test_a_palette_switch_that_does_not_switch_stops_the_run(tmp_path):
    """If the page does not show the dark palette when asked, the run stops rather than testing
    the light palette twice."""
    require_tools()
    page = tmp_path / "stuck.html"
    page.write_text(PALETTE_PAGE.format(script=""), encoding="utf-8")
    with pytest.raises(AssertionError, match=r"\[1280px\]: the page did not show the dark palette \('slate'\) "
                                             r"when asked, but 'default'$"):
        check_pages([page.as_uri()])


def test_a_page_that_does_not_reflow_is_reported(faulty_pages):
    urls, found = faulty_pages
    assert found.too_wide == [f"{urls['wide.html']}: 350px"]
    # Nothing else is found on the wide page, and the other pages are not too wide.
    assert _lines_about(urls["wide.html"], found.violations) == []
