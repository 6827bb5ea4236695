"""The accessibility tests' report feeds the statement and every edition's build key, so a test
run that finds the same as the last one must leave it as it was."""
import json

from browser import record
from plansite.render import edition_build_key
from plansite.validate import load_valid_plan


def test_same_results_leave_the_report_and_the_build_key_unchanged(project, tmp_path):
    report = tmp_path / "report.json"
    record("html", report, tool="Nu Html Checker", files=40, errors=0)
    first = report.read_bytes()
    entry = json.loads(first)["html"]
    assert {k: v for k, v in entry.items() if k not in ("date", "commit")} == {
        "tool": "Nu Html Checker", "files": 40, "errors": 0}
    # A later run with the same results (here on another day) keeps the report, byte for byte.
    entry["date"] = "2026-01-01"
    report.write_text(json.dumps({"html": entry}, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    kept = report.read_bytes()
    record("html", report, tool="Nu Html Checker", files=40, errors=0)
    assert report.read_bytes() == kept
    plan = load_valid_plan(project.root)
    key = edition_build_key(plan, "2020-2023", "templates", json.loads(kept))
    # Different results are news: the report changes, and so does the key.
    record("html", report, tool="Nu Html Checker", files=41, errors=0)
    changed = json.loads(report.read_text(encoding="utf-8"))
    assert changed["html"]["files"] == 41 and changed["html"]["date"] != "2026-01-01"
    assert edition_build_key(plan, "2020-2023", "templates", changed) != key


def test_sections_are_kept_side_by_side(tmp_path):
    report = tmp_path / "report.json"
    record("html", report, files=40, errors=0)
    record("keyboard", report, checks=9, failed=0)
    assert sorted(json.loads(report.read_text(encoding="utf-8"))) == ["html", "keyboard"]
    assert not list(tmp_path.glob("*.tmp"))
