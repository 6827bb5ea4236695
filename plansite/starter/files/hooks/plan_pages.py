"""MkDocs hook: adds one plan edition's generated pages, in one language, to the build.

A thin adapter: all content logic lives in the plansite package. The edition is read
from plan_data/ inside the events, never at import time, because MkDocs keeps hook
modules alive across `mkdocs serve` rebuilds. Our whole-site build and `serve` hand
MkDocs a plansite.hook.PlanPages with the edition and language to build; a build that
MkDocs starts by itself (mike, `mkdocs build`) gets one here, for the edition mike names
or the current one.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from plansite import hook, prepare


@event_priority(-50)
def on_config(config):
    pages = config.plugins.get(hook.NAME)
    if pages is None:
        pages = hook.PlanPages(prepare.EditionRequest.from_mike())
        config.plugins[hook.NAME] = pages
    return pages.prepare(config)
