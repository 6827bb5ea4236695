"""Drive Debian's Chromium with Playwright, and run axe-core in it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plansite.leaflet import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices. No rule is switched off.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
WIDTHS = (1280, 375)
#: WCAG 1.4.10: 400% zoom of a 1280-pixel screen.
REFLOW_WIDTH = 320
SCHEMES = ("light", "dark")

MISSING_TOOLS = ("{what} is missing. Run `make test`, which installs the browser test tools "
                 "(scripts/install-test-tools.sh), or run that script yourself.")


def require_tools() -> None:
    for path, what in ((Path(CHROMIUM), "Chromium (/usr/bin/chromium)"), (AXE, "axe-core"), (VNU, "vnu-jar")):
        if not path.exists():
            raise AssertionError(MISSING_TOOLS.format(what=what))


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# resultTypes: axe still runs every rule, but details only what failed, which is all we read.
_RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
  }));
}"""


#: The theme's palette: the scheme its body shows in each of ours.
_THEME_SCHEME = {"light": "default", "dark": "slate"}

# The palette the page shows now, or None on a page without the theme's palette switch.
_SHOWN_SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"

# The theme adds the edition picker once versions.json arrives, after the load event: wait
# for it, so that axe checks it too. Pages without the theme's versioning have none.
_PICKER_READY = """() => {
  const config = document.getElementById('__config');
  return !(config && JSON.parse(config.textContent).version) || document.querySelector('.md-version__current') !== null;
}"""

# Choose the palette as a reader does with the theme's switch (the switch stores the choice
# in localStorage and sets it on body).
_CHOOSE_SCHEME = """(scheme) => {
  const option = document.querySelector(`input.md-option[data-md-color-scheme="${scheme}"]`);
  if (option && !option.checked) option.click();
}"""
# The page shows that palette, and the theme has stopped switching.
_SCHEME_SHOWN = """(scheme) => document.body.getAttribute('data-md-color-scheme') === scheme &&
  !document.body.hasAttribute('data-md-color-switching')"""


#: Resolves after two animation frames: the page's handlers for the last change have run and
#: its layout is new.
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@dataclass
class PageChecks:
    """What check_pages found: one line per axe violation, and one per page too wide at 320 pixels."""

    violations: list[str]
    too_wide: list[str]


def check_pages(urls: list[str]) -> PageChecks:
    """Run axe on every URL at each width and palette, and measure each URL 320 CSS pixels wide.

    A load costs as much as an axe run, so each page is loaded once per width, in the light
    palette, and switched to the dark one in place, as a reader's own switch does (and the
    browser's prefers-color-scheme with it). Before each run the page must show the palette
    meant, so a broken switch cannot make the dark run test the light palette again. After
    the phone width's runs the page is narrowed to 320 pixels in place, as zooming in does (the
    place and width of every element is the same as on a page loaded that narrow), and must
    not be wider than that (WCAG 1.4.10)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    script = AXE.read_text(encoding="utf-8")
    found = PageChecks(violations=[], too_wide=[])
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for width in WIDTHS:
            viewport = {"width": width, "height": 900}
            context = browser.new_context(viewport=viewport, color_scheme=SCHEMES[0])
            # Each page starts as a first visit, in the palette prefers-color-scheme asks for,
            # not in the one chosen on the page before (the theme keeps the choice in localStorage).
            context.add_init_script("localStorage.clear()")
            # Given to each page as it loads, rather than sent over for every page afterwards.
            context.add_init_script(script)
            page = context.new_page()
            for url in urls:
                page.emulate_media(color_scheme=SCHEMES[0])
                page.set_viewport_size(viewport)
                page.goto(url, wait_until="load")
                try:
                    page.wait_for_function(_PICKER_READY, timeout=10_000)
                except PlaywrightTimeout:
                    found.violations.append(f"{url} [{width}px]: the theme's edition picker did not appear "
                                            "within 10 seconds")
                themed = page.evaluate(_SHOWN_SCHEME) is not None
                for scheme in SCHEMES:
                    if scheme != SCHEMES[0]:
                        page.emulate_media(color_scheme=scheme)
                        if themed:
                            page.evaluate(_CHOOSE_SCHEME, _THEME_SCHEME[scheme])
                            try:  # the theme switches within a frame or two
                                page.wait_for_function(_SCHEME_SHOWN, arg=_THEME_SCHEME[scheme], timeout=3_000)
                            except PlaywrightTimeout:
                                pass  # said just below
                    shown = page.evaluate(_SHOWN_SCHEME)
                    if themed and shown != _THEME_SCHEME[scheme]:
                        raise AssertionError(f"{url} [{width}px]: the page did not show the {scheme} palette "
                                             f"('{_THEME_SCHEME[scheme]}') when asked, but '{shown}'")
                    for violation in page.evaluate(_RUN_AXE, AXE_TAGS):
                        found.violations.append(f"{url} [{width}px, {scheme}] {violation['rule']} "
                                                f"({violation['impact']}): " + " | ".join(violation["nodes"]))
                if width == min(WIDTHS):
                    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
                    # Two frames: the theme's own resize handlers have run and the layout is new.
                    page.evaluate(TWO_FRAMES)
                    page_width = page.evaluate("document.documentElement.scrollWidth")
                    if page_width > REFLOW_WIDTH:
                        found.too_wide.append(f"{url}: {page_width}px")
            context.close()
        browser.close()
    return found


REPORT = ROOT / ".cache" / "accessibility" / "report.json"


def record(section: str, report_path: Path = REPORT, **facts) -> None:
    """Add one test's results to the report the accessibility statement is built from.

    The report is part of every edition's build key, so it changes only when the results or
    the code version tested change: a run that finds the same as the last one on the same
    commit keeps the date that run gave, and a build after it rebuilds nothing."""
    import datetime
    import json
    import os
    import subprocess

    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        report = {}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    entry = {"date": datetime.date.today().isoformat(), "commit": commit.stdout.strip() or None, **facts}
    old = report.get(section)
    if isinstance(old, dict) and {k: v for k, v in old.items() if k != "date"} == \
            {k: v for k, v in entry.items() if k != "date"}:
        return
    report[section] = entry
    report_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = report_path.with_name(report_path.name + ".tmp")
    temporary.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, report_path)


def tool_version(package: str) -> str:
    import json
    return json.loads((ROOT / "node_modules" / package / "package.json").read_text())["version"]


def chromium_version() -> str:
    import subprocess
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    return out.strip() or "unknown"
