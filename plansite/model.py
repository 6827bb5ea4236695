"""The plan as the rest of the pipeline sees it, after loading and validation."""
from __future__ import annotations

from dataclasses import dataclass, field

from .load import RawProject
from .measures_catalogue import Measure


@dataclass
class Plan:
    """A partnership's whole plan record: every edition, measure and source."""

    partnership: dict
    sources: dict[str, dict]
    measures: dict[str, Measure]
    editions: dict[str, dict]
    edition_files: dict[str, str] = field(default_factory=dict)
    #: Published figures per measure id, in period order.
    figures: dict[str, list] = field(default_factory=dict)
    #: Abbreviations and terms, by the term as written.
    glossary: dict[str, dict] = field(default_factory=dict)
    #: The site's languages, the source language first.
    languages: list[dict] = field(default_factory=lambda: [{"code": "en", "name": "English"}])
    #: Valid data that no page shows (DataErrors of severity "warning"), set by validation.
    warnings: list = field(default_factory=list)

    def current_edition_id(self) -> str:
        """The edition the site leads to: the current one, or, while every edition is a draft
        (a new project), the newest draft."""
        current = [ident for ident, edition in self.editions.items() if edition["status"] == "current"]
        if current:
            return current[0]
        return max(self.editions.values(), key=edition_order)["id"]

    def has_current(self) -> bool:
        """Whether an edition is in force; False while every edition is a draft."""
        return any(edition["status"] == "current" for edition in self.editions.values())

    def editions_newest_first(self) -> list[dict]:
        """Editions ordered as a reader browses them: newest period first, a refresh before its plan."""
        return sorted(self.editions.values(), key=edition_order, reverse=True)


def source_refs(data, path: tuple = ()):
    """Yield (key path, source id) for every 'source' or 'sources' value in nested data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "source" and isinstance(value, str):
                yield path + (key,), value
            elif key == "sources" and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield path + (key, index), item
            else:
                yield from source_refs(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from source_refs(item, path + (index,))


def build_plan(project: RawProject) -> Plan:
    """Assemble a Plan from a project that has passed validation."""
    measures: dict[str, Measure] = {}
    for doc in project.measures:
        for measure in doc.data.get("measures") or []:
            measures[measure["id"]] = Measure.from_dict(measure, area=project.partnership.data["area"])
    editions = {doc.data["id"]: dict(doc.data) for doc in project.editions}
    for ident, status in derive_statuses(list(editions.values())).items():
        editions[ident]["status"] = status
    return Plan(
        partnership=project.partnership.data,
        sources={source["id"]: source for source in project.sources.data["sources"]},
        measures=measures,
        editions=editions,
        edition_files={doc.data["id"]: doc.file for doc in project.editions},
        glossary={t["term"]: t for t in (project.glossary.data["terms"] if project.glossary else [])},
        languages=(project.languages.data["languages"] if project.languages
                   else [{"code": "en", "name": "English"}]),
    )


def edition_order(edition: dict) -> tuple:
    """Oldest first: by the year it starts, a refresh after its plan, then the year it ends."""
    return (edition["period"]["start"], edition["kind"] == "refresh", edition["period"]["end"])


def derive_statuses(editions: list[dict]) -> dict[str, str]:
    """Each edition's status. Written statuses stand; among the rest, the newest edition that is
    not a draft is current unless another is written as current, and the others are archived."""
    statuses = {e["id"]: e.get("status") for e in editions}
    if "current" not in statuses.values():
        candidates = [e for e in editions if e.get("status") is None]
        if candidates:
            statuses[max(candidates, key=edition_order)["id"]] = "current"
    return {ident: status or "archived" for ident, status in statuses.items()}
