"""Typed records for resolved editions: what the resolve stage (versions.py) hands on.

The YAML under plan_data/ stays the input format and plan.editions keeps the raw dicts.
An edition with its refresh changes applied is a ResolvedEdition, and each of its
priorities and themes a ResolvedItem, so later stages read named attributes instead of
dict keys that only versions.py knew about. The schema (schemas/edition.schema.json)
closes both objects, so every field it declares is an attribute here.

as_dict() gives back the dict the edition used to be, key order included, because
data/plan.json and the translation catalogues are written from it.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

# The dict names of the fields whose attribute names differ (sources_all is the name
# data/plan.json has always used).
_DICT_NAMES = {"all_sources": "sources_all"}
_ATTRIBUTE_NAMES = {v: k for k, v in _DICT_NAMES.items()}


def _plain(value: Any) -> Any:
    """Tuples and records back to the lists and dicts they were made from."""
    if isinstance(value, (ResolvedItem, ResolvedEdition)):
        return value.as_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _record_kwargs(cls, data: dict, converters: dict) -> dict:
    names = {f.name for f in fields(cls)} - {"keys"}
    kwargs = {}
    for key, value in data.items():
        name = _ATTRIBUTE_NAMES.get(key, key)
        if name not in names:
            raise KeyError(f"{cls.__name__} has no field {key!r}")
        kwargs[name] = converters[name](value) if name in converters else value
    kwargs["keys"] = tuple(data)
    return kwargs


class _Record:
    """Shared as_dict for the records below."""

    keys: tuple[str, ...]

    def as_dict(self) -> dict:
        """The dict this record was made from, with the same keys in the same order."""
        return {key: _plain(getattr(self, _ATTRIBUTE_NAMES.get(key, key))) for key in self.keys}


@dataclass(frozen=True)
class ResolvedItem(_Record):
    """A priority or theme as an edition publishes it, with what its refresh did to it."""

    id: str
    title: str
    short_title: str | None = None
    key_outcome: str | None = None
    why: Any = None
    actions: Any = None
    measures: tuple[str, ...] = ()
    success: Any = None
    lead: Any = None
    key_facts: Any = None
    source: Any = None
    #: Ids of earlier editions' items about the same subject under another name.
    same_subject_as: tuple[str, ...] = ()
    #: "added", "updated" or "retired" by the refresh; None in a plan, or if untouched.
    change: str | None = None
    #: The fields a refresh's update gave new values (sorted), or ().
    updated_fields: tuple[str, ...] = ()
    #: Why a refresh retired the item, if it said.
    reason: str | None = None
    #: The keys the item had, in order, so as_dict reproduces it.
    keys: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> "ResolvedItem":
        return cls(**_record_kwargs(cls, data, {"measures": tuple, "updated_fields": tuple,
                                                     "same_subject_as": tuple}))


def _items(values) -> tuple[ResolvedItem, ...]:
    return tuple(ResolvedItem.from_dict(v) for v in values)


@dataclass(frozen=True)
class ResolvedEdition(_Record):
    """The whole content one edition publishes, a refresh's changes applied to its base."""

    id: str
    kind: str
    title: str
    period: Any
    published: Any
    status: str
    #: The sources this edition itself names.
    sources: tuple[str, ...]
    #: Its sources and those of the editions it refreshes, oldest first, without repeats.
    all_sources: tuple[str, ...] = ()
    #: The source notes of this edition and the ones it refreshes, oldest first.
    source_notes: tuple[str, ...] = ()
    #: The title of the edition a refresh is based on (None for a plan).
    base_title: str | None = None
    #: The non-own fields a refresh wrote itself rather than took from its base.
    own_fields: tuple[str, ...] = ()
    base: str | None = None
    short_title: str | None = None
    source_note: str | None = None
    summary: str | None = None
    vision: Any = None
    introduction: Any = None
    key_facts: Any = None
    priorities: tuple[ResolvedItem, ...] = ()
    themes: tuple[ResolvedItem, ...] = ()
    retired_priorities: tuple[ResolvedItem, ...] = ()
    retired_themes: tuple[ResolvedItem, ...] = ()
    other_focus: Any = None
    vulnerable_neighbourhoods: Any = None
    linkage: Any = None
    partners: Any = None
    governance: Any = None
    about: Any = None
    consultation: Any = None
    communication: Any = None
    get_involved: Any = None
    changes: Any = None
    other_measures: tuple[str, ...] = ()
    #: The keys the edition had, in order, so as_dict reproduces it.
    keys: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> "ResolvedEdition":
        return cls(**_record_kwargs(cls, data, {
            "sources": tuple, "all_sources": tuple, "source_notes": tuple, "own_fields": tuple,
            "other_measures": tuple, "priorities": _items, "themes": _items,
            "retired_priorities": _items, "retired_themes": _items}))

    def kind_items(self, kind: str) -> tuple[ResolvedItem, ...]:
        """The priorities or the themes ("priorities", "themes", "retired_priorities", ...)."""
        if kind not in ("priorities", "themes", "retired_priorities", "retired_themes"):
            raise KeyError(kind)
        return getattr(self, kind)


@dataclass(frozen=True)
class EditionChanges:
    """What a refresh changed in its base plan, item by item (versions.compare_editions).

    Each entry names the kind ("priorities" or "themes") where it matters, and the item as
    the refresh has it (a retired item as its base had it, with the refresh's reason)."""

    #: (kind, item) for each item the refresh added.
    added: tuple = ()
    #: (kind, item) for each item the refresh retired.
    retired: tuple = ()
    #: (kind, old title, new title, item).
    renamed: tuple = ()
    #: (kind, item, old lead, new lead); a lead is the YAML's mapping, or None.
    leads: tuple = ()
    #: (item, measure id) for each measure an item gained, or lost.
    measures_added: tuple = ()
    measures_removed: tuple = ()
    #: (kind, item, the words for each text field that changed).
    text: tuple = ()
    #: The words for each edition-wide field the refresh wrote anew.
    edition_fields: tuple = ()
