"""Figures, wording: a figure and what the figures show, in words a resident reads.

Every text goes through Words, so it is translated; with no Words given it is English."""
from __future__ import annotations

from ..measures_catalogue import Measure
from ..translations import Words
from .judge import Summary, is_percentage
from .read import Figure

def _english() -> Words:
    return Words()


def qualified(text: str, qualifier: str, words=None) -> str:
    """A figure's text with the source's qualifier before it: 'over 9%', 'at least 56%'."""
    if not qualifier:
        return text
    t = (words or _english()).t
    return {"over": lambda: t("over {value}", value=text),
            "at least": lambda: t("at least {value}", value=text),
            "around": lambda: t("around {value}", value=text)}[qualifier]()


def format_value(measure: Measure, figure: Figure | None, value: float | None = None, words=None) -> str:
    """A figure with its unit and the source's qualifier, as a resident reads it: '1,633', '73%',
    '77.1 per 1,000 people', 'over 9%'. A value given on its own has no qualifier."""
    words = words or _english()
    qualifier = figure.qualifier if value is None and figure is not None else ""
    value = figure.value if value is None and figure is not None else value
    if value is None:
        return words.t("no figure")
    if measure.unit == "percentage" or (figure is not None and figure.is_percent):
        return qualified(words.percent(value), qualifier, words)
    number = words.number(value)
    return qualified({"rate_per_1000": lambda: words.t("{number} per 1,000 people", number=number),
                      "rate_per_10000": lambda: words.t("{number} per 10,000 people", number=number),
                      # The sources say "per 100,000" without saying of whom (for first time entrants
                      # it is not the whole population), so we say no more.
                      "rate_per_100000": lambda: words.t("{number} per 100,000", number=number),
                      }.get(measure.unit, lambda: number)(), qualifier, words)


def sentence(summary: Summary, words=None) -> str:
    """One plain-language sentence (or two) about what the figures show."""
    words = words or _english()
    t = words.t
    measure = summary.measure
    name = measure.plain_title

    def value(figure: Figure) -> str:
        return format_value(measure, figure, words=words)

    if not summary.has_figures:
        return t("No figures have been published for this measure yet.")
    if summary.latest is None:
        # Only breakdowns (wards, survey topics...): say which is highest and lowest.
        last_period = max((f.period for f in summary.figures if f.value is not None), key=lambda p: p.sort_key)
        group = sorted((f for f in summary.figures if f.period == last_period and f.value is not None),
                       key=lambda f: f.value)
        if len(group) == 1:
            return t("{measure}: {group} {value} {period}.", measure=name, group=words.english(group[0].series),
                     value=value(group[0]), period=words.period_phrase(last_period))
        if any(f.qualifier for f in group):
            # "over 40" may be more than an exact 45: do not rank figures the source gives inexactly.
            return t("{measure} {period}: the source does not give every figure exactly, so we do not say "
                     "which is highest or lowest.", measure=name, period=words.period_phrase(last_period))
        return t("{measure} {period}: highest for {highest} ({highest_value}), lowest for {lowest} ({lowest_value}).",
                 measure=name, period=words.period_phrase(last_period),
                 highest=words.english(group[-1].series), highest_value=value(group[-1]),
                 lowest=words.english(group[0].series), lowest_value=value(group[0]))
    latest = summary.latest
    if summary.previous is None:
        text = t("{measure}: {value} {period}. Only one figure has been published, so there is no trend yet.",
                 measure=name, value=value(latest), period=words.period_phrase(latest.period))
    else:
        previous = summary.previous
        if latest.period.relative and previous.period.relative:
            period = t("in {latest} compared with {previous}", latest=words.period(latest.period),
                       previous=words.period(previous.period))
        else:
            period = t("{latest} compared with {previous}", latest=words.period_phrase(latest.period),
                       previous=words.period(previous.period))
        if summary.inexact:
            # A qualified figure ("over 9%") has no exact amount of change, and perhaps no direction.
            values = dict(measure=name, previous_value=value(previous), value=value(latest), period=period)
            if summary.movement == "up":
                text = t("{measure} rose from {previous_value} to {value}, {period}.", **values)
            elif summary.movement == "down":
                text = t("{measure} fell from {previous_value} to {value}, {period}.", **values)
            else:
                text = t("{measure}: {value}, {period} ({previous_value}).", **values)
            text += " " + (t("The source does not give the exact figure, so we do not say by how much.")
                           if summary.movement else
                           t("The source does not give the exact figure, so we cannot say whether it went up or down."))
        elif summary.movement == "same":
            text = t("{measure} stayed about the same, {value} {period} ({previous_value}).",
                     measure=name, value=value(latest), period=period, previous_value=value(previous))
        else:
            if is_percentage(measure, latest):
                points = round(abs(summary.change), 1)
                # gettext's plural forms are for whole numbers; a fraction has a text of its own.
                amount = (words.n("{points} percentage point", "{points} percentage points", int(points),
                                  points=words.number(points)) if points == int(points) else
                          t("{points} percentage points", points=words.number(points)))
            elif summary.change_pct is not None:
                amount = words.percent(round(abs(summary.change_pct)))
            else:
                amount = words.number(abs(summary.change))
            values = dict(measure=name, amount=amount, previous_value=value(previous),
                          value=value(latest), period=period)
            text = (t("{measure} rose by {amount}, from {previous_value} to {value}, {period}.", **values)
                    if summary.movement == "up" else
                    t("{measure} fell by {amount}, from {previous_value} to {value}, {period}.", **values))
        if not summary.trend:
            pass  # no certain direction: nothing to judge
        elif measure.better in ("up", "down"):
            text += " " + {
                ("down", "improving"): lambda: t("The plan aims for this figure to go down, so this is an improvement."),
                ("down", "getting worse"): lambda: t("The plan aims for this figure to go down, so this is getting worse."),
                ("down", "no clear change"): lambda: t("The plan aims for this figure to go down, and there is no clear change."),
                ("up", "improving"): lambda: t("The plan aims for this figure to go up, so this is an improvement."),
                ("up", "getting worse"): lambda: t("The plan aims for this figure to go up, so this is getting worse."),
                ("up", "no clear change"): lambda: t("The plan aims for this figure to go up, and there is no clear change."),
            }[(measure.better, summary.trend)]()
        else:
            text += " " + t("The plan does not say whether higher or lower is better for this figure.")
    if summary.gaps:
        text += " " + t("No figure was published for {periods}.",
                        periods=", ".join(words.period(p) for p in summary.gap_periods))
    return text
