from plansite.errors import format_path
from plansite.load import load_document, load_project


def test_positions_point_at_keys_and_values(project):
    loaded, errors = load_project(project.root)
    assert errors == []
    plan = next(d for d in loaded.editions if d.data["id"] == "2020-2023")
    assert plan.position(("priorities", 1, "title")) == (24, 12)
    assert plan.position(("priorities", 1, "title"), key=True) == (24, 5)
    # A path that does not exist falls back to its nearest ancestor.
    assert plan.position(("priorities", 1, "nothing-here")) == (23, 5)
    # A block mapping is located at its key, not at its first line.
    assert plan.position(("period",)) == (4, 1)


def test_dates_stay_text_as_written(project):
    project.replace("plan_data/editions/2020-2023.yaml", 'date: "2020"', "date: 2020-04-01")
    loaded, _ = load_project(project.root)
    plan = next(d for d in loaded.editions if d.data["id"] == "2020-2023")
    assert plan.data["published"]["date"] == "2020-04-01"


def test_byte_order_mark_is_accepted(project, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffname: x\n".encode("utf-8"))
    errors = []
    doc = load_document(path, "bom.yaml", errors)
    assert errors == [] and doc.data == {"name": "x"}


def test_format_path_reads_like_yaml():
    assert format_path(("changes", "priorities", "add", 0, "id")) == "changes.priorities.add[0].id"
    assert format_path(()) == ""
