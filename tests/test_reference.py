"""The data reference (DATA-REFERENCE.md) is made from the schemas and kept in step with them."""
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

import yaml

from plansite import cli, reference
from plansite.schemas import validator
from plansite.figures.read import OPTIONAL_COLUMNS, REQUIRED_COLUMNS

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def text():
    return reference.markdown()


def test_committed_reference_is_the_generated_one(text):
    committed = (ROOT / "DATA-REFERENCE.md").read_text(encoding="utf-8")
    assert committed == text, "DATA-REFERENCE.md is out of date: run `python build_plan.py reference`"


def _rows(text):
    """{(table path, field): row cells} for every field row of every table."""
    rows, table = {}, ""
    for line in text.splitlines():
        if line.startswith("### `") or line.startswith("## "):
            table = line.split("`")[1] if line.startswith("### `") else ""
            section = line if line.startswith("## ") else section
        elif line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            rows[(section, table, cells[0].strip("`"))] = cells
    return rows


def _schema_fields(node, schemas, here, path, seen):
    """Every (path, name, required) in a schema, walked independently of reference.tables."""
    node, here = reference._target(node, schemas, here)
    if id(node) in seen:
        return
    seen.add(id(node))
    for name, field in node.get("properties", {}).items():
        yield path, name, name in node.get("required", ())
        inner = reference._object_of(field, schemas, here)
        if inner:
            yield from _schema_fields(inner[0], schemas, inner[1], (f"{path}.{name}" if path else name) + inner[2], seen)


@pytest.mark.parametrize("heading,schema,where", reference.FILES)
def test_every_property_appears_with_required_marked(text, heading, schema, where):
    schemas = reference.load_schemas()
    rows = _rows(text)
    fields = list(_schema_fields(schemas[schema], schemas, schema, "", set()))
    assert fields
    for path, name, required in fields:
        cells = rows[(f"## {heading}", path, name)]
        assert cells[2] == ("**required**" if required else "optional"), (path, name)


def test_sources_yaml_is_explained(text):
    rows = _rows(text)
    assert rows[("## sources.yaml", "sources[]", "kind")][1:3] == ["one of: `plan`, `report`", "**required**"]
    assert rows[("## sources.yaml", "sources[]", "file")][2] == "optional"
    assert rows[("## sources.yaml", "sources[]", "date")][4] == "`\"2011\"`"  # quoted, as YAML needs it


def test_the_sample_entry_is_valid_yaml_for_its_file(text):
    sample = text.split("## sources.yaml", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    data = yaml.safe_load(sample)
    assert data["sources"][0]["date"] == "2011"  # quoted, as a date must be
    assert list(validator("sources").iter_errors(data)) == []


def test_nested_groups_get_dotted_paths_and_a_shared_group_is_listed_once(text):
    assert "### `priorities[].lead`" in text
    assert "### `themes[]`\n\nCross-cutting themes.\n\nThe same fields as `priorities[]` above." in text


def test_kinds_are_described_once_from_the_common_schema(text):
    assert "| id | A stable identifier: lower-case letters, digits and single hyphens" in text
    assert "| year | A year, for example 2017. From 1990 to 2100. |" in text
    assert 'Put it in quotes, as `date: "2011"`' in text


def test_every_figure_column_is_listed(text):
    assert set(reference.COLUMN_WORDS) == set(reference.figure_columns())
    assert set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS) < set(reference.figure_columns())
    rows = _rows(text)
    for column in reference.figure_columns():
        cells = rows[("## Figure files (`data/*.csv`, `data/*.xlsx`)", "", column)]
        assert cells[1] == ("**required**" if column in REQUIRED_COLUMNS else "optional")


def _examples(node, path=""):
    if isinstance(node, dict):
        if "examples" in node:
            yield path, node
        for key, value in node.items():
            yield from _examples(value, f"{path}/{key}")


def test_every_schema_example_is_valid_where_it_stands():
    schemas = reference.load_schemas()
    registry = Registry().with_resources(
        (f"{name}.schema.json", Resource.from_contents(contents)) for name, contents in schemas.items())
    count = 0
    for name, contents in schemas.items():
        for path, node in _examples(contents):
            check = Draft202012Validator({"$ref": f"{name}.schema.json#{path}"}, registry=registry)
            for example in node["examples"]:
                assert not list(check.iter_errors(example)), (name, path, example)
                count += 1
    assert count > 50


def test_command_writes_the_file_or_prints_it(tmp_path, capsys, text):
    assert cli.main(["--project", str(tmp_path), "reference"]) == 0
    assert (tmp_path / "DATA-REFERENCE.md").read_text(encoding="utf-8") == text
    assert capsys.readouterr().out == "Wrote DATA-REFERENCE.md: every plan-data file's fields, from the schemas.\n"
    assert cli.main(["--project", str(tmp_path / "missing"), "reference", "--stdout"]) == 0
    assert capsys.readouterr().out == text


def test_command_says_when_it_cannot_write(tmp_path, capsys):
    assert cli.main(["--project", str(tmp_path / "missing"), "reference"]) == 1
    assert capsys.readouterr().err == (
        f"Could not write {tmp_path / 'missing' / 'DATA-REFERENCE.md'}: No such file or directory.\n")
