"""The error catalogue: every code defined once, with its wording, and listed in the README."""
import re
import string
from pathlib import Path

import pytest

from plansite.errors import ERROR_TYPES, ERRORS, DataError, ErrorType, did_you_mean

ROOT = Path(__file__).parent.parent


def test_every_code_has_a_title_a_message_and_a_fix():
    for code, kind in ERRORS.items():
        assert kind.code == code and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code)
        assert kind.title and kind.title == ERROR_TYPES[code]
        for case in ("", *kind.cases):
            message, fix = kind.wording(case)
            assert message.strip() and fix.strip(), (code, case)
            for template in (message, fix):
                list(string.Formatter().parse(template))  # raises on a stray { or }


def test_an_unknown_code_or_case_raises_at_once():
    with pytest.raises(KeyError):
        DataError.of("no-such-code", file="x.yaml")
    with pytest.raises(KeyError):
        DataError.of("unknown-measure", file="x.yaml", case="no-such-case", id="'a'", suggestion="")


def test_a_value_missing_or_left_over_raises():
    with pytest.raises(TypeError, match="needs the value 'suggestion'"):
        DataError.of("unknown-measure", file="x.yaml", id="'a'")
    with pytest.raises(TypeError, match=r"does not use \['spare'\]"):
        DataError.of("unknown-measure", file="x.yaml", id="'a'", suggestion="", spare=1)


def test_the_values_fill_the_templates():
    error = DataError.of("unknown-measure", file="plan_data/data/f.csv", line=3, path="row 3, column A (measure)",
                         id="'fire'", suggestion=did_you_mean("fire", {"fires", "asb"}))
    assert error == DataError(
        code="unknown-measure", file="plan_data/data/f.csv", line=3, column=None, path="row 3, column A (measure)",
        message="'fire' is not a measure in plan_data/measures/.",
        fix="Did you mean 'fires'? Use the id of a measure in plan_data/measures/, or declare it there first.")


def _codes_used() -> set[str]:
    """The codes the package's call sites name: every way it makes an error (DataError.of, a
    Document's error, a refused YAML node, Unreadable, a data file's row error, a warning) or a phrase."""
    used = set()
    for source in (ROOT / "plansite").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\b(?:of|error|refuse|Unreadable|_warning_of|part)\(\s*["']([a-z0-9-]+)["']""", text))
    return used


def test_every_code_a_call_site_uses_is_in_the_catalogue():
    used = _codes_used()
    assert len(used) > 40, "the pattern above no longer matches how errors are made"
    assert sorted(used - set(ERRORS)) == []


def test_every_code_in_the_catalogue_is_used():
    assert sorted(set(ERRORS) - _codes_used()) == []


def _readme_codes() -> list[str]:
    """The codes in README.md's tables whose first column is the code."""
    codes, in_table = [], False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if not cells:
            in_table = False
        elif cells[0].lower() == "code":
            in_table = True
        elif in_table and (match := re.fullmatch(r"`([a-z0-9-]+)`", cells[0])):
            codes.append(match[1])
    return codes


def test_the_readme_lists_exactly_the_catalogue():
    listed = _readme_codes()
    assert len(listed) == len(set(listed)), "a code is listed twice"
    assert sorted(listed) == sorted(ERRORS)


def test_error_type_records_are_frozen():
    kind = ERRORS["unknown-source"]
    assert isinstance(kind, ErrorType)
    with pytest.raises(AttributeError):
        kind.title = "changed"  # type: ignore[misc]
