"""The JSON Schemas for plan data. They are the single definition of valid data:
editors use them for completion, and the validate stage checks against them."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).parent
SCHEMA_NAMES = ("common", "sources", "measures", "partnership", "edition", "glossary", "languages")


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources = []
    for name in SCHEMA_NAMES:
        contents = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        resources.append((f"{name}.schema.json", Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def validator(name: str) -> Draft202012Validator:
    """A validator for one of the schemas, with references between them resolved."""
    registry = _registry()
    schema = registry.contents(f"{name}.schema.json")
    return Draft202012Validator(schema, registry=registry)


def definition(name: str) -> dict:
    """One of the shared definitions in common.schema.json ($defs), such as 'date'."""
    return _registry().contents("common.schema.json")["$defs"][name]
