"""The archive and draft banners on every page of an edition that is not current."""
from __future__ import annotations

from ..model import Plan
from ..translations import Words
from ..urls import edition_folder, get_relative_url
from .writer import ENGLISH


def page_banner(plan: Plan, edition_id: str, page_url: str, current_page_urls: set[str],
                words: Words = ENGLISH) -> dict | None:
    """The notice on every page of an archived or draft edition, linking to the same page
    in the current edition when it exists there, otherwise to its home. Each language's
    editions sit side by side (<site>/pl/<edition>/), so the link is the same in every language."""
    edition = plan.editions[edition_id]
    if edition["status"] == "current":
        return None
    t = words.t
    if not plan.has_current():  # every edition is a draft: there is no plan in force to lead to
        return {"kind": "draft", "heading": t("This is a draft plan."),
                "text": t("It has not been approved yet and may change."), "link_href": "", "link_text": ""}
    current = words.edition(plan, plan.current_edition_id())
    target = page_url if page_url in current_page_urls else ""
    # Within the page's language, so from that language's folder.
    href = get_relative_url(edition_folder(current.id) + target, edition_folder(edition_id) + page_url)
    same_page = bool(target) or page_url == ""
    heading = t("This is an archived plan.") if edition["status"] == "archived" else t("This is a draft plan.")
    text = (t("It is not the current plan. The current plan is the {edition}.", edition=current.title)
            if edition["status"] == "archived" else
            t("It has not been approved yet and may change. The current plan is the {edition}.",
              edition=current.title))
    link_text = t("Read this page in the current plan") if same_page else t("Go to the current plan")
    return {"kind": edition["status"], "heading": heading, "text": text, "link_href": href, "link_text": link_text}
