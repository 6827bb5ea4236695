"""The typed records of a resolved edition (plansite/editions.py): what a refresh's changes
become as attributes, and the dict they give back for data/plan.json and the catalogues.
Also the measures catalogue's records (plansite/measures_catalogue.py), made at the model stage."""
import dataclasses
import json
from pathlib import Path

import pytest

from plansite.editions import ResolvedEdition, ResolvedItem
from plansite.load import load_project
from plansite.measures_catalogue import Measure, measures_as_dicts
from plansite.validate import load_valid_plan
from plansite.versions import _resolve_dict, resolve_edition

REFRESH = "2020-2023-refresh-2021"


@pytest.fixture
def plan(project):
    return load_valid_plan(project.root)


def test_a_refresh_names_what_it_added_updated_and_retired(plan):
    edition = resolve_edition(plan, REFRESH)
    assert isinstance(edition, ResolvedEdition)
    assert (edition.base_title, edition.sources, edition.all_sources) == (
        "Example Plan 2020 to 2023", ("report-b",), ("plan-a", "report-b"))
    assert [(i.id, i.change, i.updated_fields) for i in edition.priorities] == [
        ("reducing-crime", "updated", ("lead",)), ("vulnerable-people", "added", ())]
    assert [(i.id, i.change, i.reason) for i in edition.retired_priorities] == [
        ("asb", "retired", "Now part of everyday work.")]
    assert edition.priorities[0].lead == {"role": "Chief Inspector", "source": "report-b"}
    assert (edition.retired_themes, edition.own_fields) == ((), ())


def test_a_plan_has_no_base_and_its_items_no_changes(plan):
    edition = resolve_edition(plan, "2020-2023")
    assert (edition.kind, edition.base, edition.base_title, edition.all_sources) == ("plan", None, None, ("plan-a",))
    assert {i.change for i in edition.priorities + edition.themes} == {None}
    assert edition.kind_items("themes") == edition.themes
    with pytest.raises(KeyError):
        edition.kind_items("title")


@pytest.mark.parametrize("edition_id", ["2020-2023", REFRESH])
def test_as_dict_gives_back_the_resolved_dict_key_order_included(plan, edition_id):
    # data/plan.json is json.dumps of this dict, so its bytes depend on the order too.
    expected = _resolve_dict(plan, edition_id)
    got = resolve_edition(plan, edition_id).as_dict()
    assert json.dumps(got) == json.dumps(expected)
    assert "sources_all" in got and "all_sources" not in got


def test_records_are_frozen_and_refuse_fields_the_schema_does_not_declare(plan):
    edition = resolve_edition(plan, REFRESH)
    with pytest.raises(dataclasses.FrozenInstanceError):
        edition.title = "Another"
    with pytest.raises(KeyError, match="ResolvedItem has no field 'colour'"):
        ResolvedItem.from_dict({"id": "x", "title": "X", "colour": "red"})


# --- Measures ----------------------------------------------------------------------------

SHIPPED = Path(__file__).parent.parent


def test_every_shipped_measure_gives_back_its_yaml_dict_key_order_included():
    # data/plan.json, the build key and the PO message ids are made from these dicts.
    plan = load_valid_plan(SHIPPED)
    project, _ = load_project(SHIPPED)
    written = {m["id"]: m for doc in project.measures for m in doc.data["measures"]}
    assert list(plan.measures) == list(written) and len(written) > 10
    for ident, measure in plan.measures.items():
        assert isinstance(measure, Measure)
        assert json.dumps(measure.as_dict()) == json.dumps(written[ident]), ident
    assert json.dumps(measures_as_dicts(plan.measures)) == json.dumps(written)


def test_a_measure_is_frozen_with_an_attribute_per_field_and_refuses_others():
    written = {"id": "fires", "title": "Deliberate fires", "plain_title": "Fires started on purpose",
               "unit": "count", "better": "down", "data": ["a.csv", "b-*.csv"], "comparators": ["England"],
               "sources": ["plan-a"], "target": {"text": "Fewer.", "source": "plan-a"}}
    measure = Measure.from_dict(written, area="Exampleton")
    assert (measure.data, measure.comparators, measure.sources, measure.series, measure.description) == (
        ("a.csv", "b-*.csv"), ("England",), ("plan-a",), None, None)
    assert measure.target == {"text": "Fewer.", "source": "plan-a"}
    assert list(measure.as_dict()) == list(written) and measure.as_dict() == written
    assert Measure.from_dict({**written, "data": "a.csv"}, area="Exampleton").data == "a.csv"
    with pytest.raises(dataclasses.FrozenInstanceError):
        measure.unit = "percentage"
    with pytest.raises(KeyError, match="Measure has no field 'colour'"):
        Measure.from_dict({**written, "colour": "red"}, area="Exampleton")


def test_the_model_hands_on_measures_not_dicts(plan):
    assert plan.measures and all(isinstance(m, Measure) for m in plan.measures.values())
