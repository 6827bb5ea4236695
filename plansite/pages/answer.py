"""The answer first: "How we are doing", as a list of summary cards, one per priority and theme
with figures, each with its headline figure, its date and a judgement in words (backed by an
icon and a colour, never by colour or an arrow alone)."""
from __future__ import annotations

from html import escape

from ..editions import ResolvedEdition
from ..figures.headline import (Headline, earlier_headlines, edition_headlines, edition_order,
                                item_headline, newest_with_figures)
from ..figures.wording import format_value
from ..model import Plan
from ..translations import Words
from ..urls import get_relative_url, page_url
from .glossary import abbreviate_html
from .writer import better_words, edition_root_url, _Writer

#: The heading's anchor, the same in every language, so a link from another edition finds it.
ANSWER_ANCHOR = "how-we-are-doing"

#: One small line icon per judgement, drawn in currentColor (decorative: the word carries it).
_ICONS = {
    "good": '<circle cx="12" cy="12" r="9"/><path d="M7.5 12.5l3 3 6-6.5"/>',
    "bad": '<path d="M12 3.5 2.5 20h19z"/><path d="M12 10v4.5M12 17.2v.3"/>',
    "same": '<circle cx="12" cy="12" r="9"/><path d="M7.5 12h9"/>',
    "target": '<path d="M5.5 21V4h11l-2 4 2 4h-11"/>',
    "info": '<circle cx="12" cy="12" r="9"/><path d="M12 11v5.5M12 7.7v.3"/>',
}

#: Each judgement's icon and colour (the CSS class plan-tag--<tone>).
_TONES = {"improving": "good", "getting worse": "bad", "no clear change": "same", "target met": "target",
          "target not met": "bad", "not judged": "info", "direction unknown": "info", "one figure": "info"}


def judgement_words(words: Words, judgement: str) -> str:
    """The word a resident reads for a judgement: it carries the meaning on its own."""
    t = words.t
    return {"improving": lambda: t("Improving"), "getting worse": lambda: t("Getting worse"),
            "no clear change": lambda: t("No clear change"), "target met": lambda: t("Target met"),
            "target not met": lambda: t("Target not met yet"), "not judged": lambda: t("Not judged"),
            "direction unknown": lambda: t("Direction not known"),
            "one figure": lambda: t("No trend yet")}[judgement]()


def judgement_tag(words: Words, judgement: str) -> str:
    """The judgement as a tag: an icon tied to the judgement, then its word."""
    tone = _TONES[judgement]
    icon = (f'<svg class="plan-tag__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" '
            f'focusable="false">{_ICONS[tone]}</svg>')
    return f'<strong class="plan-tag plan-tag--{tone}">{icon}{judgement_words(words, judgement)}</strong>'


def change_words(headline: Headline, words: Words) -> str:
    """The change in numbers, with the source's qualifiers: 'Up from 234 to 295.'"""
    t = words.t
    summary, measure = headline.summary, headline.measure
    latest = format_value(measure, summary.latest, words=words)
    if summary.previous is None:
        return t("Only one figure has been published so far.")
    previous = format_value(measure, summary.previous, words=words)
    values = dict(previous=previous, latest=latest, previous_period=words.period(summary.previous.period))
    text = {"up": lambda: t("Up from {previous} ({previous_period}) to {latest}.", **values),
            "down": lambda: t("Down from {previous} ({previous_period}) to {latest}.", **values),
            "same": lambda: t("About the same as before: {previous} ({previous_period}).", **values),
            "": lambda: t("Before: {previous} ({previous_period}). The source does not give the exact figure, "
                          "so we cannot say whether it went up or down.", **values)}[summary.movement]()
    if headline.judgement in ("improving", "getting worse", "no clear change"):
        text += " " + better_words(words, measure.better)
    elif headline.judgement == "not judged":
        text += " " + t("The plan does not say whether higher or lower is better for this figure.")
    return text


def _text(words: Words, plan: Plan, value: str) -> str:
    # Translated text is escaped already; English from our own files is escaped here.
    return abbreviate_html(escape(value) if words.is_source else value, plan)


def _page_link(w: _Writer, here: str, edition: ResolvedEdition, target: str, fragment: str = "") -> str:
    """The URL of a page of edition from the page being written, of the edition here. The cards
    are HTML, which MkDocs does not rewrite, so the link is to the built page's URL."""
    if edition.id == here:
        url = get_relative_url(page_url(target), page_url(w.path))
    else:
        url = edition_root_url(w.path, edition.id, w.words, from_edition=here) + page_url(target)
    return url + (f"#{fragment}" if fragment else "")


def _card(w: _Writer, here: str, headline: Headline, *, title: str, href: str, heading: bool) -> str:
    words, plan = w.words, w.plan
    t = words.t
    summary = headline.summary
    latest = summary.latest
    title_html = f'<a href="{escape(href)}">{_text(words, plan, title)}</a>'
    parts = [f'<h3 class="plan-card__title">{title_html}</h3>' if heading
             else f'<p class="plan-card__title">{title_html}</p>']
    if headline.subject is not None:
        # Another plan's figures: say whose they are before anything else.
        parts.append('<p class="plan-card__label">' + t(
            "Published under an earlier plan, not this one: {plan}.",
            plan=f'<a href="{escape(_page_link(w, here, headline.edition, "index.md"))}">'
                 f'{_text(words, plan, headline.edition.title)}</a>') + "</p>")
    if title != headline.measure.plain_title:
        parts.append(f'<p class="plan-card__measure">{_text(words, plan, headline.measure.plain_title)}</p>')
    when = words.period(latest.period)
    source_date = plan.sources.get(latest.source, {}).get("date")
    if latest.period.relative and source_date:
        # "The latest 6 months" is the source's own; with its date it cannot pass for today's.
        # "on 13 November 2018", but "in 2011" for a source dated by its year or month only.
        when = (t("{period}, as reported on {date}", period=when, date=words.date(source_date))
                if len(str(source_date)) == 10 else
                t("{period}, as reported in {date}", period=when, date=words.date(source_date)))
    parts.append(f'<p class="plan-card__figure"><span class="plan-card__value">'
                 f'{_text(words, plan, format_value(headline.measure, latest, words=words))}</span> '
                 f'<span class="plan-card__period">{_text(words, plan, when)}</span></p>')
    parts.append(f'<p class="plan-card__judgement">{judgement_tag(words, headline.judgement)} '
                 f'{_text(words, plan, change_words(headline, words))}</p>')
    return f'<li class="plan-card plan-card--{_TONES[headline.judgement]}">' + "".join(parts) + "</li>"


def _cards(w: _Writer, cards: list[str]) -> None:
    w.add('<ul class="plan-cards">' + "".join(cards) + "</ul>")


def _sources(w: _Writer, headlines: list[Headline]) -> None:
    found = []
    for h in headlines:
        found += [f.source for f in (h.summary.latest, h.summary.previous) if f is not None]
    sources = list(dict.fromkeys(found))
    if not sources:
        return
    links = []
    for s in sources:
        source = w.plan.sources[s]
        links.append(w.t("{document}, {date}", document=f"[{source['title']}]({w.link('sources.md', s)})",
                         date=w.words.date(source["date"])))
    w.add("*" + w.t("Figures from: {documents}.", documents="; ".join(links)) + "*", "{: .plan-cards__source }")


def _headline_target(headline: Headline) -> tuple[str, str]:
    """Where a card links: the item's page, or (matched by a measure) the measures page."""
    if headline.item is None:
        return "measures.md", headline.measure.id
    return f"{headline.kind}/{headline.item.id}.md", ""


def answer_section(w: _Writer, edition: ResolvedEdition, *, resolve=None) -> None:
    """'How we are doing' for a whole edition: a card per priority and theme with figures; for an
    edition with none, one plain sentence, the figures an earlier plan published for the same
    subjects (labelled as such), and where the newest figures are."""
    plan, t = w.plan, w.t
    here = edition.id
    w.add("## " + t("How we are doing") + f" {{#{ANSWER_ANCHOR}}}")
    headlines = edition_headlines(plan, edition)
    if headlines:
        _cards(w, [_card(w, here, h, title=h.item.short_title or h.item.title,
                         href=_page_link(w, here, edition, *_headline_target(h)), heading=True) for h in headlines])
        _sources(w, headlines)
        shown = {h.item.id for h in headlines}
        without = [i.short_title or i.title for k in ("priorities", "themes") for i in edition.kind_items(k)
                   if i.id not in shown]
        if without:
            w.add(t("No figures have been published for: {items}.", items="; ".join(without)))
        return
    w.add(_no_figures(edition, w.words))
    earlier = earlier_headlines(plan, edition, resolve)
    if earlier:
        w.add(t("Here are the most recent figures an earlier plan published on the same subjects. "
                "They are that plan's figures, not this plan's."))
        _cards(w, [_card(w, here, h, title=h.subject.short_title or h.subject.title,
                         href=_page_link(w, here, h.edition, *_headline_target(h)), heading=True) for h in earlier])
        _sources(w, earlier)
    _newest_pointer(w, edition, {h.edition.id for h in earlier}, resolve)


def _no_figures(edition: ResolvedEdition, words: Words) -> str:
    return (words.t("No figures have been published for this plan yet.") if edition.status != "archived"
            else words.t("This site has no figures for this plan."))


def _newest_pointer(w: _Writer, edition: ResolvedEdition, shown: set, resolve) -> None:
    """Where the newest figures on the site are, in one sentence with their date and source,
    unless the cards above already show that edition's figures."""
    plan, t = w.plan, w.t
    newest = newest_with_figures(plan, edition, resolve)
    if newest is None or shown == {newest.id}:
        return
    headlines = edition_headlines(plan, newest)
    source = max((plan.sources[h.summary.latest.source] for h in headlines), key=lambda s: s["date"])
    order = edition_order(plan)
    # Another edition is another MkDocs site: the link is HTML, which MkDocs leaves alone.
    values = dict(date=w.words.date(source["date"]),
                  plan=f'<a href="{escape(_page_link(w, edition.id, newest, "index.md", ANSWER_ANCHOR))}">'
                       f'{_text(w.words, plan, newest.title)}</a>')
    text = (t("The newest figures on this site were published on {date}, for an earlier plan: {plan}.", **values)
            if order.index(newest.id) < order.index(edition.id) else
            t("The newest figures on this site were published on {date}, for a later plan: {plan}.", **values))
    # What they are about, in that plan's own words, so a resident knows whether to follow the link.
    text += " " + t("They are about that plan's priorities: {items}.",
                    items="; ".join(h.item.short_title or h.item.title for h in headlines))
    w.add(text)
    w.add("*" + w.t("Source: {document}, {date}", document=f"[{source['title']}]({w.link('sources.md', source['id'])})",
                    date=w.words.date(source["date"])) + ".*")


def item_answer(w: _Writer, edition: ResolvedEdition, kind: str, item, *, resolve=None) -> None:
    """'How we are doing' on a priority's or theme's page: its headline figure, before the prose;
    in an edition with no figures, an earlier plan's for the same subject, labelled as such."""
    plan, t = w.plan, w.t
    here = edition.id
    headline = item_headline(plan, edition, kind, item)
    edition_has_figures = bool(edition_headlines(plan, edition))
    if headline is None and not edition_has_figures:
        headline = next((h for h in earlier_headlines(plan, edition, resolve) if h.subject.id == item.id), None)
    w.add("## " + t("How we are doing") + f" {{#{ANSWER_ANCHOR}}}")
    if headline is None:
        w.add(t("No figures have been published for this priority yet.") if kind == "priorities" else
              t("No figures have been published for this theme yet."))
        if not edition_has_figures:
            _newest_pointer(w, edition, set(), resolve)
        return
    title = headline.measure.plain_title
    href = ("#" + headline.measure.id if headline.subject is None
            else _page_link(w, here, headline.edition, *_headline_target(headline)))
    _cards(w, [_card(w, here, headline, title=title, href=href, heading=False)])
    _sources(w, [headline])
