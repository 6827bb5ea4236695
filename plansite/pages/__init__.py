"""Pages stage: turn one resolved edition into Markdown pages and a navigation.

Plain functions on plain data: nothing here knows about MkDocs, so that the same
pages can feed another static site generator later. Each module makes one thing
(a page, the registry of pages, the figures of a measure, the banners, the notices);
every public name is re-exported here, so `from plansite.pages import X` keeps working.
"""
from __future__ import annotations

from .writer import (ENGLISH, missing, unit_words, better_words, status_words, Page, format_period, relative,
                     edition_root_url)
from .home import home_page
from .priorities import item_page, priorities_overview_page
from .measure_list import measures_page
from .partners import partners_page
from .about import about_page
from .sources import sources_page
from .editions import editions_page
from .changes import changes_page
from .history import history_page
from .registry import PageEntry, page_registry, registry_nav, edition_pages, edition_page_paths, edition_nav
from .notices import after_title, translation_notices
from .languages import language_home_url, languages_page
from .figures import figures_table, measure_block
from .directives import DirectiveError, expand_measure_directives
from .banners import page_banner
from .glossary import abbreviations, abbreviation_definitions, abbreviate_html, glossary_page
from .accessibility import accessibility_page

__all__ = [
    "ENGLISH", "missing", "unit_words", "better_words", "status_words", "Page", "format_period",
    "relative", "edition_root_url", "home_page", "item_page", "priorities_overview_page",
    "measures_page", "partners_page", "about_page", "sources_page", "editions_page", "changes_page",
    "history_page", "PageEntry", "page_registry", "registry_nav", "edition_pages", "after_title",
    "translation_notices", "edition_page_paths", "edition_nav", "language_home_url", "languages_page",
    "figures_table", "measure_block", "DirectiveError", "expand_measure_directives",
    "page_banner", "abbreviations", "abbreviation_definitions", "abbreviate_html", "glossary_page",
    "accessibility_page"
]
