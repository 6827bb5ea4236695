"""Figures, judging: what a measure's figures show (the latest, the change, the direction of
travel, comparisons and the target), ready for words, tables and charts. No English here."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..measures_catalogue import Measure
from .read import LOWER_BOUNDS, Figure

#: Below this relative change (or, for percentages, this many points) we say "no clear change".
NO_CLEAR_CHANGE_RELATIVE = 0.02
NO_CLEAR_CHANGE_POINTS = 1.0


@dataclass
class Comparison:
    name: str
    value: float
    judgement: str  # "better", "worse", "same", or "" when no direction is better or it is not certain
    figure: Figure | None = None  # the comparator's figure, with its qualifier


@dataclass
class Summary:
    """What a measure's figures say, ready for words, tables and charts."""

    measure: Measure
    figures: list[Figure]
    main: list[Figure] = field(default_factory=list)
    latest: Figure | None = None
    previous: Figure | None = None
    movement: str = ""   # "up", "down", "same", or "" when there is nothing to compare
    trend: str = ""      # "improving", "getting worse", "no clear change", "not judged", ""
    change: float | None = None
    change_pct: float | None = None
    #: The latest or the previous figure is not exact ("over 9%"): the sentence gives no amount.
    inexact: bool = False
    gaps: list[str] = field(default_factory=list)
    gap_periods: list = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    target_met: bool | None = None

    @property
    def has_figures(self) -> bool:
        return any(f.value is not None for f in self.figures)


def is_percentage(measure: Measure, figure: Figure) -> bool:
    """Whether a figure is a percentage: its measure's unit, or the figure itself ("73%")."""
    return measure.unit == "percentage" or figure.is_percent


def summarise(measure: Measure, figures: list[Figure]) -> Summary:
    """Latest figure, change on the previous one, direction of travel and comparisons."""
    summary = Summary(measure, figures)
    summary.main = [f for f in figures if f.series == measure.own_series]
    with_values = [f for f in summary.main if f.value is not None]
    summary.gaps = [f.period.label for f in summary.main if f.value is None]
    summary.gap_periods = [f.period for f in summary.main if f.value is None]
    if not with_values:
        return summary
    summary.latest = with_values[-1]
    if len(with_values) >= 2:
        summary.previous = with_values[-2]
        latest, previous = summary.latest.value, summary.previous.value
        summary.change = latest - previous
        summary.change_pct = (summary.change / previous * 100) if previous else None
        if is_percentage(measure, summary.latest):
            unclear = abs(summary.change) < NO_CLEAR_CHANGE_POINTS
        else:
            unclear = (abs(summary.change / previous) < NO_CLEAR_CHANGE_RELATIVE) if previous else summary.change == 0
        summary.movement = "same" if unclear else ("up" if summary.change > 0 else "down")
        if summary.latest.qualifier or summary.previous.qualifier:
            # "over 9%" is not 9%: keep a direction only when the source's bound makes it certain.
            summary.inexact = True
            summary.movement = _certain_direction(summary.latest, summary.previous, summary.movement)
        better = measure.better
        if not summary.movement:
            summary.trend = ""
        elif summary.movement == "same":
            summary.trend = "no clear change"
        elif better == "neither":
            summary.trend = "not judged"
        else:
            summary.trend = "improving" if summary.movement == better else "getting worse"
    for name in measure.comparators:
        match = [f for f in figures if f.series == name and f.period == summary.latest.period and f.value is not None]
        if match:
            summary.comparisons.append(Comparison(name, match[0].value, _judge(measure, summary.latest, match[0]),
                                                  match[0]))
    target = measure.target or {}
    if "value" in target and measure.better != "neither":
        summary.target_met = _target_met(measure.better, summary.latest, target["value"])
    return summary


def _certain_direction(new: Figure, old: Figure, movement: str) -> str:
    """The movement from old to new when one of them is qualified: "up" or "down" only when
    certain ("over 9%" after an exact 5% is up; after an exact 12% it may be either), else ""."""
    if movement == "up" and new.qualifier in LOWER_BOUNDS and not old.qualifier:
        return "up"
    if movement == "down" and old.qualifier in LOWER_BOUNDS and not new.qualifier:
        return "down"
    return ""


def _target_met(better: str, latest: Figure, target: float) -> bool | None:
    """Whether the latest figure meets the target; None when a qualifier leaves it uncertain."""
    value, qualifier = latest.value, latest.qualifier
    if not qualifier:
        return value <= target if better == "down" else value >= target
    if qualifier in LOWER_BOUNDS:  # the true figure is value or more
        if better == "up" and value >= target:
            return True
        if better == "down" and value > target:
            return False
    return None


def _judge(measure: Measure, ours: Figure, theirs: Figure) -> str:
    if measure.better == "neither":
        return ""
    close = math.isclose(ours.value, theirs.value, rel_tol=NO_CLEAR_CHANGE_RELATIVE)
    if ours.qualifier or theirs.qualifier:
        # Judged only when the bound makes the order certain; never "same".
        order = _certain_direction(ours, theirs, "" if close else ("up" if ours.value > theirs.value else "down"))
        if not order:
            return ""
        return "better" if (order == "down") == (measure.better == "down") else "worse"
    if close:
        return "same"
    return "better" if (ours.value < theirs.value) == (measure.better == "down") else "worse"
