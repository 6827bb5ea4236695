"""Figures, selecting: which of a measure's figures an edition shows."""
from __future__ import annotations

from datetime import date

from ..editions import ResolvedEdition
from ..model import Plan
from .read import Figure


def in_edition(figure: Figure, edition: ResolvedEdition) -> bool:
    """A figure belongs to an edition when its period overlaps the edition's years, or when
    the edition's own source documents published it (a plan's baseline figures)."""
    start = date(edition.period["start"], 1, 1)
    end = date(edition.period["end"], 12, 31)
    if figure.source in edition.all_sources:
        return figure.period.start <= end
    return figure.period.start <= end and figure.period.end >= start


def edition_figures(plan: Plan, edition: ResolvedEdition, measure_id: str) -> list[Figure]:
    """The measure's figures that belong to this edition."""
    return [f for f in plan.figures.get(measure_id, []) if in_edition(f, edition)]
