"""Figures, headlines: for each priority and theme, the one measure that answers "how are we
doing", and the judgement a resident reads first. No English here.

An item's headline measure is the first of its measures, in the order its edition lists them,
whose figures show a judged change (improving, getting worse, no clear change); failing that,
the first with a latest figure. An edition with no figures at all may show the figures an
earlier edition published for the same subject: the same priority or theme id, or one of the
item's own measure ids. Nothing else counts as the same subject, so nothing is matched by a
guess at what a title means."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..editions import ResolvedEdition, ResolvedItem
from ..measures_catalogue import Measure
from ..model import Plan
from ..versions import edition_measure_ids, resolve_edition
from .judge import Summary, summarise
from .select import edition_figures

#: The trends judge.py makes that say whether things got better.
JUDGED_TRENDS = ("improving", "getting worse", "no clear change")

#: Every judgement a headline can carry (the words are in pages/answer.py).
JUDGEMENTS = ("improving", "getting worse", "no clear change", "target met", "target not met",
              "not judged", "direction unknown", "one figure")


@dataclass(frozen=True)
class Headline:
    """One priority's or theme's answer: its headline measure's figures and their judgement."""

    #: "priorities" or "themes": the folder of the item's page in edition.
    kind: str
    #: The priority or theme of edition the figures belong to; None when an earlier edition's
    #: figures were matched by a measure it shows elsewhere.
    item: ResolvedItem | None
    #: The edition whose figures these are: the page's own, or an earlier one (see subject).
    edition: ResolvedEdition
    measure: Measure
    summary: Summary
    #: One of JUDGEMENTS.
    judgement: str
    #: For an earlier edition's figures, the page's own priority or theme they are about, and
    #: its folder; None for the page's own edition.
    subject: ResolvedItem | None = None
    subject_kind: str = ""
    #: How an earlier edition's figures were matched: "item" (the same priority or theme id) or
    #: "measure" (one of the subject's own measures); "" for the page's own edition.
    matched: str = ""


def judgement(summary: Summary) -> str:
    """The one judgement a headline carries: the trend when judge.py judged it, else the
    target when it is met or not, else why there is no judgement."""
    if summary.trend in JUDGED_TRENDS:
        return summary.trend
    if summary.target_met is True:
        return "target met"
    if summary.target_met is False:
        return "target not met"
    if summary.trend == "not judged":
        return "not judged"
    if summary.previous is not None:
        # Two figures, but a qualifier ("over 9%") leaves the direction uncertain.
        return "direction unknown"
    return "one figure"


def item_headline(plan: Plan, edition: ResolvedEdition, kind: str, item: ResolvedItem,
                  measures: tuple[str, ...] | None = None) -> Headline | None:
    """The item's headline in the edition: its first measure with a judged change, else its
    first with a latest figure; None when none of its measures has a figure here."""
    fallback = None
    for measure_id in item.measures if measures is None else measures:
        measure = plan.measures[measure_id]
        summary = summarise(measure, edition_figures(plan, edition, measure_id))
        if summary.latest is None:
            continue
        found = Headline(kind, item, edition, measure, summary, judgement(summary))
        if summary.trend in JUDGED_TRENDS:
            return found
        fallback = fallback or found
    return fallback


def edition_headlines(plan: Plan, edition: ResolvedEdition) -> list[Headline]:
    """The headline of each of the edition's priorities, then themes, that has figures."""
    found = []
    for kind in ("priorities", "themes"):
        for item in edition.kind_items(kind):
            headline = item_headline(plan, edition, kind, item)
            if headline is not None:
                found.append(headline)
    return found


def edition_order(plan: Plan) -> list[str]:
    """Every edition id, oldest first: by first year, a plan before its refreshes."""
    return [e["id"] for e in sorted(plan.editions.values(),
                                    key=lambda e: (e["period"]["start"], e["kind"] == "refresh", e["id"]))]


def earlier_headlines(plan: Plan, edition: ResolvedEdition, resolve=None) -> list[Headline]:
    """For each of the edition's items, the most recent figures an earlier edition published for
    the same subject: the same item id, or one its `same_subject_as` names (its headline there),
    or else one of the item's own measures. Items with no such match are left out. resolve(edition_id) gives an edition
    (default: in English)."""
    resolve = resolve or (lambda ident: resolve_edition(plan, ident))
    order = edition_order(plan)
    earlier = [resolve(ident) for ident in reversed(order[:order.index(edition.id)])]
    found = []
    for kind in ("priorities", "themes"):
        for item in edition.kind_items(kind):
            for other in earlier:
                same = next(((k, i) for k in ("priorities", "themes") for i in other.kind_items(k)
                             if i.id == item.id or i.id in item.same_subject_as), None)
                headline = same and item_headline(plan, other, same[0], same[1])
                if headline:
                    found.append(replace(headline, subject=item, subject_kind=kind, matched="item"))
                    break
                # Only a measure the earlier edition itself shows: its figures were published for it.
                shown = set(edition_measure_ids(other))
                headline = item_headline(plan, other, kind, item, tuple(m for m in item.measures if m in shown))
                if headline:
                    found.append(replace(headline, item=None, subject=item, subject_kind=kind, matched="measure"))
                    break
    return found


def newest_with_figures(plan: Plan, edition: ResolvedEdition, resolve=None) -> ResolvedEdition | None:
    """The newest other edition that has a headline figure, or None."""
    resolve = resolve or (lambda ident: resolve_edition(plan, ident))
    for ident in reversed(edition_order(plan)):
        if ident == edition.id:
            continue
        other = resolve(ident)
        if edition_headlines(plan, other):
            return other
    return None
