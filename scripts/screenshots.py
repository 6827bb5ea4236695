"""The README's pictures, taken from the built site so they always show what it publishes.

    .venv/bin/python scripts/screenshots.py [--site-dir site] [--out docs-images]

Serves the built site on loopback (the edition picker reads versions.json, which a browser
will not fetch from a file:// address), opens it in Debian's Chromium with the same flags as
the leaflets and the tests, and saves two first screens:

- home-phone.png: the current plan's home page on a phone, 375 by 800 CSS pixels;
- priority-desktop.png: the current plan's first priority on a desktop, 1280 by 800.

`make screenshots` builds the site first. The images go in docs-images/, outside docs/, so
MkDocs does not publish them as part of the site.
"""
from __future__ import annotations

import argparse
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The viewports, in CSS pixels.
PHONE = (375, 800)
DESKTOP = (1280, 800)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def shots(plan) -> list[tuple[str, str, tuple[int, int]]]:
    """What to photograph: the current edition's home on a phone and its first priority on a
    desktop, as (file name, path from the site root, viewport)."""
    from plansite.versions import resolve_edition

    current = plan.current_edition_id()
    edition = resolve_edition(plan, current)
    found = [("home-phone.png", f"{current}/", PHONE)]
    if edition.priorities:
        found.append(("priority-desktop.png", f"{current}/priorities/{edition.priorities[0].id}/", DESKTOP))
    return found


def take(site: Path, out: Path, wanted: list[tuple[str, str, tuple[int, int]]]) -> list[Path]:
    """Serve site, photograph each page's first screen in the light palette, return the files."""
    from playwright.sync_api import sync_playwright

    from plansite.leaflet import CHROMIUM, CHROMIUM_ARGS

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path, (width, height) in wanted:
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme="light")
                page.goto(base + path, wait_until="networkidle")
                # The theme adds the edition picker once versions.json has arrived.
                page.wait_for_selector(".md-version__current", timeout=10000)
                page.screenshot(path=str(out / name))
                written.append(out / name)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Take the README's screenshots from the built site.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs-images", help="where to save them (default: docs-images/)")
    args = parser.parse_args(argv)
    from plansite.errors import PlanDataInvalid
    from plansite.leaflet import CHROMIUM
    from plansite.validate import load_valid_plan

    if not (args.site_dir / "versions.json").is_file():
        print(f"There is no built site in {args.site_dir}/. Run `make site` first, or name the site with --site-dir.",
              file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"Chromium is missing ({CHROMIUM}). Run scripts/install-test-tools.sh, or `make site`, which installs it.",
              file=sys.stderr)
        return 1
    try:
        plan = load_valid_plan(ROOT)
    except PlanDataInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    for path in take(args.site_dir, args.out, shots(plan)):
        print(f"Saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
