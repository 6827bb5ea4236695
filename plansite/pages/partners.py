"""The partners and governance page."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, _Writer, _cell, _one_line


#: The id of the contact section on the partners page.
CONTACT_ANCHOR = "contact"


def partners_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "partners.md", words)
    t = w.t
    w.add("# " + t("Partners and governance"))
    partners = edition.partners or plan.partnership["partners"]
    if not edition.partners:
        w.add(t("The sources for this edition do not list the partners, so this page shows the "
                "partnership's most recent list."))
    if partners.get("text"):
        w.add(partners["text"].strip())
    for key, heading, explanation in (
        ("responsible_authorities", lambda: t("Responsible authorities"),
         lambda: t("The law (the Crime and Disorder Act 1998) says these bodies must work together on community safety.")),
        ("cooperating_bodies", lambda: t("Co-operating bodies"),
         lambda: t("These bodies help the partnership and share information with it.")),
        ("invitees", lambda: t("Invited to take part"),
         lambda: t("The partnership invited these organisations to join its work.")),
    ):
        if partners.get(key):
            w.add(f"## {heading()}", explanation())
            w.bullets(partners[key])
    w.source_line(partners["source"])
    governance = edition.governance
    w.add("## " + t("How the partnership is run"))
    if governance:
        if governance.get("text"):
            w.add(governance["text"].strip())
        bodies = governance.get("bodies", [])
        if bodies:
            names = {b["id"]: b["name"] for b in bodies}
            w.add(f"| {t('Board or group')} | {t('What it does')} | {t('Reports to')} |", "| --- | --- | --- |",
                  *[f"| {_cell(b['name'])} | {_cell(b.get('description', ''))} | {_cell(names.get(b.get('reports_to'), ''))} |"
                    for b in bodies])
        w.source_line(governance["source"])
    else:
        w.text_or_missing(None)
    contact = plan.partnership["contact"]
    # A fixed id, the same in every language: the footer of every page links here (CONTACT_ANCHOR).
    w.add("## " + t("Contact the partnership") + " {#" + CONTACT_ANCHOR + "}", contact["text"].strip())
    for role in contact.get("roles", []):
        w.add(f"**{role['role']}:** {_one_line(role['how'])}")
    return Page("partners.md", words.plain("Partners and governance"), w.markdown())
