"""What the MkDocs hook receives: an EditionRequest, never PLAN_EDITION or PLAN_LANGUAGE."""
from __future__ import annotations

from plansite.prepare import EditionRequest


def test_a_build_mike_starts_builds_the_version_mike_names():
    assert EditionRequest.from_mike({"MIKE_DOCS_VERSION": "2017-2020"}) == EditionRequest("2017-2020")


def test_a_build_mkdocs_starts_by_itself_ignores_the_old_variables():
    # The current edition in the source language, whatever the environment says.
    assert EditionRequest.from_mike({"PLAN_EDITION": "2011-2014", "PLAN_LANGUAGE": "pl"}) == EditionRequest()
    assert EditionRequest.from_mike({"MIKE_DOCS_VERSION": ""}) == EditionRequest()
