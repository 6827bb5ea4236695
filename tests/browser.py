"""Drive Debian's Chromium with Playwright, and run axe-core in it."""
from __future__ import annotations

from pathlib import Path

from plansite.leaflet import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices. No rule is switched off.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
WIDTHS = (1280, 375)
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


def axe_violations(urls: list[str]) -> list[str]:
    """Run axe on every URL at each width and palette; one line per violation found."""
    from playwright.sync_api import sync_playwright

    script = AXE.read_text(encoding="utf-8")
    found = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for scheme in SCHEMES:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                # Given to each page as it loads, rather than sent over for every page afterwards.
                context.add_init_script(script)
                page = context.new_page()
                for url in urls:
                    page.goto(url, wait_until="load")
                    for violation in page.evaluate(_RUN_AXE, AXE_TAGS):
                        found.append(f"{url} [{width}px, {scheme}] {violation['rule']} ({violation['impact']}): "
                                     + " | ".join(violation["nodes"]))
                context.close()
        browser.close()
    return found


def wider_than_320(urls: list[str]) -> list[str]:
    """Each URL that, freshly loaded 320 CSS pixels wide, is wider than that: 'url: 400px'."""
    from playwright.sync_api import sync_playwright

    too_wide = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 320, "height": 640})
        for url in urls:
            page.goto(url, wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide.append(f"{url}: {width}px")
        browser.close()
    return too_wide


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
