"""Typed records for the measures catalogue: what the model stage (model.build_plan) hands on.

The YAML under plan_data/measures/ stays the input format, and validation reads it as
dicts. Once valid, each measure becomes a frozen Measure, so later stages (figures, wording,
pages, open data) read named attributes instead of dict keys. The schema
(schemas/measures.schema.json) closes the object, so every field it declares is an
attribute here.

as_dict() gives back the dict the measure was written as, key order included, because
data/plan.json, the build key and the translation catalogues' message ids are made from it.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


def _plain(value: Any) -> Any:
    """Tuples back to the lists they were made from."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Measure:
    """A measure of success as the catalogue declares it, shared by every edition."""

    id: str
    title: str
    plain_title: str
    unit: str
    #: "up", "down" or "neither": which direction counts as an improvement.
    better: str
    sources: tuple[str, ...]
    description: str | None = None
    frequency: str | None = None
    owner: str | None = None
    #: One file name or pattern in plan_data/data/ (a str), or several (a tuple), or None.
    data: str | tuple[str, ...] | None = None
    sheet: str | None = None
    #: The measure's own series as written; None means the partnership's area (own_series).
    series: str | None = None
    comparators: tuple[str, ...] = ()
    #: The YAML's mapping (period, value, source), or None.
    baseline: Any = None
    #: The YAML's mapping (text, and value, period where the source gives them; source), or None.
    target: Any = None
    #: The keys the measure had, in order, so as_dict reproduces it.
    keys: tuple[str, ...] = ()
    #: The series that is the partnership's own figure: `series`, else the area partnership.yaml names.
    own_series: str | None = None

    @classmethod
    def from_dict(cls, data: dict, *, area: str | None) -> "Measure":
        """The record of one valid catalogue entry (a KeyError for a key the schema lacks); area
        is the partnership's, the series of its own figures unless the measure names another."""
        names = {f.name for f in fields(cls)} - {"keys", "own_series"}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                raise KeyError(f"Measure has no field {key!r}")
            if key in ("sources", "comparators") or (key == "data" and isinstance(value, list)):
                value = tuple(value)
            kwargs[key] = value
        return cls(**kwargs, keys=tuple(data), own_series=data.get("series") or area)

    def as_dict(self) -> dict:
        """The dict this measure was made from, with the same keys in the same order."""
        return {key: _plain(getattr(self, key)) for key in self.keys}


def measures_as_dicts(measures: dict[str, Measure]) -> dict[str, dict]:
    """A catalogue (id -> Measure) as the dicts it was written as, for JSON and messages."""
    return {ident: measure.as_dict() for ident, measure in measures.items()}
