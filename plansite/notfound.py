"""The page a host shows for an address it has no page for: 404.html.

A static host (GitHub Pages, Netlify, most others) answers any missing address, at any depth,
with the site root's 404.html, served at the address that was asked for. So the page cannot lean
on links relative to where it is: it carries its own styles (no stylesheet or script to load) and
links to the plan by absolute addresses, made from the site's address in partnership.yaml
(site_url). Without one (a preview) its links start at the host's root, which is right only when
the site is served there; publish refuses a site without site_url.

The site root's page is in the source language and links to the current plan in every language;
each language's folder has one in that language, and every edition's folder a copy of its
language's page (in place of the theme's, whose links and stylesheet are relative).
"""
from __future__ import annotations

from html import escape

from .model import Plan
from .translations import (PLAN_CATALOG, Words, default_language, harmless, mark_english, mark_english_html,
                           text_direction)
from .urls import edition_folder, site_address

#: Everything the page needs to look right, inline: light and dark, phone and desktop.
_STYLE = """
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 1rem;
  line-height: 1.5; color: #0b0c0c; background: #fff; }
[lang="ur"] { font-family: "Noto Nastaliq Urdu", "Noto Naskh Arabic", serif; line-height: 2.2; }
header { background: #0b0c0c; color: #fff; }
header p { margin: 0 auto; max-width: 40rem; padding: 0.75rem 1rem; font-weight: bold; }
main, nav { display: block; margin: 0 auto; max-width: 40rem; padding: 0 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
ul { padding-inline-start: 1.25rem; }
li { margin: 0.5rem 0; }
a { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.15em; }
li a { display: inline-block; padding: 0.25rem 0; }
a:visited { color: #4c2c92; }
a:focus { outline: 3px solid transparent; color: #0b0c0c; background: #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c;
  text-decoration: none; }
@media (min-width: 40.0625em) { body { font-size: 1.1875rem; } h1 { font-size: 3rem; } }
@media (prefers-color-scheme: dark) {
  body { color: #f3f2f1; background: #121212; }
  header { background: #000; border-bottom: 1px solid #505a5f; }
  a, a:visited { color: #8fc1ff; }
  a:focus { color: #0b0c0c; }
}
"""


def _plan_text(words: Words, catalog: str, context: str, english: str) -> str:
    """A text of the plan, escaped, in the page's language; English marked, when it has no translation."""
    if words.is_source:
        return escape(english)
    translated = words.translator.lookup(catalog, context, english)
    return mark_english(escape(english)) if translated is None else harmless(translated)


def not_found_html(plan: Plan, words: Words) -> str:
    """The page-not-found page in the language of words, with links that work from any address."""
    source = default_language(plan)
    site_url = plan.partnership.get("site_url")
    current = plan.editions[plan.current_edition_id()]
    own = None if words.is_source else words.language
    home = site_address(site_url, edition_folder(current["id"], own))
    t = words.t
    name = _plan_text(words, PLAN_CATALOG, "partnership/name", plan.partnership["name"])
    title = _plan_text(words, current["id"], "title", current["title"])
    others = [lang for lang in plan.languages if lang["code"] != words.language]
    languages = "".join(
        f'<li><a href="{escape(site_address(site_url, edition_folder(current["id"], None if lang["code"] == source else lang["code"])))}"'
        f' lang="{escape(lang["code"])}" hreflang="{escape(lang["code"])}" dir="{text_direction(lang["code"])}">'
        f'{escape(lang["name"])}</a></li>'
        for lang in others)
    explain = t("There is no page at this address. If you typed it, check that it is right. "
                "If you followed a link, the page may have moved.")
    page = (
        f'<!doctype html>\n<html lang="{escape(words.language)}" dir="{words.direction}">\n<head>\n'
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{t('Page not found')} – {name}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header><p>{name}</p></header>\n"
        f"<main>\n<h1>{t('Page not found')}</h1>\n"
        f"<p>{explain}</p>\n"
        f"<ul>\n<li><a href=\"{escape(home)}\">{t('Go to the current plan: {title}', title=title)}</a></li>\n"
        f"<li><a href=\"{escape(home)}editions/\">{t('See every edition of the plan, old and new')}</a></li>\n"
        "</ul>\n</main>\n"
        + (f'<nav aria-labelledby="other-languages">\n<h2 id="other-languages">{t("In other languages")}</h2>\n'
           f"<ul>{languages}</ul>\n</nav>\n" if languages else "")
        + "</body>\n</html>\n")
    # English with no translation becomes <span lang="en">; in the title, plain text.
    return mark_english_html(page)
