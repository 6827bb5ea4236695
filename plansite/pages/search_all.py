"""The page that searches every edition in the reader's language. Its form is in the theme's
template (plansite/theme_files/main.html), as the page's own body passes through the sanitiser, which
keeps no form; plansite/theme_files/javascripts/plan.js runs the search."""
from __future__ import annotations

from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, _Writer


def search_all_page(plan: Plan, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "search-all.md", words)
    t = w.t
    w.add("# " + t("Search every plan"))
    w.add(t("This searches the pages of every plan published in this language, old and new. "
            "Each result names the plan it comes from."))
    return Page("search-all.md", words.plain("Search every plan"), w.markdown())
