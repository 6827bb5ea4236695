"""The source documents page."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan, source_refs
from ..translations import Words
from ..versions import edition_measure_ids
from ..figures.select import edition_figures
from .writer import ENGLISH, Page, _Writer


def sources_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "sources.md", words)
    t = w.t
    w.add("# " + t("Source documents"))
    w.add(t("Everything on this site comes from these public documents. Each figure and quotation "
            "names the document it came from."))
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
