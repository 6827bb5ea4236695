"""The live preview (`build_plan.py serve`): MkDocs' development server, with our own rebuild step.

MkDocs' own `serve` logs nothing unless its command line set up logging, and when a rebuild
fails it keeps every request waiting until the data is fixed, so the officer sees a browser
that spins and a terminal that says nothing. Here each rebuild prints one line with its time,
and a failed one puts the error report in the browser (and the terminal) instead.
"""
from __future__ import annotations

import html
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

ERROR_TITLE = "The preview could not be rebuilt"


def error_page_html(report: str) -> str:
    """The page every address of the preview shows while the data has a problem."""
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{ERROR_TITLE}</title>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.5}pre{white-space:pre-wrap;background:#f4f4f4;color:#1a1a1a;padding:1rem;"
        "border-left:4px solid #b00020}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{ERROR_TITLE}</h1>\n"
        "<p>Fix the problem below and save the file: this page reloads by itself when the "
        "preview has been rebuilt. The same report is in the terminal.</p>\n"
        f"<pre>{html.escape(report)}</pre>\n</main>\n</body>\n</html>\n"
    )


@dataclass
class RebuildState:
    """The last rebuild's outcome: the report of a failed one, or None after a success."""

    failure: str | None = None
    rebuilds: int = field(default=0)


class _Collect(logging.Handler):
    """MkDocs' warnings and errors during one build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(record.getMessage())


def make_builder(build: Callable[[object], None], get_config: Callable[[], object], site_dir: Path,
                 state: RebuildState, echo: Callable[[str], None], clock=time.monotonic,
                 now=datetime.now) -> Callable:
    """The function MkDocs' server calls to (re)build the preview. It never raises: a failed
    build empties the preview's folder (so no stale page is served as if it were current) and
    records the report, which the server then shows at every address."""
    from mkdocs.exceptions import MkDocsException

    def builder(config=None) -> None:
        started = clock()
        # MkDocs logs why a build failed and then raises "Aborted with a BuildError!"; keep
        # what it logs (our hook's report among it) to show, and its warnings for the terminal.
        messages = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(messages)
        try:
            build(config if config is not None else get_config())
        except (MkDocsException, SystemExit, OSError, ValueError) as failure:
            report = "\n".join(messages.errors) or str(failure).strip() or failure.__class__.__name__
            state.failure = report
            for child in Path(site_dir).iterdir():
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
            echo(f"{now():%H:%M:%S} The preview could not be rebuilt:\n{report}\n"
                 "The browser shows this report until you fix it and save.")
            return
        finally:
            logger.removeHandler(messages)
        for warning in messages.warnings:
            echo(f"  warning: {warning}")
        state.failure = None
        state.rebuilds += 1
        what = "Built" if state.rebuilds == 1 else "Rebuilt"
        echo(f"{now():%H:%M:%S} {what} the preview in {clock() - started:.1f} s.")

    return builder


def error_handler(state: RebuildState, site_dir: Path, inject: Callable[[bytes], bytes]) -> Callable:
    """What the server answers for an address with no file: the error report while the last
    rebuild failed (with the script that reloads the page when it is fixed), else the site's 404."""
    def handle(code: int) -> bytes | None:
        if state.failure is not None:
            return inject(error_page_html(state.failure).encode("utf-8"))
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None
    return handle


def serve_preview(config_file: Path, dev_addr: str, echo: Callable[[str], None], request=None) -> None:
    """Serve the edition and language of request (a prepare.EditionRequest, which each rebuild's
    config is handed) at dev_addr, rebuilding it whenever a watched file is saved. Mirrors
    mkdocs.commands.serve.serve, with our builder."""
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = Path(tempfile.mkdtemp(prefix="plan-preview-"))
    host, _, port = dev_addr.rpartition(":")

    from .prepare import EditionRequest
    from .render import add_plan_pages

    def load():
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), dev_addr=dev_addr)
        add_plan_pages(config, request or EditionRequest())
        return config

    def get_config():
        config = load()
        config.site_url = serve_url
        return config

    try:
        config = load()
        config.plugins.on_startup(command="serve", dirty=False)
        mount_path = urlsplit(config.site_url or "/").path
        serve_url = _serve_url(host, int(port), mount_path)
        config.site_url = serve_url
        state = RebuildState()
        builder = make_builder(lambda c: build(c, serve_url=serve_url), get_config, site_dir, state, echo)
        server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(site_dir),
                                  mount_path=mount_path)

        def inject(content: bytes) -> bytes:
            # The server adds its reload script to the files it serves, not to error pages;
            # add it here, so the report gives way to the page once the data is fixed.
            return server._inject_js_into_html(content, server._visible_epoch)

        server.error_handler = error_handler(state, site_dir, inject)
        builder(config)
        server.watch(config.docs_dir)
        server.watch(str(config_file))
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            echo("Stopped the preview.")
        finally:
            server.shutdown()
        config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
