"""The A to Z of an edition's pages: where a reader without JavaScript, or one who would rather
browse than search, finds every page by its name."""
from __future__ import annotations

from ..model import Plan
from ..search import fold
from ..translations import Words
from ..translations.english import strip_markers
from .writer import ENGLISH, Page, _Writer


def a_to_z_page(plan: Plan, pages: list[tuple[str, str]], words: Words = ENGLISH) -> Page:
    """The page listing pages, (title, source path) each, in alphabetical order."""
    w = _Writer(plan, "a-z.md", words)
    t = w.t
    w.add("# " + t("Pages from A to Z"))
    w.add(t("Every page of this plan, in alphabetical order."))
    # Alphabetical as a reader looks a name up: "Ochrona" and "ósmy" under O, capitals or not.
    ordered = sorted(dict.fromkeys(pages), key=lambda page: (fold(strip_markers(page[0])).casefold(), page[1]))
    w.bullets([f"[{title}]({w.link(path)})" for title, path in ordered])
    return Page("a-z.md", words.plain("Pages from A to Z"), w.markdown())
