"""The typed records of a resolved edition (plansite/editions.py): what a refresh's changes
become as attributes, and the dict they give back for data/plan.json and the catalogues."""
import dataclasses
import json

import pytest

from plansite.editions import ResolvedEdition, ResolvedItem
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
