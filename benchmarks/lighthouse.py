"""Lighthouse scores for the current edition's home page and a priority page, on a phone.

    python benchmarks/lighthouse.py      (after `make site`; `make lighthouse` does both)

Prints the scores; it is a report, not a test. Targets: accessibility 100, best practices 100,
performance at least 95, at most 100 KB transferred per page with compression, and no request
to any other host. The site is served on loopback with gzip, as a real host would serve it.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TOOLS = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_VERSION = "13.5.0"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files, compressing text with gzip when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the standard redirect to the address with a slash
            path = path / "index.html"
        compressible = path.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv")
        if not (compressible and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def ensure_lighthouse() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print(f"Installing lighthouse {LIGHTHOUSE_VERSION} from npm into {TOOLS} ...", flush=True)
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error",
                        "--prefix", str(TOOLS), f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def audit(binary: Path, url: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                        f"--chrome-flags={CHROME_FLAGS}",
                        "--only-categories=performance,accessibility,best-practices"],
                       check=True, env={**__import__("os").environ, "CHROME_PATH": "/usr/bin/chromium"})
        return json.loads(out.read_text())


def main() -> int:
    from plansite.validate import load_valid_plan

    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("Build the site first: make site")
        return 1
    plan = load_valid_plan(ROOT)
    current = plan.current_edition_id()
    priority = plan.editions[current]["priorities"][0]["id"]
    binary = ensure_lighthouse()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{server.server_address[1]}"
    try:
        for label, path in (("home page", f"{current}/"), ("priority page", f"{current}/priorities/{priority}/")):
            report = audit(binary, f"http://{host}/{path}")
            scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
            requests = report["audits"]["network-requests"]["details"]["items"]
            transferred = sum(item.get("transferSize", 0) for item in requests)
            elsewhere = sorted({item["url"] for item in requests if host not in item["url"] and not item["url"].startswith("data:")})
            print(f"{label} ({path}), mobile: performance {scores['performance']} (target >= 95), "
                  f"accessibility {scores['accessibility']} (target 100), best practices {scores['best-practices']} "
                  f"(target 100); {transferred / 1024:.0f} KB transferred in {len(requests)} requests "
                  f"(target <= 100 KB); requests to other hosts: {len(elsewhere)} {elsewhere if elsewhere else ''}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
