"""Abbreviations (<abbr> with their expansions) and the glossary page."""
from __future__ import annotations

from ..editions import ResolvedEdition
import re
from html import escape

from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, _Writer


def abbreviations(plan: Plan) -> dict[str, str]:
    """Each abbreviation in the glossary with its expansion, the longest first."""
    found = {term: entry["expansion"] for term, entry in plan.glossary.items() if entry.get("expansion")}
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


def abbreviation_definitions(plan: Plan) -> str:
    """Markdown abbreviation definitions, so that every occurrence on a page gets an <abbr> title."""
    return "\n".join(f"*[{term}]: {expansion}" for term, expansion in abbreviations(plan).items())


def abbreviate_html(text: str, plan: Plan) -> str:
    """Escaped text with each abbreviation wrapped in <abbr>, for HTML we write ourselves."""
    terms = abbreviations(plan)
    if not terms:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b")
    return pattern.sub(lambda m: f'<abbr title="{escape(terms[m.group(1)])}">{m.group(1)}</abbr>', text)


def glossary_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "glossary.md", words)
    t = w.t
    w.add("# " + t("Words and abbreviations"))
    w.add(t("What the abbreviations and special words in this plan mean."))
    # The glossary lists each spelling the text uses (Hate crime, hate crime); show each term once.
    shown: dict[str, dict] = {}
    for term, entry in plan.glossary.items():
        shown.setdefault(term.lower(), entry)
    for _, entry in sorted(shown.items()):
        # The terms and what they stand for are English abbreviations, whatever the page's language.
        w.add(f"## {words.english(entry['term'])}")
        if entry.get("expansion"):
            w.add(f"**{t('Stands for:')}** {words.english(entry['expansion'])}")
        w.add(entry["meaning"].strip())
        if entry.get("source"):
            w.add(f"*{w.source(entry['source'])}*")
    return Page("glossary.md", words.plain("Words and abbreviations"), w.markdown())
