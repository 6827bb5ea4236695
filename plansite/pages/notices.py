"""The translation notices at the top of a page in another language."""
from __future__ import annotations

from ..translations import ENGLISH_START, Words, stale_dates as stale_dates_in


def after_answer(markdown: str, notice: str, answer_anchor: str) -> str:
    """The page with a notice after its "How we are doing" section (the heading with
    answer_anchor), so the answer stays on the first screen; else under its title."""
    marker = f"{{#{answer_anchor}}}\n"
    at = markdown.find(marker)
    if not notice or at < 0:
        return after_title(markdown, notice)
    end = markdown.find("\n## ", at)
    end = len(markdown) if end < 0 else end + 1
    return markdown[:end] + "\n" + notice + markdown[end:]


def after_title(markdown: str, notice: str) -> str:
    """The page with a notice under its title: MkDocs takes a page's title from a first-line heading."""
    if not notice:
        return markdown
    first, _, rest = markdown.partition("\n")
    if first.startswith("# "):
        return f"{first}\n\n{notice}{rest}"
    return notice + markdown


def translation_notices(words: Words, markdown: str, stale_dates: list[str] | None = None) -> str:
    """The notices at the top of a page in another language, from what the page holds: a draft
    translation, parts in English, and stale translations (stale_dates gives the dates the
    English changed, '' when unknown; by default those of the stale texts on the page)."""
    if words.is_source:
        return ""
    used_english = ENGLISH_START in markdown
    stale = sorted(stale_dates if stale_dates is not None else stale_dates_in(markdown))
    notices = []
    if words.review == "draft":
        notices.append(words.t("This translation is a draft. It awaits review by a qualified translator."))
    if used_english:
        notices.append(words.t("Some parts are not yet translated and are shown in English."))
    if stale:
        dated = [d for d in stale if d]
        notices.append(words.t("The English text of some parts changed on {date}, after they were translated. "
                               "Their translation may be out of date.", date=words.date(dated[-1]))
                       if dated else
                       words.t("The English text of some parts changed after they were translated. "
                               "Their translation may be out of date."))
    if not notices:
        return ""
    title = words.t("About this translation")
    return f'!!! note "{title}"\n' + "".join(f"    {n}\n\n" for n in notices) + "\n"
