"""The page listing every measure of an edition."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..figures.judge import summarise
from ..figures.select import edition_figures
from ..figures.wording import sentence
from ..model import Plan
from ..translations import Words
from ..versions import edition_measure_ids
from .figures import measure_block
from .answer import answer_section
from .writer import ENGLISH, Page, better_words, unit_words, _Writer


def measures_page(plan: Plan, edition: ResolvedEdition, words: Words = ENGLISH) -> Page:
    w = _Writer(plan, "measures.md", words)
    t = w.t
    title = words.plain("How we will measure success")
    w.add("# " + t("How we will measure success"))
    ids = edition_measure_ids(edition)
    # The answer first, as on the home page; the detail of each measure follows.
    answer_section(w, edition, resolve=lambda ident: words.edition(plan, ident))
    if not ids and not edition.other_measures:
        w.add(t("How this plan will measure success has not been published on this site yet."),
              "{: .plan-based-on }")
        return Page("measures.md", title, w.markdown())
    w.add(words.n("This site shows {count} measure from the plan's documents. It belongs to a priority or theme.",
                  "This site shows {count} measures from the plan's documents. Each one belongs to a priority or theme.",
                  len(ids), count=len(ids)))
    for kind in ("priorities", "themes"):
        for item in edition.kind_items(kind):
            if not item.measures:
                continue
            folder = "priorities" if kind == "priorities" else "themes"
            w.add(f"## {item.title}")
            w.add(t("Part of {item}.", item=f"[{item.short_title}]({w.link(folder + '/' + item.id + '.md')})"))
            for measure_id in item.measures:
                m = plan.measures[measure_id]
                w.add(f"### {m.plain_title} {{#{m.id}}}")
                w.add(f"**{t('Official name:')}** {m.title}  ",
                      f"**{t('Measured as:')}** {unit_words(words, m.unit)}  ",
                      f"**{t('Direction:')}** {better_words(words, m.better)}")
                if m.description:
                    w.add(m.description.strip())
                w.add(sentence(summarise(m, edition_figures(plan, edition, measure_id)), words))
                w.add(f"[{t('Figures, chart and table')}]({w.link(folder + '/' + item.id + '.md', measure_id)})")
                w.add("*" + " ".join(w.source(s) for s in m.sources) + "*")
    others = edition.other_measures
    if others:
        w.add("## " + t("Other figures in this plan"),
              t("The plan also reports these figures, which belong to no single priority."))
        for measure_id in others:
            m = plan.measures[measure_id]
            w.add(f"### {m.plain_title} {{#{m.id}}}")
            w.add("*" + t("Official name: {name}.", name=m.title) + "*")
            if m.description:
                w.add(m.description.strip())
            w.lines.append(measure_block(plan, edition, measure_id, "measures.md", words=words))
    return Page("measures.md", title, w.markdown())
