"""The 'About the plan' page."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, _Writer, _cell


def about_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "about.md", words)
    t = w.t
    w.add("# " + t("About the plan"))
    w.add(t("Every Community Safety Partnership in England must publish a plan that covers three "
            "years and is refreshed every year. This page gathers what the source documents say about the plan."))
    for section in edition.about or ():
        w.add(f"## {section['title']}", section["text"].strip())
        w.source_line(section["source"])
    consultation = edition.consultation
    if consultation:
        w.add("## " + t("Consultation"))
        if consultation.get("text"):
            w.add(consultation["text"].strip())
        survey = consultation.get("survey")
        if survey:
            w.add(f"### {survey['title']}")
            if survey.get("respondents") is not None:
                w.add(t("Number of people who answered: {count}.", count=words.number(survey["respondents"])))
            if survey.get("text"):
                w.add(survey["text"].strip())
            w.bullets(survey["findings"])
        w.source_line(consultation["source"])
    for focus in edition.other_focus or ():
        w.add(f"## {focus['title']}", focus["text"].strip())
        w.source_line(focus["source"])
    neighbourhoods = edition.vulnerable_neighbourhoods
    if neighbourhoods:
        w.add("## " + t("Vulnerable neighbourhoods by crime type"))
        if neighbourhoods.get("text"):
            w.add(neighbourhoods["text"].strip())
        w.add(f"| {t('Crime type')} | {t('Neighbourhoods')} |", "| --- | --- |",
              *[f"| {_cell(row['crime_type'])} | {_cell(', '.join(row['areas']))} |"
                for row in neighbourhoods["crime_types"]])
        w.source_line(neighbourhoods["source"])
    linkage = edition.linkage
    if linkage:
        titles = {item.id: item for kind in ("priorities", "themes") for item in edition.kind_items(kind)}
        w.add("## " + t("How the priorities link to other work"))
        if linkage.get("text"):
            w.add(linkage["text"].strip())
        for row in linkage["rows"]:
            w.add(f"### {titles[row['priority']].title}")
            w.add(t("Delivered by:"))
            w.bullets(row["delivered_by"])
            w.add(t("Linked to:"))
            w.bullets(row["linked_to"])
        w.source_line(linkage["source"])
    w.text_section(t("How we will tell the public"), edition.communication)
    return Page("about.md", words.plain("About the plan"), w.markdown())
