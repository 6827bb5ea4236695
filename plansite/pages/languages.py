"""The public list of languages the plan is translated into."""
from __future__ import annotations

from ..editions import ResolvedEdition
from html import escape

from ..model import Plan
from ..translations import Words
from ..urls import edition_folder, get_relative_url, page_url
from .writer import Page, _Writer


def language_home_url(from_page: str, edition_id: str, language: str, words: Words, source: str = "en") -> str:
    """URL of an edition's home in a language: <site>/<edition>/ in the source language,
    <site>/<language>/<edition>/ in the others."""
    # Between languages, so from the site root.
    here = edition_folder(edition_id, None if words.is_source else words.language) + page_url(from_page)
    return get_relative_url(edition_folder(edition_id, None if language == source else language), here)


def languages_page(plan: Plan, edition: ResolvedEdition, words: Words, completeness: list[dict]) -> Page:
    """The public list of languages, with how much of each is translated and whether it is reviewed."""
    w = _Writer(plan, "languages.md", words)
    t = w.t
    source = plan.languages[0]
    w.add("# " + t("This plan in other languages"))
    w.add(t("The plan is written in English. Volunteers and translators are translating it into other languages. "
            "Where a part is not yet translated, it is shown in English."))
    w.add(t("If you need the plan in a language that is not listed here, please ask. The contact details are "
            "on the {accessibility} page.", accessibility=f"[{t('Accessibility')}]({w.link('accessibility.md')})"))
    def home(code: str, name: str) -> str:
        # Each language's name in that language, marked as such for screen readers (WCAG 3.1.2).
        url = language_home_url(w.path, edition.id, code, words, source["code"])
        return f'<a href="{url}" hreflang="{code}" lang="{code}">{escape(name)}</a>'

    rows = [f'| {home(source["code"], source["name"])} | {t("The original")} | {words.percent(100)} | |']
    for row in completeness:
        if row["published"]:
            name = home(row["code"], row["name"])
        else:
            name = f'<span lang="{row["code"]}">{escape(row["name"])}</span>'
        review = t("Draft, awaiting review by a qualified translator") if row["review"] == "draft" else t("Reviewed")
        share = words.percent(round(100 * row["texts_done"] / row["texts_total"])) if row["texts_total"] else "0%"
        pages = t("{done} of {total}", done=row["pages_done"], total=row["pages_total"])
        rows.append(f"| {name} | {review} | {share} | {pages} |")
    w.add(f"| {t('Language')} | {t('Translation')} | {t('Texts of this edition translated')} | "
          f"{t('Other pages translated')} |", "| --- | --- | --- | --- |", *rows)
    return Page("languages.md", words.plain("This plan in other languages"), w.markdown())
