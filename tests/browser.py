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
PICKER_READY = """() => {
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


#: True when no transition or animation is running, but those of the CSS properties given
#: (a transition waiting out its delay counts as running). After a resize across the theme's
#: breakpoints, its header, search and drawer move into their narrow places over about 250 ms.
#: Endless animations (none today) never end, so they do not count.
SETTLED = """(ignored) => document.getAnimations().every(a => a.playState !== 'running' ||
  a.effect.getComputedTiming().endTime === Infinity || ignored.includes(a.transitionProperty))"""

#: Every element a reader can see, with its box, its look and its attributes: what axe's
#: results depend on. Left out are attributes the theme changes by what has been on screen
#: (its tooltips take an element's title once shown) and the empty style it leaves on the
#: sidebars it sized at a wider width.
LAYOUT = """() => Array.from(document.querySelectorAll('*'))
  .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .map(e => {
    const box = e.getBoundingClientRect(), style = getComputedStyle(e);
    const attributes = Array.from(e.attributes)
      .filter(a => a.name !== 'title' && !(a.name === 'style' && a.value === ''))
      .map(a => `${a.name}=${a.value}`);
    return [e.tagName, ...[box.x, box.y, box.width, box.height].map(n => Math.round(n * 10) / 10),
            style.display, style.position, style.color, style.backgroundColor, style.fontSize,
            style.transform, style.opacity, ...attributes].join(' | ');
  })"""


@dataclass
class PageChecks:
    """What check_pages found: one line per axe violation, and one per page too wide at 320 pixels."""

    violations: list[str]
    too_wide: list[str]


def check_pages(urls: list[str]) -> PageChecks:
    """Run axe on every URL at each width and palette, and measure each URL 320 CSS pixels wide.

    Loading a page costs as much as two or three axe runs, so each page is loaded once, wide
    and in the light palette, and then changed in place as a reader's own window, switch and
    zoom change it: switched to the dark palette (the theme's switch, and prefers-color-scheme
    with it), narrowed to the phone width, switched back to light, and narrowed to 320 pixels. Before
    each run the page must show the palette meant, so a broken switch cannot make the dark run
    test the light palette again; after each narrowing it waits for the theme's transitions
    to end. A page narrowed in place is laid out as one loaded narrow (test_accessibility's
    test_a_page_narrowed_in_place_is_laid_out_as_one_loaded_narrow). At 320 pixels the page
    must not be wider than that (WCAG 1.4.10)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    script = AXE.read_text(encoding="utf-8")
    found = PageChecks(violations=[], too_wide=[])
    # Widest first; the palettes alternate, so each narrowing keeps the palette of the run before.
    runs = [(width, scheme) for index, width in enumerate(sorted(WIDTHS, reverse=True))
            for scheme in (SCHEMES if index % 2 == 0 else SCHEMES[::-1])]
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": runs[0][0], "height": 900}, color_scheme=runs[0][1])
        # Each page starts as a first visit, in the palette prefers-color-scheme asks for,
        # not in the one chosen on the page before (the theme keeps the choice in localStorage).
        context.add_init_script("localStorage.clear()")
        # Given to each page as it loads, rather than sent over for every page afterwards.
        context.add_init_script(script)
        page = context.new_page()
        for url in urls:
            page.emulate_media(color_scheme=runs[0][1])
            page.set_viewport_size({"width": runs[0][0], "height": 900})
            page.goto(url, wait_until="load")
            try:
                page.wait_for_function(PICKER_READY, timeout=10_000)
            except PlaywrightTimeout:
                found.violations.append(f"{url}: the theme's edition picker did not appear within 10 seconds")
            themed = page.evaluate(_SHOWN_SCHEME) is not None
            width, scheme = runs[0]
            for next_width, next_scheme in runs:
                if next_width != width:
                    resize_and_settle(page, next_width, 900)
                if next_scheme != scheme:
                    page.emulate_media(color_scheme=next_scheme)
                    if themed:
                        page.evaluate(_CHOOSE_SCHEME, _THEME_SCHEME[next_scheme])
                        try:  # the theme switches within a frame or two
                            page.wait_for_function(_SCHEME_SHOWN, arg=_THEME_SCHEME[next_scheme], timeout=3_000)
                        except PlaywrightTimeout:
                            pass  # said just below
                width, scheme = next_width, next_scheme
                shown = page.evaluate(_SHOWN_SCHEME)
                if themed and shown != _THEME_SCHEME[scheme]:
                    raise AssertionError(f"{url} [{width}px]: the page did not show the {scheme} palette "
                                         f"('{_THEME_SCHEME[scheme]}') when asked, but '{shown}'")
                for violation in page.evaluate(_RUN_AXE, AXE_TAGS):
                    found.violations.append(f"{url} [{width}px, {scheme}] {violation['rule']} "
                                            f"({violation['impact']}): " + " | ".join(violation["nodes"]))
            resize_and_settle(page, REFLOW_WIDTH, 640)
            page_width = page.evaluate("document.documentElement.scrollWidth")
            if page_width > REFLOW_WIDTH:
                found.too_wide.append(f"{url}: {page_width}px")
        context.close()
        browser.close()
    return found


def settle(page, ignored: tuple[str, ...] = ()) -> None:
    """Wait for the page to react to the last change (two frames: its handlers have run) and
    for its transitions to end, but those of the ignored CSS properties."""
    page.evaluate(TWO_FRAMES)
    page.wait_for_function(SETTLED, arg=list(ignored), timeout=5_000)


def resize_and_settle(page, width: int, height: int) -> None:
    """Resize the page in place, as a window or zoom does, and wait until its layout is new and
    still: settled (every transition, colours too, since axe checks them), and two frames more."""
    page.set_viewport_size({"width": width, "height": height})
    settle(page)
    page.evaluate(TWO_FRAMES)


def narrowing_differences(urls: list[str]) -> dict[str, list[str]]:
    """For each URL, how a page loaded wide and narrowed in place to the phone width differs
    from one loaded at the phone width: every element a reader sees, as LAYOUT describes it.
    The same waits as check_pages's come before each look."""
    from playwright.sync_api import sync_playwright

    narrow, wide = min(WIDTHS), max(WIDTHS)
    differences = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        loaded = browser.new_page(viewport={"width": narrow, "height": 900})
        narrowed = browser.new_page(viewport={"width": wide, "height": 900})
        for url in urls:
            loaded.goto(url, wait_until="load")
            loaded.wait_for_function(PICKER_READY)
            resize_and_settle(loaded, narrow, 900)
            narrowed.set_viewport_size({"width": wide, "height": 900})
            narrowed.goto(url, wait_until="load")
            narrowed.wait_for_function(PICKER_READY)
            resize_and_settle(narrowed, wide, 900)
            before = narrowed.evaluate(LAYOUT)
            resize_and_settle(narrowed, narrow, 900)
            expected, found = loaded.evaluate(LAYOUT), narrowed.evaluate(LAYOUT)
            # Otherwise the page would show nothing about narrowing.
            assert before != expected, f"{url}: the same layout wide and narrow"
            differences[url] = [f"loaded {a}\nnarrowed {b}" for a, b in zip(expected, found) if a != b]
            if len(expected) != len(found):
                differences[url].append(f"{len(expected)} elements loaded, {len(found)} narrowed")
        browser.close()
    return differences


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
