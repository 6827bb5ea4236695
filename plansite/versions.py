"""Versions stage: turn each edition into the full content it publishes.

A plan edition is complete as written. A refresh is written as changes to its
base plan; here those changes are applied, so that every later stage sees a
whole edition and knows what each refresh added, updated or retired.
"""
from __future__ import annotations

import copy

from .editions import EditionChanges, ResolvedEdition
from .model import Plan

#: Fields that describe the edition itself and never come from a base plan.
_OWN_FIELDS = ("id", "kind", "base", "title", "short_title", "period", "published",
               "status", "sources", "source_note", "summary", "changes")

ITEM_KINDS = ("priorities", "themes")


def _apply_item_changes(items: list[dict], changes: dict) -> tuple[list[dict], list[dict]]:
    """Return (items after the changes, retired items with their reasons)."""
    by_id = {item["id"]: copy.deepcopy(item) for item in items}
    order = [item["id"] for item in items]
    retired = []
    for retirement in changes.get("retire", []):
        item = by_id.pop(retirement["id"])
        order.remove(retirement["id"])
        retired.append({**item, "change": "retired", "reason": retirement.get("reason")})
    for update in changes.get("update", []):
        item = by_id[update["id"]]
        item.update({k: copy.deepcopy(v) for k, v in update.items() if k != "id"})
        item["change"] = "updated"
        item["updated_fields"] = sorted(k for k in update if k not in ("id", "source"))
    for added in changes.get("add", []):
        by_id[added["id"]] = {**copy.deepcopy(added), "change": "added"}
        order.append(added["id"])
    return [by_id[ident] for ident in order], retired


def resolve_edition(plan: Plan, edition_id: str) -> ResolvedEdition:
    """The whole content of one edition, with a refresh's changes applied to its base."""
    return ResolvedEdition.from_dict(_resolve_dict(plan, edition_id))


def _resolve_dict(plan: Plan, edition_id: str) -> dict:
    # The changes are applied to plain dicts (as the YAML gives them); the record is made once, at the end.
    edition = plan.editions[edition_id]
    if edition["kind"] == "plan":
        resolved = copy.deepcopy(edition)
        resolved["source_notes"] = [edition["source_note"]] if edition.get("source_note") else []
        resolved["sources_all"] = list(edition["sources"])
        for kind in ITEM_KINDS:
            resolved.setdefault(kind, [])
            resolved[f"retired_{kind}"] = []
        return resolved

    base = _resolve_dict(plan, edition["base"])
    resolved = {k: v for k, v in copy.deepcopy(base).items() if k not in _OWN_FIELDS}
    resolved.update(copy.deepcopy({k: v for k, v in edition.items() if k != "changes"}))
    resolved["base_title"] = base["title"]
    resolved["own_fields"] = [k for k in edition if k not in _OWN_FIELDS]
    resolved["source_notes"] = base["source_notes"] + ([edition["source_note"]] if edition.get("source_note") else [])
    resolved["sources_all"] = list(dict.fromkeys(base["sources_all"] + edition["sources"]))
    changes = edition.get("changes", {})
    for kind in ITEM_KINDS:
        resolved[kind], resolved[f"retired_{kind}"] = _apply_item_changes(
            base.get(kind, []), changes.get(kind, {}))
    return resolved


def edition_measure_ids(edition: ResolvedEdition) -> list[str]:
    """The measures an edition's priorities and themes use, in the order they appear."""
    ids = []
    for item in edition.priorities + edition.themes:
        ids.extend(item.measures)
    ids.extend(edition.other_measures)
    return list(dict.fromkeys(ids))


_FIELD_WORDS = {
    "key_outcome": "key outcome", "why": "why it is a priority", "actions": "what we plan to do",
    "success": "how success is measured", "key_facts": "key facts", "short_title": "short title",
}
_EDITION_FIELD_WORDS = {
    "introduction": "introduction", "key_facts": "key facts", "vision": "vision", "partners": "partners",
    "governance": "governance", "about": "about the plan", "consultation": "consultation",
    "communication": "how the public will be told", "get_involved": "ways to get involved",
    "other_focus": "other areas of focus", "linkage": "links between priorities and other work",
    "vulnerable_neighbourhoods": "vulnerable neighbourhoods", "other_measures": "other figures",
}


def compare_editions(base: ResolvedEdition, refresh: ResolvedEdition) -> EditionChanges:
    """What a refresh changed in its base plan, item by item, for the 'What changed' page."""
    result = {"added": [], "retired": [], "renamed": [], "leads": [], "measures_added": [],
              "measures_removed": [], "text": [], "edition_fields": []}
    for kind in ITEM_KINDS:
        before = {item.id: item for item in base.kind_items(kind)}
        after = {item.id: item for item in refresh.kind_items(kind)}
        for ident, item in after.items():
            if ident not in before:
                result["added"].append((kind, item))
                continue
            old = before[ident]
            if old.title != item.title:
                result["renamed"].append((kind, old.title, item.title, item))
            if old.lead != item.lead:
                result["leads"].append((kind, item, old.lead, item.lead))
            old_measures, new_measures = old.measures, item.measures
            result["measures_added"] += [(item, m) for m in new_measures if m not in old_measures]
            result["measures_removed"] += [(item, m) for m in old_measures if m not in new_measures]
            changed = [words for field, words in _FIELD_WORDS.items() if getattr(old, field) != getattr(item, field)]
            if changed:
                result["text"].append((kind, item, changed))
        for ident, item in before.items():
            if ident not in after:
                retired = next((r for r in refresh.kind_items(f"retired_{kind}") if r.id == ident), item)
                result["retired"].append((kind, retired))
    result["edition_fields"] = [words for field, words in _EDITION_FIELD_WORDS.items()
                                if field in refresh.own_fields and getattr(base, field) != getattr(refresh, field)]
    return EditionChanges(**{name: tuple(found) for name, found in result.items()})
