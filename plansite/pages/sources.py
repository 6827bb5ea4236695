"""The source documents page."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan, source_refs
from ..translations import Words
from ..versions import edition_measure_ids
from ..figures.select import edition_figures
from .writer import ENGLISH, Page, _Writer

#: Where the sources page says what the documents hold of the plan, and what they lack.
SOURCE_NOTES_ANCHOR = "what-the-documents-cover"


def sources_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "sources.md", words)
    t = w.t
    w.add("# " + t("Source documents"))
    w.add(t("Everything on this site comes from these public documents. Each figure and quotation "
            "names the document it came from."))
    if edition.source_notes:
        # The editors' notes on what the documents hold, moved here from the home page so that
        # they stay published without standing between a resident and the plan.
        w.add(f"## {t('What these documents cover')} {{#{SOURCE_NOTES_ANCHOR}}}")
        for note in edition.source_notes:
            w.add(words.english(note.strip()))
    # The partners and contact sections come from partnership.yaml and the glossary page from
    # glossary.yaml, so their sources count too.
    cited = list(dict.fromkeys(list(edition.all_sources) + [s for _, s in source_refs(edition.as_dict())]
                               + [s for _, s in source_refs(plan.partnership)]
                               + [s for _, s in source_refs(list(plan.glossary.values()))]))
    for measure_id in edition_measure_ids(edition):
        cited += plan.measures[measure_id].sources
        cited += [f.source for f in edition_figures(plan, edition, measure_id)]
    for source_id in dict.fromkeys(cited):
        source = plan.sources[source_id]
        w.add(f"## {source['title']} {{#{source_id}}}")
        w.add(f"**{t('Published by:')}** {source['publisher']}  ", f"**{t('Date:')}** {words.date(source['date'])}")
        if source.get("description"):
            w.add(source["description"])
    return Page("sources.md", words.plain("Source documents"), w.markdown())
