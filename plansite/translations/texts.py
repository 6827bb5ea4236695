"""Which texts need translating: the plan's and each edition's (by a stable id), and the words
the site writes itself, found in the code."""
from __future__ import annotations

import functools
from pathlib import Path

from ..measures_catalogue import measures_as_dicts
from ..model import Plan
from ..versions import resolve_edition

#: Fields whose text a reader sees; everything else (ids, dates, references) stays as it is.
_TEXT_KEYS = {"title", "short_title", "summary", "text", "key_outcome", "why", "note", "name", "description",
              "reason", "role", "crime_type", "source_note"}
_TEXT_LISTS = {"actions", "success", "items", "findings", "areas", "delivered_by", "linked_to",
               "responsible_authorities", "cooperating_bodies", "invitees"}
#: Keys of ResolvedEdition.as_dict() (and its items) that hold ids or names, not text a reader sees.
_SKIP = {"sources_all", "own_fields", "updated_fields", "base_title", "source_notes", "changes"}


def _text_fields(value, text_keys: set[str], visit) -> object:
    """Call visit(stable id, text) on every text a reader sees in nested plan data, and
    return a copy of the data with each text replaced by what visit returned."""

    def walk(value, path: list[str], key: str | None):
        if isinstance(value, dict):
            return {child_key: (child if child_key in _SKIP else walk(child, path + [child_key], child_key))
                    for child_key, child in value.items()}
        if isinstance(value, list):
            out = []
            for index, item in enumerate(value):
                label = item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else str(index)
                out.append(walk(item, path + [label], key if key in _TEXT_LISTS else None))
            return out
        if isinstance(value, str) and value.strip() and (key in text_keys or key in _TEXT_LISTS):
            return visit("/".join(path), value.strip())
        return value

    return walk(value, [], None)


def _collect(value, text_keys: set[str]) -> dict[str, str]:
    messages: dict[str, str] = {}

    def visit(context: str, text: str) -> str:
        messages[context] = text
        return text

    _text_fields(value, text_keys, visit)
    return messages


def edition_messages(plan: Plan, edition_id: str) -> dict[str, str]:
    """Stable id -> English text, for every piece of text the edition shows."""
    return _collect(resolve_edition(plan, edition_id).as_dict(), _TEXT_KEYS)


#: Texts in plan_data/ that every edition shares: measure names, sources, the glossary, contacts.
_PLAN_TEXT_KEYS = {"title", "plain_title", "description", "meaning", "text", "name", "role", "how"}


def _plan_texts(plan: Plan) -> dict:
    return {"partnership": plan.partnership, "measures": measures_as_dicts(plan.measures), "sources": plan.sources,
            "glossary": {term.replace("/", " "): entry for term, entry in plan.glossary.items()}}


def plan_messages(plan: Plan) -> dict[str, str]:
    """Stable id -> English text, for the plan text that every edition shares."""
    return _collect(_plan_texts(plan), _PLAN_TEXT_KEYS)


#: The catalog of the words the site writes itself (headings, sentences about figures, notices),
#: keyed by their English text; `extract` finds them in the code as calls to t("...").
SITE_CATALOG = "site"
#: The catalog of plan text shared by every edition: measures, sources, partnership, glossary.
PLAN_CATALOG = "plan"
#: The package whose code ui_messages reads: plansite, with its pages and this package.
_CODE = Path(__file__).parent.parent


@functools.cache
def ui_messages() -> dict[str, str | tuple[str, str]]:
    """Every English text the site writes itself, found in the code as t("...") or plain("...")
    calls, and the texts that count something as n("singular", "plural", count) calls (their
    value is the pair, a gettext plural), in the order the code has them. Read from the syntax
    tree, so calls inside f-strings count too."""
    import ast

    found: dict[str, str | tuple[str, str]] = {}
    for path in sorted(_CODE.rglob("*.py")):  # the pages package too
        calls = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name in ("t", "plain"):
                calls.append((node.lineno, node.col_offset, node.args[0].value, node.args[0].value))
            elif name == "n" and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) \
                    and isinstance(node.args[1].value, str):
                calls.append((node.lineno, node.col_offset, node.args[0].value,
                              (node.args[0].value, node.args[1].value)))
        for _, _, key, message in sorted(calls):
            found.setdefault(key, message)
    return found
