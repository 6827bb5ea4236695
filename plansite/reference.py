"""The data reference: every plan-data file's fields, generated from the JSON Schemas.

The schemas are what `validate` checks against, so a reference made from them cannot say
something the validator does not do. `markdown()` turns them into the page committed as
DATA-REFERENCE.md; a test regenerates it and compares, so the page cannot drift either.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from .figures.read import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from .schemas import SCHEMA_DIR

#: The files, in the order a newcomer meets them: (heading, schema name, where the file lives).
FILES = (
    ("partnership.yaml", "partnership", "plan_data/partnership.yaml"),
    ("sources.yaml", "sources", "plan_data/sources.yaml"),
    ("measures/*.yaml", "measures", "plan_data/measures/*.yaml"),
    ("editions/*.yaml", "edition", "plan_data/editions/*.yaml"),
    ("glossary.yaml", "glossary", "plan_data/glossary.yaml"),
    ("languages.yaml", "languages", "plan_data/languages.yaml"),
)

#: The kinds of value defined once in common.schema.json, by their definition's name: what the
#: tables call each (singular, plural). Their rules are the definitions' own descriptions.
KINDS = {
    "text": ("Markdown text", "Markdown texts"),
    "id": ("id", "ids"),
    "source_ref": ("source id", "source ids"),
    "date": ("date", "dates"),
    "year": ("year", "years"),
}

#: The columns of a figures file. The names are read.py's, which the reader checks against; the
#: words are the only description of each column (the README points here). `qualifier` is read
#: as an optional column too (read.py names it on its own, as it is not written to every file).
QUALIFIER_COLUMN = "qualifier"
COLUMN_WORDS = {
    "measure": "A measure id from `plan_data/measures/`.",
    "period": (
        "`2016`, `2017/18` (April to March), `Q1 2018/19`, `Q1 (2018 data)` (a quarter as a report "
        "prints it, without saying whether it counts quarters from January or April: its dates "
        "cover both), `2018-07`, `Jul 2018`, `April 2017 to March 2018`, `2016-07-01 to "
        "2017-06-30`; or, when a report gives a period only relative to its own date, `latest 12 "
        "months`, `12 months before latest`, `latest 6 months`, `6 months before latest` or `as "
        "reported`. What Excel makes of a typed `Jul 2018` is read as July 2018: `Jul-18`, or a "
        "date on the first of the month (`01/07/2018`, read day first as in the UK, or a date "
        "cell in an `.xlsx` file); `01/04/2017 to 31/03/2018` is read too. A date on another day, "
        "a day with no year (`18-Jul`) or a date Excel shows as a number (`43282`) is refused: "
        "format the column as Text."),
    "value": "The number as printed: `1633`, `1,633`, `5.6`, `73%`; empty or `n/a` when there is none.",
    "source": "The id of the source document in `sources.yaml`.",
    "series": (
        "The partnership's own figure when left empty (the measure's `series`, or the `area` in "
        "`partnership.yaml`), a "
        "comparator such as `England` or `Most similar group average`, or a breakdown such as a ward."),
    "note": "The source's own words about the figure, shown under the table.",
    QUALIFIER_COLUMN: (
        "The source's own word before a figure that is not exact: `over` (\"over 9%\"), `at least` "
        "or `around`; empty when the source gives the figure exactly."),
}


@dataclass(frozen=True)
class Field:
    """One row of a table: a key, what its value is, and an example."""

    path: str  # the dotted path, as validate's "at:" line writes it: priorities[].lead.role
    name: str
    kind: str  # the type in plain words
    required: bool
    description: str
    example: str  # "" when neither the schema nor the shipped data gives one
    example_value: object = None  # the example as the schema holds it, for the YAML sample


@dataclass(frozen=True)
class Table:
    """The fields of one object, or a pointer to a table of the same fields."""

    path: str  # "" for the top of the file
    description: str
    fields: tuple[Field, ...]
    same_as: str = ""


def load_schemas(schema_dir: Path = SCHEMA_DIR) -> dict[str, dict]:
    """Every schema file, by its name (common, sources, ...)."""
    return {path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(schema_dir.glob("*.schema.json"))}


def _resolve(ref: str, schemas: dict[str, dict], here: str) -> tuple[dict, str]:
    """The schema a $ref points to, and the name of the schema file it is in."""
    file, _, pointer = ref.partition("#")
    name = file.removesuffix(".schema.json") if file else here
    node = schemas[name]
    for part in pointer.strip("/").split("/"):
        if part:
            node = node[part]
    return node, name


def _kind_name(ref: str, here: str) -> str:
    """The name of the kind a $ref names ('id', 'text'...), or '' for any other reference."""
    file, _, pointer = ref.partition("#")
    if (file or f"{here}.schema.json") == "common.schema.json" and pointer.startswith("/$defs/"):
        name = pointer.removeprefix("/$defs/")
        return name if name in KINDS else ""
    return ""


def _target(node: dict, schemas: dict[str, dict], here: str) -> tuple[dict, str]:
    """Follow $refs to the schema that says what the value is."""
    while "$ref" in node and not _kind_name(node["$ref"], here):
        node, here = _resolve(node["$ref"], schemas, here)
    return node, here


def _is_object(node: dict) -> bool:
    return node.get("type") == "object" or "properties" in node


def _limits(node: dict) -> str:
    words = []
    if "minItems" in node:
        words.append(f"at least {node['minItems']}")
    if "minimum" in node and "maximum" in node:
        words.append(f"{node['minimum']} to {node['maximum']}")
    elif "minimum" in node:
        words.append(f"{node['minimum']} or more")
    return f" ({', '.join(words)})" if words else ""


def kind_words(node: dict, schemas: dict[str, dict], here: str, *, plural: bool = False) -> str:
    """A value's type in plain words: text, number, list of source ids, one of: plan, report."""
    if "$ref" in node and _kind_name(node["$ref"], here):
        return KINDS[_kind_name(node["$ref"], here)][plural] + _limits(node)
    node, here = _target(node, schemas, here)
    if "$ref" in node:  # a kind, reached through another definition
        return kind_words(node, schemas, here, plural=plural)
    if "enum" in node:
        values = ", ".join(f"`{value}`" for value in node["enum"])
        return f"one of: {values}" if not plural else f"each one of: {values}"
    if "anyOf" in node:
        return " or ".join(kind_words(option, schemas, here) for option in node["anyOf"])
    if node.get("type") == "array":
        items = kind_words(node.get("items", {}), schemas, here, plural=True)
        return "list of " + items + _limits(node) + (" (see below)" if items == "entries" else "")
    if _is_object(node):
        return "entries" if plural else "group of fields (see below)"
    words = {"string": ("text", "texts"), "integer": ("whole number", "whole numbers"),
             "number": ("number", "numbers")}.get(node.get("type"), ("value", "values"))
    empty = " (may be empty)" if node.get("type") == "string" and not node.get("minLength") and "pattern" not in node else ""
    return words[plural] + _limits(node) + empty


def _description(node: dict, schemas: dict[str, dict], here: str) -> str:
    """The field's own description, else that of the definition it refers to (not a kind's:
    the kinds are explained once, at the top)."""
    while True:
        if node.get("description"):
            return node["description"]
        if "$ref" not in node or _kind_name(node["$ref"], here):
            return ""
        node, here = _resolve(node["$ref"], schemas, here)


def _example(node: dict, schemas: dict[str, dict], here: str) -> object:
    """The first of the schema's examples for the field, or None."""
    while True:
        if node.get("examples"):
            return node["examples"][0]
        if "$ref" not in node:
            return None
        node, here = _resolve(node["$ref"], schemas, here)


#: How YAML tells what an unquoted value is: a value it would not read as text needs quotes.
_RESOLVER = yaml.resolver.Resolver()
_TEXT_TAG = "tag:yaml.org,2002:str"


def _yaml(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _TEXT_TAG:
        return f'"{value}"'  # as it must be written: 2011 unquoted is a number to YAML
    return str(value)


def _object_of(node: dict, schemas: dict[str, dict], here: str) -> tuple[dict, str, str] | None:
    """The object schema a field holds (itself or as list items), the file it is in, and the
    path suffix ('' or '[]'); None for a field with a plain value."""
    node, here = _target(node, schemas, here)
    if _is_object(node):
        return node, here, ""
    if node.get("type") == "array":
        items, where = _target(node.get("items", {}), schemas, here)
        if _is_object(items):
            return items, where, "[]"
    return None


def tables(schema_name: str, schemas: dict[str, dict]) -> list[Table]:
    """The tables of one file kind: the top-level fields, then each nested group of fields with
    its dotted path. A group defined once and used twice (a priority and a theme) is listed once,
    and the second place points to the first."""
    result: list[Table] = []
    seen: dict[int, str] = {}

    def walk(node: dict, here: str, path: str, description: str) -> None:
        if id(node) in seen:
            result.append(Table(path, description, (), same_as=seen[id(node)]))
            return
        seen[id(node)] = path
        required = set(node.get("required", ()))
        fields, nested = [], []
        for name, field in node.get("properties", {}).items():
            field_path = f"{path}.{name}" if path else name
            example = _example(field, schemas, here)
            fields.append(Field(field_path, name, kind_words(field, schemas, here), name in required,
                                _description(field, schemas, here), "" if example is None else _yaml(example),
                                example))
            inner = _object_of(field, schemas, here)
            if inner:
                nested.append((inner[0], inner[1], field_path + inner[2], _description(field, schemas, here)))
        result.append(Table(path, description, tuple(fields)))
        for inner_node, inner_here, inner_path, inner_description in nested:
            walk(inner_node, inner_here, inner_path, inner_description or inner_node.get("description", ""))

    top = schemas[schema_name]
    walk(top, schema_name, "", top.get("description", ""))
    return result


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _code(text: str, limit: int = 80) -> str:
    if not text:
        return "—"
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    ticks = "``" if "`" in text else "`"
    space = " " if "`" in text else ""
    text = text.replace("|", "\\|")
    return f"{ticks}{space}{text}{space}{ticks}"


def _table_markdown(table: Table, level: str) -> list[str]:
    lines = []
    if table.path:
        lines += [f"{level} `{table.path}`", ""]
    if table.description:
        lines += [_cell(table.description), ""]
    if table.same_as:
        return lines + [f"The same fields as `{table.same_as}` above.", ""]
    sample = _sample(table)
    if sample:
        lines += ["For example, one entry:", "", "```yaml", sample.rstrip("\n"), "```", ""]
    lines += ["| field | type | required? | what it holds | example |", "| --- | --- | --- | --- | --- |"]
    for field in table.fields:
        lines.append(f"| `{field.name}` | {_cell(field.kind)} | {'**required**' if field.required else 'optional'} "
                     f"| {_cell(field.description) or '—'} | {_code(field.example)} |")
    return lines + [""]


def markdown(schemas: dict[str, dict] | None = None) -> str:
    """The whole data reference, as Markdown."""
    schemas = schemas if schemas is not None else load_schemas()
    common = schemas["common"]["$defs"]
    lines = [
        "# Plan data reference",
        "",
        "<!-- Generated from plansite/schemas/*.json, plansite/figures/read.py and plansite/reference.py by "
        "`build_plan.py reference`: edit those, not this file. -->",
        "",
        "Every file in `plan_data/`: each field, what kind of value it holds, whether it is required, "
        "what it means and an example taken from this repository's own plan data. It is made from "
        "the same JSON Schemas that `build_plan.py validate` checks against, so it says exactly what "
        "the validator accepts.",
        "",
        "A field inside another is written with dots: `contact.roles` is the `roles` key inside "
        "`contact`. `[]` means each item of a list: `priorities[].lead.role` is the `role` inside "
        "the `lead` of each priority. A required field must be given; an optional one may be left "
        "out. Text that is given may not be empty unless its type says \"may be empty\".",
        "",
        "Contents: " + ", ".join(f"[{heading}](#{_anchor(heading)})" for heading, _, _ in FILES)
        + ", [figure files](#figure-files-datacsv-dataxlsx).",
        "",
        "## Kinds of value",
        "",
        "| kind | what it is |",
        "| --- | --- |",
    ]
    for name, (word, _) in KINDS.items():
        lines.append(f"| {word} | {_cell(common[name]['description'])}{_kind_rule(name, common[name])} |")
    lines.append("")
    for heading, name, where in FILES:
        title = schemas[name].get("title", heading)
        lines += [f"## {heading}", "", f"`{where}`: {_cell(title.split(' (')[0])}.", ""]
        top, *rest = tables(name, schemas)
        lines += _table_markdown(top, "###")
        if name == "edition":
            lines += ["A refresh (`kind: refresh`) has the same fields as a plan: it names its plan in "
                      "`base` and lists what it changes under `changes` (see `changes.priorities` "
                      "below), instead of `priorities` and `themes`.", ""]
        for table in rest:
            lines += _table_markdown(table, "###")
    lines += [
        "## Figure files (`data/*.csv`, `data/*.xlsx`)",
        "",
        "Performance figures, one row per measure, period and series. Row 1 names the columns, in "
        "any order; the README's \"Performance figures\" says how to save them from Excel.",
        "",
        "| column | required? | what it holds |",
        "| --- | --- | --- |",
    ]
    for column in figure_columns():
        required = "**required**" if column in REQUIRED_COLUMNS else "optional"
        lines.append(f"| `{column}` | {required} | {_cell(COLUMN_WORDS[column])} |")
    return "\n".join(lines) + "\n"


def _sample(table: Table) -> str:
    """For a list directly at the top of a file (sources, terms, languages), one entry as YAML,
    made from the fields' examples; "" for any other table, or when a field has no example."""
    if not table.path.endswith("[]") or "." in table.path:
        return ""
    values = [field.example_value for field in table.fields]
    # Long or many-paragraph texts make a sample no one reads; the table shows their start.
    if any(value is None or (isinstance(value, str) and (len(value) > 200 or "\n" in value)) for value in values):
        return ""
    entry = {field.name: field.example_value for field in table.fields}
    return yaml.dump({table.path.removesuffix("[]"): [entry]}, Dumper=_IndentedDumper, sort_keys=False,
                     allow_unicode=True, width=88)


class _IndentedDumper(yaml.SafeDumper):
    """Indents a list under its key, as the plan-data files write it."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def figure_columns() -> tuple[str, ...]:
    """Every column the figures reader knows, required ones first."""
    return REQUIRED_COLUMNS + OPTIONAL_COLUMNS + (QUALIFIER_COLUMN,)


#: What a kind needs in YAML beyond its schema: without quotes, YAML reads 2011 as a number,
#: which the schema then refuses as "expected text".
YAML_NOTES = {"date": ' Put it in quotes, as `date: "2011"`: without them YAML reads a year as a number.'}


def _kind_rule(name: str, node: dict) -> str:
    if "minimum" in node and "maximum" in node:
        return f" From {node['minimum']} to {node['maximum']}."
    return YAML_NOTES.get(name, "")


def _anchor(heading: str) -> str:
    """The anchor GitHub and Python-Markdown's toc give a heading."""
    return "".join(c for c in heading.lower() if c.isalnum() or c in " -_").replace(" ", "-")
